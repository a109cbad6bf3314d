// Ranking: one list of pages, best first. No DOM here, so that tests and the evaluation in
// bench/zoeken can run it as it is.
//
// Each query word (assets/search/query.ts) finds terms of the index in ways that count
// less and less: the word itself (1), a word with the same stem (0.8), its parts when it is a
// compound word by the rule of the build (0.65, every part on the page), a longer word it starts
// (0.5), a word whose stem is close to its stem (0.4), and, for a word the index does not know, a
// word within one or two typing errors (0.45). Where the page has a term matters more: title
// (10), zoektermen (8), summary (4), body (1, and a little more the more often it occurs); a term
// found only inside a compound word counts 0.7 of that. A page scores, per query word, its best
// match times the word's rarity, summed over the words.
//
// Only pages with every query word are shown, except that a word on more than a third of all
// pages (like "werken") orders the pages without leaving any out. When no page has every word,
// the pages with the most of them are shown, and the result says so.
export { prepare } from "./index";
import { eachPosting, FIELDS, Index, lowerBound } from "./index";
import { parse } from "./query";
import { distance, related, typos } from "./similar";
import { split } from "./split";
import { stem } from "./stem";

export const QUALITY = { exact: 1, stem: 0.8, compound: 0.65, prefix: 0.5, typo: 0.45, related: 0.4 };
const FIELD_WEIGHT = [1, 4, 8, 10]; // body, summary, zoektermen, title
const PART = 0.7;

export interface Hit {
  doc: number;
  score: number;
  words: number; // how many of the query's words that narrow the search down the page has
}

export interface Result {
  words: string[]; // the words searched for
  hits: Hit[];
  complete: boolean; // every hit has every word (false: the hits have the most words any page has)
  suggestion: string; // "Bedoelde je …?": the query with likely typing errors corrected, or ""
}

export interface Options {
  typing?: boolean; // the last word is still being typed: match it as a prefix from two letters
}

// fieldScore weighs a posting's value: its best field, and a little for how often the term
// occurs in the body.
export function fieldScore(value: number): number {
  let whole = 0;
  let part = 0;
  for (let f = 0; f < FIELDS; f++) {
    if (value & (1 << f)) whole = FIELD_WEIGHT[f];
    if (value & (1 << (4 + f))) part = FIELD_WEIGHT[f];
  }
  const inBody = value & 0x11 ? 1 + (value >> 8) : 0; // 1 for once … 4 for eight times or more
  return Math.max(whole, PART * part) + 0.3 * inBody;
}

export function search(idx: Index, query: string, opts: Options = {}): Result {
  const words = parse(idx, query, opts.typing);
  const n = idx.raw.docs.length;
  const found = words.map((w, i) => matchForms(idx, w.forms, opts.typing === true && i === words.length - 1));
  // A word on more than a third of the pages narrows nothing down: it orders the pages but
  // leaves none out, unless every word is like that.
  let required = words.map((_, i) => found[i].size <= n / 3);
  if (!required.some(Boolean)) required = words.map(() => true);
  const need = required.filter(Boolean).length;
  const scores = new Map<number, Hit>();
  found.forEach((pages, i) => {
    const rarity = Math.log(1 + n / Math.max(1, pages.size));
    for (const [doc, s] of pages) {
      const hit = scores.get(doc) ?? { doc, score: 0, words: 0 };
      hit.score += rarity * s;
      if (required[i]) hit.words++;
      scores.set(doc, hit);
    }
  });
  let hits = Array.from(scores.values()).filter((h) => h.words > 0);
  const complete = hits.some((h) => h.words === need);
  if (complete) hits = hits.filter((h) => h.words === need);
  const docs = idx.raw.docs;
  hits.sort((a, b) => b.words - a.words || b.score - a.score || docs[a.doc].t.localeCompare(docs[b.doc].t, "nl"));
  const texts = words.map((w) => w.text);
  return { words: texts, hits, complete: complete || hits.length === 0, suggestion: suggest(idx, texts) };
}

// matchForms returns the pages any of a word's forms finds, each with its best score.
function matchForms(idx: Index, forms: string[], typing: boolean): Map<number, number> {
  const best = matchWord(idx, forms[0], typing);
  for (const f of forms.slice(1)) {
    for (const [doc, s] of matchWord(idx, f, false)) if (s > (best.get(doc) ?? 0)) best.set(doc, s);
  }
  return best;
}

// matchWord returns the pages word finds, each with the score of its best match there.
export function matchWord(idx: Index, word: string, typing: boolean): Map<number, number> {
  const best = new Map<number, number>();
  const take = (term: number, quality: number) =>
    eachPosting(idx, term, (doc, value) => {
      const s = quality * fieldScore(value);
      if (s > (best.get(doc) ?? 0)) best.set(doc, s);
    });
  const terms = idx.raw.terms;
  const exact = idx.termNo.get(word);
  if (exact !== undefined) take(exact, QUALITY.exact);
  const wordStem = stem(word);
  const sameStem = idx.byStem.get(wordStem) ?? [];
  for (const t of sameStem) if (t !== exact) take(t, QUALITY.stem);
  matchCompound(idx, word, best);
  if (word.length >= 3 || typing) {
    for (let t = lowerBound(terms, word); t < terms.length && terms[t].startsWith(word); t++) {
      if (t !== exact) take(t, QUALITY.prefix);
    }
  }
  for (const s of idx.stemList) {
    if (related(wordStem, s)) for (const t of idx.byStem.get(s)!) take(t, QUALITY.related);
  }
  if (exact === undefined && sameStem.length === 0) {
    for (const t of typos(idx, word)) take(t, QUALITY.typo);
  }
  return best;
}

// matchCompound adds the pages that have every part of word, when it is a compound word by the
// rule of the build; a part is found as it stands or, when it is no term, by its stem.
function matchCompound(idx: Index, word: string, best: Map<number, number>): void {
  const parts = split(word, (w) => idx.termNo.has(w), (s) => idx.byStem.has(s), (w) => idx.stop.has(w));
  if (!parts) return;
  let sums = new Map<number, number>(); // pages with every part so far → their summed scores
  parts.forEach((p, i) => {
    const exact = idx.termNo.get(p);
    const here = new Map<number, number>();
    for (const t of exact !== undefined ? [exact] : idx.byStem.get(stem(p)) ?? []) {
      eachPosting(idx, t, (doc, value) => {
        if (i > 0 && !sums.has(doc)) return;
        const s = (sums.get(doc) ?? 0) + fieldScore(value);
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
    if (idx.byStem.has(stem(w)) || (t < idx.raw.terms.length && idx.raw.terms[t].startsWith(w))) return w;
    let bestTerm = "";
    let bestDistance = Infinity;
    let bestPages = 0;
    for (const t of typos(idx, w)) {
      const d = distance(w, idx.raw.terms[t], 2);
      const pages = idx.raw.postings[t].length;
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
