package search

import "github.com/werkplaats-jeugd/kennisbank/generator/dutch"

// Compound words are matched by their parts: a page about "regelgeving" is found by "regel",
// and a query for "personeelsverloop" finds the pages that speak of "personeel" and "verloop".
// The parts come from the knowledge base itself: Split cuts a word where it starts with a word
// the site knows, as Dutch compounds are made.
//
// The rule, for a word of at least 7 letters a-z: cut it into a modifier, a linking element ("",
// "s" or "en", as in personeel-s-verloop and boek-en-kast) and a head, where
//
//   - the modifier is a known word of at least 3 letters, or one of at least 4 that is a known
//     word without its ending -s or -en ("regel" of "regels", "behandel" of "behandelen"); it is
//     not the prefix ver, her, ont or mis;
//   - the head is a known word of at least 4 letters, or has at least 6 and the stem of a known
//     word (compared as stemKey compares stems): "geving" has the stem of "geven", so
//     "regelgeving" is regel-geving;
//   - neither is a stop word.
//
// The longest modifier wins, then the linking elements in the order given. At build time the
// known words are the words of the knowledge base; in the browser (assets/search/split.ts runs
// the same rule, and a test holds the two together) they are the index's terms, which include the
// parts found at build time.

// compoundMin is the length of the shortest word Split cuts.
const compoundMin = 7

// prefixes are Dutch prefixes that make words without making compounds ("verloop" is no "ver"
// and "loop"); a modifier is never one of them.
var prefixes = map[string]bool{"ver": true, "her": true, "ont": true, "mis": true}

// Split returns the modifier and head of a compound word, or nil when word is none by the rule.
// known reports whether a word is one of the known words as it stands; knownStem whether a word
// has the stem of a known word.
func Split(word string, known, knownStem func(string) bool) []string {
	if len(word) < compoundMin {
		return nil
	}
	for i := 0; i < len(word); i++ {
		if word[i] < 'a' || word[i] > 'z' {
			return nil
		}
	}
	for m := len(word) - 4; m >= 3; m-- {
		mod := word[:m]
		if !(known(mod) || m >= 4 && (known(mod+"s") || known(mod+"en"))) || dutch.IsStopWord(mod) || prefixes[mod] {
			continue
		}
		for _, link := range []string{"", "s", "en"} {
			rest := word[m:]
			if len(rest) < len(link)+4 || rest[:len(link)] != link {
				continue
			}
			head := rest[len(link):]
			if dutch.IsStopWord(head) {
				continue
			}
			if known(head) || len(head) >= 6 && knownStem(head) {
				return []string{mod, head}
			}
		}
	}
	return nil
}
