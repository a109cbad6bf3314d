package graph

import (
	"cmp"
	"slices"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

// relatedByCounting is Related as a reader would work it out: count, for every other strategy,
// the links it shares with s through s's determinants; most shared first, then by id.
func relatedByCounting(g *Graph, s *content.Strategy, max int) []string {
	shared := map[string]int{}
	for _, bl := range g.Backlinks(s.ID) {
		for _, l := range bl.Determinant.Links {
			if g.Strategy(l.Strategy) != nil && l.Strategy != s.ID {
				shared[l.Strategy]++
			}
		}
	}
	var ids []string
	for id := range shared {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		if c := cmp.Compare(shared[b], shared[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return ids[:min(len(ids), max)]
}

func ids(list []*content.Strategy) []string {
	out := []string{}
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

func TestRelatedStrategiesShareTheMostDeterminants(t *testing.T) {
	all, probs := content.Load("../..")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	g := New(all)
	withRelated := 0
	for _, s := range g.Content.Strategies {
		got, want := ids(g.Related(s, 5)), relatedByCounting(g, s, 5)
		if want == nil {
			want = []string{}
		}
		if !slices.Equal(got, want) {
			t.Errorf("related to %s: %v, want %v", s.ID, got, want)
		}
		if len(got) > 0 {
			withRelated++
		}
	}
	if withRelated < len(g.Content.Strategies)/2 {
		t.Errorf("only %d of %d strategies have related strategies", withRelated, len(g.Content.Strategies))
	}
}

func TestRelatedRanksBySharedLinksThenID(t *testing.T) {
	link := func(ids ...string) []content.Link {
		var out []content.Link
		for _, id := range ids {
			out = append(out, content.Link{Strategy: id, Strength: "aanvullend"})
		}
		return out
	}
	strategy := func(id string) *content.Strategy {
		return &content.Strategy{Item: content.Item{ID: id, Titel: id, Kind: content.KindStrategy}}
	}
	c := &content.Content{
		Determinants: []*content.Determinant{
			{Item: content.Item{ID: "d1"}, Nummer: 1, Links: link("s", "c", "b", "a")},
			{Item: content.Item{ID: "d2"}, Nummer: 2, Links: link("s", "c", "d", "gone")},
			{Item: content.Item{ID: "d3"}, Nummer: 3, Links: link("x", "y")},
		},
		Strategies: []*content.Strategy{strategy("s"), strategy("a"), strategy("b"), strategy("c"), strategy("d"), strategy("x"), strategy("y")},
	}
	g := New(c)
	for _, tc := range []struct {
		of   string
		max  int
		want []string
	}{
		{"s", 5, []string{"c", "a", "b", "d"}}, // c shares two determinants; "gone" is no strategy
		{"s", 2, []string{"c", "a"}},
		{"a", 5, []string{"b", "c", "s"}},
		{"x", 5, []string{"y"}},
		{"s", 0, []string{}},
	} {
		if got := ids(g.Related(g.Strategy(tc.of), tc.max)); !slices.Equal(got, tc.want) {
			t.Errorf("Related(%s, %d) = %v, want %v", tc.of, tc.max, got, tc.want)
		}
	}
}
