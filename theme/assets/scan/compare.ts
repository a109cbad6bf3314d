// Measuring again: the outcome now beside an earlier one, per determinant the share of negative
// answers then and now, and which barriers were solved or are new. Both are judged by today's
// thresholds. Reading the earlier result from a file is the saved state's part (readEarlier in
// state.ts); this module only compares.

import { KnowledgeBase, ordered, round, table } from "./kb";
import { ComparisonReport } from "./outcome";
import { EPS, Tally, Thresholds } from "./tally";

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

