// Package graph builds the graph of the knowledge base once: lookups by id, the reverse
// direction of every determinant → strategy link, and the lists that pages show.
package graph

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

// Graph is the linked knowledge base: what links to what. Build it with New; it is read-only
// afterwards. What pages show of it is made by package view.
type Graph struct {
	// Content is every item of the site, each list in the order the site shows it.
	Content *content.Content

	strategy map[string]*content.Strategy
	network  map[string]*content.Network
	source   map[string]content.Source
	cluster  map[string]content.Cluster

	byCategory        map[string][]*content.Determinant // by number
	byCluster         map[string][]*content.Strategy    // by title
	backlinks         map[string][]Backlink             // per strategy id: kern first, then by number
	networkPosts      map[string][]*content.Post        // newest first
	networkFactsheets map[string][]*content.Factsheet

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
		strategy: map[string]*content.Strategy{},
		network:  map[string]*content.Network{}, source: map[string]content.Source{}, cluster: map[string]content.Cluster{},
		byCategory: map[string][]*content.Determinant{}, byCluster: map[string][]*content.Strategy{},
		backlinks: map[string][]Backlink{}, networkPosts: map[string][]*content.Post{}, networkFactsheets: map[string][]*content.Factsheet{},
	}
	sortLists(c)
	for _, s := range c.Site.Bronnen {
		g.source[s.ID] = s
	}
	for _, cl := range c.Site.Clusters {
		g.cluster[cl.ID] = cl
	}
	for _, d := range c.Determinants {
		g.byCategory[d.Categorie] = append(g.byCategory[d.Categorie], d)
		slices.SortStableFunc(d.Links, func(a, b content.Link) int { return strengthRank(a.Strength) - strengthRank(b.Strength) })
	}
	for _, s := range c.Strategies {
		g.strategy[s.ID] = s
		g.byCluster[s.Cluster] = append(g.byCluster[s.Cluster], s)
	}
	for _, n := range c.Networks {
		g.network[n.ID] = n
	}
	for _, d := range c.Determinants {
		for _, l := range d.Links {
			g.backlinks[l.Strategy] = append(g.backlinks[l.Strategy], Backlink{Determinant: d, Link: l})
		}
	}
	for _, bl := range g.backlinks {
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
			g.networkPosts[p.Leernetwerk] = append(g.networkPosts[p.Leernetwerk], p)
		}
	}
	for _, f := range c.Factsheets {
		if f.Leernetwerk != "" {
			g.networkFactsheets[f.Leernetwerk] = append(g.networkFactsheets[f.Leernetwerk], f)
		}
	}
	return g
}

// sortLists sorts c's lists in place into the order the site shows them: determinants by number,
// news newest first, pages by their volgorde, everything else by title in Dutch order.
func sortLists(c *content.Content) {
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
}

func strengthRank(s string) int {
	if s == "kern" {
		return 0
	}
	return 1
}

// Site is site.toml.
func (g *Graph) Site() *content.Site { return &g.Content.Site }

// Category returns the category with the given id.
func (g *Graph) Category(id string) content.Category {
	for _, c := range content.Categories {
		if c.ID == id {
			return c
		}
	}
	return content.Category{ID: id, Title: id}
}

// Strategy and Network return the item with the given id, or nil.
func (g *Graph) Strategy(id string) *content.Strategy { return g.strategy[id] }
func (g *Graph) Network(id string) *content.Network   { return g.network[id] }

// Source and Cluster return the source or cluster of site.toml with the given id, or a zero one.
func (g *Graph) Source(id string) content.Source   { return g.source[id] }
func (g *Graph) Cluster(id string) content.Cluster { return g.cluster[id] }

// InCategory lists the determinants of a category, by number.
func (g *Graph) InCategory(id string) []*content.Determinant { return g.byCategory[id] }

// InCluster lists the strategies of a cluster, by title.
func (g *Graph) InCluster(id string) []*content.Strategy { return g.byCluster[id] }

// Backlinks lists the determinants that link to a strategy, kern first, then by number.
func (g *Graph) Backlinks(strategyID string) []Backlink { return g.backlinks[strategyID] }

// NetworkPosts and NetworkFactsheets list what belongs to a learning network, newest first.
func (g *Graph) NetworkPosts(id string) []*content.Post           { return g.networkPosts[id] }
func (g *Graph) NetworkFactsheets(id string) []*content.Factsheet { return g.networkFactsheets[id] }

func (g *Graph) indexRelated() {
	g.byID = slices.Clone(g.Content.Strategies)
	slices.SortFunc(g.byID, func(a, b *content.Strategy) int { return strings.Compare(a.ID, b.ID) })
	g.idRank = make(map[string]int32, len(g.byID))
	for i, s := range g.byID {
		g.idRank[s.ID] = int32(i)
	}
	g.linked = make(map[string][]int32, len(g.Content.Determinants))
	for _, d := range g.Content.Determinants {
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
	for _, bl := range g.backlinks[s.ID] {
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
