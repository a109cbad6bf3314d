// Groups: the team split by a column such as role, team or location, so that the outcome can be
// compared side by side, without anyone becoming identifiable. A group of fewer than MIN_GROUP
// respondents is not shown on its own; it still counts in the total. When the hidden groups
// together are fewer than MIN_GROUP people, the smallest shown group is hidden as well, or their
// answers could be worked out as the total minus the shown groups. The same rule holds per
// determinant: a group shows a determinant only with at least MIN_GROUP answers to it.

import { KnowledgeBase } from "./kb";
import { Answers, tallyAnswers, Tally, Thresholds } from "./tally";

export const MIN_GROUP = 5;

export interface GroupResult {
  name: string; // the value in the column; "" for respondents who left it empty
  respondents: number;
  tallies: Tally[]; // every determinant, by number
  hidden: string[]; // determinant ids shown as "too few answers"
  barriers: Tally[]; // among the determinants shown
  facilitators: Tally[];
}

export interface Groups {
  column: string;
  shown: GroupResult[]; // most respondents first
  small: number; // groups hidden for having fewer than MIN_GROUP respondents
  alsoHidden: string[]; // groups hidden so that the small ones cannot be worked out
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

// groupsOf splits the answers by values (one per respondent) and scores every group.
export function groupsOf(kb: KnowledgeBase, all: Answers, values: string[], column: string, t: Thresholds): Groups {
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
  const results = shown.map((p) => {
    const sub: Answers = { columns: all.columns, rows: p.rows.map((i) => all.rows[i]) };
    const tallies = tallyAnswers(kb, sub, t);
    return { name: p.name, respondents: p.rows.length, tallies, hidden: [] as string[], barriers: [] as Tally[], facilitators: [] as Tally[] };
  });
  hideSmallCounts(tallyAnswers(kb, all, t), results);
  for (const g of results) {
    const shownHere = g.tallies.filter((x) => g.hidden.indexOf(x.id) < 0);
    g.barriers = shownHere.filter((x) => x.barrier);
    g.facilitators = shownHere.filter((x) => x.facilitator);
  }
  return { column, shown: results, small, alsoHidden };
}

// hideSmallCounts hides, per determinant, the groups with fewer than MIN_GROUP answers to it,
// and then, while the answers not shown are fewer than MIN_GROUP, the shown group with the
// fewest answers.
function hideSmallCounts(total: Tally[], groups: GroupResult[]): void {
  total.forEach((t, k) => {
    let open = groups.filter((g) => g.tallies[k].answers >= MIN_GROUP);
    for (const g of groups) if (open.indexOf(g) < 0) g.hidden.push(t.id);
    let rest = t.answers - open.reduce((n, g) => n + g.tallies[k].answers, 0);
    while (rest > 0 && rest < MIN_GROUP && open.length > 0) {
      let fewest = open[0];
      for (const g of open) if (g.tallies[k].answers < fewest.tallies[k].answers) fewest = g;
      open = open.filter((g) => g !== fewest);
      fewest.hidden.push(t.id);
      rest += fewest.tallies[k].answers;
    }
  });
}
