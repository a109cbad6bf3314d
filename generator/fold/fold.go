// Package fold holds the one folding rule of the site: how text becomes the words that ids,
// the search index and the filters compare. Slugs (content.Slug), the search index (package
// search) and the browser (assets/_fold.ts, held to this package by a test that runs it) all fold
// with it, so a word a reader types is found wherever it stands.
//
// The rule, one character at a time after compatibility decomposition (NFKD: "é" becomes "e"
// and a combining acute accent, "ĳ" becomes "ij", "ﬁ" becomes "fi", "²" becomes "2"):
//
//   - A–Z become a–z; a–z and 0–9 stay: they make up words.
//   - Combining diacritical marks are left out, so that the letter before them stays in its word
//     ("coördinatie" → "coordinatie"): U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF,
//     U+20D0–U+20FF and U+FE20–U+FE2F. So are the invisible characters that sit inside words:
//     the soft hyphen U+00AD, U+200B–U+200D (zero-width space, non-joiner, joiner), U+2060 (word
//     joiner) and U+FEFF.
//   - Latin letters without a decomposition are spelled out: æ → ae, œ → oe, ß and ẞ → ss,
//     þ → th, ø → o, ð and đ → d, ħ → h, ı → i, ł → l, ŧ → t (capitals alike).
//   - Every other character separates words: spaces, punctuation, apostrophes, hyphens,
//     symbols, other scripts.
//
// So a word is a run of a–z and 0–9: "Wet- en regelgeving" is "wet", "en", "regelgeving";
// "cliënt's" is "client", "s". The ranges are listed rather than taken from Unicode's categories
// so that the browser, whose Unicode tables may be of another version, folds the same way; only
// NFKD comes from the tables, and its mappings of assigned characters never change. A character
// assigned after the Unicode version of golang.org/x/text (15.0) can fold otherwise in a browser
// that knows it already: a test in internal/sitetest compares every character in Chromium and
// counts those (two in Chromium 156: U+A7F1 and U+1CCD6, letters no Dutch text uses).
package fold

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words returns the folded words of s (valid UTF-8) in order.
func Words(s string) []string {
	var out []string
	Each(s, func(w string) { out = append(out, w) })
	return out
}

// Join returns the folded words of s joined by sep: Join("Coördinator", "-") is a slug.
func Join(s, sep string) string {
	var b strings.Builder
	Each(s, func(w string) {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(w)
	})
	return b.String()
}

// Each calls f with every folded word of s (valid UTF-8), in order.
func Each(s string, f func(word string)) {
	folded := Text(s)
	start := -1
	for i := 0; i <= len(folded); i++ {
		if i < len(folded) && folded[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(folded[start:i])
			start = -1
		}
	}
}

// Text folds every word of s (valid UTF-8) and turns everything between words into spaces.
// Text that needs no folding is returned as it is.
func Text(s string) string {
	i := asIs(s, 0)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			b.WriteString(foldRune(r))
			i += n
			continue
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b.WriteByte(c)
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(' ')
		}
		j := asIs(s, i+1)
		b.WriteString(s[i+1 : j])
		i = j
	}
	return b.String()
}

// asIs returns the end of the run of s from i that folding leaves as it is: a–z, 0–9 and spaces.
func asIs(s string, i int) int {
	for i < len(s) && ('a' <= s[i] && s[i] <= 'z' || '0' <= s[i] && s[i] <= '9' || s[i] == ' ') {
		i++
	}
	return i
}

// foldRune folds one character: the letters and digits it adds to the word it stands in, "" for
// a mark that is left out, and a space where it separates words ("½" gives "1 2").
func foldRune(r rune) string {
	if r < latinEnd {
		return latin[r]
	}
	return foldDecomposed(r)
}

// latinEnd ends the characters whose folds are kept in a table, for speed.
const latinEnd = 0x250

var latin = func() []string {
	out := make([]string, latinEnd)
	for r := rune(0); r < latinEnd; r++ {
		out[r] = foldDecomposed(r)
	}
	return out
}()

// foldDecomposed applies the rule to one character: decomposed, each part kept, left out or
// separating. Decomposing one character at a time gives what decomposing the whole text gives:
// canonical reordering only moves combining marks among themselves, and a mark is either left
// out or a separator, never part of a word.
func foldDecomposed(r rune) string {
	var b strings.Builder
	for _, p := range norm.NFKD.String(string(r)) {
		switch {
		case 'a' <= p && p <= 'z', '0' <= p && p <= '9':
			b.WriteRune(p)
		case 'A' <= p && p <= 'Z':
			b.WriteRune(p + 'a' - 'A')
		case ignored(p):
		case spelled[p] != "":
			b.WriteString(spelled[p])
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// ignored reports whether r is a combining diacritical mark or an invisible character that
// stands inside words.
func ignored(r rune) bool {
	switch {
	case 0x0300 <= r && r <= 0x036F, 0x1AB0 <= r && r <= 0x1AFF, 0x1DC0 <= r && r <= 0x1DFF,
		0x20D0 <= r && r <= 0x20FF, 0xFE20 <= r && r <= 0xFE2F:
		return true
	case r == 0x00AD, 0x200B <= r && r <= 0x200D, r == 0x2060, r == 0xFEFF:
		return true
	}
	return false
}

// spelled spells out the Latin letters that have no decomposition.
var spelled = map[rune]string{
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss", 'ẞ': "ss", 'þ': "th", 'Þ': "th",
	'ø': "o", 'Ø': "o", 'ð': "d", 'Ð': "d", 'đ': "d", 'Đ': "d", 'ħ': "h", 'Ħ': "h",
	'ı': "i", 'ł': "l", 'Ł': "l", 'ŧ': "t", 'Ŧ': "t",
}
