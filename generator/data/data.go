// Package data makes the knowledge base into open data: data/kennisbank.json, which the filters
// and the implementatiescan read, and which anyone may reuse, and the same as CSV tables (Tables).
// Their shape is documented in README.md. Files lists them, each with how to make it.
package data

import (
	"encoding/json"
	"sync"

	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// Path is where the JSON lands in the site.
const Path = reserved.Data + "/kennisbank.json"

// KnowledgeBase is the document written to Path. URLs are relative to the site root.
type KnowledgeBase struct {
	Title        string        `json:"title"`
	License      string        `json:"license,omitempty"`     // licence of the site's own texts and data
	LicenseURL   string        `json:"license_url,omitempty"` // where to read it
	Categories   []Category    `json:"categories"`
	Clusters     []Cluster     `json:"clusters"`
	Sources      []Source      `json:"sources"`
	Determinants []Determinant `json:"determinants"`
	Strategies   []Strategy    `json:"strategies"`
	Networks     []Entry       `json:"networks"`
	Factsheets   []Entry       `json:"factsheets"`
	Posts        []Entry       `json:"posts"`
}

type Category struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	TitleEN string `json:"title_en"`
}

type Cluster struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	TitleEN string `json:"title_en,omitempty"`
	Source  string `json:"source,omitempty"`
}

type Source struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Citation string `json:"citation"`
	URL      string `json:"url,omitempty"`
}

type Determinant struct {
	ID       string `json:"id"`
	Number   int    `json:"number"`
	Category string `json:"category"`
	Title    string `json:"title"`
	TitleEN  string `json:"title_en"`
	Summary  string `json:"summary"`
	Question string `json:"question"`
	Scale    string `json:"scale"`
	URL      string `json:"url"`
	Links    []Link `json:"links"`
}

type Link struct {
	Strategy    string `json:"strategy"`
	Strength    string `json:"strength"`
	Source      string `json:"source"`
	Explanation string `json:"explanation,omitempty"`
}

type Strategy struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	TitleEN      string   `json:"title_en"`
	URL          string   `json:"url"`
	Summary      string   `json:"summary"`
	Cluster      string   `json:"cluster"`
	Sources      []string `json:"sources"`
	Phases       []string `json:"phases"`
	Determinants []string `json:"determinants"`
}

// Entry is a learning network, factsheet or news item. Date is YYYY-MM-DD or empty.
type Entry struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	URL     string `json:"url"`
	Date    string `json:"date,omitempty"`
	Summary string `json:"summary,omitempty"`
	Network string `json:"network,omitempty"`
	Start   string `json:"start,omitempty"`
	End     string `json:"end,omitempty"`
	Place   string `json:"location,omitempty"`
}

// Build assembles the document from the graph.
func Build(g *graph.Graph) KnowledgeBase {
	kb := KnowledgeBase{Title: g.Site().Titel, License: g.Site().Licentie, LicenseURL: g.Site().LicentieURL,
		Categories: []Category{}, Clusters: []Cluster{}, Sources: []Source{}, Determinants: []Determinant{},
		Strategies: []Strategy{}, Networks: []Entry{}, Factsheets: []Entry{}, Posts: []Entry{}}
	for _, c := range contentCategories() {
		kb.Categories = append(kb.Categories, Category{ID: c.ID, Title: c.Title, TitleEN: c.TitleEN})
	}
	for _, c := range g.Site().Clusters {
		kb.Clusters = append(kb.Clusters, Cluster{ID: c.ID, Title: c.Titel, TitleEN: c.TitelEN, Source: c.Bron})
	}
	for _, s := range g.Site().Bronnen {
		kb.Sources = append(kb.Sources, Source{ID: s.ID, Label: s.Kort, Citation: s.Citatie, URL: s.URL})
	}
	for _, d := range g.Content.Determinants {
		links := []Link{}
		for _, l := range d.Links {
			links = append(links, Link{Strategy: l.Strategy, Strength: l.Strength, Source: l.Source, Explanation: l.Explanation})
		}
		kb.Determinants = append(kb.Determinants, Determinant{ID: d.ID, Number: d.Nummer, Category: d.Categorie,
			Title: d.Titel, TitleEN: d.TitelEN, Summary: d.Samenvatting, Question: d.Vraag, Scale: d.Schaal, URL: d.URL(), Links: links})
	}
	for _, s := range g.Content.Strategies {
		dets := []string{}
		for _, bl := range g.Backlinks(s.ID) {
			dets = append(dets, bl.Determinant.ID)
		}
		kb.Strategies = append(kb.Strategies, Strategy{ID: s.ID, Title: s.Titel, TitleEN: s.TitelEN, URL: s.URL(),
			Summary: s.Samenvatting, Cluster: s.Cluster, Sources: orEmpty(s.Bronnen), Phases: orEmpty(s.Fase), Determinants: dets})
	}
	for _, n := range g.Content.Networks {
		kb.Networks = append(kb.Networks, Entry{ID: n.ID, Title: n.Titel, URL: n.URL(), Summary: n.Samenvatting})
	}
	for _, f := range g.Content.Factsheets {
		e := Entry{ID: f.ID, Title: f.Titel, URL: f.URL(), Summary: f.Samenvatting, Network: f.Leernetwerk}
		if f.Datum != nil {
			e.Date = f.Datum.Format("2006-01-02")
		}
		kb.Factsheets = append(kb.Factsheets, e)
	}
	for _, p := range g.Content.Posts {
		e := Entry{ID: p.ID, Title: p.Titel, URL: p.URL(), Date: p.Datum.Format("2006-01-02"), Summary: p.Samenvatting,
			Network: p.Leernetwerk, Place: p.Locatie}
		if p.Start != nil {
			e.Start = p.Start.Format("2006-01-02T15:04:05")
		}
		if p.Eind != nil {
			e.End = p.Eind.Format("2006-01-02T15:04:05")
		}
		kb.Posts = append(kb.Posts, e)
	}
	return kb
}

// Files lists the open data files, each with how to make it: Path and the tables, all made from
// one document.
func Files(g *graph.Graph) []output.File {
	kb := sync.OnceValue(func() KnowledgeBase { return Build(g) })
	out := []output.File{{Path: Path, Make: func() ([]byte, error) { return json.Marshal(kb()) }}}
	for _, t := range Tables() {
		out = append(out, output.File{Path: t.Path, Make: func() ([]byte, error) { return t.CSV(kb()) }})
	}
	return out
}

// JSON encodes the document.
func JSON(g *graph.Graph) ([]byte, error) {
	return json.Marshal(Build(g))
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
