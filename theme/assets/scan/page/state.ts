// The page's state: what the reader answered or read in, their choices, and the result they
// made of it. It is kept in the browser (storage.ts) and travels as a share link or JSON file in
// the logic's ScanState form. A team is kept as its summary (the privacy rule, ../privacy.ts):
// the answers of each person stay in the page's memory (Opened, page.ts) and are never stored.

import * as L from "../logic";

export interface Team {
  label: string; // where the answers came from: a file name, "de geplakte antwoorden"…
  notices: string[];
  ignored: string[];
  summary: L.Summary;
  groupColumns: string[]; // the headings of the file's columns to compare groups by
}

export interface State {
  v: 2;
  mode: "alleen" | "team";
  answers: L.Respondent; // one person's own answers
  team: Team | null;
  thresholds: L.Thresholds;
  name: string;
  plan: string[];
  earlier: L.Earlier | null; // an earlier measurement to compare with
}

export function fresh(): State {
  return { v: 2, mode: "alleen", answers: {}, team: null, thresholds: { barrier: L.DEFAULTS.barrier, facilitator: L.DEFAULTS.facilitator }, name: "", plan: [], earlier: null };
}

export function hasAnswers(s: State): boolean {
  return Object.keys(s.answers).length > 0 || s.team !== null;
}

// summary is what the result is made of, or null when there is nothing yet.
export function summary(kb: L.KnowledgeBase, s: State): L.Summary | null {
  if (s.mode === "team") return s.team ? s.team.summary : null;
  return Object.keys(s.answers).length ? L.summaryOf(kb, [s.answers]) : null;
}

export function analysis(kb: L.KnowledgeBase | null, s: State): L.Analysis | null {
  const sum = kb ? summary(kb, s) : null;
  return kb && sum ? L.analyseSummary(kb, sum, s.thresholds) : null;
}

// groupColumn is the column the team's groups are compared by, or "".
export function groupColumn(s: State): string {
  return s.mode === "team" && s.team && s.team.summary.groups ? s.team.summary.groups.column : "";
}

export function scanState(kb: L.KnowledgeBase, s: State): L.ScanState {
  return {
    mode: s.mode,
    answers: s.mode === "alleen" ? s.answers : {},
    summary: summary(kb, s) || { respondents: 0, counts: {} },
    ignored: s.mode === "team" && s.team ? s.team.ignored : [],
    thresholds: s.thresholds,
    name: s.name,
    plan: s.plan,
  };
}

// fromScanState makes a page state of a share link's or a saved file's state.
export function fromScanState(s: L.ScanState, label: string): State {
  const next = fresh();
  next.mode = s.mode;
  if (s.mode === "alleen") next.answers = s.answers;
  else next.team = { label, notices: [], ignored: s.ignored, summary: s.summary, groupColumns: s.summary.groups ? [s.summary.groups.column] : [] };
  next.thresholds = s.thresholds;
  next.name = s.name;
  next.plan = s.plan;
  return next;
}
