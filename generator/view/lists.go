package view

import (
	"github.com/werkplaats-jeugd/kennisbank/generator/cite"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/data"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// Standalone returns the view of a page that is not an item's: home, 404, the list of each kind,
// and the stand-alone templates (scan, matrix, zoeken, open-data). A project's own stand-alone
// template gets the whole knowledge base, as data/kennisbank.json holds it.
func Standalone(g *graph.Graph, template string, year int) any {
	if f, ok := standaloneViews[template]; ok {
		return f(g, year)
	}
	return data.Build(g)
}

var standaloneViews = map[string]func(*graph.Graph, int) any{
	"home":                          func(g *graph.Graph, _ int) any { return home(g) },
	"404":                           none,
	"zoeken":                        none,
	string(content.KindDeterminant): func(g *graph.Graph, _ int) any { return determinants(g) },
	string(content.KindStrategy):    func(g *graph.Graph, _ int) any { return strategies(g) },
	string(content.KindNetwork):     func(g *graph.Graph, _ int) any { return Networks{g.Content.Networks} },
	string(content.KindFactsheet):   func(g *graph.Graph, _ int) any { return Factsheets{g.Content.Factsheets} },
	string(content.KindPost):        func(g *graph.Graph, _ int) any { return posts(g) },
	"matrix":                        func(g *graph.Graph, _ int) any { return matrix(g) },
	"scan":                          func(g *graph.Graph, _ int) any { return scan(g) },
	"open-data":                     func(g *graph.Graph, year int) any { return openData(g, year) },
}

func none(*graph.Graph, int) any { return struct{}{} }

// Home is what home.html shows.
type Home struct {
	Determinants, Strategies int             // how many there are
	Posts                    []*content.Post // the newest few
}

// HomePosts is how many news and agenda items the home page shows.
const HomePosts = 4

func home(g *graph.Graph) Home {
	posts := g.Content.Posts
	return Home{Determinants: len(g.Content.Determinants), Strategies: len(g.Content.Strategies), Posts: posts[:min(HomePosts, len(posts))]}
}

// Determinants is what determinanten.html shows.
type Determinants struct {
	Count      int
	Categories []Category // all four, also when empty
}

func determinants(g *graph.Graph) Determinants {
	return Determinants{Count: len(g.Content.Determinants), Categories: categories(g)}
}

// Strategies is what strategieen.html shows: the strategies by cluster, and the filters' options.
type Strategies struct {
	Count      int
	Categories []Category       // for the filter on determinants
	Clusters   []Cluster        // the clusters that have strategies, in the order of site.toml
	Sources    []content.Source // the sources strategies come from
}

// Cluster is a cluster of strategies with its strategies, by title.
type Cluster struct {
	content.Cluster
	Strategies []StrategyCard
}

// StrategyCard is a strategy in the list: what its card shows, and what the filters need. Its
// fields are its own rather than the strategy's: a list of thousands of cards reads them fast.
type StrategyCard struct {
	URL, Titel, TitelEN, Samenvatting string
	Cluster                           string // the id of its cluster
	Bron                              string // the id of its first source, or ""
	FilterKeys                        string // "determinant:category:strength" per link, separated by spaces
}

func strategies(g *graph.Graph) Strategies {
	v := Strategies{Count: len(g.Content.Strategies), Categories: categories(g), Sources: strategySources(g)}
	for _, cl := range g.Site().Clusters {
		list := g.InCluster(cl.ID)
		if len(list) == 0 {
			continue
		}
		c := Cluster{Cluster: cl}
		for _, s := range list {
			card := StrategyCard{URL: s.URL(), Titel: s.Titel, TitelEN: s.TitelEN, Samenvatting: s.Samenvatting,
				Cluster: s.Cluster, FilterKeys: filterKeys(g, s.ID)}
			if len(s.Bronnen) > 0 {
				card.Bron = s.Bronnen[0]
			}
			c.Strategies = append(c.Strategies, card)
		}
		v.Clusters = append(v.Clusters, c)
	}
	return v
}

// Networks is what leernetwerken.html shows.
type Networks struct{ Networks []*content.Network }

// Factsheets is what factsheets.html shows.
type Factsheets struct{ Factsheets []*content.Factsheet }

// Posts is what nieuws.html shows.
type Posts struct {
	Posts  []*content.Post
	Agenda string // the calendar file of all agenda items, or ""
	Feed   string // the Atom feed, or "" without base_url
}

func posts(g *graph.Graph) Posts {
	return Posts{Posts: g.Content.Posts, Agenda: reserved.AgendaFile(g.Content.Posts), Feed: reserved.FeedFile(g.Site())}
}

// Scan is what scan.html shows: the questionnaire.
type Scan struct {
	Count      int
	Categories []Category
	Dugstad    content.Source // the study whose barrier rule the scan uses
}

func scan(g *graph.Graph) Scan {
	return Scan{Count: len(g.Content.Determinants), Categories: categories(g), Dugstad: g.Source("dugstad")}
}

// OpenData is what open-data.html shows.
type OpenData struct {
	JSON   string
	Tables []data.Table
	Agenda string // the calendar file, or ""
	Feed   string // the Atom feed, or ""
	Site   Citation
	TNO    Citation
	// Every page that can be cited, in one file per format.
	PagesBibTeX, PagesRIS string
}

func openData(g *graph.Graph, year int) OpenData {
	site, tno := cite.SiteCitation(g, year), cite.TNOCitation()
	return OpenData{JSON: data.Path, Tables: data.Tables(), Agenda: reserved.AgendaFile(g.Content.Posts), Feed: reserved.FeedFile(g.Site()),
		Site: citation(site), TNO: citation(tno), PagesBibTeX: cite.PagesBibTeX, PagesRIS: cite.PagesRIS}
}
