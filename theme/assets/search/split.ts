// The compound rule of generator/search (Split), which says it in full: cut a word of at least 7
// letters into a known modifier, a linking element ("", "s" or "en") and a known head. A Go test
// holds the two to each other over the knowledge base's vocabulary.

const MIN = 7;
const LINKS = ["", "s", "en"];
// Prefixes that make words without making compounds: never a modifier.
const PREFIXES = new Set(["ver", "her", "ont", "mis"]);

// split returns the modifier and head of word, or null. known says whether a word is known as it
// stands, knownStem whether a word has the stem of a known word, stop whether a word is a stop
// word.
export function split(
  word: string,
  known: (w: string) => boolean,
  knownStem: (s: string) => boolean,
  stop: (w: string) => boolean,
): string[] | null {
  if (word.length < MIN || !/^[a-z]+$/.test(word)) return null;
  for (let m = word.length - 4; m >= 3; m--) {
    const mod = word.slice(0, m);
    const plural = m >= 4 && (known(mod + "s") || known(mod + "en"));
    if (!(known(mod) || plural) || stop(mod) || PREFIXES.has(mod)) continue;
    const rest = word.slice(m);
    for (const link of LINKS) {
      if (rest.length < link.length + 4 || !rest.startsWith(link)) continue;
      const head = rest.slice(link.length);
      if (stop(head)) continue;
      if (known(head) || (head.length >= 6 && knownStem(head))) return [mod, head];
    }
  }
  return null;
}
