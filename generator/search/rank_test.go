package search

import (
	"encoding/json"
	"slices"
	"testing"

	"kennisbank/internal/tsrun"
)

// These tests run the browser's ranking (assets/search/rank.ts) in goja over indexes that Build
// makes of a few pages, so that each says one thing about the order readers see.

type ranked struct {
	URLs       []string
	Complete   bool
	Suggestion string
}

// rankWith indexes docs and returns a function that searches them as the zoeken/ page does.
func rankWith(t *testing.T, docs []Doc) func(query string, typing bool) ranked {
	t.Helper()
	full, err := Build(docs, nil).Full()
	if err != nil {
		t.Fatal(err)
	}
	m, err := tsrun.Load("../..", "theme/assets/search/rank.ts")
	if err != nil {
		t.Fatal(err)
	}
	idx, err := m.Call("prepare", m.Runtime().ToValue(jsonValue(t, full)))
	if err != nil {
		t.Fatal(err)
	}
	return func(query string, typing bool) ranked {
		res, err := m.Call("search", idx, query, map[string]bool{"typing": typing})
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			Hits       []struct{ Doc int }
			Complete   bool
			Suggestion string
		}
		b, _ := json.Marshal(res.Export())
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		out := ranked{Complete: r.Complete, Suggestion: r.Suggestion}
		for _, h := range r.Hits {
			out.URLs = append(out.URLs, docs[h.Doc].URL)
		}
		return out
	}
}

func jsonValue(t *testing.T, data []byte) any {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// before reports whether a comes before b in urls (both present).
func before(urls []string, a, b string) bool {
	i, j := slices.Index(urls, a), slices.Index(urls, b)
	return i >= 0 && j >= 0 && i < j
}

func TestTitleAboveZoektermenAboveSummaryAboveBody(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Kennis", URL: "body/", Kind: "Determinant", Text: "Een training helpt. Na de training weet je meer."},
		{Title: "Doelen stellen", URL: "summary/", Kind: "Strategie", Summary: "Je maakt een plan na de training."},
		{Title: "Scholing", URL: "terms/", Kind: "Strategie", Terms: []string{"training"}},
		{Title: "Training interactief maken", URL: "title/", Kind: "Strategie"},
		{Title: "Weer iets anders", URL: "none/", Kind: "Nieuwsbericht", Text: "Niets hierover."},
	})
	got := search("training", false).URLs
	if want := []string{"title/", "terms/", "summary/", "body/"}; !slices.Equal(got, want) {
		t.Errorf("training: %v, want %v (title, zoektermen, summary, body; kinds mixed)", got, want)
	}
}

func TestExactAboveStemAbovePrefix(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Regelneven", URL: "prefix/", Kind: "Strategie"},
		{Title: "Regels", URL: "stem/", Kind: "Strategie"},
		{Title: "Regel", URL: "exact/", Kind: "Strategie"},
	})
	if got, want := search("regel", false).URLs, []string{"exact/", "stem/", "prefix/"}; !slices.Equal(got, want) {
		t.Errorf("regel: %v, want %v", got, want)
	}
	if got := search("herinneringen", false).URLs; len(got) != 0 {
		t.Errorf("a word on no page finds %v", got)
	}
}

func TestDutchFormsFindEachOther(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Uitvoerders herinneren", URL: "herinneren/", Kind: "Strategie"},
		{Title: "Kennis", URL: "kennis/", Kind: "Determinant"},
	})
	for _, q := range []string{"herinneringen", "herinnering", "herinnerde", "Herinneren"} {
		if got := search(q, false).URLs; !slices.Equal(got, []string{"herinneren/"}) {
			t.Errorf("%s: %v, want the page about herinneren", q, got)
		}
	}
}

func TestCompoundWordsAndTheirParts(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Onrust", URL: "parts/", Kind: "Determinant", Text: "Veel verloop onder het personeel maakt het moeilijk."},
		{Title: "Vervanging bij vertrek", URL: "whole/", Kind: "Determinant", Text: "Bij personeelsverloop regel je het inwerken."},
		{Title: "Wet- en regelgeving", URL: "wet/", Kind: "Determinant", Text: "Regels kunnen helpen of in de weg zitten. Je kunt feedback geven."},
		{Title: "Thuiszittende leerlingen", URL: "thuis/", Kind: "Nieuwsbericht", Text: "Thuis zitten is niet goed."},
	})
	got := search("personeelsverloop", false).URLs
	if want := []string{"whole/", "parts/"}; !slices.Equal(got, want) {
		t.Errorf("personeelsverloop: %v, want the whole word first, then its parts %v", got, want)
	}
	if got := search("verloop", false).URLs; !slices.Contains(got, "whole/") {
		t.Errorf("verloop does not find personeelsverloop: %v", got)
	}
	if got := search("wetgeving", false).URLs; len(got) == 0 || got[0] != "wet/" {
		t.Errorf("wetgeving: %v, want Wet- en regelgeving first", got)
	}
	if got := search("thuiszitters", false).URLs; len(got) == 0 || got[0] != "thuis/" {
		t.Errorf("thuiszitters: %v, want the page about thuiszittende leerlingen", got)
	}
}

func TestMostWordsWhenNoPageHasAll(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Audit en feedback", URL: "feedback/", Kind: "Strategie"},
		{Title: "Feedback geven over de planning", URL: "both/", Kind: "Strategie"},
		{Title: "Planning", URL: "planning/", Kind: "Strategie"},
		{Title: "Kennis", URL: "a/", Kind: "Determinant"},
		{Title: "Steun", URL: "b/", Kind: "Determinant"},
		{Title: "Tijd", URL: "c/", Kind: "Determinant"},
	})
	r := search("feedback planning", false)
	if !r.Complete || !slices.Equal(r.URLs, []string{"both/"}) {
		t.Errorf("feedback planning: %+v, want only the page with both words", r)
	}
	r = search("feedback kaas", false)
	if r.Complete || len(r.URLs) != 2 || !slices.Contains(r.URLs, "feedback/") {
		t.Errorf("feedback kaas: %+v, want the two pages with feedback, marked incomplete", r)
	}
}

func TestTyposAreForgivenAndCorrected(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Ambassadeurs kiezen en voorbereiden", URL: "ambassadeurs/", Kind: "Strategie"},
		{Title: "Complexiteit", URL: "complexiteit/", Kind: "Determinant"},
		{Title: "Kennis", URL: "kennis/", Kind: "Determinant"},
	})
	for q, want := range map[string]string{"ambasadeurs": "ambassadeurs", "complexitiet": "complexiteit", "ambasadeurs kenis": "ambassadeurs kennis"} {
		r := search(q, false)
		if r.Suggestion != want || len(r.URLs) == 0 {
			t.Errorf("%s: suggestion %q and %v, want %q and pages", q, r.Suggestion, r.URLs, want)
		}
	}
	if r := search("ambassad", false); r.Suggestion != "" || !slices.Equal(r.URLs, []string{"ambassadeurs/"}) {
		t.Errorf("the start of a word is no typo: %+v", r)
	}
}

func TestTypingMatchesTheLastWordAsAPrefix(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Coördinator", URL: "coordinator/", Kind: "Determinant"},
		{Title: "Complexiteit", URL: "complexiteit/", Kind: "Determinant"},
	})
	if got := search("co", true).URLs; len(got) != 2 {
		t.Errorf("typing co: %v, want both pages", got)
	}
	if got := search("coö", true).URLs; !slices.Equal(got, []string{"coordinator/"}) {
		t.Errorf("typing coö: %v", got)
	}
	if got := search("co", false).URLs; len(got) != 0 {
		t.Errorf("a two-letter word that is not being typed matched as a prefix: %v", got)
	}
}

func TestSeparableVerbsAreJoined(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Cliënten ondersteunen", URL: "afhaken/", Kind: "Strategie", Text: "Voorkom afhaken van jongeren door snel contact."},
		{Title: "Handwerken", URL: "haken/", Kind: "Nieuwsbericht", Text: "Over haken en breien met jongeren."},
		{Title: "Kennis", URL: "kennis/", Kind: "Determinant"},
		{Title: "Steun", URL: "steun/", Kind: "Determinant"},
	})
	// "af" joins "haken": the query asks for jongeren and (haken or afhaken), not for "af".
	if got := search("jongeren haken af", false).URLs; !slices.Equal(got, []string{"afhaken/", "haken/"}) && !slices.Equal(got, []string{"haken/", "afhaken/"}) {
		t.Errorf("jongeren haken af: %v, want both the page about afhaken and the one about haken", got)
	}
	if got := search("jongeren haken", false).URLs; !slices.Equal(got, []string{"haken/"}) {
		t.Errorf("jongeren haken: %v, want only the page about haken", got)
	}
}
