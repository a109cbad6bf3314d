package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// decoded is an index file as the browser reads it, with the postings undone.
type decoded struct {
	Stop  []string `json:"stop"`
	Kinds []string `json:"kinds"`
	Docs  []struct {
		Title   string      `json:"t"`
		URL     string      `json:"u"`
		Kind    int         `json:"k"`
		Summary string      `json:"s"`
		Lengths [fields]int `json:"n"`
	} `json:"docs"`
	Terms    []string `json:"terms"`
	Postings []string `json:"postings"`
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
	numbers := strings.Split(d.Postings[i], ",")
	for j := 0; j+1 < len(numbers); j += 2 {
		gap, err1 := strconv.Atoi(numbers[j])
		value, err2 := strconv.Atoi(numbers[j+1])
		if err1 != nil || err2 != nil || len(numbers)%2 != 0 {
			panic(fmt.Sprintf("postings of %q: %q", term, d.Postings[i]))
		}
		doc += gap
		out[doc] = value
	}
	return out
}

// value is the posting value of a word that occurs n[f] times in field f as a whole word, and in
// the fields of parts as a part of a compound word.
func value(n [fields]int, parts ...int) int {
	body := 0
	for c, least := range bodyClasses {
		if n[fieldBody] >= int(least) {
			body = c + 1
		}
	}
	v := body
	for f := fieldBody + 1; f < fields; f++ {
		v |= min(n[f], 3) << (bodyBits + (f-1)*fieldBits)
	}
	for _, f := range parts {
		v |= 1 << (partShift + f)
	}
	return v
}

// in is the counts of a word in the fields given, f1, n1, f2, n2, …
func in(fieldCounts ...int) [fields]int {
	var n [fields]int
	for i := 0; i+1 < len(fieldCounts); i += 2 {
		n[fieldCounts[i]] = fieldCounts[i+1]
	}
	return n
}

var testDocs = []Doc{
	{Title: "Wet- en regelgeving", URL: "determinanten/29/", Kind: "Determinant", Summary: "Regels die de innovatie in de weg zitten.", Terms: []string{"wetten"}, Headings: []string{"Regels in de praktijk"}, Text: "Regels in de praktijk. Nieuwe regels geven ruimte. Regels, regels, regels en nog eens regels."},
	{Title: "Audit en feedback", URL: "strategieen/audit/", Kind: "Strategie", Terms: []string{"Audit and provide feedback"}, Text: "Je geeft feedback over het personeelsverloop en het verloop van het personeel."},
	{Title: "Coördinator", URL: "determinanten/25/", Kind: "Determinant", More: []string{"Is er een coördinator?"}, Text: "De coördinator regelt de invoering."},
}

func build(t *testing.T, docs []Doc, abbr []Abbreviation) decoded {
	t.Helper()
	data, err := Build(docs, abbr, nil).JSON()
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, data)
}

func TestIndexCountsEachWordPerField(t *testing.T) {
	d := build(t, testDocs, nil)
	for _, c := range []struct {
		term  string
		doc   int
		value int
	}{
		{"wet", 0, value(in(fieldTitle, 1))},
		{"regelgeving", 0, value(in(fieldTitle, 1))},
		{"regel", 0, value(in(), fieldTitle)}, // a part of "regelgeving", where "regels" is known
		{"regels", 0, value(in(fieldSummary, 1, fieldHeadings, 1, fieldBody, 6))},
		{"praktijk", 0, value(in(fieldHeadings, 1, fieldBody, 1))},
		{"wetten", 0, value(in(fieldTerms, 1))},
		{"feedback", 1, value(in(fieldTitle, 1, fieldTerms, 1, fieldBody, 1))},
		{"personeel", 1, value(in(fieldBody, 1), fieldBody)}, // the word, and a part of personeelsverloop
		{"verloop", 1, value(in(fieldBody, 1), fieldBody)},
		{"coordinator", 2, value(in(fieldTitle, 1, fieldSummary, 1, fieldBody, 1))},
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
	if got := d.postings("regels")[0] & 7; got != 5 {
		t.Errorf("six times in the body is class %d, want 5 (six to eight)", got)
	}
	for _, stop := range []string{"de", "en", "het", "in", "nog"} {
		if d.postings(stop) != nil {
			t.Errorf("the stop word %q is in the index", stop)
		}
	}
	if len(d.Stop) == 0 || d.Kinds[d.Docs[1].Kind] != "Strategie" || d.Docs[0].Summary == "" {
		t.Errorf("stop words, kinds or summaries missing: %+v", d)
	}
}

// TestIndexGivesTheStemOfEachTerm: the browser takes the stem keys from the index rather than stem
// every term when it loads it.
func TestIndexGivesTheStemOfEachTerm(t *testing.T) {
	data, err := Build([]Doc{{Title: "Coördinatoren", URL: "x/", Text: "Regels, regelgeving en training."}}, nil, nil).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Terms []string `json:"terms"`
		Stems []any    `json:"stems"`
	}
	if err := json.Unmarshal(data, &d); err != nil || len(d.Stems) != len(d.Terms) || len(d.Terms) < 4 {
		t.Fatalf("%d terms, %d stems (%v)", len(d.Terms), len(d.Stems), err)
	}
	for i, term := range d.Terms {
		got, ok := d.Stems[i].(string)
		if n, isNumber := d.Stems[i].(float64); isNumber {
			got, ok = term[:len(term)-int(n)], true
		}
		if want := stemKey(term); !ok || got != want {
			t.Errorf("the stem of %q reads as %q (%v), want %q", term, got, d.Stems[i], want)
		}
	}
}

func TestIndexGivesTheLengthOfEachField(t *testing.T) {
	d := build(t, testDocs, nil)
	// Words that are indexed, every time they occur: no stop words, no single letters.
	want := [fields]int{fieldTitle: 2, fieldTerms: 1, fieldSummary: 4, fieldHeadings: 2, fieldBody: 10}
	if got := d.Docs[0].Lengths; got != want {
		t.Errorf("field lengths %v, want %v (body, headings, summary, zoektermen, title)", got, want)
	}
}

// TestQuestionWordsAreNotIndexed: the words of a question say nothing about what a page is about.
func TestQuestionWordsAreNotIndexed(t *testing.T) {
	d := build(t, []Doc{{Title: "Waarom en wanneer", URL: "x/", Text: "Welke collega kun je vragen hoeveel tijd het kost?"}}, nil)
	for _, w := range []string{"waarom", "wanneer", "welke", "kun", "hoeveel"} {
		if d.postings(w) != nil {
			t.Errorf("the question word %q is in the index", w)
		}
	}
	for _, w := range []string{"collega", "tijd", "kost"} {
		if d.postings(w) == nil {
			t.Errorf("%q is not in the index", w)
		}
	}
}

var lvb = []Abbreviation{
	{Short: "LVB", Long: []string{"licht verstandelijke beperking"}},
	{Short: "POH", Long: []string{"praktijkondersteuner huisarts", "praktijkondersteuner"}},
}

// TestAbbreviationsBothWays: a page that uses an abbreviation is found by what it stands for,
// and a page that writes it out (in another form of the same words) by the abbreviation.
func TestAbbreviationsBothWays(t *testing.T) {
	d := build(t, []Doc{
		{Title: "Jongeren met een LVB", URL: "short/", Text: "Zij hebben een andere aanpak nodig."},
		{Title: "Aanpak", URL: "long/", Text: "Voor jongeren die licht verstandelijk beperkt zijn, werkt dit."},
		{Title: "Huisartsen", URL: "poh/", Text: "De praktijkondersteuners van de huisarts zien veel jongeren."},
		{Title: "Licht", URL: "apart/", Text: "Een beperking in het licht; verstandelijke keuzes."},
	}, lvb)
	for _, c := range []struct {
		term string
		doc  int
		want int
	}{
		{"lvb", 0, value(in(fieldTitle, 1))},
		{"beperking", 0, value(in(fieldTitle, 1))},
		{"verstandelijke", 0, value(in(fieldTitle, 1))},
		{"lvb", 1, value(in(fieldBody, 1))},
		{"poh", 2, value(in(fieldBody, 1))},
	} {
		if got := d.postings(c.term)[c.doc]; got != c.want {
			t.Errorf("%q on %s: value %#x, want %#x", c.term, d.Docs[c.doc].URL, got, c.want)
		}
	}
	if _, ok := d.postings("lvb")[3]; ok {
		t.Errorf("the words of a full form, apart and in another order, gave the abbreviation")
	}
	if d.Docs[0].Lengths[fieldTitle] != 2 {
		t.Errorf("the words an abbreviation adds count in the title's length: %v", d.Docs[0].Lengths)
	}
}

func TestMemoGivesTheSameIndex(t *testing.T) {
	docs := slices.Clone(testDocs)
	memo := NewMemo()
	first, _ := Build(docs, nil, memo).JSON()
	docs[1].Text = "Drie nieuwe woorden"
	again, _ := Build(docs, nil, memo).JSON()
	want, _ := Build(docs, nil, nil).JSON()
	if string(again) != string(want) || string(first) == string(again) {
		t.Errorf("a memo must not change the index:\n%s\n%s", again, want)
	}
	if len(memo.pages) != len(docs) {
		t.Errorf("the memo keeps %d pages, want the %d current ones", len(memo.pages), len(docs))
	}
	docs[0].Text = "Een LVB vraagt om aandacht."
	Build(docs, nil, memo)
	withAbbr, _ := Build(docs, lvb, memo).JSON()
	if want, _ := Build(docs, lvb, nil).JSON(); string(withAbbr) != string(want) {
		t.Errorf("the memo kept words of a page from before the abbreviations changed")
	}
}

func TestEmptyIndexIsValid(t *testing.T) {
	for _, docs := range [][]Doc{nil, {{Title: "", URL: "x/", Kind: "Pagina"}}} {
		d := build(t, docs, nil)
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
		if _, err := Build(docs, nil, nil).JSON(); err != nil {
			b.Fatal(err)
		}
	}
}
