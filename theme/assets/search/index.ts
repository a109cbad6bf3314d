// The search index as generator/search writes it (data/zoekindex.json), and what the browser
// derives from it once: the terms by their stems (which the build gives, with the stemmer of
// assets/search/stem.ts), and the average length of each field.
import { stem } from "./stem";

export interface RawDoc {
  t: string; // title
  u: string; // URL relative to the site root
  k: number; // index into kinds
  s?: string; // summary
  n: number[]; // words in each field (see FIELDS)
}

export interface RawIndex {
  stop: string[];
  abbr: Record<string, string[][]>; // a folded abbreviation → its full forms, as the stems of their words
  kinds: string[];
  docs: RawDoc[];
  terms: string[]; // sorted
  stems: (number | string)[]; // per term: the letters its stem key leaves off its end, or the stem key
  postings: string[]; // per term: "doc,value,doc,value,…", each doc as the difference from the one before
}

// The fields, from the one that says least about a page: body, headings, summary (and a
// determinant's question), zoektermen (and other names), title.
export const FIELDS = 5;

// A posting's value says how often the term occurs in each field (generator/search/write.go):
// bits 0–2 the body as a class, bits 3–4, 5–6, 7–8 and 9–10 the other fields (0 to 3 times),
// and bit 11+f that it is in field f as a part of a compound word.
const BODY_COUNTS = [0, 1, 2, 3, 4.5, 7, 12, 20]; // a typical count of each class of the body
const PART_SHIFT = 11;

// count returns how often a posting's term occurs in field f as a whole word.
export function count(value: number, f: number): number {
  if (f === 0) return BODY_COUNTS[value & 7];
  return (value >> (1 + 2 * f)) & 3;
}

// inPart reports whether a posting's term is in field f as a part of a compound word.
export function inPart(value: number, f: number): boolean {
  return (value & (1 << (PART_SHIFT + f))) !== 0;
}

// inAnyPart reports whether a posting's term is in any field as a part of a compound word.
export function inAnyPart(value: number): boolean {
  return value >= 1 << PART_SHIFT;
}

export interface Index {
  raw: RawIndex;
  stop: Set<string>;
  byStem: Map<string, number[]>; // stem key (see stemKey) → terms
  stemList: string[]; // every stem key once, for loops over them all
  avgLength: number[]; // the average words in each field, over the pages that have any
  fullForms: FullForm[]; // of the abbreviations
  decoded: (Int32Array | undefined)[]; // the postings of the terms read so far: doc, value, …
}

// FullForm is a full form of an abbreviation, as the stem keys of its words.
export interface FullForm {
  stems: string[];
  short: string;
}

// prepare readies an index for searching. It does little, as it runs while the reader waits.
export function prepare(raw: RawIndex): Index {
  const byStem = new Map<string, number[]>();
  raw.terms.forEach((t, i) => {
    const st = raw.stems[i];
    const s = typeof st === "number" ? t.slice(0, t.length - st) : st;
    const list = byStem.get(s);
    if (list) list.push(i);
    else byStem.set(s, [i]);
  });
  return {
    raw, stop: new Set(raw.stop), byStem, stemList: Array.from(byStem.keys()),
    avgLength: averageLengths(raw.docs), fullForms: fullForms(raw.abbr), decoded: [],
  };
}

// stemKey is what the search compares when it compares words by their stems: the stem, with
// its doubled vowels written single, as generator/search (stemKey) explains. It remembers the
// words it was asked for: a query asks for the same words again and again as it is typed.
export function stemKey(word: string): string {
  let s = stemKeys.get(word);
  if (s === undefined) {
    s = stem(word).replace(/([aeou])\1/g, "$1");
    stemKeys.set(word, s);
  }
  return s;
}

const stemKeys = new Map<string, string>();

// termOf returns the number of a term, or -1 when the index does not have it.
export function termOf(idx: Index, word: string): number {
  const t = lowerBound(idx.raw.terms, word);
  return t < idx.raw.terms.length && idx.raw.terms[t] === word ? t : -1;
}

function fullForms(abbr: Record<string, string[][]>): FullForm[] {
  const out: FullForm[] = [];
  for (const [short, longs] of Object.entries(abbr)) {
    for (const stems of longs) if (stems.length > 0) out.push({ stems, short });
  }
  return out;
}

function averageLengths(docs: RawDoc[]): number[] {
  const avg: number[] = [];
  for (let f = 0; f < FIELDS; f++) {
    let sum = 0;
    let n = 0;
    for (const d of docs) {
      if (d.n[f] > 0) {
        sum += d.n[f];
        n++;
      }
    }
    avg.push(n > 0 ? sum / n : 1);
  }
  return avg;
}

// eachPosting calls f with every page a term occurs in and the posting's value.
export function eachPosting(idx: Index, term: number, f: (doc: number, value: number) => void): void {
  const p = postings(idx, term);
  for (let i = 0; i < p.length; i += 2) f(p[i], p[i + 1]);
}

// pageCount returns how many pages a term occurs in.
export function pageCount(idx: Index, term: number): number {
  return postings(idx, term).length / 2;
}

// postings reads a term's postings the first time they are asked for.
function postings(idx: Index, term: number): Int32Array {
  let p = idx.decoded[term];
  if (p) return p;
  const text = idx.raw.postings[term];
  const numbers: number[] = [];
  let n = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c === 44) {
      numbers.push(n);
      n = 0;
    } else n = 10 * n + c - 48;
  }
  p = new Int32Array(text.length > 0 ? numbers.length : 0);
  let doc = 0;
  for (let i = 0; i < p.length; i += 2) {
    doc += numbers[i];
    p[i] = doc;
    p[i + 1] = numbers[i + 1];
  }
  idx.decoded[term] = p;
  return p;
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
