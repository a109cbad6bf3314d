// Measuring again: the outcome now beside an earlier one (a scan saved as JSON on the page, or
// the JSON `kennisbank scan --format json` prints), per determinant the share of negative answers
// then and now, and which barriers were solved or are new. Both are judged by today's thresholds.

import { fields, parseJSON, text as jsonText } from "./json";
import { KnowledgeBase, ordered, table } from "./kb";
import { importJSON } from "./state";
import { EPS, Tally, tallyCounts, Thresholds } from "./tally";

export interface EarlierTally {
  id: string;
  answers: number;
  negative: number; // fraction 0..1; the command line rounds it to 4 decimals, which keeps the
  // count (negative × answers, rounded) exact for any team the scan reads
}

export interface Earlier {
  label: string; // the file's name
  date: string; // YYYY-MM-DD, or "" when the file does not say
  respondents: number;
  tallies: EarlierTally[];
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

export interface ComparisonRow {
  id: string;
  number: number;
  title: string;
  before: number | null; // share negative then; null without answers
  now: number | null;
  barrierBefore: boolean;
  barrierNow: boolean;
}

export interface Comparison {
  earlier: { label: string; date: string; respondents: number };
  rows: ComparisonRow[];
  solved: string[]; // barriers then, not now
  added: string[]; // barriers now, not then
  remaining: string[]; // barriers then and now
}

export function compare(kb: KnowledgeBase, now: Tally[], earlier: Earlier, t: Thresholds): Comparison {
  const then: Record<string, EarlierTally> = table({});
  for (const e of earlier.tallies) then[e.id] = e;
  const nowBy: Record<string, Tally> = table({});
  for (const x of now) nowBy[x.id] = x;
  const rows = ordered(kb).map((d) => {
    const b = then[d.id];
    const n = nowBy[d.id];
    const before = b && b.answers > 0 ? b.negative : null;
    const current = n && n.answers > 0 ? n.negative : null;
    return {
      id: d.id,
      number: d.number,
      title: d.title,
      before,
      now: current,
      barrierBefore: !!b && b.answers > 0 && Math.round(b.negative * b.answers) >= t.barrier * b.answers - EPS,
      barrierNow: !!n && n.barrier,
    };
  });
  return {
    earlier: { label: earlier.label, date: earlier.date, respondents: earlier.respondents },
    rows,
    solved: rows.filter((r) => r.barrierBefore && !r.barrierNow).map((r) => r.id),
    added: rows.filter((r) => !r.barrierBefore && r.barrierNow).map((r) => r.id),
    remaining: rows.filter((r) => r.barrierBefore && r.barrierNow).map((r) => r.id),
  };
}
