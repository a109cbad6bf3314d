// Package feed writes an Atom feed (RFC 4287) that feed readers subscribe to.
package feed

import (
	"encoding/xml"
	"time"
)

// Feed is the feed as a whole. Every URL and id must be absolute.
type Feed struct {
	ID       string // usually the site's home URL
	Title    string
	Subtitle string
	Self     string // the feed's own URL
	Home     string // the page the feed belongs to
	Author   string
	Rights   string
	Language string // e.g. "nl"
	Entries  []Entry
}

// Entry is one item of the feed.
type Entry struct {
	ID        string // a stable absolute URI; the page URL
	Title     string
	URL       string
	Published time.Time
	Updated   time.Time
	Summary   string
	Category  string // e.g. "Nieuws", "Agenda", "Factsheet"
}

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr,omitempty"`
	ID       string      `xml:"id"`
	Title    atomText    `xml:"title"`
	Subtitle *atomText   `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   *atomPerson `xml:"author,omitempty"`
	Rights   *atomText   `xml:"rights,omitempty"`
	Gen      atomGen     `xml:"generator"`
	Entries  []atomEntry `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomGen struct {
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	ID        string         `xml:"id"`
	Title     atomText       `xml:"title"`
	Link      atomLink       `xml:"link"`
	Published string         `xml:"published,omitempty"`
	Updated   string         `xml:"updated"`
	Summary   *atomText      `xml:"summary,omitempty"`
	Category  []atomCategory `xml:"category"`
}

// Atom returns the feed as an XML document. The feed's updated time is the latest entry's.
func Atom(f Feed) ([]byte, error) {
	out := atomFeed{Lang: f.Language, ID: f.ID, Title: text(f.Title), Gen: atomGen{"Kennisbank"},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: f.Self}, {Rel: "alternate", Type: "text/html", Href: f.Home}}}
	if f.Subtitle != "" {
		s := text(f.Subtitle)
		out.Subtitle = &s
	}
	if f.Author != "" {
		out.Author = &atomPerson{Name: f.Author}
	}
	if f.Rights != "" {
		r := text(f.Rights)
		out.Rights = &r
	}
	var latest time.Time
	for _, e := range f.Entries {
		ae := atomEntry{ID: e.ID, Title: text(e.Title), Link: atomLink{Rel: "alternate", Type: "text/html", Href: e.URL},
			Updated: stamp(e.Updated)}
		if !e.Published.IsZero() {
			ae.Published = stamp(e.Published)
		}
		if e.Summary != "" {
			s := text(e.Summary)
			ae.Summary = &s
		}
		if e.Category != "" {
			ae.Category = []atomCategory{{Term: e.Category}}
		}
		if e.Updated.After(latest) {
			latest = e.Updated
		}
		out.Entries = append(out.Entries, ae)
	}
	if latest.IsZero() {
		latest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // an empty feed still needs a date
	}
	out.Updated = stamp(latest)
	body, err := xml.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(body, '\n')...), nil
}

func text(s string) atomText { return atomText{Type: "text", Text: s} }

func stamp(t time.Time) string { return t.Format(time.RFC3339) }
