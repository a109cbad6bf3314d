package search

import (
	"slices"
	"testing"
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
