// Ranking: one list of pages, best first, for the zoeken/ page and the header's suggestions
// alike. No DOM here, so that tests and the evaluation in bench/zoeken can run it as it is.
//
// A page's score is BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25
// and Beyond", 2009) over five fields, with how well each query word matches on top:
//
//   - Each query word (assets/search/query.ts) finds terms of the index in ways that count less
//     and less (WEIGHTS.quality): the word itself; a word with the same stem (see stemKey); its
//     parts, when
//     it is a compound word by the rule of the build; a longer word it starts, or a compound
//     word it is a part of; a word whose stem is close to its stem; and only when it finds
//     nothing in the first four ways, words within one or two typing errors.
//   - For each term found on a page, the counts in the fields are weighed (WEIGHTS.field: title
//     above zoektermen above summary above headings above body), each divided by how long that
//     field is on the page against its average (WEIGHTS.lengthNorm), summed and saturated
//     (WEIGHTS.k1): a word that recurs adds less and less, and a long page does not win by
//     being long.
//   - The word scores its best term there, times its rarity (inverse document frequency, of the
//     pages that have the word itself, with its stem or as its compound parts).
//   - A page's score is the sum over the query's words, times the share of the words it has
//     (to the power WEIGHTS.coverage): a page with every word is preferred, but a page that
//     misses one can still come before one that has them all in passing.
export { prepare } from "./index";
import { count, eachPosting, FIELDS, inAnyPart, inPart, Index, lowerBound, pageCount, stemKey, termOf } from "./index";
import { parse } from "./query";
import { distance, related, typos } from "./similar";
import { split } from "./split";

// The weights, chosen on the queries of bench/zoeken (its tuning part; see the README).
export const WEIGHTS = {
  quality: { exact: 1, stem: 0.8, compound: 0.6, part: 0.45, prefix: 0.45, related: 0.3, typo: 0.3 },
  field: [1, 2, 4, 6, 10], // body, headings, summary, zoektermen, title
  lengthNorm: [0.75, 0.8, 0.8, 0.8, 0.8], // BM25F's b per field: 0 none, 1 full
  k1: 3, // how soon more occurrences stop adding
  coverage: 1, // the power of the share of the query's words a page has
};
const QUALITY = WEIGHTS.quality;

export interface Hit {
  doc: number;
  score: number;
  words: number; // how many of the query's words the page has
}

export interface Result {
  words: string[]; // the words searched for
  hits: Hit[];
  complete: boolean; // some page has every word (or nothing was found)
  suggestion: string; // "Bedoelde je …?": the query with likely typing errors corrected, or ""
}

export interface Options {
  // The last word is still being typed: keep it from one letter and match it as a prefix (a
  // word of three letters or more always matches as a prefix too).
  typing?: boolean;
}

// frequency is BM25F's weighted term frequency of a posting on page doc: the counts in each
// field, weighed and normalised by the field's length on the page; of the occurrences as a part
// of a compound word when part is true, else of those as a whole word.
export function frequency(idx: Index, doc: number, value: number, part: boolean): number {
  const n = idx.raw.docs[doc].n;
  let tf = 0;
  for (let f = 0; f < FIELDS; f++) {
    const c = part ? (inPart(value, f) ? 1 : 0) : count(value, f);
    if (c === 0) continue;
    const norm = 1 - WEIGHTS.lengthNorm[f] + (WEIGHTS.lengthNorm[f] * Math.max(1, n[f])) / idx.avgLength[f];
    tf += (WEIGHTS.field[f] * c) / norm;
  }
  return tf;
}

function saturate(tf: number): number {
  return tf / (tf + WEIGHTS.k1);
}

// termScore is what a term found with quality q scores on a page: its occurrences as a whole
// word at that quality, those as a part of a compound word at most at the quality of a part.
export function termScore(idx: Index, doc: number, value: number, q: number): number {
  const whole = q * saturate(frequency(idx, doc, value, false));
  if (!inAnyPart(value)) return whole;
  return Math.max(whole, Math.min(q, QUALITY.part) * saturate(frequency(idx, doc, value, true)));
}

export function search(idx: Index, query: string, opts: Options = {}): Result {
  const words = parse(idx, query, opts.typing);
  const n = idx.raw.docs.length;
  const found = words.map((w, i) => matchForms(idx, w.forms, opts.typing === true && i === words.length - 1));
  const scores = new Map<number, Hit>();
  for (const f of found) {
    const idf = Math.log(1 + (n - f.df + 0.5) / (f.df + 0.5));
    for (const [doc, s] of f.pages) {
      const hit = scores.get(doc) ?? { doc, score: 0, words: 0 };
      hit.score += idf * s;
      hit.words++;
      scores.set(doc, hit);
    }
  }
  const hits = Array.from(scores.values());
  for (const h of hits) h.score *= Math.pow(h.words / words.length, WEIGHTS.coverage);
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc); // ties in the site's order
  const complete = hits.length === 0 || hits.some((h) => h.words === words.length);
  const texts = words.map((w) => w.text);
  return { words: texts, hits, complete, suggestion: suggest(idx, texts) };
}

// Found is what one query word finds: the pages, each with the score of its best match there,
// and how many pages have the word itself (as it stands, with the same stem, or as its compound
// parts), which says how rare it is; or, when none has, how many pages it finds at all.
interface Found {
  pages: Map<number, number>;
  df: number;
}

// matchForms returns the pages any of a word's forms finds, each with its best score.
function matchForms(idx: Index, forms: string[], typing: boolean): Found {
  const all = forms.map((f, i) => matchWord(idx, f, typing && i === 0));
  const pages = all[0].pages;
  for (const other of all.slice(1)) {
    for (const [doc, s] of other.pages) if (s > (pages.get(doc) ?? 0)) pages.set(doc, s);
  }
  return { pages, df: Math.max(...all.map((f) => f.df)) };
}

// matchWord returns what word finds.
export function matchWord(idx: Index, word: string, typing: boolean): Found {
  const best = new Map<number, number>();
  const take = (term: number, quality: number) =>
    eachPosting(idx, term, (doc, value) => {
      const s = termScore(idx, doc, value, quality);
      if (s > (best.get(doc) ?? 0)) best.set(doc, s);
    });
  const terms = idx.raw.terms;
  const exact = termOf(idx, word);
  if (exact >= 0) take(exact, QUALITY.exact);
  const wordStem = stemKey(word);
  for (const t of idx.byStem.get(wordStem) ?? []) if (t !== exact) take(t, QUALITY.stem);
  matchCompound(idx, word, best);
  const df = best.size;
  if (word.length >= 3 || typing) {
    for (let t = lowerBound(terms, word); t < terms.length && terms[t].startsWith(word); t++) {
      if (t !== exact) take(t, QUALITY.prefix);
    }
  }
  const foundAny = best.size > 0;
  for (const s of idx.stemList) {
    if (related(wordStem, s)) for (const t of idx.byStem.get(s)!) take(t, QUALITY.related);
  }
  if (!foundAny) for (const t of typos(idx, word)) take(t, QUALITY.typo);
  return { pages: best, df: df > 0 ? df : best.size };
}

// matchCompound adds the pages that have every part of word, when it is a compound word by the
// rule of the build; a part is found as it stands or, when it is no term, by its stem.
function matchCompound(idx: Index, word: string, best: Map<number, number>): void {
  const parts = split(word, (w) => termOf(idx, w) >= 0, (w) => idx.byStem.has(stemKey(w)), (w) => idx.stop.has(w));
  if (!parts) return;
  let sums = new Map<number, number>(); // pages with every part so far → their summed scores
  parts.forEach((p, i) => {
    const exact = termOf(idx, p);
    const here = new Map<number, number>();
    for (const t of exact >= 0 ? [exact] : idx.byStem.get(stemKey(p)) ?? []) {
      eachPosting(idx, t, (doc, value) => {
        if (i > 0 && !sums.has(doc)) return;
        const s = (sums.get(doc) ?? 0) + termScore(idx, doc, value, 1);
        if (s > (here.get(doc) ?? 0)) here.set(doc, s);
      });
    }
    sums = here;
  });
  for (const [doc, sum] of sums) {
    const s = (QUALITY.compound * sum) / parts.length;
    if (s > (best.get(doc) ?? 0)) best.set(doc, s);
  }
}

// suggest corrects the words the index does not know, each to the nearest term within the
// typing errors allowed (the one on most pages when several are as near); "" when it corrects
// nothing.
function suggest(idx: Index, words: string[]): string {
  let changed = false;
  const out = words.map((w) => {
    const t = lowerBound(idx.raw.terms, w);
    if (idx.byStem.has(stemKey(w)) || (t < idx.raw.terms.length && idx.raw.terms[t].startsWith(w))) return w;
    let bestTerm = "";
    let bestDistance = Infinity;
    let bestPages = 0;
    for (const t of typos(idx, w)) {
      const d = distance(w, idx.raw.terms[t], 2);
      const pages = pageCount(idx, t);
      if (d < bestDistance || (d === bestDistance && pages > bestPages)) {
        [bestTerm, bestDistance, bestPages] = [idx.raw.terms[t], d, pages];
      }
    }
    if (bestTerm === "") return w;
    changed = true;
    return bestTerm;
  });
  return changed ? out.join(" ") : "";
}
