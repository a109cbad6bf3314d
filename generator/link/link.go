// Package link builds the graph of the knowledge base once: lookups by id, the reverse
// direction of every determinant → strategy link, and the lists that pages show.
package link

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"kennisbank/generator/content"
)

// Graph is the linked knowledge base. Build it with New; it is read-only afterwards.
type Graph struct {
	*content.Content

	Determinant map[string]*content.Determinant
	Strategy    map[string]*content.Strategy
	Network     map[string]*content.Network
	Source      map[string]content.Source
	Cluster     map[string]content.Cluster

	// ByCategory lists the determinants of each category id, by number.
	ByCategory map[string][]*content.Determinant
	// ByCluster lists the strategies of each cluster id, by title.
	ByCluster map[string][]*content.Strategy
	// Backlinks lists, per strategy id, the determinants that link to it: kern first, then by number.
	Backlinks map[string][]Backlink
	// NetworkPosts and NetworkFactsheets list what belongs to each learning network, newest first.
	NetworkPosts      map[string][]*content.Post
	NetworkFactsheets map[string][]*content.Factsheet

	matrixOnce sync.Once
	matrix     []MatrixRow

	// For Related: the strategies by id, and per determinant the positions in that list of the
	// strategies it links to; counts are scratch arrays of one count per strategy.
	byID   []*content.Strategy
	idRank map[string]int32
	linked map[string][]int32
	counts sync.Pool
}

// Backlink is a link seen from the strategy's side.
type Backlink struct {
	Determinant *content.Determinant
	content.Link
}

// New links c. It sorts c's lists in place into the order the site shows them.
func New(c *content.Content) *Graph {
	g := &Graph{Content: c,
		Determinant: map[string]*content.Determinant{}, Strategy: map[string]*content.Strategy{},
		Network: map[string]*content.Network{}, Source: map[string]content.Source{}, Cluster: map[string]content.Cluster{},
		ByCategory: map[string][]*content.Determinant{}, ByCluster: map[string][]*content.Strategy{},
		Backlinks: map[string][]Backlink{}, NetworkPosts: map[string][]*content.Post{}, NetworkFactsheets: map[string][]*content.Factsheet{},
	}
	// Titles sort in Dutch order. Collation keys are made once per title: comparing two titles
	// by collation itself costs a microsecond, and a large site sorts thousands.
	coll := collate.New(language.Dutch, collate.IgnoreCase)
	keys := map[string][]byte{}
	var buf collate.Buffer
	for _, it := range c.Items(content.KindStrategy, content.KindNetwork, content.KindFactsheet, content.KindPage) {
		if _, ok := keys[it.Titel]; !ok {
			keys[it.Titel] = slices.Clone(coll.KeyFromString(&buf, it.Titel))
			buf.Reset()
		}
	}
	byTitle := func(a, b string) int { return bytes.Compare(keys[a], keys[b]) }

	slices.SortFunc(c.Determinants, func(a, b *content.Determinant) int { return a.Nummer - b.Nummer })
	slices.SortFunc(c.Strategies, func(a, b *content.Strategy) int { return byTitle(a.Titel, b.Titel) })
	slices.SortFunc(c.Networks, func(a, b *content.Network) int { return byTitle(a.Titel, b.Titel) })
	slices.SortFunc(c.Posts, func(a, b *content.Post) int {
		if d := b.Datum.Compare(a.Datum); d != 0 {
			return d
		}
		return strings.Compare(a.ID, b.ID)
	})
	slices.SortFunc(c.Factsheets, func(a, b *content.Factsheet) int { return byTitle(a.Titel, b.Titel) })
	slices.SortFunc(c.Pages, func(a, b *content.Page) int {
		if a.Volgorde != b.Volgorde {
			return a.Volgorde - b.Volgorde
		}
		return byTitle(a.Titel, b.Titel)
	})

	for _, s := range c.Site.Bronnen {
		g.Source[s.ID] = s
	}
	for _, cl := range c.Site.Clusters {
		g.Cluster[cl.ID] = cl
	}
	for _, d := range c.Determinants {
		g.Determinant[d.ID] = d
		g.ByCategory[d.Categorie] = append(g.ByCategory[d.Categorie], d)
		slices.SortStableFunc(d.Links, func(a, b content.Link) int { return strengthRank(a.Strength) - strengthRank(b.Strength) })
	}
	for _, s := range c.Strategies {
		g.Strategy[s.ID] = s
		g.ByCluster[s.Cluster] = append(g.ByCluster[s.Cluster], s)
	}
	for _, n := range c.Networks {
		g.Network[n.ID] = n
	}
	for _, d := range c.Determinants {
		for _, l := range d.Links {
			g.Backlinks[l.Strategy] = append(g.Backlinks[l.Strategy], Backlink{Determinant: d, Link: l})
		}
	}
	for _, bl := range g.Backlinks {
		slices.SortStableFunc(bl, func(a, b Backlink) int {
			if r := strengthRank(a.Strength) - strengthRank(b.Strength); r != 0 {
				return r
			}
			return a.Determinant.Nummer - b.Determinant.Nummer
		})
	}
	g.indexRelated()
	for _, p := range c.Posts {
		if p.Leernetwerk != "" {
			g.NetworkPosts[p.Leernetwerk] = append(g.NetworkPosts[p.Leernetwerk], p)
		}
	}
	for _, f := range c.Factsheets {
		if f.Leernetwerk != "" {
			g.NetworkFactsheets[f.Leernetwerk] = append(g.NetworkFactsheets[f.Leernetwerk], f)
		}
	}
	return g
}

func strengthRank(s string) int {
	if s == "kern" {
		return 0
	}
	return 1
}

// Category returns the category with the given id.
func (g *Graph) Category(id string) content.Category {
	for _, c := range content.Categories {
		if c.ID == id {
			return c
		}
	}
	return content.Category{ID: id, Title: id}
}

func (g *Graph) indexRelated() {
	g.byID = slices.Clone(g.Strategies)
	slices.SortFunc(g.byID, func(a, b *content.Strategy) int { return strings.Compare(a.ID, b.ID) })
	g.idRank = make(map[string]int32, len(g.byID))
	for i, s := range g.byID {
		g.idRank[s.ID] = int32(i)
	}
	g.linked = make(map[string][]int32, len(g.Determinants))
	for _, d := range g.Determinants {
		for _, l := range d.Links {
			if r, ok := g.idRank[l.Strategy]; ok {
				g.linked[d.ID] = append(g.linked[d.ID], r)
			}
		}
	}
}

// Related returns other strategies that share a determinant with s, most shared first, then by
// id. It runs for every strategy page, and a strategy may share a determinant with hundreds of
// others: it counts in an array rather than a map and keeps only the best max while counting.
func (g *Graph) Related(s *content.Strategy, max int) []*content.Strategy {
	self, ok := g.idRank[s.ID]
	if !ok || max <= 0 {
		return nil
	}
	scratch, _ := g.counts.Get().(*[]int32)
	if scratch == nil {
		scratch = new(make([]int32, len(g.byID)))
	}
	counts := *scratch
	var touched []int32
	for _, bl := range g.Backlinks[s.ID] {
		for _, r := range g.linked[bl.Determinant.ID] {
			if r == self {
				continue
			}
			if counts[r] == 0 {
				touched = append(touched, r)
			}
			counts[r]++
		}
	}
	best := make([]int32, 0, max+1)
	for _, r := range touched {
		n := counts[r]
		i := len(best)
		for i > 0 && (n > counts[best[i-1]] || n == counts[best[i-1]] && r < best[i-1]) {
			i--
		}
		if i < max {
			best = slices.Insert(best, i, r)
			best = best[:min(len(best), max)]
		}
	}
	for _, r := range touched {
		counts[r] = 0
	}
	g.counts.Put(scratch)
	out := make([]*content.Strategy, len(best))
	for i, r := range best {
		out[i] = g.byID[r]
	}
	return out
}

// FilterKeys describes the links of a strategy for the filters on the overview:
// "determinant:category:strength" for each link, separated by spaces.
func (g *Graph) FilterKeys(strategyID string) string {
	var parts []string
	for _, bl := range g.Backlinks[strategyID] {
		parts = append(parts, bl.Determinant.ID+":"+bl.Determinant.Categorie+":"+bl.Strength)
	}
	return strings.Join(parts, " ")
}

// StrategySources lists the sources strategies come from (the first source of each), in the
// order of site.toml.
func (g *Graph) StrategySources() []content.Source {
	used := map[string]bool{}
	for _, s := range g.Strategies {
		if len(s.Bronnen) > 0 {
			used[s.Bronnen[0]] = true
		}
	}
	var out []content.Source
	for _, src := range g.Site.Bronnen {
		if used[src.ID] {
			out = append(out, src)
		}
	}
	return out
}

// Siblings returns the other determinants in d's category.
func (g *Graph) Siblings(d *content.Determinant) []*content.Determinant {
	var out []*content.Determinant
	for _, o := range g.ByCategory[d.Categorie] {
		if o.ID != d.ID {
			out = append(out, o)
		}
	}
	return out
}

// MatrixRow is one strategy's row in the matrix: the strongest link to each determinant, in
// determinant order ("" where there is none).
type MatrixRow struct {
	Strategy *content.Strategy
	Cells    []MatrixCell
}

// MatrixCell is one cell of the matrix.
type MatrixCell struct {
	Category string
	Strength string
}

// Matrix returns every strategy's row, computed once.
func (g *Graph) Matrix() []MatrixRow {
	g.matrixOnce.Do(func() {
		column := map[string]int{}
		for i, d := range g.Determinants {
			column[d.ID] = i
		}
		rows := make(map[string][]MatrixCell, len(g.Strategies))
		for _, s := range g.Strategies {
			cells := make([]MatrixCell, len(g.Determinants))
			for i, d := range g.Determinants {
				cells[i].Category = d.Categorie
			}
			rows[s.ID] = cells
		}
		for _, d := range g.Determinants {
			for _, l := range d.Links {
				if cells, ok := rows[l.Strategy]; ok {
					c := &cells[column[d.ID]]
					if c.Strength == "" || l.Strength == "kern" {
						c.Strength = l.Strength
					}
				}
			}
		}
		for _, s := range g.Strategies {
			g.matrix = append(g.matrix, MatrixRow{Strategy: s, Cells: rows[s.ID]})
		}
	})
	return g.matrix
}
