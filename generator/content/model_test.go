package content

import (
	"slices"
	"testing"
	"time"
)

// Every field an editor can fill in says in Dutch what it is for, and every list of values or
// reference it names exists: the CMS and `new` show these to editors.
func TestEveryFieldIsDescribedForEditors(t *testing.T) {
	site := &Site{Bronnen: []Source{{ID: "midi"}}, Clusters: []Cluster{{ID: "c"}}}
	var walk func(kind Kind, fields []Field)
	walk = func(kind Kind, fields []Field) {
		for _, f := range fields {
			if f.Label == "" || f.Help == "" {
				t.Errorf("%s: field %q lacks a label or help text", kind, f.Key)
			}
			if f.Values != "" && len(site.Options(f.Values)) == 0 {
				t.Errorf("%s: field %q: list %q has no values", kind, f.Key, f.Values)
			}
			if f.Ref != "" && SpecOf(f.Ref) == nil {
				t.Errorf("%s: field %q refers to unknown kind %q", kind, f.Key, f.Ref)
			}
			walk(kind, f.Fields)
		}
	}
	for _, s := range Specs {
		if s.Name == "" || s.Label == "" || s.Singular == "" || s.ListTitle == "" || s.Help == "" || s.Template == "" {
			t.Errorf("%s: descriptor incomplete: %+v", s.Kind, s)
		}
		walk(s.Kind, s.Fields)
	}
}

// The fields come from the Go types, so the keys the decoder accepts are exactly the model's.
func TestModelFieldsAreTheKeysTheDecoderAccepts(t *testing.T) {
	for _, s := range Specs {
		got := Keys(s.Fields)
		slices.Sort(got)
		want := tomlKeys(s.New(), "x")
		if !slices.Equal(got, want) {
			t.Errorf("%s: model keys %v, decoder keys %v", s.Kind, got, want)
		}
	}
	links := SpecOf(KindDeterminant).Field("strategie")
	if links == nil || links.Type != TypeTable || !links.List {
		t.Fatalf("determinant links: %+v", links)
	}
	if id := links.Field("id"); id == nil || id.Ref != KindStrategy || !id.Required {
		t.Errorf("a link's id must be a required reference to a strategy: %+v", id)
	}
}

func TestIDFollowsTheKindsFileNameRule(t *testing.T) {
	day := mustDate("2024-06-27")
	cases := []struct {
		kind Kind
		want string
	}{
		{KindDeterminant, "07-relevantie-voor-de-client"},
		{KindPost, "2024-06-27-relevantie-voor-de-client"},
		{KindStrategy, "relevantie-voor-de-client"},
	}
	for _, c := range cases {
		if got := SpecOf(c.kind).ID("Relevantie voor de cliënt", 7, day); got != c.want {
			t.Errorf("%s: id %q, want %q", c.kind, got, c.want)
		}
	}
}

func mustDate(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}
