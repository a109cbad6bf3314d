// The page's state: what the reader answered or read in, their choices, and the result they
// made of it. It is kept in the browser (storage.ts) and travels as a share link or JSON file in
// the logic's ScanState form.

import * as L from "../logic";

export interface Team {
  respondents: L.Respondent[];
  ignored: string[];
  label: string; // where the answers came from: a file name, "de geplakte antwoorden"…
  groupColumns: L.GroupColumn[];
  notices: string[];
}

export interface State {
  v: 1;
  mode: "alleen" | "team";
  answers: L.Respondent;
  team: Team | null;
  thresholds: L.Thresholds;
  name: string;
  plan: string[];
  group: string; // the heading of the column to compare groups by, or ""
  earlier: L.Earlier | null; // an earlier measurement to compare with
}

export function fresh(): State {
  return { v: 1, mode: "alleen", answers: {}, team: null, thresholds: { barrier: L.DEFAULTS.barrier, facilitator: L.DEFAULTS.facilitator }, name: "", plan: [], group: "", earlier: null };
}

export function hasAnswers(s: State): boolean {
  return Object.keys(s.answers).length > 0 || s.team !== null;
}

// respondents are the answers the result is made of, or null when there are none.
export function respondents(s: State): L.Respondent[] | null {
  if (s.mode === "team") return s.team ? s.team.respondents : null;
  return Object.keys(s.answers).length ? [s.answers] : null;
}

export function analysis(kb: L.KnowledgeBase | null, s: State): L.Analysis | null {
  const rs = respondents(s);
  return kb && rs ? L.analyse(kb, rs, s.thresholds) : null;
}

// groupColumn is the chosen column to compare groups by, when it fits the answers.
export function groupColumn(s: State): L.GroupColumn | null {
  if (s.mode !== "team" || !s.team || !s.group) return null;
  return L.chosenGroup(scanState(s));
}

export function scanState(s: State): L.ScanState {
  const out: L.ScanState = {
    mode: s.mode,
    respondents: respondents(s) || [],
    ignored: s.mode === "team" && s.team ? s.team.ignored : [],
    thresholds: s.thresholds,
    name: s.name,
    plan: s.plan,
  };
  if (s.mode === "team" && s.team && s.team.groupColumns.length) {
    out.groupColumns = s.team.groupColumns;
    if (s.group) out.group = s.group;
  }
  return out;
}

// fromScanState makes a page state of a share link's or a saved file's state.
export function fromScanState(s: L.ScanState, label: string): State {
  const next = fresh();
  next.mode = s.mode;
  if (s.mode === "alleen") next.answers = s.respondents[0];
  else next.team = { respondents: s.respondents, ignored: s.ignored, label, groupColumns: s.groupColumns || [], notices: [] };
  next.thresholds = s.thresholds;
  next.name = s.name;
  next.plan = s.plan;
  next.group = s.group || "";
  return next;
}
