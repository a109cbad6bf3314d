package cite

import (
	"html/template"
	"strings"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// Where the citation files land in the site (package publish writes them).
const (
	PagesBibTeX = reserved.Data + "/citaties.bib" // every page that can be cited
	PagesRIS    = reserved.Data + "/citaties.ris"
	SiteBibTeX  = reserved.Data + "/kennisbank.bib"
	SiteRIS     = reserved.Data + "/kennisbank.ris"
	TNOBibTeX   = reserved.Data + "/tno-implementatietool.bib"
	TNORIS      = reserved.Data + "/tno-implementatietool.ris"
)

// ColofonID is the id of the page (content/paginas/colofon.md) that shows how to cite the
// knowledge base as a whole and TNO's implementatietool.
const ColofonID = "colofon"

// Citation is one way to cite something, as the cite partial shows it: the APA reference, the
// BibTeX and RIS text to copy or save, and the files that hold it.
type Citation struct {
	ID         string // the id of its heading
	Heading    string // for readers
	FileName   string // the name, without extension, a file saved from the page gets
	BibTeXFile string // site path of a .bib file that holds it
	RISFile    string // site path of a .ris file that holds it
	Shared     bool   // the files hold every page of the site, not this citation alone
	Ref        Reference
	own        template.HTML // the site's own reference text, instead of the APA reference made from Ref
}

// APA returns the APA 7 reference. It is made when a page shows it, not when the citation files
// are listed.
func (c Citation) APA() template.HTML {
	if c.own != "" {
		return c.own
	}
	return c.Ref.APA()
}

// BibTeX returns the BibTeX entry, to show on the page.
func (c Citation) BibTeX() string { return string(c.Ref.BibTeX()) }

// RIS returns the RIS record, to show on the page.
func (c Citation) RIS() string { return string(c.Ref.RIS()) }

// Meta returns the <meta> tags that reference managers read (see Reference.Meta).
func (c Citation) Meta() []Meta { return c.Ref.Meta() }

// Citations lists what a page showing item offers to cite: determinant, strategy, learning
// network and factsheet pages cite themselves; the colofon cites the knowledge base as a whole
// and TNO's implementatietool.
func Citations(g *graph.Graph, item content.Entry, year int) []Citation {
	if c, ok := PageCitation(g, item, year); ok {
		return []Citation{c}
	}
	if p, ok := item.(*content.Page); ok && p.ID == ColofonID {
		return []Citation{SiteCitation(g, year), TNOCitation()}
	}
	return nil
}

// PageCitation is how to cite the page of a determinant, strategy, learning network or
// factsheet; false for any other item.
func PageCitation(g *graph.Graph, item content.Entry, year int) (Citation, bool) {
	switch x := item.(type) {
	case *content.Determinant:
		return pageCitation(g, &x.Item, year, nil), true
	case *content.Strategy:
		return pageCitation(g, &x.Item, year, nil), true
	case *content.Network:
		return pageCitation(g, &x.Item, year, nil), true
	case *content.Factsheet:
		return pageCitation(g, &x.Item, year, x.Datum), true
	}
	return Citation{}, false
}

// Pages lists the citation of every page that can be cited, in the site's order: what
// PagesBibTeX and PagesRIS hold.
func Pages(g *graph.Graph, year int) []Citation {
	var items []content.Entry
	for _, d := range g.Content.Determinants {
		items = append(items, d)
	}
	for _, s := range g.Content.Strategies {
		items = append(items, s)
	}
	for _, n := range g.Content.Networks {
		items = append(items, n)
	}
	for _, f := range g.Content.Factsheets {
		items = append(items, f)
	}
	out := make([]Citation, 0, len(items))
	for _, it := range items {
		c, _ := PageCitation(g, it, year)
		out = append(out, c)
	}
	return out
}

func authors(g *graph.Graph) []string {
	if g.Site().Uitgever == "" {
		return nil
	}
	return []string{g.Site().Uitgever}
}

// pageCitation cites one page. A page with a date of its own (a factsheet) is cited with that
// date; other pages with the year of the build, as the site's pages change with every edition.
func pageCitation(g *graph.Graph, it *content.Item, year int, day *time.Time) Citation {
	// The BibTeX key names the kind: ids are only unique within a kind, and citaties.bib holds all.
	key := "kennisbank-" + content.SpecOf(it.Kind).Name + "-" + it.ID
	ref := Reference{Kind: WebPage, Key: key, Authors: authors(g), Year: year,
		Title: it.Titel, Container: g.Site().Titel, Publisher: g.Site().Uitgever, URL: g.AbsURL(it.URL()), Language: g.Language()}
	if day != nil {
		ref.Year, ref.Date = day.Year(), day.Format("2006-01-02")
	}
	return Citation{ID: "citeer-deze-pagina", Heading: "Citeer deze pagina", FileName: key,
		BibTeXFile: PagesBibTeX, RISFile: PagesRIS, Shared: true, Ref: ref}
}

// SiteCitation cites the knowledge base as a whole. When site.toml has a citatie, that text is the
// APA reference, as written (with the site's URL after it when base_url is set).
func SiteCitation(g *graph.Graph, year int) Citation {
	ref := Reference{Kind: Website, Key: "kennisbank", Authors: authors(g), Year: year,
		Title: g.Site().Titel, Publisher: g.Site().Uitgever, URL: g.AbsURL(""), Language: g.Language()}
	c := Citation{ID: "citeer-de-kennisbank", Heading: "Citeer de kennisbank", FileName: "kennisbank",
		BibTeXFile: SiteBibTeX, RISFile: SiteRIS, Ref: ref}
	if own := strings.TrimSpace(g.Site().Citatie); own != "" {
		if ref.URL != "" && !strings.Contains(own, ref.URL) {
			own += " " + ref.URL
		}
		c.own = template.HTML(template.HTMLEscapeString(own))
	}
	return c
}

// TNOCitation cites TNO's implementatietool, whose strategies and links the site does not show
// but many readers work with. APA 7 leaves out the place of publication; BibTeX and RIS keep it.
func TNOCitation() Citation {
	ref := Reference{Kind: Report, Key: "theunissen2022",
		Authors: []string{"Theunissen, M.", "van Empelen, P.", "Fekkes, M."}, Year: 2022,
		Title:     "De implementatietool: Meer dan 100 strategieën om een interventie of innovatie goed in te voeren",
		Publisher: "TNO", Place: "Leiden", Language: "nl"}
	return Citation{ID: "citeer-de-implementatietool", Heading: "Citeer de implementatietool van TNO", FileName: "tno-implementatietool",
		BibTeXFile: TNOBibTeX, RISFile: TNORIS, Ref: ref}
}
