package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/dutch"
	"github.com/werkplaats-jeugd/kennisbank/internal/tsrun"
)

func vocabulary(words ...string) (known, knownStem func(string) bool) {
	set, stems := map[string]bool{}, map[string]bool{}
	for _, w := range words {
		set[w] = true
		stems[stemKey(w)] = true
	}
	return func(w string) bool { return set[w] }, func(w string) bool { return stems[stemKey(w)] }
}

func TestSplitCutsCompoundsWhereTheyAreMade(t *testing.T) {
	known, knownStem := vocabulary("personeel", "verloop", "regels", "geven", "thuis", "zitten", "wet", "loop", "behandelen", "plan", "kwaliteit", "monitoring", "boek", "kast")
	for _, c := range []struct {
		word string
		want []string
	}{
		{"personeelsverloop", []string{"personeel", "verloop"}}, // linking s
		{"regelgeving", []string{"regel", "geving"}},            // "regels" known; "geving" has the stem of "geven"
		{"thuiszittende", []string{"thuis", "zittende"}},
		{"wetgeving", []string{"wet", "geving"}},
		{"behandelplan", []string{"behandel", "plan"}},
		{"kwaliteitsmonitoring", []string{"kwaliteit", "monitoring"}},
		{"boekenkast", []string{"boek", "kast"}},     // linking en
		{"verloop", nil},                             // too short, and ver- is a prefix
		{"verloopplan", []string{"verloop", "plan"}}, // never ver + loopplan: ver- is a prefix
		{"personeel", nil},
		{"thuiszitters", nil}, // "zitters" has neither a known form nor a known stem
		{"wetgeving2024", nil},
	} {
		if got := Split(c.word, known, knownStem); !slices.Equal(got, c.want) {
			t.Errorf("Split(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// knowledgeBaseWords returns the folded words of every item in content/, as the index has them.
func knowledgeBaseWords(t *testing.T) []string {
	c, probs := content.Load("../..")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	var docs []Doc
	for _, spec := range content.Specs {
		for _, e := range spec.Entries(c) {
			it := e.Base()
			docs = append(docs, Doc{Title: it.Titel, Summary: it.Samenvatting, Terms: it.Zoektermen, Text: string(it.Body)})
		}
	}
	set := map[string]bool{}
	b := NewBuilder(nil, nil)
	for _, d := range docs {
		b.Add(d)
	}
	for _, pg := range b.pages {
		for _, wc := range pg.words {
			set[b.a.lex.words[wc.word]] = true
		}
	}
	var words []string
	for w := range set {
		words = append(words, w)
	}
	slices.Sort(words)
	return words
}

// TestBrowserSplitsAlike runs assets/search/split.ts, the rule the browser applies to query
// words, against Split over every word of the knowledge base and over compounds made of pairs
// of its words, with the knowledge base's words as the known ones.
func TestBrowserSplitsAlike(t *testing.T) {
	words := knowledgeBaseWords(t)
	tests := slices.Clone(words)
	for i := 0; i+1 < len(words); i += 7 {
		a, b := words[i], words[(i*31+17)%len(words)]
		tests = append(tests, a+b, a+"s"+b, a+"en"+b, strings.TrimSuffix(a, "s")+b)
	}
	known, knownStem := vocabulary(words...)
	m, err := tsrun.Load("../..", "theme/assets/search/split.ts")
	if err != nil {
		t.Fatal(err)
	}
	// The same knownStem for both: the stems are held together by TestBrowserStemKeysAlike.
	v, err := m.Eval(`(words, knownStem, stop, tests) => {
	  const K = new Set(words), STOP = new Set(stop);
	  return tests.map(w => (TSRunModule.split(w, x => K.has(x), knownStem, x => STOP.has(x)) || []).join(" "));
	}`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(v)
	vm := m.Runtime()
	res, err := fn(goja.Undefined(), vm.ToValue(words), vm.ToValue(knownStem), vm.ToValue(dutch.StopWords), vm.ToValue(tests))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := vm.ExportTo(res, &got); err != nil {
		t.Fatal(err)
	}
	split := 0
	for i, w := range tests {
		want := strings.Join(Split(w, known, knownStem), " ")
		if got[i] != want {
			t.Errorf("the browser splits %q into %q, Go into %q", w, got[i], want)
		}
		if want != "" {
			split++
		}
	}
	if split < len(tests)/10 {
		t.Errorf("only %d of %d words split: the test says little", split, len(tests))
	}
}

// TestBrowserStemKeysAlike holds assets/search/index.ts's stemKey to stemKey over every word of
// the knowledge base and the forms that lengthen a vowel.
func TestBrowserStemKeysAlike(t *testing.T) {
	words := append(knowledgeBaseWords(t), "coordinatoren", "evalueert", "evalueren", "taken", "maaaand")
	m, err := tsrun.Load("../..", "theme/assets/search/index.ts")
	if err != nil {
		t.Fatal(err)
	}
	doubled := 0
	for _, w := range words {
		v, err := m.Call("stemKey", w)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := v.String(), stemKey(w); got != want {
			t.Errorf("the browser's stem key of %q is %q, Go's %q", w, got, want)
		}
		if stemKey(w) != dutch.Stem(w) {
			doubled++
		}
	}
	if doubled < 10 {
		t.Errorf("only %d words have a doubled vowel in their stem: the test says little", doubled)
	}
	if got := stemKey("coordinatoren"); got != stemKey("coordinator") {
		t.Errorf("coordinatoren and coordinator have the stem keys %q and %q", got, stemKey("coordinator"))
	}
}
