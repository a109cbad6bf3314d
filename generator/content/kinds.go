// Package content loads the knowledge base from content/: site.toml and one folder per kind of
// item, each item a Markdown file with TOML front matter. It decodes every file into a typed
// struct and reports form problems (bad TOML, unknown keys, wrong types) with file and line.
// Cross-checks between items live in package check.
package content

import "time"

// Kind names the folders under content/ and the kinds of item they hold.
type Kind string

const (
	KindDeterminant Kind = "determinanten"
	KindStrategy    Kind = "strategieen"
	KindNetwork     Kind = "leernetwerken"
	KindFactsheet   Kind = "factsheets"
	KindPost        Kind = "nieuws"
	KindPage        Kind = "paginas"
)

// Kinds lists every kind in the order the site presents them.
var Kinds = []Kind{KindDeterminant, KindStrategy, KindNetwork, KindFactsheet, KindPost, KindPage}

// Categories are the four MIDI categories, by id, in MIDI's order.
var Categories = []Category{
	{ID: "innovatie", Title: "De innovatie", TitleEN: "Innovation"},
	{ID: "gebruiker", Title: "De uitvoerder", TitleEN: "User"},
	{ID: "organisatie", Title: "De organisatie", TitleEN: "Organisation"},
	{ID: "sociaal-politieke-context", Title: "De sociaal-politieke context", TitleEN: "Socio-political context"},
}

// Category is one of the four MIDI categories.
type Category struct{ ID, Title, TitleEN string }

// Scales a determinant's question can be answered on.
const (
	ScaleAgree5        = "eens5"
	ScaleAgree5Reverse = "eens5-omgekeerd"
	ScaleYesNo         = "janeeweetniet"
)

// Scales lists the valid scale ids.
var Scales = []string{ScaleAgree5, ScaleAgree5Reverse, ScaleYesNo}

// Strengths of a link between a determinant and a strategy.
var Strengths = []string{"kern", "aanvullend"}

// Phases of implementation a strategy can fit.
var Phases = []string{"verspreiding", "adoptie", "implementatie", "borging"}

// Item is what every kind of content has in common.
type Item struct {
	Titel        string   `toml:"titel"`
	Samenvatting string   `toml:"samenvatting"`
	Zoektermen   []string `toml:"zoektermen"` // words readers search with that the text may not use (synonyms, practice words)
	Concept      bool     `toml:"concept"`    // a draft: left out unless building with drafts

	ID       string   `toml:"-"` // the file name without .md, or the folder name of a bundle
	Kind     Kind     `toml:"-"`
	File     string   `toml:"-"` // path for messages, relative to the project, e.g. content/nieuws/x.md
	Body     []byte   `toml:"-"` // Markdown
	BodyLine int      `toml:"-"`
	Bundle   string   `toml:"-"` // the folder of a page bundle on disk, "" for a single file
	Files    []string `toml:"-"` // names of the files beside index.md in a bundle
	Keys     KeyLines `toml:"-"`
	Hash     [32]byte `toml:"-"` // of the file's bytes: tells a rebuild whether the item changed
}

// Base returns the shared part of any item.
func (it *Item) Base() *Item { return it }

// URL is the item's path relative to the site root, with a trailing slash (pretty URLs).
func (it *Item) URL() string {
	if it.Kind == KindPage {
		return it.ID + "/"
	}
	return string(it.Kind) + "/" + it.ID + "/"
}

// Determinant is one of the 29 MIDI determinants.
type Determinant struct {
	Item
	Nummer    int      `toml:"nummer"`
	Categorie string   `toml:"categorie"`
	TitelEN   string   `toml:"titel_en"`
	Vraag     string   `toml:"vraag"`
	Schaal    string   `toml:"schaal"`
	Bronnen   []string `toml:"bronnen"`
	Links     []Link   `toml:"strategie"`
}

// Link is a determinant → strategy link, written once, on the determinant.
type Link struct {
	Strategy    string `toml:"id"`
	Strength    string `toml:"sterkte"` // kern | aanvullend
	Source      string `toml:"bron"`    // a source id from site.toml
	Explanation string `toml:"toelichting"`
	Line        int    `toml:"-"` // the line of its [[strategie]] header
}

// Strategy is an implementation strategy.
type Strategy struct {
	Item
	TitelEN string   `toml:"titel_en"`
	Cluster string   `toml:"cluster"`
	Bronnen []string `toml:"bronnen"`
	Fase    []string `toml:"fase"`
}

// Network is a learning network (leernetwerk).
type Network struct {
	Item
}

// Factsheet is a factsheet the workplace publishes.
type Factsheet struct {
	Item
	Datum       *time.Time `toml:"datum"`
	Leernetwerk string     `toml:"leernetwerk"`
}

// Post is a news item, or an agenda item when it has a start.
type Post struct {
	Item
	Datum       time.Time  `toml:"datum"`
	Leernetwerk string     `toml:"leernetwerk"`
	Start       *time.Time `toml:"start"`
	Eind        *time.Time `toml:"eind"`
	Locatie     string     `toml:"locatie"`
}

// IsEvent reports whether the post is an agenda item.
func (p *Post) IsEvent() bool { return p.Start != nil }

// Page is a stand-alone page such as "over" or "colofon"; it lives at the site root.
type Page struct {
	Item
	Volgorde int `toml:"volgorde"` // order in the footer; lower first
}

// Site is site.toml.
type Site struct {
	Titel        string     `toml:"titel"`
	Ondertitel   string     `toml:"ondertitel"`
	Beschrijving string     `toml:"beschrijving"`
	BaseURL      string     `toml:"base_url"`
	Taal         string     `toml:"taal"`
	Uitgever     string     `toml:"uitgever"`
	Citatie      string     `toml:"citatie"`       // optional: the APA reference of the whole site, as written
	Licentie     string     `toml:"licentie"`      // licence of the site's own texts and data, e.g. "CC BY 4.0"
	LicentieURL  string     `toml:"licentie_url"`  // where the licence can be read
	HTMLToestaan bool       `toml:"html_toestaan"` // pass raw HTML in Markdown through; only when every editor is trusted
	Menu         []MenuItem `toml:"menu"`
	Bronnen      []Source   `toml:"bron"`
	Clusters     []Cluster  `toml:"cluster"`

	Keys KeyLines `toml:"-"`
}

// MenuItem is an entry in the main navigation; URL is relative to the site root.
type MenuItem struct {
	Naam string `toml:"naam"`
	URL  string `toml:"url"`
}

// Source is a citable source of strategies or links.
type Source struct {
	ID      string `toml:"id"`
	Kort    string `toml:"kort"`    // short label, e.g. "Intervention Mapping (Kok 2016)"
	Citatie string `toml:"citatie"` // full APA 7 citation
	URL     string `toml:"url"`
}

// Cluster groups strategies: an ERIC cluster or an Intervention Mapping determinant group.
type Cluster struct {
	ID      string `toml:"id"`
	Titel   string `toml:"titel"`
	TitelEN string `toml:"titel_en"`
	Bron    string `toml:"bron"`
}

// Content is the whole loaded knowledge base.
type Content struct {
	Site         Site
	Determinants []*Determinant
	Strategies   []*Strategy
	Networks     []*Network
	Factsheets   []*Factsheet
	Posts        []*Post
	Pages        []*Page

	// Unreadable holds "kind/id" of the files that exist but could not be loaded; their problems
	// are reported already, so references to them are not reported again.
	Unreadable map[string]bool
}

// FilesOrNil returns the bundle files of it, also when it is nil.
func (it *Item) FilesOrNil() []string {
	if it == nil {
		return nil
	}
	return it.Files
}

// Items returns the shared part of every item of the given kinds, all kinds when none is given,
// in the order of Kinds.
func (c *Content) Items(kinds ...Kind) []*Item {
	if len(kinds) == 0 {
		kinds = Kinds
	}
	var out []*Item
	for _, k := range kinds {
		switch k {
		case KindDeterminant:
			out = appendItems(out, c.Determinants)
		case KindStrategy:
			out = appendItems(out, c.Strategies)
		case KindNetwork:
			out = appendItems(out, c.Networks)
		case KindFactsheet:
			out = appendItems(out, c.Factsheets)
		case KindPost:
			out = appendItems(out, c.Posts)
		case KindPage:
			out = appendItems(out, c.Pages)
		}
	}
	return out
}

func appendItems[T interface{ Base() *Item }](out []*Item, list []T) []*Item {
	for _, x := range list {
		out = append(out, x.Base())
	}
	return out
}
