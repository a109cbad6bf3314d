package view

import (
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// Item returns the view of an item's page: what the kind's template (content.Spec.Template) shows.
func Item(g *graph.Graph, e content.Entry, year int) any {
	return itemViews[e.Base().Kind](g, e, year)
}

// itemViews makes the view of each kind's page.
var itemViews = map[content.Kind]func(*graph.Graph, content.Entry, int) any{
	content.KindDeterminant: typed(determinant),
	content.KindStrategy:    typed(strategy),
	content.KindNetwork:     typed(network),
	content.KindFactsheet:   typed(factsheet),
	content.KindPost:        typed(post),
	content.KindPage:        typed(page),
}

func typed[E content.Entry, V any](f func(*graph.Graph, E, int) V) func(*graph.Graph, content.Entry, int) any {
	return func(g *graph.Graph, e content.Entry, year int) any { return f(g, e.(E), year) }
}

// Determinant is what determinant.html shows.
type Determinant struct {
	*content.Determinant
	Category   content.Category
	Strategies []LinkedStrategy // the links, kern first
	Siblings   []*content.Determinant
	Sources    []content.Source
	Citations  []Citation
}

// LinkedStrategy is a link from a determinant, with what the determinant's page shows of the
// strategy it leads to. Links hold their own fields rather than embedding the content's: a template reads an
// embedded field through a slow search, and a determinant of a large site has hundreds of links.
type LinkedStrategy struct {
	Strength    string // kern or aanvullend
	Explanation string
	Title, URL  string // the strategy's
	Cluster     content.Cluster
	Source      content.Source
}

func determinant(g *graph.Graph, d *content.Determinant, year int) Determinant {
	v := Determinant{Determinant: d, Category: g.Category(d.Categorie), Sources: sources(g, d.Bronnen),
		Citations: citations(g, d, year)}
	for _, l := range d.Links {
		s := g.Strategy(l.Strategy)
		v.Strategies = append(v.Strategies, LinkedStrategy{Strength: l.Strength, Explanation: l.Explanation,
			Title: s.Titel, URL: s.URL(), Cluster: g.Cluster(s.Cluster), Source: g.Source(l.Source)})
	}
	for _, o := range g.InCategory(d.Categorie) {
		if o.ID != d.ID {
			v.Siblings = append(v.Siblings, o)
		}
	}
	return v
}

// Strategy is what strategie.html shows.
type Strategy struct {
	*content.Strategy
	Cluster      content.Cluster
	Determinants []LinkedDeterminant // the links to it, kern first, then by number
	Related      []PageLink          // other strategies on the same determinants, most shared first
	Sources      []content.Source
	Citations    []Citation
}

// LinkedDeterminant is a link to a strategy, seen from the strategy: what the strategy's page
// shows of the determinant it comes from (its own fields, as LinkedStrategy's).
type LinkedDeterminant struct {
	Strength    string // kern or aanvullend
	Explanation string
	Number      int
	Title, URL  string // the determinant's
	Category    content.Category
	Source      content.Source
}

// RelatedStrategies is how many related strategies a strategy page shows.
const RelatedStrategies = 5

func strategy(g *graph.Graph, s *content.Strategy, year int) Strategy {
	v := Strategy{Strategy: s, Cluster: g.Cluster(s.Cluster), Sources: sources(g, s.Bronnen), Citations: citations(g, s, year)}
	for _, r := range g.Related(s, RelatedStrategies) {
		v.Related = append(v.Related, PageLink{r.Titel, r.URL()})
	}
	for _, bl := range g.Backlinks(s.ID) {
		d := bl.Determinant
		v.Determinants = append(v.Determinants, LinkedDeterminant{Strength: bl.Strength, Explanation: bl.Explanation,
			Number: d.Nummer, Title: d.Titel, URL: d.URL(), Category: g.Category(d.Categorie), Source: g.Source(bl.Source)})
	}
	return v
}

// Network is what leernetwerk.html shows.
type Network struct {
	*content.Network
	Posts      []*content.Post
	Factsheets []*content.Factsheet
	Citations  []Citation
}

func network(g *graph.Graph, n *content.Network, year int) Network {
	return Network{Network: n, Posts: g.NetworkPosts(n.ID), Factsheets: g.NetworkFactsheets(n.ID), Citations: citations(g, n, year)}
}

// Factsheet is what factsheet.html shows.
type Factsheet struct {
	*content.Factsheet
	Network   *content.Network // the learning network it belongs to, or nil
	Citations []Citation
}

func factsheet(g *graph.Graph, f *content.Factsheet, year int) Factsheet {
	return Factsheet{Factsheet: f, Network: g.Network(f.Leernetwerk), Citations: citations(g, f, year)}
}

// Post is what bericht.html shows.
type Post struct {
	*content.Post
	Network   *content.Network // the learning network it belongs to, or nil
	EventFile string           // its calendar file, for an agenda item
}

func post(g *graph.Graph, p *content.Post, _ int) Post {
	return Post{Post: p, Network: g.Network(p.Leernetwerk), EventFile: reserved.EventFile(p)}
}

// Page is what pagina.html shows.
type Page struct {
	*content.Page
	Citations []Citation // on the colofon: how to cite the knowledge base and TNO's tool
}

func page(g *graph.Graph, p *content.Page, year int) Page {
	return Page{Page: p, Citations: citations(g, p, year)}
}
