// The scan's state as it travels: in a share link (the answers in the URL fragment) and in a
// saved JSON file, which opens again and serves as an earlier measurement to compare with.

import { answerCodes, normalizeAnswer, NVT } from "./answers";
import { findDeterminant, KnowledgeBase, ordered, round, table } from "./kb";
import { groupsOf } from "./groups";
import { fields, Fields, isFields, parseJSON, strings, text as jsonText } from "./json";
import { analyse, groupsReport, Report, toReport } from "./report";
import { answersOf, DEFAULTS, Respondent, Thresholds } from "./tally";
import { GroupColumn } from "./team";

export interface ScanState {
  mode: "alleen" | "team";
  respondents: Respondent[];
  ignored: string[];
  thresholds: Thresholds;
  name: string; // the innovation's name, as the user typed it
  plan: string[]; // strategy ids chosen into the plan
  groupColumns?: GroupColumn[]; // a team's columns to compare groups by
  group?: string; // the heading of the chosen one
}

export type Decoded = { ok: true; value: ScanState } | { ok: false; message: string };

const SHARE_CHARS: Record<string, string> = table({ ja: "j", nee: "n", wn: "w", nvt: "x", "": "-" });
const SHARE_CODES: Record<string, string> = table({ j: "ja", n: "nee", w: "wn", x: "nvt", "-": "" });

// encodeRow writes one respondent as one character per determinant, by number:
// 1–5, j(a), n(ee), w(eet niet), x (niet van toepassing), - (no answer).
export function encodeRow(kb: KnowledgeBase, r: Respondent): string {
  let s = "";
  for (const d of ordered(kb)) {
    const a = r[d.id] || "";
    s += SHARE_CHARS[a] !== undefined ? SHARE_CHARS[a] : a;
  }
  return s;
}

// decodeRow reads what encodeRow wrote; null when a character does not fit its determinant.
export function decodeRow(kb: KnowledgeBase, s: string): Respondent | null {
  const dets = ordered(kb);
  if (s.length !== dets.length) return null;
  const r: Respondent = {};
  for (let i = 0; i < dets.length; i++) {
    const ch = s[i];
    const code = SHARE_CODES[ch] !== undefined ? SHARE_CODES[ch] : ch;
    if (code === "") continue;
    if (code !== NVT && answerCodes(dets[i].scale).indexOf(code) < 0) return null;
    r[dets[i].id] = code;
  }
  return r;
}

function pct(x: number): string {
  return String(round(x * 100, 2));
}

function knownPlan(kb: KnowledgeBase, ids: unknown): string[] {
  if (!Array.isArray(ids)) return [];
  const known: Record<string, boolean> = table({});
  for (const s of kb.strategies) known[s.id] = true;
  const out: string[] = [];
  for (const id of ids) if (typeof id === "string" && known[id] && out.indexOf(id) < 0) out.push(id);
  return out;
}

function validThreshold(x: unknown): x is number {
  return typeof x === "number" && isFinite(x) && x > 0 && x <= 1;
}

// encodeShare writes the state into a URL fragment (without "#"). The fragment never reaches a
// server: browsers do not send it.
export function encodeShare(kb: KnowledgeBase, s: ScanState): string {
  const parts = [
    "scan=1",
    "m=" + (s.mode === "team" ? "t" : "a"),
    "r=" + s.respondents.map((r) => encodeRow(kb, r)).join("."),
    "b=" + pct(s.thresholds.barrier),
    "f=" + pct(s.thresholds.facilitator),
  ];
  if (s.plan.length) parts.push("p=" + s.plan.map(encodeURIComponent).join(","));
  if (s.name) parts.push("n=" + encodeURIComponent(s.name));
  return parts.join("&");
}

// decodeShare reads a fragment that encodeShare wrote ("#" optional).
export function decodeShare(kb: KnowledgeBase, fragment: string): Decoded {
  const bad = (why: string): Decoded => ({ ok: false, message: `Deze deellink kan de scan niet lezen: ${why}. Vraag om een nieuwe link.` });
  const f = fragment.charAt(0) === "#" ? fragment.slice(1) : fragment;
  const kv: Record<string, string> = table({});
  for (const part of f.split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) kv[part.slice(0, eq)] = part.slice(eq + 1);
  }
  if (kv.scan !== "1") return bad("hij is niet gemaakt met deze versie van de scan");
  const respondents: Respondent[] = [];
  const rows = kv.r ? kv.r.split(".") : [];
  for (let i = 0; i < rows.length; i++) {
    const r = decodeRow(kb, rows[i]);
    if (!r) return bad(`de antwoorden van respondent ${i + 1} kloppen niet`);
    respondents.push(r);
  }
  if (respondents.length === 0) return bad("er staan geen antwoorden in");
  const b = Number(kv.b) / 100;
  const fa = Number(kv.f) / 100;
  if (!validThreshold(b) || !validThreshold(fa)) return bad("de grenzen kloppen niet");
  let name = "";
  let plan: string[] = [];
  try {
    name = kv.n ? decodeURIComponent(kv.n) : "";
    plan = knownPlan(kb, kv.p ? kv.p.split(",").map(decodeURIComponent) : []);
  } catch (e) {
    return bad("de link is beschadigd");
  }
  const mode = kv.m === "t" ? "team" : "alleen";
  if (mode === "alleen" && respondents.length !== 1) return bad("er staan antwoorden van meer mensen in");
  return { ok: true, value: { mode, respondents, ignored: [], thresholds: { barrier: b, facilitator: fa }, name, plan } };
}

export const JSON_FORMAT = "kennisbank-implementatiescan";

// exportJSON writes the state with its result, to save or hand on. date is YYYY-MM-DD.
export function exportJSON(kb: KnowledgeBase, s: ScanState, date: string): string {
  const chosen = chosenGroup(s);
  const a = analyse(kb, s.respondents, s.thresholds);
  const doc: Record<string, unknown> = {
    format: JSON_FORMAT,
    version: 1,
    innovation: s.name,
    date,
    mode: s.mode,
    thresholds: { barrier: s.thresholds.barrier, facilitator: s.thresholds.facilitator },
    respondents: s.respondents.map((r) => {
      const o: Record<string, string> = {};
      for (const d of ordered(kb)) if (r[d.id]) o[d.id] = r[d.id];
      return o;
    }),
    ignored_columns: s.ignored,
    plan: s.plan,
    result: toReport(a, s.ignored),
  };
  if (s.groupColumns && s.groupColumns.length) doc.group_columns = s.groupColumns.map((g) => ({ column: g.heading, values: g.values }));
  if (chosen) {
    doc.group = chosen.heading;
    (doc.result as Report).groups = groupsReport(groupsOf(kb, answersOf(kb, s.respondents), chosen.values, chosen.heading, s.thresholds));
  }
  return JSON.stringify(doc, null, 2);
}

// chosenGroup is the column the state compares groups by, if it has one.
export function chosenGroup(s: ScanState): GroupColumn | null {
  if (!s.group || !s.groupColumns) return null;
  for (const g of s.groupColumns) if (g.heading === s.group && g.values.length === s.respondents.length) return g;
  return null;
}

// groupColumnsOf reads the group columns of a saved scan: each with one text per respondent.
function groupColumnsOf(doc: Fields, n: number): GroupColumn[] {
  if (!Array.isArray(doc.group_columns)) return [];
  const out: GroupColumn[] = [];
  for (const item of doc.group_columns) {
    const g = fields(item);
    if (typeof g.column !== "string" || !Array.isArray(g.values) || g.values.length !== n) continue;
    out.push({ heading: g.column, values: g.values.map((v: unknown) => jsonText(v)) });
  }
  return out;
}

// importJSON reads what exportJSON wrote. The result in the file is not trusted: it is computed
// again from the answers.
export function importJSON(kb: KnowledgeBase, text: string): Decoded {
  const bad = (why: string): Decoded => ({ ok: false, message: `Dit bestand kan de scan niet openen: ${why}.` });
  const parsed = parseJSON(text);
  if (parsed === undefined) return bad("het is geen geldig JSON-bestand");
  const doc = fields(parsed);
  if (doc.format !== JSON_FORMAT) return bad("het is geen bestand dat met de implementatiescan is bewaard");
  if (doc.version !== 1) return bad(`het is gemaakt met een andere versie (${String(doc.version)})`);
  if (!Array.isArray(doc.respondents) || doc.respondents.length === 0) return bad("er staan geen antwoorden in");
  const respondents: Respondent[] = [];
  for (let i = 0; i < doc.respondents.length; i++) {
    const r = respondentOf(kb, doc.respondents[i], i + 1);
    if (typeof r === "string") return bad(r);
    respondents.push(r);
  }
  const t = fields(doc.thresholds);
  const thresholds = {
    barrier: validThreshold(t.barrier) ? t.barrier : DEFAULTS.barrier,
    facilitator: validThreshold(t.facilitator) ? t.facilitator : DEFAULTS.facilitator,
  };
  const mode = doc.mode === "team" || respondents.length > 1 ? "team" : "alleen";
  const value: ScanState = { mode, respondents, ignored: strings(doc.ignored_columns), thresholds, name: jsonText(doc.innovation), plan: knownPlan(kb, doc.plan) };
  const groupColumns = groupColumnsOf(doc, respondents.length);
  if (groupColumns.length) {
    value.groupColumns = groupColumns;
    if (groupColumns.some((g) => g.heading === doc.group)) value.group = jsonText(doc.group);
  }
  return { ok: true, value };
}

// respondentOf reads one respondent's answers, or says what is wrong with them.
function respondentOf(kb: KnowledgeBase, src: unknown, n: number): Respondent | string {
  if (!isFields(src)) return `respondent ${n} heeft geen antwoorden`;
  const r: Respondent = {};
  for (const key of Object.keys(src)) {
    const d = findDeterminant(kb, key);
    if (!d) return `respondent ${n}: "${key}" is geen determinant`;
    const a = normalizeAnswer(d.scale, src[key]);
    if (a === null) return `respondent ${n}: "${String(src[key])}" is geen antwoord op de vraag van determinant ${d.number}`;
    if (a !== "") r[d.id] = a;
  }
  return r;
}

