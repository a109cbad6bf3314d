// Package reserved says where the generator keeps its own things in a site: the folders it fills,
// the top-level names a page of the content may not take, and the files it writes at fixed
// places that pages link to. What writes one of them, what links to it and what keeps a page off
// it all read it here, so that they cannot disagree.
//
// It stands low, beside the content model it reads: the check (before the graph is made), the
// views, the producers of files, the _headers file and the development server import it, and it
// imports none of them.
package reserved

import (
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// The folders the generator fills, by their names at the root of the site.
const (
	Assets = theme.Assets  // the bundled scripts and style sheets (package assets), and the huisstijl's files (package brand)
	Data   = "data"        // open data, the search index and the citation files
	Admin  = "admin"       // the CMS (package cms)
	Dev    = "_kennisbank" // what the development server serves beside the site (package serve); never in a built site
)

// Names are the top-level names of the site that a page of the content may not take: the folders
// above and the stand-alone pages of the built-in theme (a test holds the list to the theme).
var Names = []string{Assets, Data, Admin, Dev, "matrix", "open-data", "scan", "zoeken"}

// ReloadScript is the development server's live-reload script, which its pages load.
const ReloadScript = Dev + "/reload.js"

// The files at fixed places that pages link to (package publish writes them).
const (
	Feed   = "atom.xml"          // the Atom feed of news, agenda items and factsheets
	Agenda = "nieuws/agenda.ics" // the calendar of all agenda items
)

// FeedFile is the Atom feed, or "" for a site without base_url: a feed needs absolute URLs, so
// the site has none then.
func FeedFile(site *content.Site) string {
	if site.BaseURL == "" {
		return ""
	}
	return Feed
}

// AgendaFile is the calendar of all agenda items, or "" when posts has none: pages then do not
// offer it, though it is written (empty) all the same.
func AgendaFile(posts []*content.Post) string {
	for _, p := range posts {
		if p.IsEvent() {
			return Agenda
		}
	}
	return ""
}

// EventFile is where the calendar file of one agenda item lands, beside its page; "" for news.
func EventFile(p *content.Post) string {
	if p == nil || !p.IsEvent() {
		return ""
	}
	return p.URL() + p.ID + ".ics"
}
