package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldWhole is Fold as first written: decompose the whole text at once. Fold works run by run
// for speed and must give exactly the same terms, or the browser would not find them.
func foldWhole(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Coördinatie: één Cliënt, JGZ-team (2024)", "e\u0301a\u0301", "\u212a", "ǅ Ǆ", "ﬁ", "한국어", "İstanbul", "a\u0323\u0302b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // content is valid UTF-8: the loader refuses other files
		}
		if got, want := Fold(s), foldWhole(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
		var terms []string
		eachTerm(Fold(s), func(t string) { terms = append(terms, t) })
		if want := Terms(s); !slices.Equal(terms, want) {
			t.Fatalf("eachTerm gives %q, Terms %q", terms, want)
		}
	})
}
