// Package publish writes the files a site offers besides its pages: the sitemap and robots.txt,
// the Atom feed, the iCalendar agenda and one calendar file per agenda item, the open data as
// CSV, and citation files (BibTeX and RIS: one per format with every page that can be cited,
// and the knowledge base and TNO's implementatietool on their own). It also says how to cite a
// page and where these files are, for the pages that show and link to them (Citations,
// PageCitation).
//
// The conductor lists Paths(g) among the site's files before rendering, and calls Write once.
// Files that need absolute URLs (sitemap.xml, atom.xml) are only written when the site has a
// base_url; robots.txt then names the sitemap.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"kennisbank/generator/cite"
	"kennisbank/generator/content"
	"kennisbank/generator/data"
	"kennisbank/generator/feed"
	"kennisbank/generator/graph"
	"kennisbank/generator/ical"
	"kennisbank/generator/output"
	"kennisbank/generator/parallel"
	"kennisbank/generator/reserved"
	"kennisbank/generator/sitemap"
)

// Where the files land in the site.
const (
	SitemapPath = "sitemap.xml"
	RobotsPath  = "robots.txt"
	PagesBibTeX = reserved.Data + "/citaties.bib" // every page that can be cited
	PagesRIS    = reserved.Data + "/citaties.ris"
	SiteBibTeX  = reserved.Data + "/kennisbank.bib"
	SiteRIS     = reserved.Data + "/kennisbank.ris"
	TNOBibTeX   = reserved.Data + "/tno-implementatietool.bib"
	TNORIS      = reserved.Data + "/tno-implementatietool.ris"
	// ColofonID is the id of the page (content/paginas/colofon.md) that shows how to cite the
	// knowledge base as a whole and TNO's implementatietool.
	ColofonID = "colofon"
)

// Options are what Write needs besides the graph.
type Options struct {
	Year  int      // the build year: the year in citations
	Pages []string // every HTML page of the site, relative to the root, for the sitemap
}

// file is one file of the site and how to make it.
type file struct {
	path string
	make func() ([]byte, error)
}

// Paths lists every file Write writes, relative to the site root.
func Paths(g *graph.Graph) []string {
	var out []string
	for _, f := range files(g, Options{}) {
		out = append(out, f.path)
	}
	return out
}

// Write writes the files into w, on all cores, and returns how many it wrote.
func Write(g *graph.Graph, opts Options, w output.Writer) (int, error) {
	list := files(g, opts)
	errs := make([]error, len(list))
	parallel.For(len(list), func(i int) {
		f := list[i]
		body, err := f.make()
		if err != nil {
			errs[i] = fmt.Errorf("%s: %w", f.path, err)
		} else if err := w.WriteFile(f.path, body); err != nil {
			errs[i] = fmt.Errorf("write %s: %w", f.path, err)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	return len(list), nil
}

func files(g *graph.Graph, opts Options) []file {
	var out []file
	add := func(path string, make func() ([]byte, error)) { out = append(out, file{path, make}) }

	if g.Site().BaseURL != "" { // a sitemap lists absolute URLs
		add(SitemapPath, func() ([]byte, error) { return sitemap.XML(sitemapURLs(g, opts.Pages)) })
	}
	if f := reserved.FeedFile(g.Site()); f != "" {
		add(f, func() ([]byte, error) { return feed.Atom(atom(g)) })
	}
	add(RobotsPath, func() ([]byte, error) { return sitemap.Robots(g.AbsURL(SitemapPath)), nil })

	var events []ical.Event
	for _, p := range g.Content.Posts {
		if p.IsEvent() {
			ev := calendarEvent(g, p)
			events = append(events, ev)
			add(reserved.EventFile(p), func() ([]byte, error) { return ical.Calendar(p.Titel, []ical.Event{ev}), nil })
		}
	}
	add(reserved.Agenda, func() ([]byte, error) { return ical.Calendar("Agenda · "+g.Site().Titel, events), nil })

	kb := sync.OnceValue(func() data.KnowledgeBase { return data.Build(g) })
	for _, t := range data.Tables() {
		add(t.Path, func() ([]byte, error) { return t.CSV(kb()) })
	}

	for _, c := range []Citation{SiteCitation(g, opts.Year), TNOCitation()} {
		add(c.BibTeXFile, func() ([]byte, error) { return c.ref.BibTeX(), nil })
		add(c.RISFile, func() ([]byte, error) { return c.ref.RIS(), nil })
	}
	// One file per format holds every page's reference, rather than two files beside every page:
	// the page itself shows the text and offers it as a file made in the browser.
	pages := sync.OnceValue(func() []Citation { return pageCitations(g, opts.Year) })
	add(PagesBibTeX, func() ([]byte, error) { return joined(pages(), "\n", cite.Reference.BibTeX), nil })
	add(PagesRIS, func() ([]byte, error) { return joined(pages(), "\r\n", cite.Reference.RIS), nil })
	return out
}

// joined writes the references of cs in one format, one after another, sep between them.
func joined(cs []Citation, sep string, format func(cite.Reference) []byte) []byte {
	var b bytes.Buffer
	for i, c := range cs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.Write(format(c.ref))
	}
	return b.Bytes()
}

// calendarEvent describes an agenda item for calendar programs. Its DTSTAMP is the item's
// publication date, so that the file only changes when the item does.
func calendarEvent(g *graph.Graph, p *content.Post) ical.Event {
	ev := ical.Event{UID: p.ID + "@" + uidDomain(g), Stamp: content.InZone(p.Datum).UTC(), Start: *p.Start,
		Summary: p.Titel, Description: p.Samenvatting, Location: p.Locatie, URL: g.AbsURL(p.URL())}
	if p.Eind != nil {
		ev.End = *p.Eind
	}
	if ev.URL != "" {
		if ev.Description != "" {
			ev.Description += "\n\n"
		}
		ev.Description += "Meer informatie: " + ev.URL
	}
	return ev
}

// uidDomain is the host of base_url, or "kennisbank" when the site has none.
func uidDomain(g *graph.Graph) string {
	if u, err := url.Parse(g.Site().BaseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "kennisbank"
}

func sitemapURLs(g *graph.Graph, pages []string) []sitemap.URL {
	modified := map[string]string{}
	for _, p := range g.Content.Posts {
		modified[p.URL()] = p.Datum.Format("2006-01-02")
	}
	for _, f := range g.Content.Factsheets {
		if f.Datum != nil {
			modified[f.URL()] = f.Datum.Format("2006-01-02")
		}
	}
	var out []sitemap.URL
	for _, p := range pages {
		if strings.HasSuffix(p, ".html") { // 404.html and other pages that are not addresses of their own
			continue
		}
		out = append(out, sitemap.URL{Loc: g.AbsURL(p), LastMod: modified[p]})
	}
	return out
}

// atom lists the news, agenda items and dated factsheets, newest first. Factsheets without a date
// are left out: a feed entry needs one, and the site does not make one up.
func atom(g *graph.Graph) feed.Feed {
	f := feed.Feed{ID: g.AbsURL(""), Title: g.Site().Titel, Subtitle: "Nieuws, agenda en factsheets", Self: g.AbsURL(reserved.Feed),
		Home: g.AbsURL(""), Author: g.Site().Uitgever, Language: language(g)}
	if g.Site().Licentie != "" {
		f.Rights = "Licentie: " + g.Site().Licentie
	}
	for _, p := range g.Content.Posts {
		kind := "Nieuws"
		if p.IsEvent() {
			kind = "Agenda"
		}
		at := content.InZone(p.Datum)
		f.Entries = append(f.Entries, feed.Entry{ID: g.AbsURL(p.URL()), Title: p.Titel, URL: g.AbsURL(p.URL()),
			Published: at, Updated: at, Summary: p.Samenvatting, Category: kind})
	}
	for _, fs := range g.Content.Factsheets {
		if fs.Datum == nil {
			continue
		}
		at := content.InZone(*fs.Datum)
		f.Entries = append(f.Entries, feed.Entry{ID: g.AbsURL(fs.URL()), Title: fs.Titel, URL: g.AbsURL(fs.URL()),
			Published: at, Updated: at, Summary: fs.Samenvatting, Category: "Factsheet"})
	}
	slices.SortStableFunc(f.Entries, func(a, b feed.Entry) int { return b.Updated.Compare(a.Updated) })
	return f
}

func language(g *graph.Graph) string {
	if g.Site().Taal != "" {
		return g.Site().Taal
	}
	return "nl"
}

// Citation is one way to cite something, as the cite partial shows it: the APA reference, the
// BibTeX and RIS text to copy or save, and the files that hold it.
type Citation struct {
	ID         string // the id of its heading
	Heading    string // for readers
	FileName   string // the name, without extension, a file saved from the page gets
	BibTeXFile string // site path of a .bib file that holds it
	RISFile    string // site path of a .ris file that holds it
	Shared     bool   // the files hold every page of the site, not this citation alone
	ref        cite.Reference
	own        template.HTML // the site's own reference text, instead of the APA reference made from ref
}

// APA returns the APA 7 reference. It is made when a page shows it, not when the citation files
// are listed.
func (c Citation) APA() template.HTML {
	if c.own != "" {
		return c.own
	}
	return c.ref.APA()
}

// BibTeX returns the BibTeX entry, to show on the page.
func (c Citation) BibTeX() string { return string(c.ref.BibTeX()) }

// RIS returns the RIS record, to show on the page.
func (c Citation) RIS() string { return string(c.ref.RIS()) }

// Meta returns the <meta> tags that reference managers read (see cite.Reference.Meta).
func (c Citation) Meta() []cite.Meta { return c.ref.Meta() }

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

// pageCitations lists the citation of every page that can be cited, in the site's order.
func pageCitations(g *graph.Graph, year int) []Citation {
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
	ref := cite.Reference{Kind: cite.WebPage, Key: key, Authors: authors(g), Year: year,
		Title: it.Titel, Container: g.Site().Titel, Publisher: g.Site().Uitgever, URL: g.AbsURL(it.URL()), Language: language(g)}
	if day != nil {
		ref.Year, ref.Date = day.Year(), day.Format("2006-01-02")
	}
	return Citation{ID: "citeer-deze-pagina", Heading: "Citeer deze pagina", FileName: key,
		BibTeXFile: PagesBibTeX, RISFile: PagesRIS, Shared: true, ref: ref}
}

// SiteCitation cites the knowledge base as a whole. When site.toml has a citatie, that text is the
// APA reference, as written (with the site's URL after it when base_url is set).
func SiteCitation(g *graph.Graph, year int) Citation {
	ref := cite.Reference{Kind: cite.Website, Key: "kennisbank", Authors: authors(g), Year: year,
		Title: g.Site().Titel, Publisher: g.Site().Uitgever, URL: g.AbsURL(""), Language: language(g)}
	c := Citation{ID: "citeer-de-kennisbank", Heading: "Citeer de kennisbank", FileName: "kennisbank",
		BibTeXFile: SiteBibTeX, RISFile: SiteRIS, ref: ref}
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
	ref := cite.Reference{Kind: cite.Report, Key: "theunissen2022",
		Authors: []string{"Theunissen, M.", "van Empelen, P.", "Fekkes, M."}, Year: 2022,
		Title:     "De implementatietool: Meer dan 100 strategieën om een interventie of innovatie goed in te voeren",
		Publisher: "TNO", Place: "Leiden", Language: "nl"}
	return Citation{ID: "citeer-de-implementatietool", Heading: "Citeer de implementatietool van TNO", FileName: "tno-implementatietool",
		BibTeXFile: TNOBibTeX, RISFile: TNORIS, ref: ref}
}
