package generator

import (
	"path/filepath"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

// These tests read the real knowledge base in content/: what readers rely on must hold.

func TestKnowledgeBaseIsComplete(t *testing.T) {
	c, probs := content.Load("..")
	if len(probs) > 0 {
		t.Fatalf("content/ has problems:\n%v", probs)
	}
	if len(c.Determinants) != 29 {
		t.Errorf("%d determinants, want the 29 of MIDI", len(c.Determinants))
	}
	perCategory := map[string]int{}
	numbers := map[int]bool{}
	for _, d := range c.Determinants {
		perCategory[d.Categorie]++
		numbers[d.Nummer] = true
		kern := 0
		for _, l := range d.Links {
			if l.Strength == "kern" {
				kern++
			}
			if l.Source == "" {
				t.Errorf("%s: link to %s has no source", d.File, l.Strategy)
			}
		}
		if len(d.Links) < 3 || kern < 1 {
			t.Errorf("%s: %d links, %d kern; want at least 3 links and 1 kern", d.File, len(d.Links), kern)
		}
	}
	want := map[string]int{"innovatie": 7, "gebruiker": 11, "organisatie": 10, "sociaal-politieke-context": 1}
	for cat, n := range want {
		if perCategory[cat] != n {
			t.Errorf("category %s has %d determinants, MIDI has %d", cat, perCategory[cat], n)
		}
	}
	for n := 1; n <= 29; n++ {
		if !numbers[n] {
			t.Errorf("no determinant with number %d", n)
		}
	}
	if len(c.Strategies) < 100 {
		t.Errorf("%d strategies, want at least 100", len(c.Strategies))
	}
	linked := map[string]bool{}
	for _, d := range c.Determinants {
		for _, l := range d.Links {
			linked[l.Strategy] = true
		}
	}
	for _, s := range c.Strategies {
		if !linked[s.ID] {
			t.Errorf("%s is linked from no determinant", s.File)
		}
	}
}

func TestRealSiteLinksResolveFromSubpath(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: "..", Out: out}); err != nil {
		t.Fatal(err)
	}
	for _, b := range crawl(t, out, "/sub/pad/") {
		t.Error(b)
	}
}
