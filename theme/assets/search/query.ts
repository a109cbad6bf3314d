// What a query asks for: its words, folded (assets/_fold.ts), without stop words unless it has
// nothing else, and with each Dutch separable verb that the query splits joined again: in
// "jongeren haken af" the particle "af" belongs to "haken", so the word also finds "afhaken"
// (when the index knows that word), and "af" is no word of its own.
import { words as foldWords } from "../_fold";
import { Index } from "./index";
import { stem } from "./stem";

// The particles of Dutch separable verbs.
const PARTICLES = new Set([
  "aan", "achter", "af", "bij", "binnen", "door", "in", "mee", "na", "neer", "om", "onder", "op",
  "over", "rond", "samen", "tegen", "terug", "toe", "uit", "vast", "voor", "weg",
]);

export interface Word {
  text: string; // as the reader typed it, folded
  forms: string[]; // text, and the separable verb it makes with a particle of the query
}

// parse returns the words of query. While the reader types, the last word may be one letter.
export function parse(idx: Index, query: string, typing = false): Word[] {
  const all = foldWords(query);
  const typed = all.filter((w, i) => w.length >= 2 || (typing && i === all.length - 1));
  const known = (w: string) => idx.termNo.has(w) || idx.byStem.has(stem(w));
  const joined = new Set<string>(); // particles that joined a verb
  const words: Word[] = [];
  typed.forEach((w, i) => {
    if (idx.stop.has(w) || PARTICLES.has(w) || words.some((x) => x.text === w)) return;
    const forms = [w];
    typed.forEach((p, j) => {
      const stillTyped = typing && j === typed.length - 1;
      if (j !== i && PARTICLES.has(p) && !stillTyped && w.length >= 3 && known(p + w)) {
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
  if (words.length === 0) {
    for (const w of new Set(typed)) words.push({ text: w, forms: [w] });
  }
  return words;
}
