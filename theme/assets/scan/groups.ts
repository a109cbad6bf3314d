// Groups: the team split by a column such as role, team or location, so that the outcome can be
// compared side by side, without anyone becoming identifiable. A group of fewer than MIN_GROUP
// respondents is not shown on its own; it still counts in the total. When the hidden groups
// together are fewer than MIN_GROUP people, the smallest shown group is hidden as well, or their
// answers could be worked out as the total minus the shown groups. The same rule holds per
// determinant: a group shows a determinant only with at least MIN_GROUP answers to it.
//
// splitGroups applies these rules once, to counts (see privacy.ts): what it leaves out is never
// kept, saved or shared. groupsOf scores what is left for the page and the report.

import { KnowledgeBase, ordered } from "./kb";
import { Answers, Count, Counts, countAnswers, Tally, tallyCounts, Thresholds } from "./tally";

export const MIN_GROUP = 5;

// GroupCounts is one group that may be shown: its counts hold only the determinants it shows.
export interface GroupCounts {
  name: string; // the value in the column; "" for respondents who left it empty
  respondents: number;
  counts: Counts;
}

export interface GroupSplit {
  column: string;
  shown: GroupCounts[]; // most respondents first
  small: number; // groups hidden for having fewer than MIN_GROUP respondents
  alsoHidden: string[]; // groups hidden so that the small ones cannot be worked out
}

export interface GroupResult {
  name: string;
  respondents: number;
  tallies: Tally[]; // every determinant, by number
  hidden: string[]; // determinant ids shown as "too few answers"
  barriers: Tally[]; // among the determinants shown
  facilitators: Tally[];
}

export interface Groups {
  column: string;
  shown: GroupResult[];
  small: number;
  alsoHidden: string[];
}

function partition(values: string[]): { name: string; rows: number[] }[] {
  const at: Record<string, number> = Object.create(null);
  const out: { name: string; rows: number[] }[] = [];
  values.forEach((v, i) => {
    const name = v.trim();
    if (at[name] === undefined) {
      at[name] = out.length;
      out.push({ name, rows: [] });
    }
    out[at[name]].rows.push(i);
  });
  // Most respondents first, then by name: a plain comparison, the same in every engine.
  return out.sort((a, b) => b.rows.length - a.rows.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const answered = (c: Count | undefined): number => (c ? c[0] + c[1] + c[2] : 0);

// splitGroups splits the answers by values (one per respondent) and counts every group that may
// be shown, leaving out what would make anyone identifiable.
export function splitGroups(kb: KnowledgeBase, all: Answers, values: string[], column: string): GroupSplit {
  const parts = partition(values);
  let shown = parts.filter((p) => p.rows.length >= MIN_GROUP);
  const small = parts.length - shown.length;
  let hiddenPeople = all.rows.length - shown.reduce((n, p) => n + p.rows.length, 0);
  const alsoHidden: string[] = [];
  while (hiddenPeople > 0 && hiddenPeople < MIN_GROUP && shown.length > 0) {
    const smallest = shown[shown.length - 1];
    shown = shown.slice(0, -1);
    alsoHidden.push(smallest.name);
    hiddenPeople += smallest.rows.length;
  }
  const groups = shown.map((p) => ({ name: p.name, respondents: p.rows.length, counts: countAnswers(kb, all, p.rows) }));
  hideSmallCounts(kb, countAnswers(kb, all), groups);
  return { column, shown: groups, small, alsoHidden };
}

// hideSmallCounts leaves out, per determinant, the groups with fewer than MIN_GROUP answers to
// it, and then, while the answers not shown are fewer than MIN_GROUP, the shown group with the
// fewest answers.
function hideSmallCounts(kb: KnowledgeBase, total: Counts, groups: GroupCounts[]): void {
  for (const d of ordered(kb)) {
    let open = groups.filter((g) => answered(g.counts[d.id]) >= MIN_GROUP);
    let rest = answered(total[d.id]) - open.reduce((n, g) => n + answered(g.counts[d.id]), 0);
    while (rest > 0 && rest < MIN_GROUP && open.length > 0) {
      let fewest = open[0];
      for (const g of open) if (answered(g.counts[d.id]) < answered(fewest.counts[d.id])) fewest = g;
      open = open.filter((g) => g !== fewest);
      rest += answered(fewest.counts[d.id]);
    }
    for (const g of groups) if (open.indexOf(g) < 0) delete g.counts[d.id];
  }
}

// groupsOf scores the groups a split shows.
export function groupsOf(kb: KnowledgeBase, split: GroupSplit, t: Thresholds): Groups {
  const shown = split.shown.map((g) => {
    const tallies = tallyCounts(kb, g.counts, t);
    const hidden = tallies.filter((x) => !g.counts[x.id]).map((x) => x.id);
    const visible = tallies.filter((x) => g.counts[x.id]);
    return { name: g.name, respondents: g.respondents, tallies, hidden, barriers: visible.filter((x) => x.barrier), facilitators: visible.filter((x) => x.facilitator) };
  });
  return { column: split.column, shown, small: split.small, alsoHidden: split.alsoHidden.slice() };
}
