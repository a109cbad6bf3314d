// The scan's state as it travels: in a share link (in the URL fragment) and in a saved JSON file,
// which opens again and serves as an earlier measurement to compare with (readEarlier). A team's state is its
// summary (privacy.ts): counts per determinant and per group, never the answers of a person.
// One person's own answers travel as they are.

import { answerCodes, normalizeAnswer, NVT } from "./answers";
import { Earlier, EarlierTally } from "./compare";
import { GroupCounts, groupsOf, GroupSplit } from "./groups";
import { fields, Fields, isFields, parseJSON, strings, text as jsonText } from "./json";
import { findDeterminant, KnowledgeBase, ordered, round, table } from "./kb";
import { analyseSummary, groupsReport, Report, toReport } from "./outcome";
import { readSummary, summarise, Summary, summaryJSON, summaryOf } from "./privacy";
import { answersOf, Counts, DEFAULTS, Respondent, tallyCounts, Thresholds } from "./tally";

export interface ScanState {
  mode: "alleen" | "team";
  answers: Respondent; // one person's own answers; {} for a team
  summary: Summary; // what the outcome is made of
  ignored: string[];
  thresholds: Thresholds;
  name: string; // the innovation's name, as the user typed it
  plan: string[]; // strategy ids chosen into the plan
}

export type Decoded = { ok: true; value: ScanState } | { ok: false; message: string };

const SHARE_CHARS: Record<string, string> = table({ ja: "j", nee: "n", wn: "w", nvt: "x", "": "-" });
const SHARE_CODES: Record<string, string> = table({ j: "ja", n: "nee", w: "wn", x: "nvt", "-": "" });

// encodeRow writes one person's answers as one character per determinant, by number:
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

// encodeCounts writes counts as "unfavourable.neutral.favourable" per determinant, by number,
// joined by "_"; a determinant without answers is empty.
function encodeCounts(kb: KnowledgeBase, c: Counts): string {
  return ordered(kb)
    .map((d) => (c[d.id] ? c[d.id].join(".") : ""))
    .join("_");
}

function decodeCounts(kb: KnowledgeBase, s: string): Record<string, number[]> | null {
  const dets = ordered(kb);
  const parts = s.split("_");
  if (parts.length !== dets.length) return null;
  const out: Record<string, number[]> = table({});
  for (let i = 0; i < dets.length; i++) {
    if (parts[i] === "") continue;
    const c = parts[i].split(".");
    if (c.length !== 3 || !c.every((n) => /^[0-9]{1,6}$/.test(n))) return null;
    out[dets[i].id] = c.map(Number);
  }
  return out;
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

// encodeGroups writes the groups a summary shows: the column, then per group its name,
// respondents and counts, with characters that encodeURIComponent always escapes between them.
function encodeGroups(kb: KnowledgeBase, g: GroupSplit): string[] {
  const group = (x: GroupCounts) => `${encodeURIComponent(x.name)}:${x.respondents}:${encodeCounts(kb, x.counts)}`;
  return ["k=" + encodeURIComponent(g.column), "g=" + g.shown.map(group).join(";"), "h=" + g.small, "a=" + g.alsoHidden.map(encodeURIComponent).join(",")];
}

// encodeShare writes the state into a URL fragment (without "#"). The fragment never reaches a
// server: browsers do not send it.
export function encodeShare(kb: KnowledgeBase, s: ScanState): string {
  const parts = ["scan=2", "m=" + (s.mode === "team" ? "t" : "a"), "b=" + pct(s.thresholds.barrier), "f=" + pct(s.thresholds.facilitator)];
  if (s.mode === "alleen") parts.push("r=" + encodeRow(kb, s.answers));
  else {
    parts.push("t=" + s.summary.respondents, "c=" + encodeCounts(kb, s.summary.counts));
    if (s.summary.groups) parts.push(...encodeGroups(kb, s.summary.groups));
  }
  if (s.plan.length) parts.push("p=" + s.plan.map(encodeURIComponent).join(","));
  if (s.name) parts.push("n=" + encodeURIComponent(s.name));
  return parts.join("&");
}

// sharedSummary reads a team's summary from a link's fields; a link made before the counts
// (scan=1) carries every respondent's answers instead, which are counted here and not kept.
function sharedSummary(kb: KnowledgeBase, kv: Record<string, string>): Summary | string {
  if (kv.scan === "1") {
    const rows = kv.r ? kv.r.split(".") : [];
    const respondents: Respondent[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = decodeRow(kb, rows[i]);
      if (!r) return `de antwoorden van respondent ${i + 1} kloppen niet`;
      respondents.push(r);
    }
    return respondents.length ? summaryOf(kb, respondents) : "er staan geen antwoorden in";
  }
  const counts = decodeCounts(kb, kv.c || "");
  if (!counts) return "de aantallen kloppen niet";
  const doc: Fields = { respondents: Number(kv.t), counts };
  if (kv.k !== undefined) {
    const shown = (kv.g ? kv.g.split(";") : []).map((part) => {
      const [name, n, c] = part.split(":");
      return { name: decodeURIComponent(name), respondents: Number(n), counts: decodeCounts(kb, c || "") };
    });
    doc.groups = { column: decodeURIComponent(kv.k), shown, small: Number(kv.h) || 0, also_hidden: kv.a ? kv.a.split(",").map(decodeURIComponent) : [] };
  }
  return readSummary(kb, doc);
}

// decodeShare reads a fragment that encodeShare wrote ("#" optional), or an older one.
export function decodeShare(kb: KnowledgeBase, fragment: string): Decoded {
  const bad = (why: string): Decoded => ({ ok: false, message: `Deze deellink kan de scan niet lezen: ${why}. Vraag om een nieuwe link.` });
  const f = fragment.charAt(0) === "#" ? fragment.slice(1) : fragment;
  const kv: Record<string, string> = table({});
  for (const part of f.split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) kv[part.slice(0, eq)] = part.slice(eq + 1);
  }
  if (kv.scan !== "1" && kv.scan !== "2") return bad("hij is niet gemaakt met deze versie van de scan");
  const b = Number(kv.b) / 100;
  const fa = Number(kv.f) / 100;
  if (!validThreshold(b) || !validThreshold(fa)) return bad("de grenzen kloppen niet");
  const mode = kv.m === "t" ? "team" : "alleen";
  let answers: Respondent = {};
  let summary: Summary | string;
  try {
    if (mode === "alleen") {
      const r = kv.r && kv.r.indexOf(".") < 0 ? decodeRow(kb, kv.r) : null;
      summary = r ? summaryOf(kb, [r]) : "de antwoorden kloppen niet";
      answers = r || {};
    } else summary = sharedSummary(kb, kv);
    if (typeof summary === "string") return bad(summary);
    const name = kv.n ? decodeURIComponent(kv.n) : "";
    const plan = knownPlan(kb, kv.p ? kv.p.split(",").map(decodeURIComponent) : []);
    return { ok: true, value: { mode, answers, summary, ignored: [], thresholds: { barrier: b, facilitator: fa }, name, plan } };
  } catch (e) {
    return bad("de link is beschadigd");
  }
}

export const JSON_FORMAT = "kennisbank-implementatiescan";

// exportJSON writes the state with its result, to keep or hand on, and to compare with next
// time. date is YYYY-MM-DD.
export function exportJSON(kb: KnowledgeBase, s: ScanState, date: string): string {
  const a = analyseSummary(kb, s.summary, s.thresholds);
  const result = toReport(a, s.ignored) as Report;
  if (s.summary.groups) {
    result.group_column = s.summary.groups.column;
    result.groups = groupsReport(groupsOf(kb, s.summary.groups, s.thresholds));
  }
  const doc: Record<string, unknown> = { format: JSON_FORMAT, version: 2, innovation: s.name, date, mode: s.mode, thresholds: { barrier: s.thresholds.barrier, facilitator: s.thresholds.facilitator } };
  if (s.mode === "alleen") {
    const own: Record<string, string> = {};
    for (const d of ordered(kb)) if (s.answers[d.id]) own[d.id] = s.answers[d.id];
    doc.answers = own;
  }
  doc.summary = summaryJSON(s.summary);
  doc.ignored_columns = s.ignored;
  doc.plan = s.plan;
  doc.result = result;
  return JSON.stringify(doc, null, 2);
}

// importJSON reads what exportJSON wrote, or a file of the first version (with every
// respondent's answers, which are counted here and not kept). The result in the file is not
// trusted: it is made again from the counts.
export function importJSON(kb: KnowledgeBase, text: string): Decoded {
  const bad = (why: string): Decoded => ({ ok: false, message: `Dit bestand kan de scan niet openen: ${why}.` });
  const parsed = parseJSON(text);
  if (parsed === undefined) return bad("het is geen geldig JSON-bestand");
  const doc = fields(parsed);
  if (doc.format !== JSON_FORMAT) return bad("het is geen bestand dat met de implementatiescan is bewaard");
  if (doc.version !== 1 && doc.version !== 2) return bad(`het is gemaakt met een andere versie (${String(doc.version)})`);
  const read = doc.version === 1 ? firstVersion(kb, doc) : secondVersion(kb, doc);
  if (typeof read === "string") return bad(read);
  const t = fields(doc.thresholds);
  const thresholds = {
    barrier: validThreshold(t.barrier) ? t.barrier : DEFAULTS.barrier,
    facilitator: validThreshold(t.facilitator) ? t.facilitator : DEFAULTS.facilitator,
  };
  const mode = doc.mode === "alleen" && read.summary.respondents === 1 ? "alleen" : "team";
  return { ok: true, value: { mode, answers: mode === "alleen" ? read.answers : {}, summary: read.summary, ignored: strings(doc.ignored_columns), thresholds, name: jsonText(doc.innovation), plan: knownPlan(kb, doc.plan) } };
}

function secondVersion(kb: KnowledgeBase, doc: Fields): { answers: Respondent; summary: Summary } | string {
  if (doc.mode === "alleen") {
    const r = respondentOf(kb, doc.answers, 1);
    return typeof r === "string" ? r : { answers: r, summary: summaryOf(kb, [r]) };
  }
  const summary = readSummary(kb, doc.summary);
  return typeof summary === "string" ? summary : { answers: {}, summary };
}

function firstVersion(kb: KnowledgeBase, doc: Fields): { answers: Respondent; summary: Summary } | string {
  if (!Array.isArray(doc.respondents) || doc.respondents.length === 0) return "er staan geen antwoorden in";
  const respondents: Respondent[] = [];
  for (let i = 0; i < doc.respondents.length; i++) {
    const r = respondentOf(kb, doc.respondents[i], i + 1);
    if (typeof r === "string") return r;
    respondents.push(r);
  }
  const group = groupColumnOf(doc, respondents.length);
  return { answers: respondents.length === 1 ? respondents[0] : {}, summary: summarise(kb, answersOf(kb, respondents), group || undefined) };
}

// groupColumnOf finds the chosen group column of a file of the first version: one text per
// respondent.
function groupColumnOf(doc: Fields, n: number): { heading: string; values: string[] } | null {
  if (!Array.isArray(doc.group_columns)) return null;
  for (const item of doc.group_columns) {
    const g = fields(item);
    if (g.column === doc.group && typeof g.column === "string" && Array.isArray(g.values) && g.values.length === n) return { heading: g.column, values: g.values.map((v: unknown) => jsonText(v)) };
  }
  return null;
}

// respondentOf reads one person's answers, or says what is wrong with them.
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

export type ParsedEarlier = { ok: true; value: Earlier } | { ok: false; message: string; message_en: string };

// readEarlier reads an earlier result: the page's saved scan (its counts are scored again) or
// the command line's JSON report (its per-determinant figures are used).
export function readEarlier(kb: KnowledgeBase, text: string, label: string, t: Thresholds): ParsedEarlier {
  const parsed = parseJSON(text);
  if (parsed === undefined) return { ok: false, message: "Dit bestand is geen geldig JSON-bestand.", message_en: "the file is not valid JSON" };
  const doc = fields(parsed);
  if (Array.isArray(doc.determinants) && typeof doc.respondents === "number") return fromReport(kb, doc.determinants, doc.respondents, jsonText(doc.date), label);
  const saved = importJSON(kb, text);
  if (!saved.ok) return { ok: false, message: saved.message, message_en: "the file is neither a saved scan nor the JSON of kennisbank scan --format json" };
  const s = saved.value.summary;
  const tallies = tallyCounts(kb, s.counts, t).map((x) => ({ id: x.id, answers: x.answers, negative: x.negative }));
  return { ok: true, value: { label, date: jsonText(doc.date), respondents: s.respondents, tallies } };
}

function fromReport(kb: KnowledgeBase, determinants: unknown[], respondents: number, date: string, label: string): ParsedEarlier {
  const known = table<boolean>({});
  for (const d of kb.determinants) known[d.id] = true;
  const tallies: EarlierTally[] = [];
  for (const item of determinants) {
    const x = fields(item);
    if (typeof x.id !== "string" || !known[x.id] || typeof x.answers !== "number" || typeof x.negative !== "number") continue;
    tallies.push({ id: x.id, answers: x.answers, negative: x.negative });
  }
  if (tallies.length === 0) return { ok: false, message: "In dit bestand staan geen uitkomsten per determinant.", message_en: "the file has no results per determinant" };
  return { ok: true, value: { label, date, respondents, tallies } };
}
