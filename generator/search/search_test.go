package search

import (
	"encoding/json"
	"slices"
	"testing"

	"kennisbank/internal/corpus"
)

// decoded is an index file as the browser reads it, with the postings undone.
type decoded struct {
	Stop  []string `json:"stop"`
	Kinds []string `json:"kinds"`
	Docs  []struct {
		Title   string `json:"t"`
		URL     string `json:"u"`
		Kind    int    `json:"k"`
		Summary string `json:"s"`
	} `json:"docs"`
	Terms    []string `json:"terms"`
	Postings [][]int  `json:"postings"`
}

func decode(t *testing.T, data []byte) decoded {
	t.Helper()
	var d decoded
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("the index is no valid JSON: %v\n%s", err, data)
	}
	if len(d.Terms) != len(d.Postings) {
		t.Fatalf("%d terms, %d posting lists", len(d.Terms), len(d.Postings))
	}
	if !slices.IsSorted(d.Terms) {
		t.Fatal("terms are not sorted")
	}
	return d
}

// postings returns doc → value for term, or nil when term is not in the index.
func (d decoded) postings(term string) map[int]int {
	i, ok := slices.BinarySearch(d.Terms, term)
	if !ok {
		return nil
	}
	out := map[int]int{}
	doc := 0
	for j := 0; j < len(d.Postings[i]); j += 2 {
		doc += d.Postings[i][j]
		out[doc] = d.Postings[i][j+1]
	}
	return out
}

func whole(f int) int { return 1 << f }
func part(f int) int  { return 1 << (4 + f) }

// often is the bits for a word that occurs n times in the body.
func often(n int) int {
	switch {
	case n >= 8:
		return 3 << 8
	case n >= 4:
		return 2 << 8
	case n >= 2:
		return 1 << 8
	}
	return 0
}

var testDocs = []Doc{
	{Title: "Wet- en regelgeving", URL: "determinanten/29/", Kind: "Determinant", Summary: "Regels die de innovatie in de weg zitten.", Terms: []string{"wetten"}, Text: "Nieuwe regels geven ruimte. Regels, regels."},
	{Title: "Audit en feedback", URL: "strategieen/audit/", Kind: "Strategie", Terms: []string{"Audit and provide feedback"}, Text: "Je geeft feedback over het personeelsverloop en het verloop van het personeel."},
	{Title: "Coördinator", URL: "determinanten/25/", Kind: "Determinant", More: []string{"Is er een coördinator?"}, Text: "De coördinator regelt de invoering."},
}

func TestIndexSaysWhereEachWordStands(t *testing.T) {
	full, err := Build(testDocs, nil).Full()
	if err != nil {
		t.Fatal(err)
	}
	d := decode(t, full)
	for _, c := range []struct {
		term  string
		doc   int
		value int
	}{
		{"wet", 0, whole(fieldTitle)},
		{"regelgeving", 0, whole(fieldTitle)},
		{"regel", 0, part(fieldTitle)}, // a part of "regelgeving", where "regels" is known
		{"regels", 0, whole(fieldSummary) | whole(fieldBody) | often(3)},
		{"wetten", 0, whole(fieldTerms)},
		{"feedback", 1, whole(fieldTitle) | whole(fieldTerms) | whole(fieldBody)},
		{"personeel", 1, whole(fieldBody) | part(fieldBody) | often(2)}, // the word and a part of personeelsverloop
		{"verloop", 1, whole(fieldBody) | part(fieldBody) | often(2)},
		{"coordinator", 2, whole(fieldTitle) | whole(fieldSummary) | whole(fieldBody)},
	} {
		p := d.postings(c.term)
		if p == nil {
			t.Errorf("%q is not in the index", c.term)
			continue
		}
		if got := p[c.doc]; got != c.value {
			t.Errorf("%q on page %d: value %#x, want %#x", c.term, c.doc, got, c.value)
		}
	}
	for _, stop := range []string{"de", "en", "het", "in"} {
		if d.postings(stop) != nil {
			t.Errorf("the stop word %q is in the index", stop)
		}
	}
	if len(d.Stop) == 0 || d.Kinds[d.Docs[1].Kind] != "Strategie" || d.Docs[0].Summary == "" {
		t.Errorf("stop words, kinds or summaries missing: %+v", d)
	}
}

func TestSuggestionsHoldTitlesAndZoektermenOnly(t *testing.T) {
	small, err := Build(testDocs, nil).Suggestions()
	if err != nil {
		t.Fatal(err)
	}
	d := decode(t, small)
	for _, term := range []string{"wetten", "regelgeving", "regel", "audit", "provide", "coordinator"} {
		if d.postings(term) == nil {
			t.Errorf("%q, from a title or the zoektermen, is not in the suggestions", term)
		}
	}
	for _, term := range []string{"ruimte", "personeelsverloop", "invoering"} {
		if d.postings(term) != nil {
			t.Errorf("%q, only in a body, is in the suggestions", term)
		}
	}
	if p := d.postings("coordinator"); p[2] != whole(fieldTitle)|whole(fieldSummary)|whole(fieldBody) {
		t.Errorf("a posting in the suggestions must keep its whole value, got %#x", p[2])
	}
	for _, doc := range d.Docs {
		if doc.Summary != "" {
			t.Errorf("the suggestions carry a summary: %q", doc.Summary)
		}
	}
}

func TestMemoGivesTheSameIndex(t *testing.T) {
	docs := slices.Clone(testDocs)
	memo := NewMemo()
	first, _ := Build(docs, memo).Full()
	docs[1].Text = "Drie nieuwe woorden"
	again, _ := Build(docs, memo).Full()
	want, _ := Build(docs, nil).Full()
	if string(again) != string(want) || string(first) == string(again) {
		t.Errorf("a memo must not change the index:\n%s\n%s", again, want)
	}
	if len(memo.pages) != len(docs) {
		t.Errorf("the memo keeps %d pages, want the %d current ones", len(memo.pages), len(docs))
	}
}

func TestEmptyIndexIsValid(t *testing.T) {
	for _, docs := range [][]Doc{nil, {{Title: "", URL: "x/", Kind: "Pagina"}}} {
		full, err := Build(docs, nil).Full()
		if err != nil {
			t.Fatal(err)
		}
		d := decode(t, full)
		if len(d.Terms) != 0 {
			t.Errorf("terms %v for pages without words", d.Terms)
		}
	}
}

// BenchmarkIndex indexes the text of a generated knowledge base of 10,000 pages, as a build does.
func BenchmarkIndex(b *testing.B) {
	c := corpus.Generate(10000)
	var docs []Doc
	for _, s := range c.Strategies {
		docs = append(docs, Doc{Title: s.Title, URL: "strategieen/" + s.ID + "/", Kind: "Strategie", Summary: s.Summary, Terms: []string{s.TitleEN}, Text: s.Body})
	}
	for _, p := range c.Posts {
		docs = append(docs, Doc{Title: p.Title, URL: "nieuws/" + p.ID + "/", Kind: "Nieuwsbericht", Text: p.Body})
	}
	b.ReportAllocs()
	for b.Loop() {
		idx := Build(docs, nil)
		if _, err := idx.Full(); err != nil {
			b.Fatal(err)
		}
		if _, err := idx.Suggestions(); err != nil {
			b.Fatal(err)
		}
	}
}
