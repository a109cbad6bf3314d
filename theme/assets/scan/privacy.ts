// The scan's privacy rule, written once.
//
// A team's answers stay in the memory of the page or of the command line. What leaves it (the
// browser's storage, a saved file, a share link, an export, `kennisbank scan --format json`) is
// a Summary: per determinant the number of unfavourable, neutral and favourable answers, for the
// team and for every group that splitGroups (groups.ts) shows. Never a row per respondent, never
// free text (a group column has few, repeated values: team.ts), never the name of a group under
// MIN_GROUP. Raw answers leave only through answersCSV (export.ts), which the page offers as an
// option of its own that says what the file holds and who could be recognised in it.
//
// A Summary read from outside (a kept file, a share link) is held to the same rule by readSummary;
// the page's explanation (content/paginas/scan-uitleg.md, "Privacy") says it in Dutch.

import { GroupCounts, GroupSplit, MIN_GROUP, splitGroups } from "./groups";
import { fields, isFields, strings, text } from "./json";
import { KnowledgeBase, table } from "./kb";
import { Answers, answersOf, Count, Counts, countAnswers, Respondent } from "./tally";

export interface Summary {
  respondents: number;
  counts: Counts;
  groups?: GroupSplit; // the team split by the column the reader chose
}

// The most a kept value may be: a group's name is a short value of a column, never a text.
const MAX_NAME = 80;

// summarise keeps what may leave the memory: the counts, and the groups by the chosen column.
export function summarise(kb: KnowledgeBase, all: Answers, group?: { heading: string; values: string[] }): Summary {
  const s: Summary = { respondents: all.rows.length, counts: countAnswers(kb, all) };
  if (group) s.groups = splitGroups(kb, all, group.values, group.heading);
  return s;
}

// summaryOf summarises respondents given one by one (one person's own answers, an old file).
export function summaryOf(kb: KnowledgeBase, respondents: Respondent[]): Summary {
  return summarise(kb, answersOf(kb, respondents));
}

// countsOf reads counts, or says what is wrong with them: every key a determinant, every count
// three whole numbers that add up to at most the respondents.
function countsOf(kb: KnowledgeBase, x: unknown, respondents: number): Counts | string {
  const known = table<boolean>({});
  for (const d of kb.determinants) known[d.id] = true;
  const out: Counts = table({});
  const src = fields(x);
  for (const id of Object.keys(src)) {
    const c = src[id];
    if (!known[id]) return `"${id}" is geen determinant`;
    if (!Array.isArray(c) || c.length !== 3 || !c.every((n) => typeof n === "number" && n >= 0 && Math.floor(n) === n)) return `de aantallen bij ${id} kloppen niet`;
    if (c[0] + c[1] + c[2] > respondents) return `bij ${id} staan meer antwoorden dan er mensen zijn`;
    if (c[0] + c[1] + c[2] > 0) out[id] = [c[0], c[1], c[2]] as Count;
  }
  return out;
}

// splitOf reads the groups, or says what is wrong with them; a group under MIN_GROUP is refused.
function splitOf(kb: KnowledgeBase, x: unknown): GroupSplit | string {
  const g = fields(x);
  if (typeof g.column !== "string" || !Array.isArray(g.shown)) return "de groepen kloppen niet";
  const shown: GroupCounts[] = [];
  for (const item of g.shown) {
    const f = fields(item);
    const n = f.respondents;
    if (typeof f.name !== "string" || f.name.length > MAX_NAME || typeof n !== "number" || Math.floor(n) !== n) return "de groepen kloppen niet";
    if (n < MIN_GROUP) return `de groep "${f.name}" is kleiner dan ${MIN_GROUP} mensen`;
    const counts = countsOf(kb, f.counts, n);
    if (typeof counts === "string") return counts;
    shown.push({ name: f.name, respondents: n, counts });
  }
  const small = typeof g.small === "number" && g.small >= 0 ? Math.floor(g.small) : 0;
  return { column: text(g.column).slice(0, MAX_NAME), shown, small, alsoHidden: strings(g.also_hidden).filter((n) => n.length <= MAX_NAME) };
}

// summaryJSON is the summary as a file keeps it.
export function summaryJSON(s: Summary): Record<string, unknown> {
  const out: Record<string, unknown> = { respondents: s.respondents, counts: s.counts };
  if (s.groups) out.groups = { column: s.groups.column, shown: s.groups.shown, small: s.groups.small, also_hidden: s.groups.alsoHidden };
  return out;
}

// readSummary reads a summary as summaryJSON wrote it, or says (in Dutch) what is wrong.
export function readSummary(kb: KnowledgeBase, x: unknown): Summary | string {
  if (!isFields(x)) return "er staan geen uitkomsten in";
  const n = x.respondents;
  if (typeof n !== "number" || n < 1 || Math.floor(n) !== n) return "het aantal mensen klopt niet";
  const counts = countsOf(kb, x.counts, n);
  if (typeof counts === "string") return counts;
  const s: Summary = { respondents: n, counts };
  if (x.groups !== undefined) {
    const g = splitOf(kb, x.groups);
    if (typeof g === "string") return g;
    s.groups = g;
  }
  return s;
}
