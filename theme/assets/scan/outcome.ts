// The outcome as data, the shapes everything else passes on: the analysis the page shows, and the
// report `kennisbank scan` prints and the page's saved JSON carries. Nothing here reads a file or
// knows a page: the comparison (compare.ts), the saved state (state.ts) and the command line's
// report (report.ts) build on it, and it imports none of them.

import { Groups } from "./groups";
import { KnowledgeBase, round } from "./kb";
import { summarise, summaryOf, Summary } from "./privacy";
import { rank, Recommendation } from "./rank";
import { Answers, DEFAULTS, Respondent, Tally, tallyCounts, Thresholds } from "./tally";

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
  return analyseSummary(kb, summaryOf(kb, respondents), t);
}

// analyseAnswers is analyse on a grid.
export function analyseAnswers(kb: KnowledgeBase, all: Answers, t: Thresholds = DEFAULTS): Analysis {
  return analyseSummary(kb, summarise(kb, all), t);
}

// analyseSummary is analyse on the counts of a summary: all the outcome needs.
export function analyseSummary(kb: KnowledgeBase, s: Summary, t: Thresholds = DEFAULTS): Analysis {
  const tallies = tallyCounts(kb, s.counts, t);
  return {
    respondents: s.respondents,
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
