// Snowball's Dutch stemmer (Kraaij-Pohlmann, as Snowball 3 ships it): the same program as
// generator/dutch, generated with it from Snowball's own algorithms/dutch.sbl by
// tools/snowball/generate.sh into ./snowball (do not edit it there). Tests hold the two to each
// other and to Snowball's own output for its 45,670-word Dutch vocabulary.
import DutchStemmer from "./snowball/dutch_stemmer.js";

// One machine for every word: the browser runs one stem at a time.
const stemmer = new DutchStemmer();

// stem returns the stem of word, a lower-case Dutch word.
export function stem(word: string): string {
  return stemmer.stemWord(word);
}
