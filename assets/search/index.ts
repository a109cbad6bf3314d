// The search index as generator/search writes it (data/zoekindex.json), and what the browser
// derives from it once: the stem of every term, with the same stemmer as the build, and the
// average length of each field.
import { words as foldWords } from "../_fold";
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
  abbr: Record<string, string[]>; // a folded abbreviation → its full forms
  kinds: string[];
  docs: RawDoc[];
  terms: string[]; // sorted
  postings: number[][]; // per term: doc (as the difference from the one before), value, …
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

export interface Index {
  raw: RawIndex;
  stop: Set<string>;
  termNo: Map<string, number>;
  stems: string[]; // stem of each term
  byStem: Map<string, number[]>; // stem → terms
  byPlainStem: Map<string, number[]>; // stem without doubled vowels (plainStem) → terms
  stemList: string[]; // every stem once, for loops over them all
  avgLength: number[]; // the average words in each field, over the pages that have any
  fullForms: FullForm[]; // of the abbreviations
}

// FullForm is a full form of an abbreviation, as the stems of its words.
export interface FullForm {
  stems: string[];
  short: string;
}

export function prepare(raw: RawIndex): Index {
  const termNo = new Map<string, number>();
  const stems: string[] = [];
  const byStem = new Map<string, number[]>();
  const byPlainStem = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, key: string, i: number) => {
    const list = m.get(key);
    if (list) list.push(i);
    else m.set(key, [i]);
  };
  raw.terms.forEach((t, i) => {
    termNo.set(t, i);
    const s = stem(t);
    stems.push(s);
    add(byStem, s, i);
    add(byPlainStem, plainStem(s), i);
  });
  return {
    raw, stop: new Set(raw.stop), termNo, stems, byStem, byPlainStem, stemList: Array.from(byStem.keys()),
    avgLength: averageLengths(raw.docs), fullForms: fullForms(raw.abbr),
  };
}

function fullForms(abbr: Record<string, string[]>): FullForm[] {
  const out: FullForm[] = [];
  for (const [short, longs] of Object.entries(abbr)) {
    for (const long of longs) {
      const stems = foldWords(long).map(stem);
      if (stems.length > 0) out.push({ stems, short });
    }
  }
  return out;
}

// plainStem writes a stem's doubled vowels single. The stemmer lengthens a vowel after taking
// an ending off ("coordinatoren" → "coordinatoor", "coordinator" → "coordinator"), and keeps a
// doubled one in other forms ("evalueert" → "evalueer", "evalueren" → "evaluer"): two stems of
// one word that only differ there.
export function plainStem(s: string): string {
  return s.replace(/([aeou])\1/g, "$1");
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
