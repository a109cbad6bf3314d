// Package view makes what each template shows: for every page, a typed value built from the
// graph, holding exactly the data its template reads and nothing that leads back to the graph.
// Because a page's template sees only its view (and the page around it), what the page depends
// on is what its view holds: the development server fingerprints the view to know whether a page
// must be rendered again, instead of keeping a list of what each template might read.
//
// Views hold plain exported data (items, strings, lists); their template functions are pure.
//
// A view reads the graph, package cite for how a page is cited, and package reserved for where
// the files lie that pages link to (the feed, the calendars). It imports nothing that makes files
// (publish) and not render, which imports it.
package view

import (
	"html/template"
	"slices"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/cite"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
)

// PageLink is a link to a page of the site: its title and its path from the site root. Pages
// show them in the breadcrumbs and the footer (package render) and among related strategies.
type PageLink struct{ Title, URL string }

// Category is a MIDI category with its determinants, by number.
type Category struct {
	content.Category
	Determinants []*content.Determinant
}

// Citation is one way to cite something, as the cite partial shows it: the reference in APA,
// BibTeX and RIS to read, copy or save, and the files that hold it.
type Citation struct {
	ID         string // the id of its heading
	Heading    string
	APA        template.HTML
	BibTeX     string // the BibTeX entry
	RIS        string // the RIS record
	FileName   string // the name, without extension, of a file saved from the page
	BibTeXFile string // site path of a .bib file that holds it
	RISFile    string // site path of a .ris file that holds it
	Shared     bool   // the files hold every page of the site, not this citation alone
}

// Footer lists the site's own pages (over, colofon…), as every page's footer shows them.
func Footer(g *graph.Graph) []PageLink {
	out := make([]PageLink, len(g.Content.Pages))
	for i, p := range g.Content.Pages {
		out[i] = PageLink{p.Titel, p.URL()}
	}
	return out
}

// categories lists the four MIDI categories with their determinants, empty ones included.
func categories(g *graph.Graph) []Category {
	out := make([]Category, len(content.Categories))
	for i, c := range content.Categories {
		out[i] = Category{c, g.InCategory(c.ID)}
	}
	return out
}

// sources returns the sources of site.toml with the given ids; unknown ids are left out.
func sources(g *graph.Graph, ids []string) []content.Source {
	var out []content.Source
	for _, id := range ids {
		if s := g.Source(id); s.ID != "" {
			out = append(out, s)
		}
	}
	return out
}

func citations(g *graph.Graph, e content.Entry, year int) []Citation {
	var out []Citation
	for _, c := range cite.Citations(g, e, year) {
		out = append(out, citation(c))
	}
	return out
}

func citation(c cite.Citation) Citation {
	return Citation{ID: c.ID, Heading: c.Heading, APA: c.APA(), BibTeX: c.BibTeX(), RIS: c.RIS(),
		FileName: c.FileName, BibTeXFile: c.BibTeXFile, RISFile: c.RISFile, Shared: c.Shared}
}

// filterKeys describes the links of a strategy for the filters on the overview:
// "determinant:category:strength" for each link, separated by spaces (assets/_filter.ts reads it).
func filterKeys(g *graph.Graph, strategyID string) string {
	var parts []string
	for _, bl := range g.Backlinks(strategyID) {
		parts = append(parts, bl.Determinant.ID+":"+bl.Determinant.Categorie+":"+bl.Strength)
	}
	return strings.Join(parts, " ")
}

// strategySources lists the sources strategies come from (the first source of each), in the
// order of site.toml.
func strategySources(g *graph.Graph) []content.Source {
	used := map[string]bool{}
	for _, s := range g.Content.Strategies {
		if len(s.Bronnen) > 0 {
			used[s.Bronnen[0]] = true
		}
	}
	return slices.DeleteFunc(slices.Clone(g.Site().Bronnen), func(s content.Source) bool { return !used[s.ID] })
}
