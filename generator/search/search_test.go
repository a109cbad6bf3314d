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
	}, []string{"Determinanten", "Strategieën"})
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
