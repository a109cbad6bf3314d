package search

import (
	"encoding/json"
	"slices"
	"testing"

	"kennisbank/internal/corpus"
)

func TestTermsFoldAccentsAndCase(t *testing.T) {
	got := Terms("Coördinatie: één Cliënt, JGZ-team (2024)")
	want := []string{"coordinatie", "een", "client", "jgz", "team", "2024"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %v, want %v", got, want)
	}
}

func TestIndexWeighsTitleAboveBody(t *testing.T) {
	idx := Build([]Doc{
		{Title: "Audit en feedback", URL: "strategieen/audit-en-feedback/", Kind: "Strategieën", Text: "Je meet de zorg."},
		{Title: "Kennis", URL: "determinanten/17-kennis/", Kind: "Determinanten", Text: "Feedback helpt bij kennis."},
	}, []string{"Determinanten", "Strategieën"}, nil)
	i, ok := slices.BinarySearch(idx.Terms, "feedback")
	if !ok {
		t.Fatalf("feedback not indexed: %v", idx.Terms)
	}
	p := idx.Postings[i]
	if len(p) != 4 || p[0] != 0 || p[1] != weightTitle || p[2] != 1 || p[3] != weightBody {
		t.Errorf("postings for feedback = %v", p)
	}
	if idx.Docs[0].Kind != 1 || idx.Docs[1].Kind != 0 {
		t.Errorf("kinds: %+v", idx.Docs)
	}
}

func TestMemoGivesTheSameIndex(t *testing.T) {
	docs := []Doc{{Title: "Coördinator", URL: "a/", Kind: "A", Text: "Eén tekst"}, {Title: "Kennis", URL: "b/", Kind: "A", Text: "Twee"}}
	memo := NewMemo()
	first, _ := Build(docs, []string{"A"}, memo).JSON()
	docs[1].Text = "Drie"
	again, _ := Build(docs, []string{"A"}, memo).JSON()
	want, _ := Build(docs, []string{"A"}, nil).JSON()
	if string(again) != string(want) || string(first) == string(again) {
		t.Errorf("a memo must not change the index:\n%s\n%s", again, want)
	}
	if len(memo.terms) != 2 {
		t.Errorf("the memo keeps %d documents, want the 2 current ones", len(memo.terms))
	}
}

// BenchmarkIndex indexes the text of a generated knowledge base of 10,000 pages, as a build does.
func BenchmarkIndex(b *testing.B) {
	c := corpus.Generate(10000)
	var docs []Doc
	for _, s := range c.Strategies {
		docs = append(docs, Doc{Title: s.Title, URL: "strategieen/" + s.ID + "/", Kind: "Strategieën", Summary: s.Summary, Headings: []string{s.TitleEN}, Text: s.Body})
	}
	for _, p := range c.Posts {
		docs = append(docs, Doc{Title: p.Title, URL: "nieuws/" + p.ID + "/", Kind: "Nieuws", Text: p.Body})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(docs, []string{"Strategieën", "Nieuws"}, nil).JSON(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestJSONIsWhatEncodingJSONWrites(t *testing.T) {
	for _, idx := range []Index{
		Build([]Doc{{Title: "Coördinator <b>", URL: "a/?x=1&y=2", Kind: "A", Summary: "\"Eén\" tekst", Text: "Eén tekst\u2028"}, {Title: "Kennis", URL: "b/", Kind: "A", Text: "Twee"}}, []string{"A"}, nil),
		{},
		{Kinds: []string{}, Docs: []IDoc{}, Terms: []string{"a"}, Postings: [][]int{nil}},
	} {
		got, err := idx.JSON()
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(idx)
		if string(got) != string(want) {
			t.Errorf("JSON:\n%s\nwant:\n%s", got, want)
		}
	}
}
