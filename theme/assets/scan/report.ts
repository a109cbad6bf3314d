// The outcome as data: the analysis the page shows, and the report `kennisbank scan` prints (and
// the page's saved JSON carries). report() is the command line's way in: file bytes to report.

import { Comparison, compare, readEarlier } from "./compare";
import { Groups, groupsOf } from "./groups";
import { fold, KnowledgeBase, round } from "./kb";
import { emptyMapping, parseMapping } from "./mapping";
import { columnLetter, fail, fileProblem, Result } from "./problem";
import { rank, Recommendation } from "./rank";
import { readFile, readText } from "./sheet";
import { Answers, answersOf, DEFAULTS, Respondent, Tally, tallyAnswers, Thresholds } from "./tally";
import { readTeam, Team, unknownProblem } from "./team";

export interface Analysis {
  respondents: number;
  thresholds: Thresholds;
  tallies: Tally[];
  barriers: Tally[];
  facilitators: Tally[];
  strategies: Recommendation[];
}

// analyse scores the determinants and ranks the strategies in one go.
export function analyse(kb: KnowledgeBase, respondents: Respondent[], t: Thresholds = DEFAULTS): Analysis {
  return analyseAnswers(kb, answersOf(kb, respondents), t);
}

// analyseAnswers is analyse on a grid.
export function analyseAnswers(kb: KnowledgeBase, all: Answers, t: Thresholds = DEFAULTS): Analysis {
  const tallies = tallyAnswers(kb, all, t);
  return {
    respondents: all.rows.length,
    thresholds: { barrier: t.barrier, facilitator: t.facilitator },
    tallies,
    barriers: tallies.filter((x) => x.barrier),
    facilitators: tallies.filter((x) => x.facilitator),
    strategies: rank(kb, tallies),
  };
}

// Figure is one determinant's outcome in a report. Negative and positive are fractions 0..1 of
// the answers given, rounded to 4 decimals.
export interface Figure {
  id: string;
  number: number;
  title: string;
  answers: number;
  negative: number;
  positive: number;
}

export interface GroupReport {
  name: string;
  respondents: number;
  barriers: Figure[];
  facilitators: Figure[];
  too_few_answers: string[]; // determinants not shown for this group: fewer than 5 answers
}

// Report is the summary the command line prints as JSON and the JSON export carries; scores are
// rounded to 3 decimals.
export interface Report {
  respondents: number;
  threshold: number;
  facilitator_threshold: number;
  barriers: Figure[];
  facilitators: Figure[];
  determinants: Figure[];
  strategies: { id: string; title: string; score: number; barriers: string[] }[];
  ignored_columns: string[];
  notices: string[];
  group_column?: string;
  groups?: GroupReport[];
  hidden_groups?: number;
  comparison?: ComparisonReport;
}

export interface ComparisonReport {
  earlier: { file: string; date: string; respondents: number };
  determinants: { id: string; number: number; title: string; negative_before: number | null; negative_now: number | null; barrier_before: boolean; barrier_now: boolean }[];
  solved: string[]; // barriers then, not now
  new: string[]; // barriers now, not then
  remaining: string[];
}

export function comparisonReport(c: Comparison): ComparisonReport {
  const r4 = (x: number | null) => (x === null ? null : round(x, 4));
  return {
    earlier: { file: c.earlier.label, date: c.earlier.date, respondents: c.earlier.respondents },
    determinants: c.rows.map((r) => ({ id: r.id, number: r.number, title: r.title, negative_before: r4(r.before), negative_now: r4(r.now), barrier_before: r.barrierBefore, barrier_now: r.barrierNow })),
    solved: c.solved.slice(),
    new: c.added.slice(),
    remaining: c.remaining.slice(),
  };
}

function figure(t: Tally): Figure {
  return { id: t.id, number: t.number, title: t.title, answers: t.answers, negative: round(t.negative, 4), positive: round(t.positive, 4) };
}

export function toReport(a: Analysis, ignored: string[]): Report {
  return {
    respondents: a.respondents,
    threshold: a.thresholds.barrier,
    facilitator_threshold: a.thresholds.facilitator,
    barriers: a.barriers.map(figure),
    facilitators: a.facilitators.map(figure),
    determinants: a.tallies.map(figure),
    strategies: a.strategies.map((s) => ({ id: s.id, title: s.title, score: round(s.score, 3), barriers: s.barriers.slice() })),
    ignored_columns: ignored.slice(),
    notices: [],
  };
}

export function groupsReport(g: Groups): GroupReport[] {
  return g.shown.map((x) => ({ name: x.name, respondents: x.respondents, barriers: x.barriers.map(figure), facilitators: x.facilitators.map(figure), too_few_answers: x.hidden.slice() }));
}

export interface ReportOptions {
  threshold?: number;
  facilitator?: number;
  mapping?: string; // a mapping file's text
  group?: string; // a column's heading or letter
  compare?: string; // an earlier result's JSON text
  compareName?: string;
}

// report reads a team's file (bytes, or text as pasted) and returns the report, or every problem
// that keeps it from being read. The command line calls this.
export function report(kb: KnowledgeBase, input: Uint8Array | string, o: ReportOptions = {}): Result<Report> {
  const t: Thresholds = { barrier: o.threshold === undefined ? DEFAULTS.barrier : o.threshold, facilitator: o.facilitator === undefined ? DEFAULTS.facilitator : o.facilitator };
  let mapping = emptyMapping();
  if (o.mapping !== undefined) {
    const m = parseMapping(kb, o.mapping);
    if (!m.ok) return fail(fileProblem(m.message, m.message_en));
    mapping = m.value;
  }
  const sheet = typeof input === "string" ? readText(input) : readFile(input);
  if (!sheet.ok) return sheet;
  const read = readTeam(kb, sheet.value, mapping);
  if (!read.ok) return read;
  const team = read.value;
  if (!team.ready) return fail(...team.problems.concat(team.unknownAnswers.map((u) => unknownProblem(kb, u))));
  const a = analyseAnswers(kb, team.answers, t);
  const rep = toReport(a, team.ignored);
  rep.notices = team.notices.map((n) => n.message_en);
  if (o.group !== undefined) {
    const g = groupColumn(team, o.group);
    if (!g.ok) return g;
    const groups = groupsOf(kb, team.answers, g.value.values, g.value.heading, t);
    rep.group_column = g.value.heading;
    rep.groups = groupsReport(groups);
    rep.hidden_groups = groups.small + groups.alsoHidden.length;
  }
  if (o.compare !== undefined) {
    const e = readEarlier(kb, o.compare, o.compareName || "", t);
    if (!e.ok) return fail(fileProblem(e.message, `${o.compareName ? o.compareName + ": " : ""}${e.message_en}`));
    rep.comparison = comparisonReport(compare(kb, a.tallies, e.value, t));
  }
  return { ok: true, value: rep };
}

// groupColumn finds the column to compare groups by, by its heading (case and punctuation do not
// count) or its letter.
function groupColumn(team: Team, name: string): Result<{ heading: string; values: string[] }> {
  for (const g of team.groupColumns) if (fold(g.heading) === fold(name) && fold(name) !== "") return { ok: true, value: g };
  for (const c of team.columns) {
    if (c.letter !== name.trim().toUpperCase()) continue;
    for (const g of team.groupColumns) if (g.heading === c.heading) return { ok: true, value: g };
  }
  const list = team.groupColumns.map((g) => `"${g.heading}"`).join(", ");
  const known = team.columns.some((c) => fold(c.heading) === fold(name) || c.letter === name.trim().toUpperCase());
  const why = known ? "it has a value for nearly every respondent, or only one value, or it is a survey tool's own column (e-mail, name, time)" : "there is no such column";
  return fail(fileProblem(`Met de kolom "${name}" kun je geen groepen vergelijken.`, `--group ${name}: ${why}; columns to compare groups by: ${list || "none"} (columns A–${columnLetter(team.columns.length)})`));
}
