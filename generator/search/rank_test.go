package search

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/tsrun"
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
	return rankWithAbbreviations(t, docs, nil)
}

func rankWithAbbreviations(t *testing.T, docs []Doc, abbr []Abbreviation) func(query string, typing bool) ranked {
	t.Helper()
	full, err := Build(docs, abbr, nil).JSON()
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

func TestTitleAboveZoektermenAboveSummaryAboveHeadingsAboveBody(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Kennis", URL: "body/", Kind: "Determinant", Text: "Een training helpt. Na de training weet je meer over het vak."},
		{Title: "Oefenen", URL: "headings/", Kind: "Strategie", Headings: []string{"Na de training"}, Text: "Na de training oefen je met collega's."},
		{Title: "Doelen stellen", URL: "summary/", Kind: "Strategie", Summary: "Je maakt een plan na de training."},
		{Title: "Scholing", URL: "terms/", Kind: "Strategie", Terms: []string{"training"}},
		{Title: "Training interactief maken", URL: "title/", Kind: "Strategie"},
		{Title: "Weer iets anders", URL: "none/", Kind: "Nieuwsbericht", Text: "Niets hierover."},
	})
	got := search("training", false).URLs
	if want := []string{"title/", "terms/", "summary/", "headings/", "body/"}; !slices.Equal(got, want) {
		t.Errorf("training: %v, want %v (title, zoektermen, summary, headings, body; kinds mixed)", got, want)
	}
}

// filler is text about other things, to make a page long.
var filler = strings.Repeat("Het team bespreekt elke week de planning, de gesprekken met ouders en de dossiers. ", 40)

// TestLongPagesDoNotBeatTitles: a long page that uses a word often comes after a short page
// with the word in its title.
func TestLongPagesDoNotBeatTitles(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Werk en samenwerking in de regio", URL: "long/", Kind: "Leernetwerk", Text: filler + strings.Repeat("Het werk verandert. Ander werk, nieuw werk. ", 6)},
		{Title: "Werk en rust", URL: "title/", Kind: "Determinant", Text: "Over werk en rust."},
		{Title: "Kennis", URL: "a/", Kind: "Determinant", Text: "Over kennis."},
		{Title: "Steun", URL: "b/", Kind: "Determinant", Text: "Over steun."},
	})
	if got := search("werk", false).URLs; len(got) < 2 || got[0] != "title/" {
		t.Errorf("werk: %v, want the page with werk in its title first", got)
	}
}

// TestShareOfWordsIsAFactorNotAGate: a page that has one of the query's words in its title
// comes before pages that have every word in passing, and those still come, as do the pages
// with only the other word.
func TestShareOfWordsIsAFactorNotAGate(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Beschikbare tijd", URL: "tijd/", Kind: "Determinant", Terms: []string{"tijdgebrek", "tijdsdruk"}, Text: "Heb je tijd voor de innovatie? Tijd is schaars."},
		{Title: "Personele capaciteit", URL: "passing/", Kind: "Determinant", Text: filler + "Er zijn te weinig mensen in het team, dus is er weinig tijd voor extra taken."},
		{Title: "Nieuws", URL: "news/", Kind: "Nieuwsbericht", Text: filler + "Het team had deze maand weinig tijd."},
		{Title: "Kennis", URL: "a/", Kind: "Determinant", Text: "Het team leert."},
		{Title: "Steun", URL: "b/", Kind: "Determinant", Text: "Het team steunt."},
		{Title: "Draagvlak", URL: "c/", Kind: "Determinant", Text: "Het team doet mee."},
	})
	r := search("tijd in het team", false)
	if len(r.URLs) < 3 || r.URLs[0] != "tijd/" || !r.Complete {
		t.Errorf("tijd in het team: %+v, want Beschikbare tijd first, the pages with both words too", r)
	}
	if !slices.Contains(r.URLs, "passing/") || !slices.Contains(r.URLs, "a/") {
		t.Errorf("tijd in het team: %v, want pages with one of the words as well", r.URLs)
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

// TestWholeWordsBeatPartsInBetterFields: a word as a whole word in the body comes before the
// same letters as a part of a compound word, even in the zoektermen; a whole word in the
// zoektermen before a part in the title.
func TestWholeWordsBeatPartsInBetterFields(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Verwachte spijt", URL: "terms/", Kind: "Strategie", Terms: []string{"gemiste kansen", "gevolgen voor het kind", "emotie", "achteraf"}, Text: filler},
		{Title: "Kinderopvang", URL: "part/", Kind: "Nieuwsbericht", Text: "Over de opvang van kinderen."},
		{Title: "Relevantie voor de cliënt", URL: "whole/", Kind: "Determinant", Text: "Past de aanpak bij het kind en het gezin?"},
		{Title: "Kind", URL: "title/", Kind: "Pagina"},
	})
	got := search("kind", false).URLs
	if want := []string{"title/", "terms/", "whole/"}; len(got) < 3 || !slices.Equal(got[:3], want) {
		t.Errorf("kind: %v, want %v first, then the compound word", got, want)
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
	if !r.Complete || len(r.URLs) != 3 || r.URLs[0] != "both/" {
		t.Errorf("feedback planning: %+v, want the page with both words first, then those with one", r)
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

// TestTyposOnlyWhenNothingMatches: a word that finds pages as it stands (here as the start of a
// longer word) does not also find the words a typing error or two away.
func TestTyposOnlyWhenNothingMatches(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Jeugdhulp in de wijk", URL: "prefix/", Kind: "Strategie"},
		{Title: "Het jeugdhuis", URL: "typo/", Kind: "Nieuwsbericht"},
		{Title: "Kennis", URL: "kennis/", Kind: "Determinant"},
	})
	if got := search("jeugdhul", false).URLs; !slices.Equal(got, []string{"prefix/"}) {
		t.Errorf("jeugdhul: %v, want only the page it starts a word of", got)
	}
	if got := search("jeugdhuus", false).URLs; !slices.Contains(got, "typo/") {
		t.Errorf("jeugdhuus: %v, want the page a typing error away", got)
	}
}

// TestStemsThatDifferInADoubledVowelAreOneStem: the stemmer lengthens a vowel in some forms of a
// word and not in others; those forms find each other at the weight of a stem.
func TestStemsThatDifferInADoubledVowelAreOneStem(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Coördinator", URL: "coordinator/", Kind: "Determinant"},
		{Title: "Coördinatie", URL: "coordinatie/", Kind: "Determinant"},
		{Title: "Kennis", URL: "kennis/", Kind: "Determinant"},
	})
	if got := search("coordinatoren", false).URLs; len(got) == 0 || got[0] != "coordinator/" {
		t.Errorf("coordinatoren: %v, want Coördinator first", got)
	}
}

// TestQuestionsFindWhatTheyAsk: the question words and helpers of a question weigh nothing.
func TestQuestionsFindWhatTheyAsk(t *testing.T) {
	search := rankWith(t, []Doc{
		{Title: "Waarom evalueren", URL: "waarom/", Kind: "Strategie", Text: "Waarom gebruiken we dit? Waarom zo?"},
		{Title: "Beschrijvende norm", URL: "norm/", Kind: "Determinant", Terms: []string{"collega's doen mee"}, Text: "Gebruiken je collega's de innovatie?"},
		{Title: "Medewerking van de cliënt", URL: "client/", Kind: "Determinant", Terms: []string{"meedoen"}, Text: "Doet de cliënt mee?"},
	})
	if got := search("waarom gebruiken collega's het niet", false).URLs; len(got) == 0 || got[0] != "norm/" {
		t.Errorf("waarom gebruiken collega's het niet: %v, want the page about collega's first", got)
	}
}

// TestAbbreviationsFindTheirFullForms: LVB finds the page that writes it out, and the words
// written out, in any form, find the page that uses LVB, and not a page that has the same
// words apart.
func TestAbbreviationsFindTheirFullForms(t *testing.T) {
	search := rankWithAbbreviations(t, []Doc{
		{Title: "Jongeren met een LVB", URL: "short/", Kind: "Nieuwsbericht", Text: "Zij hebben een andere aanpak nodig."},
		{Title: "Aanpassen aan de doelgroep", URL: "long/", Kind: "Strategie", Text: "Voor jongeren met een licht verstandelijke beperking werkt dit anders."},
		{Title: "Licht en beperking", URL: "apart/", Kind: "Pagina", Text: "Een lichte beperking in het zicht; verstandelijke keuzes."},
		{Title: "Kennis", URL: "kennis/", Kind: "Determinant", Text: "Jongeren leren."},
	}, lvb)
	for _, q := range []string{"lvb", "LVB jongeren", "licht verstandelijke beperking", "jongeren die licht verstandelijk beperkt zijn"} {
		got := search(q, false).URLs
		if len(got) < 2 || !slices.Contains(got[:2], "short/") || !slices.Contains(got[:2], "long/") {
			t.Errorf("%s: %v, want both the page with LVB and the one with the full form first", q, got)
		}
		if slices.Contains(got, "apart/") {
			t.Errorf("%s: %v, want no page that has the words of the full form apart", q, got)
		}
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
	if got := search("jongeren haken", false).URLs; len(got) == 0 || got[0] != "haken/" {
		t.Errorf("jongeren haken: %v, want the page about haken first", got)
	}
}
