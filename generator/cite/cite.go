// Package cite writes references four ways: APA 7 for people to read and copy, BibTeX and RIS
// for reference managers (Zotero, EndNote, Mendeley, JabRef, LaTeX), and the <meta> tags that
// reference managers' browser buttons read from a page (Highwire Press and Dublin Core).
//
//	r := cite.Reference{Kind: cite.WebPage, Authors: []string{"Werkplaats SAMEN"}, Year: 2026,
//		Title: "Audit en feedback", Container: "Kennisbank implementatie jeugd"}
//	r.APAText() // Werkplaats SAMEN. (2026). Audit en feedback. In Kennisbank implementatie jeugd.
//
// Citation is how the site cites its own pages, the knowledge base as a whole and TNO's
// implementatietool (Citations, PageCitation, Pages): the pages show it (package view), their
// <meta> tags carry it, and package publish writes it to the citation files, all from here. It
// reads the graph for the site's title, publisher and addresses; the views and publish import
// cite, never the other way round.
package cite

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
)

// Kind is the kind of work a reference points at.
type Kind int

const (
	WebPage Kind = iota // one page of a website (Container names the website)
	Website             // a website as a whole
	Report              // a report or book published by an institute
)

// Reference describes one work. Authors are persons written "Family, I." (with a comma) or an
// organisation written as its name (without a comma), e.g. "Werkplaats SAMEN".
type Reference struct {
	Kind      Kind
	Key       string // the BibTeX key
	Authors   []string
	Year      int
	Title     string
	Container string // for a WebPage: the website it is part of
	Publisher string // left out of APA when it is the (only) author
	Place     string // place of publication: BibTeX address and RIS CY; APA 7 leaves it out
	URL       string // absolute, or ""
	Language  string // ISO 639-1, e.g. "nl"
	Date      string // the day it appeared, "2024-07-01", when known; Year is that day's year
}

// APA returns the APA 7 reference as HTML, with the part APA sets in italics in <i>.
func (r Reference) APA() template.HTML {
	italic := func(s string) string { return "<i>" + html.EscapeString(s) + "</i>" }
	return template.HTML(r.apa(italic, html.EscapeString, func(u string) string {
		return `<a href="` + html.EscapeString(u) + `">` + html.EscapeString(u) + `</a>`
	}))
}

// APAText returns the APA 7 reference as plain text, without italics.
func (r Reference) APAText() string {
	same := func(s string) string { return s }
	return r.apa(same, same, same)
}

func (r Reference) apa(italic, plain, link func(string) string) string {
	var b strings.Builder
	if len(r.Authors) > 0 {
		b.WriteString(end(apaAuthors(r.Authors), plain))
		fmt.Fprintf(&b, " (%d). ", r.Year)
	} else {
		// Without an author the title moves to the author's place.
		b.WriteString(end(r.Title, italic))
		fmt.Fprintf(&b, " (%d).", r.Year)
	}
	if len(r.Authors) > 0 {
		switch r.Kind {
		case WebPage:
			b.WriteString(end(r.Title, plain))
		default:
			b.WriteString(end(r.Title, italic))
		}
	}
	if r.Kind == WebPage && r.Container != "" {
		b.WriteString(plain(" In "))
		b.WriteString(end(r.Container, italic))
	}
	if r.Publisher != "" && !(len(r.Authors) == 1 && r.Authors[0] == r.Publisher) {
		b.WriteString(" " + end(r.Publisher, plain))
	}
	if r.URL != "" {
		b.WriteString(" " + link(r.URL))
	}
	return strings.TrimSpace(b.String())
}

// apaAuthors joins names the APA way: "A", "A, & B", "A, B, & C".
func apaAuthors(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	default:
		return strings.Join(names[:len(names)-1], ", ") + ", & " + names[len(names)-1]
	}
}

// end styles s and closes it with a full stop, outside the style, unless s ends with punctuation.
func end(s string, style func(string) string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return style(s)
	}
	return style(s) + "."
}

func isPerson(name string) bool { return strings.Contains(name, ",") }

// BibTeX returns the reference as one BibTeX entry (UTF-8): @misc for web pages and websites,
// @techreport for reports. Organisations are braced so that BibTeX does not split their names.
func (r Reference) BibTeX() []byte {
	entry := "misc"
	if r.Kind == Report {
		entry = "techreport"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@%s{%s,\n", entry, r.Key)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "  %s = {%s},\n", name, value)
		}
	}
	var authors []string
	for _, a := range r.Authors {
		if isPerson(a) {
			authors = append(authors, bibEscape(a))
		} else {
			authors = append(authors, "{"+bibEscape(a)+"}")
		}
	}
	field("author", strings.Join(authors, " and "))
	field("title", "{"+bibEscape(r.Title)+"}") // braced: keep the Dutch capitalisation as written
	switch r.Kind {
	case WebPage:
		field("howpublished", bibEscape(r.Container))
		field("organization", bibEscape(r.Publisher))
	case Website:
		field("organization", bibEscape(r.Publisher))
	case Report:
		field("institution", bibEscape(r.Publisher))
		field("address", bibEscape(r.Place))
	}
	field("year", strconv.Itoa(r.Year))
	field("url", r.URL)
	field("language", bibLanguage(r.Language))
	b.WriteString("}\n")
	return []byte(b.String())
}

var bibEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `&`, `\&`, `%`, `\%`,
	`$`, `\$`, `#`, `\#`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`)

func bibEscape(s string) string { return bibEscaper.Replace(s) }

func bibLanguage(code string) string {
	switch code {
	case "nl":
		return "dutch"
	case "en":
		return "english"
	}
	return code
}

// RIS returns the reference in the RIS format, CRLF line endings, UTF-8: ELEC for web pages and
// websites, RPRT for reports.
func (r Reference) RIS() []byte {
	var b strings.Builder
	tag := func(name, value string) {
		value = strings.Join(strings.Fields(value), " ") // one line per tag
		if value != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", name, value)
		}
	}
	switch r.Kind {
	case Report:
		tag("TY", "RPRT")
	default:
		tag("TY", "ELEC")
	}
	for _, a := range r.Authors {
		tag("AU", a)
	}
	tag("TI", r.Title)
	if r.Kind == WebPage {
		tag("T2", r.Container)
	}
	tag("PY", strconv.Itoa(r.Year))
	if r.Date != "" {
		tag("DA", strings.ReplaceAll(r.Date, "-", "/"))
	}
	tag("PB", r.Publisher)
	tag("CY", r.Place)
	tag("UR", r.URL)
	tag("LA", r.Language)
	b.WriteString("ER  - \r\n")
	return []byte(b.String())
}

// Meta is one <meta name="…" content="…"> tag.
type Meta struct{ Name, Content string }

// Meta returns the reference as the tags reference managers read from a page's <head>: Highwire
// Press (citation_*: Zotero, Mendeley, Google Scholar) and Dublin Core (DC.*, to be declared with
// <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">).
//
// What Zotero's "Embedded Metadata" translator makes of them decides their form:
//   - Organisations are not written as authors. The translator reads every citation_author and
//     DC.creator as a person, so "Werkplaats SAMEN" would become the person "Samen, Werkplaats".
//     An organisation is the publisher (citation_publisher, DC.publisher) instead.
//   - DC.type is "webpage" for a web page: the translator maps that word to its item type
//     "webpage". DCMI's own "Text" (or citation_title alone) would make it a journal article.
//   - The URL (citation_public_url, DC.identifier) is only written when it is absolute.
func (r Reference) Meta() []Meta {
	var out []Meta
	add := func(name, content string) {
		if content = strings.Join(strings.Fields(content), " "); content != "" {
			out = append(out, Meta{name, content})
		}
	}
	add("citation_title", r.Title)
	for _, a := range r.Authors {
		if isPerson(a) {
			add("citation_author", a)
		}
	}
	add("citation_publisher", r.Publisher)
	add("citation_publication_date", strings.ReplaceAll(r.date(), "-", "/"))
	add("citation_language", r.Language)
	add("citation_public_url", r.URL)
	add("DC.title", r.Title)
	for _, a := range r.Authors {
		if isPerson(a) {
			add("DC.creator", a)
		}
	}
	add("DC.publisher", r.Publisher)
	add("DC.date", r.date())
	add("DC.language", r.Language)
	add("DC.identifier", r.URL)
	add("DC.type", dcType[r.Kind])
	return out
}

// dcType is DC.type by kind, in the words Zotero maps to its item types.
var dcType = map[Kind]string{WebPage: "webpage", Website: "webpage", Report: "report"}

// date is the day it appeared ("2024-07-01"), or else its year ("2026").
func (r Reference) date() string {
	if r.Date != "" {
		return r.Date
	}
	return strconv.Itoa(r.Year)
}
