// Scoring: per determinant, the share of negative and positive answers, and whether that makes it
// a barrier or a facilitator.

import { Answer, POLARITY } from "./answers";
import { KnowledgeBase, ordered, table } from "./kb";

// One respondent's answers: determinant id → answer code. Missing keys are "".
export type Respondent = Record<string, Answer>;

// Answers holds a group's answers as a grid: rows[i][c] is respondent i's answer in column c, and
// columns[c] the id of that column's determinant ("" for a column that is no determinant; its
// cells are ""). Reading, scoring and ranking work on this grid: one object per respondent would
// cost the command line's engine (goja) a map each, and the team reader fills the grid in place.
export interface Answers {
  columns: string[];
  rows: Answer[][];
}

// Thresholds as fractions 0..1: a determinant is a barrier when the share of negative answers
// reaches `barrier`, a facilitator when the share of positive answers reaches `facilitator`.
export interface Thresholds {
  barrier: number;
  facilitator: number;
}

// The convention used in MIDI studies (Dugstad et al. 2020): barrier at >= 20% (totally)
// disagree, facilitator at >= 80% (totally) agree.
export const DEFAULTS: Thresholds = { barrier: 0.2, facilitator: 0.8 };

export const EPS = 1e-9;

export interface Tally {
  id: string;
  number: number;
  title: string;
  category: string;
  scale: string;
  url: string;
  answers: number; // answers given; "niet van toepassing" and empty are not counted
  negativeCount: number;
  neutralCount: number;
  positiveCount: number;
  negative: number; // fraction 0..1 of answers
  neutral: number;
  positive: number;
  barrier: boolean;
  facilitator: boolean;
}

// Count is a determinant's answers: how many are unfavourable, neutral (or "weet niet") and
// favourable. Counts holds them by determinant id; a determinant without answers may be absent.
export type Count = [number, number, number];
export type Counts = Record<string, Count>;

// answersOf turns respondents into a grid with one column per determinant.
export function answersOf(kb: KnowledgeBase, respondents: Respondent[]): Answers {
  const columns = ordered(kb).map((d) => d.id);
  return { columns, rows: respondents.map((r) => columns.map((id) => r[id] || "")) };
}

// respondentsOf turns a grid into one record per respondent, keys in determinant order.
export function respondentsOf(kb: KnowledgeBase, a: Answers): Respondent[] {
  const at: Record<string, number> = table({});
  a.columns.forEach((id, c) => {
    if (id) at[id] = c;
  });
  const dets = ordered(kb).filter((d) => at[d.id] !== undefined);
  return a.rows.map((row) => {
    const r: Respondent = {};
    for (const d of dets) if (row[at[d.id]]) r[d.id] = row[at[d.id]];
    return r;
  });
}

// countAnswers counts every determinant's answers over the rows of the grid (all of them, or the
// ones whose indexes are given).
export function countAnswers(kb: KnowledgeBase, all: Answers, which?: number[]): Counts {
  const out: Counts = table({});
  for (const d of ordered(kb)) {
    const pol = POLARITY[d.scale] || table({});
    const c = all.columns.indexOf(d.id);
    if (c < 0) continue;
    const rows = all.rows;
    const n = which ? which.length : rows.length;
    let neg = 0;
    let neither = 0;
    let pos = 0;
    // An indexed loop, one table lookup and local counters: this runs for every cell of a team
    // file, and goja (the command line's engine) makes every array access a call.
    for (let i = 0; i < n; i++) {
      const p = pol[rows[which ? which[i] : i][c]];
      if (p === undefined) continue;
      if (p < 0) neg++;
      else if (p > 0) pos++;
      else neither++;
    }
    if (neg + neither + pos > 0) out[d.id] = [neg, neither, pos];
  }
  return out;
}

// tally scores every determinant (by number) over the respondents.
export function tally(kb: KnowledgeBase, respondents: Respondent[], t: Thresholds = DEFAULTS): Tally[] {
  return tallyAnswers(kb, answersOf(kb, respondents), t);
}

// tallyAnswers is tally on a grid.
export function tallyAnswers(kb: KnowledgeBase, all: Answers, t: Thresholds = DEFAULTS): Tally[] {
  return tallyCounts(kb, countAnswers(kb, all), t);
}

// tallyCounts scores every determinant (by number) from its counts.
export function tallyCounts(kb: KnowledgeBase, counts: Counts, t: Thresholds = DEFAULTS): Tally[] {
  return ordered(kb).map((d) => {
    const c = counts[d.id] || [0, 0, 0];
    return scored(d, c[0], c[1], c[2], t);
  });
}

function scored(d: { id: string; number: number; title: string; category: string; scale: string; url: string }, neg: number, neutral: number, pos: number, t: Thresholds): Tally {
  const answers = neg + neutral + pos;
  return {
    id: d.id,
    number: d.number,
    title: d.title,
    category: d.category,
    scale: d.scale,
    url: d.url,
    answers,
    negativeCount: neg,
    neutralCount: neutral,
    positiveCount: pos,
    negative: answers ? neg / answers : 0,
    neutral: answers ? neutral / answers : 0,
    positive: answers ? pos / answers : 0,
    barrier: answers > 0 && neg >= t.barrier * answers - EPS,
    facilitator: answers > 0 && pos >= t.facilitator * answers - EPS,
  };
}
