package dutch

import (
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/werkplaats-jeugd/kennisbank/internal/tsrun"
)

var (
	tsOnce   sync.Once
	tsModule *tsrun.Module
	tsErr    error
)

// browserStem is assets/search/stem.ts, the stemmer the browser runs, in goja.
func browserStem(t testing.TB) *tsrun.Module {
	tsOnce.Do(func() { tsModule, tsErr = tsrun.Load("../..", "theme/assets/search/stem.ts") })
	if tsErr != nil {
		t.Fatal(tsErr)
	}
	return tsModule
}

// stemAll stems words in the browser's stemmer, in one call.
func stemAll(t testing.TB, words []string) []string {
	m := browserStem(t)
	v, err := m.Eval(`(words) => words.map(w => TSRunModule.stem(w))`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(v)
	res, err := fn(goja.Undefined(), m.Runtime().ToValue(words))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	if err := m.Runtime().ExportTo(res, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBrowserStemGivesSnowballsOutput holds the browser's stemmer, in goja, to Snowball's output
// and so to Stem, over every fifth word of Snowball's Dutch vocabulary (goja is slow; a test in
// internal/sitetest runs the whole vocabulary in Chromium).
func TestBrowserStemGivesSnowballsOutput(t *testing.T) {
	all, allStems := snowballVocabulary(t)
	var words, stems []string
	for i := 0; i < len(all); i += 5 {
		words, stems = append(words, all[i]), append(stems, allStems[i])
	}
	got := stemAll(t, words)
	bad := 0
	for i, w := range words {
		if got[i] != stems[i] {
			if bad++; bad <= 30 {
				t.Errorf("the browser stems %q to %q, Snowball to %q", w, got[i], stems[i])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d words stem differently in the browser", bad, len(words))
	}
}

// FuzzStem checks that Stem never fails on any word and that the browser's stemmer agrees.
func FuzzStem(f *testing.F) {
	for _, s := range []string{"herinneringen", "geïnd", "opgewerkt", "gevallen", "ijs", "eë", "ge", "'s", "aaaaa", "zzzz", "innig", "schilderij"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, r := range s {
			if r > 0xFFFF {
				return // the browser counts UTF-16 units; Dutch words have none above the BMP
			}
		}
		got := Stem(s)
		if ts := stemAll(t, []string{s})[0]; ts != got {
			t.Fatalf("Stem(%q) = %q, the browser gives %q", s, got, ts)
		}
	})
}
