// What a query asks for: its words, folded (assets/_fold.ts), without stop words unless it has
// nothing else, and with each Dutch separable verb that the query splits joined again: in
// "jongeren haken af" the particle "af" belongs to "haken", so the word also finds "afhaken"
// (when the index knows that word), and "af" is no word of its own. A full form of one of the
// field's abbreviations is read as the abbreviation, which the index gives every page that
// uses either (generator/search): "licht verstandelijke beperking" is one word, "lvb".
import { words as foldWords } from "../_fold";
import { Index, stemKey, termOf } from "./index";

// The particles of Dutch separable verbs.
const PARTICLES = new Set([
  "aan", "achter", "af", "bij", "binnen", "door", "in", "mee", "na", "neer", "om", "onder", "op",
  "over", "rond", "samen", "tegen", "terug", "toe", "uit", "vast", "voor", "weg",
]);

export interface Word {
  text: string; // as the reader typed it, folded
  forms: string[]; // text, and the separable verb it makes with a particle of the query
}

// parse returns the words of query. While the reader types, the last word may be one letter;
// nothing else changes, so that the header's suggestions, which rank as the reader types, give
// the order of the zoeken/ page for the same query.
export function parse(idx: Index, query: string, typing = false): Word[] {
  const [all, shorts] = readFullForms(idx, foldWords(query));
  const typed = all.filter((w, i) => w.length >= 2 || (typing && i === all.length - 1));
  const known = (w: string) => termOf(idx, w) >= 0 || idx.byStem.has(stemKey(w));
  const joined = new Set<string>(); // particles that joined a verb
  const words: Word[] = [];
  typed.forEach((w, i) => {
    if (idx.stop.has(w) || PARTICLES.has(w) || words.some((x) => x.text === w)) return;
    const forms = [w];
    typed.forEach((p, j) => {
      if (j !== i && PARTICLES.has(p) && w.length >= 3 && known(p + w)) {
        forms.push(p + w);
        joined.add(p);
      }
    });
    words.push({ text: w, forms });
  });
  // A particle that joined no verb is a word like any other (unless it is a stop word).
  for (const p of typed) {
    if (PARTICLES.has(p) && !joined.has(p) && !idx.stop.has(p) && !words.some((x) => x.text === p)) {
      words.push({ text: p, forms: [p] });
    }
  }
  for (const s of shorts) if (!words.some((x) => x.text === s)) words.push({ text: s, forms: [s] });
  if (words.length === 0) {
    for (const w of new Set(typed)) words.push({ text: w, forms: [w] });
  }
  return words;
}

// readFullForms finds the full forms of abbreviations in words, as the build does in a page's
// text (the same stems, one after the other), and returns the other words and the abbreviations.
function readFullForms(idx: Index, words: string[]): [string[], string[]] {
  if (idx.fullForms.length === 0) return [words, []];
  const stems = words.map(stemKey);
  const taken = new Array<boolean>(words.length).fill(false);
  const shorts: string[] = [];
  for (let end = 1; end <= words.length; end++) {
    for (const f of idx.fullForms) {
      const start = end - f.stems.length;
      if (start < 0 || f.stems.some((s, j) => s !== stems[start + j])) continue;
      for (let j = start; j < end; j++) taken[j] = true;
      shorts.push(f.short);
    }
  }
  return [words.filter((_, i) => !taken[i]), shorts];
}
