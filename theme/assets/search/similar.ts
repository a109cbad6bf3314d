// Words that are near each other: stems that differ only a little, and words within a typing
// error or two. These loops run over every term of the index for each query word, so they avoid
// allocating.
import { Index } from "./index";

// related says whether two different stems are close: one starts the other and is at most three
// letters shorter (and at least five long). Stems a typing error apart are typos' business.
export function related(a: string, b: string): boolean {
  if (a === b) return false;
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  return long.length - short.length <= 3 && short.length >= 5 && long.startsWith(short);
}

const typoCache = new WeakMap<Index, Map<string, number[]>>();

// typos returns the terms within the typing errors allowed for word: one for words of four to
// seven letters, two for longer ones.
export function typos(idx: Index, word: string): number[] {
  let cache = typoCache.get(idx);
  if (!cache) typoCache.set(idx, (cache = new Map()));
  const known = cache.get(word);
  if (known) return known;
  const max = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  const out: number[] = [];
  const terms = idx.raw.terms;
  for (let i = 0; max > 0 && i < terms.length; i++) {
    if (Math.abs(terms[i].length - word.length) <= max && distance(word, terms[i], max) <= max) out.push(i);
  }
  cache.set(word, out);
  return out;
}

// Rows of the distance table, reused from call to call.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

// distance is the number of typing errors between a and b (insertions, deletions, substitutions
// and swaps of two neighbours), or max+1 when it is more than max.
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(2 * b.length + 2));
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[b.length], max + 1);
}
