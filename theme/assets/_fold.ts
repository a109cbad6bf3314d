// The site's one folding rule (generator/fold holds it and says it in full; a Go test runs this
// file and holds it to the Go): text becomes words of a–z and 0–9. Accents and other combining
// marks are left out, Latin letters without a decomposition are spelled out (æ → ae, ß → ss),
// and every other character separates words. Used by the search and the filters.

const ASCII = /^[\x00-\x7f]*$/;
// Combining diacritical marks, the soft hyphen and the zero-width characters: left out, so that
// the word they stand in stays whole.
const IGNORED = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SPELLED: Record<string, string> = {
  æ: "ae", Æ: "ae", œ: "oe", Œ: "oe", ß: "ss", ẞ: "ss", þ: "th", Þ: "th",
  ø: "o", Ø: "o", ð: "d", Ð: "d", đ: "d", Đ: "d", ħ: "h", Ħ: "h",
  ı: "i", ł: "l", Ł: "l", ŧ: "t", Ŧ: "t",
};
const SPELLED_RE = new RegExp("[" + Object.keys(SPELLED).join("") + "]", "g");

// words returns the folded words of s in order: "Coördinatie, JGZ-team" → coordinatie, jgz, team.
export function words(s: string): string[] {
  if (!ASCII.test(s)) {
    s = s.normalize("NFKD").replace(IGNORED, "").replace(SPELLED_RE, (c) => SPELLED[c]);
  }
  return s
    .replace(/[A-Z]+/g, (m) => m.toLowerCase())
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}
