// Package publish makes the files a site offers besides its pages and its data: the sitemap and
// robots.txt, the Atom feed, the iCalendar agenda and one calendar file per agenda item, and
// citation files (BibTeX and RIS: one per format with every page that can be cited, and the
// knowledge base and TNO's implementatietool on their own; package cite says how each is cited,
// package reserved where the files that pages link to lie).
//
// Files lists them, each with how to make it: the build plans their paths from that list and
// writes them from it. Files that need absolute URLs (sitemap.xml, atom.xml) are only made when
// the site has a base_url; robots.txt then names the sitemap.
package publish

import (
	"bytes"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/werkplaats-jeugd/kennisbank/generator/cite"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/feed"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
	"github.com/werkplaats-jeugd/kennisbank/generator/ical"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
	"github.com/werkplaats-jeugd/kennisbank/generator/sitemap"
)

// Where the files land in the site.
const (
	SitemapPath = "sitemap.xml"
	RobotsPath  = "robots.txt"
)

// Options are what Files needs besides the graph.
type Options struct {
	Year  int      // the build year: the year in citations
	Pages []string // every HTML page of the site, relative to the root, for the sitemap
}

// Files lists the files, each with how to make it.
func Files(g *graph.Graph, opts Options) []output.File {
	var out []output.File
	add := func(path string, make func() ([]byte, error)) { out = append(out, output.File{Path: path, Make: make}) }

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

	for _, c := range []cite.Citation{cite.SiteCitation(g, opts.Year), cite.TNOCitation()} {
		add(c.BibTeXFile, func() ([]byte, error) { return c.Ref.BibTeX(), nil })
		add(c.RISFile, func() ([]byte, error) { return c.Ref.RIS(), nil })
	}
	// One file per format holds every page's reference, rather than two files beside every page:
	// the page itself shows the text and offers it as a file made in the browser.
	pages := sync.OnceValue(func() []cite.Citation { return cite.Pages(g, opts.Year) })
	add(cite.PagesBibTeX, func() ([]byte, error) { return joined(pages(), "\n", cite.Reference.BibTeX), nil })
	add(cite.PagesRIS, func() ([]byte, error) { return joined(pages(), "\r\n", cite.Reference.RIS), nil })
	return out
}

// joined writes the references of cs in one format, one after another, sep between them.
func joined(cs []cite.Citation, sep string, format func(cite.Reference) []byte) []byte {
	var b bytes.Buffer
	for i, c := range cs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.Write(format(c.Ref))
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
		Home: g.AbsURL(""), Author: g.Site().Uitgever, Language: g.Language()}
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
