// The search index as generator/search writes it (data/zoekindex.json, and the smaller
// data/zoeksuggesties.json for the header), and what the browser derives from it once: the stem
// of every term, with the same stemmer as the build.
import { stem } from "./stem";

export interface RawDoc {
  t: string; // title
  u: string; // URL relative to the site root
  k: number; // index into kinds
  s?: string; // summary
}

export interface RawIndex {
  stop: string[];
  kinds: string[];
  docs: RawDoc[];
  terms: string[]; // sorted
  postings: number[][]; // per term: doc (as the difference from the one before), value, …
}

// A posting's value says where the term stands on the page: bit f for field f as a whole word,
// bit 4+f as a part of a compound word, and bits 8–9 how often it occurs in the body (0: once,
// 1: two or three times, 2: four to seven, 3: more).
export const FIELDS = 4; // body, summary, zoektermen (and other names), title

export interface Index {
  raw: RawIndex;
  stop: Set<string>;
  termNo: Map<string, number>;
  stems: string[]; // stem of each term
  byStem: Map<string, number[]>; // stem → terms
  stemList: string[]; // every stem once, for loops over them all
}

export function prepare(raw: RawIndex): Index {
  const termNo = new Map<string, number>();
  const stems: string[] = [];
  const byStem = new Map<string, number[]>();
  raw.terms.forEach((t, i) => {
    termNo.set(t, i);
    const s = stem(t);
    stems.push(s);
    const list = byStem.get(s);
    if (list) list.push(i);
    else byStem.set(s, [i]);
  });
  return { raw, stop: new Set(raw.stop), termNo, stems, byStem, stemList: Array.from(byStem.keys()) };
}

// eachPosting calls f with every page a term occurs in and the posting's value.
export function eachPosting(idx: Index, term: number, f: (doc: number, value: number) => void): void {
  const p = idx.raw.postings[term];
  let doc = 0;
  for (let i = 0; i < p.length; i += 2) {
    doc += p[i];
    f(doc, p[i + 1]);
  }
}

// lowerBound returns the first term that is not less than key.
export function lowerBound(terms: string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
