package fold

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/werkplaats-jeugd/kennisbank/internal/tsrun"
)

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Coördinatie: één Cliënt, JGZ-team (2024)", []string{"coordinatie", "een", "client", "jgz", "team", "2024"}},
		{"Wet- en regelgeving", []string{"wet", "en", "regelgeving"}},
		{"cliënt's", []string{"client", "s"}},
		{"e\u0301e\u0301n", []string{"een"}},                                            // decomposed accents
		{"imple\u00admentatie per\u200bsoneel", []string{"implementatie", "personeel"}}, // soft hyphen, zero-width space
		{"Ĳsselmonde ﬁlm m²", []string{"ijsselmonde", "film", "m2"}},                    // compatibility decompositions
		{"Straße ÆØ Łódź Þór İstanbul", []string{"strasse", "aeo", "lodz", "thor", "istanbul"}},
		{"한국어 ΟΔΟΣ ١٢٣ 👍", nil},          // other scripts separate words
		{"x\u0591y", []string{"x", "y"}}, // a mark outside the listed ranges separates
		{"", nil},
	} {
		if got := Words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Join("  Coördinator: één  ", "-"); got != "coordinator-een" {
		t.Errorf("Join = %q", got)
	}
}

// foldWhole applies the rule as stated, to the whole text at once: decompose everything, then
// fold character by character. Each decomposes one character at a time, with tables, and must
// agree.
func foldWhole(s string) []string {
	var out []string
	var word strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			word.WriteRune(r)
		case 'A' <= r && r <= 'Z':
			word.WriteRune(r + 'a' - 'A')
		case ignored(r):
		case spelled[r] != "":
			word.WriteString(spelled[r])
		default:
			if word.Len() > 0 {
				out = append(out, word.String())
			}
			word.Reset()
		}
	}
	if word.Len() > 0 {
		out = append(out, word.String())
	}
	return out
}

var (
	tsOnce sync.Once
	tsFold *tsrun.Module
	tsErr  error
)

// browserFold is assets/_fold.ts, the fold the browser runs, in goja.
func browserFold(t testing.TB) *tsrun.Module {
	tsOnce.Do(func() { tsFold, tsErr = tsrun.Load("../..", "theme/assets/_fold.ts") })
	if tsErr != nil {
		t.Fatal(tsErr)
	}
	return tsFold
}

func tsWords(t testing.TB, s string) []string {
	var out []string
	if err := browserFold(t).CallJSON(&out, "words", s); err != nil {
		t.Fatal(err)
	}
	return out
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Coördinatie: één Cliënt, JGZ-team (2024)", "e\u0301a\u0301", "\u212a", "ǅ Ǆ", "ﬁ", "한국어", "İstanbul", "a\u0323\u0302b", "ǽ", "x\u00ady", "ΟΔΟΣ", "𝐀𝐁"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // content is valid UTF-8: the loader refuses other files
		}
		got := Words(s)
		if want := foldWhole(s); !slices.Equal(got, want) {
			t.Fatalf("Words(%q) = %q, the rule applied to the whole text gives %q", s, got, want)
		}
		for _, w := range got {
			if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
				t.Fatalf("Words(%q) gives %q, not a word of a-z and 0-9", s, w)
			}
		}
		if again := Words(strings.Join(got, " ")); !slices.Equal(again, got) {
			t.Fatalf("folding the words of %q again changes them: %q → %q", s, got, again)
		}
		if ts := tsWords(t, s); !slices.Equal(ts, got) {
			t.Fatalf("the browser folds %q to %q, Go to %q", s, ts, got)
		}
	})
}

// BenchmarkEach folds the text of a long page, as the index does for every page.
func BenchmarkEach(b *testing.B) {
	text := strings.Repeat("De coördinator bespreekt met het JGZ-team hoe cliënten de nieuwe werkwijze ervaren. ", 200)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		n := 0
		Each(text, func(string) { n++ })
	}
}
