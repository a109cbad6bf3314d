package generator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
)

// Tests of what the site publishes besides its pages: feed, agenda, sitemap, metadata, open data,
// citations, and the link check of templates.

const testBase = "https://example.org/kb/"

// publisher adds the keys a real site.toml has to the fixture's.
var publisher = map[string]string{"content/site.toml": strings.Replace(fixture["content/site.toml"], `base_url = ""`,
	`base_url = ""
uitgever = "Werkplaats Test"
licentie = "CC BY 4.0"
licentie_url = "https://creativecommons.org/licenses/by/4.0/deed.nl"`, 1)}

func with(changes ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, c := range changes {
		for k, v := range c {
			out[k] = v
		}
	}
	return out
}

func buildAt(t *testing.T, root, base string) (string, map[string]string) {
	t.Helper()
	out := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Out: out, BaseURL: base}); err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	return out, readSite(t, out)
}

// pageFile is the file of the page at the site path p.
func pageFile(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// resolveFrom resolves a relative reference on the page at site path page to a site path.
func resolveFrom(page, ref string) string {
	p := path.Join(path.Dir(page+"x"), ref)
	if strings.HasSuffix(ref, "/") && p != "." {
		p += "/"
	}
	if p == "." {
		return ""
	}
	return p
}

var datedFactsheet = map[string]string{"content/factsheets/liso-framework/index.md": strings.Replace(
	fixture["content/factsheets/liso-framework/index.md"], "+++\n", "+++\ndatum = 2024-07-01\nsamenvatting = \"Leernetwerken met publieke en private partners.\"\n", 1),
	"content/factsheets/ongedateerd.md": "+++\ntitel = \"Zonder datum\"\n+++\nTekst.\n"}

func TestAtomFeedListsNewsAndDatedFactsheets(t *testing.T) {
	_, site := buildAt(t, newProject(t, with(publisher, datedFactsheet)), testBase)
	var f struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Rights  string `xml:"rights"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(site["atom.xml"]), &f); err != nil {
		t.Fatalf("atom.xml does not parse as Atom: %v", err)
	}
	if f.ID != testBase || !slices.ContainsFunc(f.Links, func(l struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	}) bool {
		return l.Rel == "self" && l.Href == testBase+"atom.xml"
	}) {
		t.Errorf("feed id %q or self link %+v wrong", f.ID, f.Links)
	}
	if !strings.Contains(f.Rights, "CC BY 4.0") {
		t.Errorf("feed rights %q do not name the licence", f.Rights)
	}
	var titles []string
	for _, e := range f.Entries {
		titles = append(titles, e.Title)
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry %q: updated %q is not RFC 3339", e.Title, e.Updated)
		}
		if e.ID != e.Link.Href || !strings.HasPrefix(e.ID, testBase) {
			t.Errorf("entry %q: id %q and link %q must be the absolute page URL", e.Title, e.ID, e.Link.Href)
		}
		if _, ok := site[pageFile(strings.TrimPrefix(e.Link.Href, testBase))]; !ok {
			t.Errorf("entry %q links to %s, which is not in the site", e.Title, e.Link.Href)
		}
	}
	// Newest first; the factsheet without a date is left out.
	if want := []string{"Het LISO-framework", "Jaarconferentie 2024"}; !slices.Equal(titles, want) {
		t.Errorf("entries %q, want %q", titles, want)
	}
	if f.Updated != "2024-07-01T00:00:00+02:00" {
		t.Errorf("feed updated %q, want the newest entry's date in Dutch time", f.Updated)
	}
	head := site["strategieen/discussie/index.html"]
	mustContain(t, "strategy page", head, `<link rel="alternate" type="application/atom+xml"`, `href="../../atom.xml"`)
}

func TestSitemapAndRobotsWithBaseURL(t *testing.T) {
	_, site := buildAt(t, newProject(t, publisher), testBase)
	var sm struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(site["sitemap.xml"]), &sm); err != nil {
		t.Fatalf("sitemap.xml does not parse: %v", err)
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		rel, ok := strings.CutPrefix(u.Loc, testBase)
		if !ok {
			t.Errorf("sitemap URL %q is not under the base URL", u.Loc)
			continue
		}
		if _, ok := site[pageFile(rel)]; !ok {
			t.Errorf("sitemap lists %s, which is not in the site", u.Loc)
		}
		listed[pageFile(rel)] = true
		if u.LastMod != "" {
			if _, err := time.Parse("2006-01-02", u.LastMod); err != nil {
				t.Errorf("lastmod %q of %s is not a date", u.LastMod, u.Loc)
			}
		}
	}
	for name := range site {
		if strings.HasSuffix(name, "index.html") && !listed[name] {
			t.Errorf("page %s is missing from the sitemap", name)
		}
	}
	if listed["404.html"] {
		t.Error("the 404 page is in the sitemap")
	}
	mustContain(t, "robots.txt", site["robots.txt"], "User-agent: *", "Sitemap: "+testBase+"sitemap.xml")
}

func TestWithoutBaseURLNoSitemapFeedOrAbsoluteURLs(t *testing.T) {
	_, site := build(t, newProject(t, publisher))
	for _, name := range []string{"sitemap.xml", "atom.xml"} {
		if _, ok := site[name]; ok {
			t.Errorf("%s was written without a base URL; its URLs would not be absolute", name)
		}
	}
	if strings.Contains(site["robots.txt"], "Sitemap") || !strings.Contains(site["robots.txt"], "User-agent: *") {
		t.Errorf("robots.txt without base URL: %q", site["robots.txt"])
	}
	for name, body := range site {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, bad := range []string{`property="og:`, `application/atom+xml`, `"@id"`, `rel="canonical"`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s has %s without a base URL", name, bad)
			}
		}
	}
	ics := site["nieuws/agenda.ics"]
	mustContain(t, "agenda.ics", ics, "UID:2024-06-27-jaarconferentie@kennisbank\r\n")
	if strings.Contains(ics, "\r\nURL:") {
		t.Error("the calendar has a URL without a base URL")
	}
}

// icsProps checks the physical rules of RFC 5545 (CRLF, at most 75 octets a line, valid UTF-8)
// and returns the unfolded content lines of an iCalendar file.
func icsProps(t *testing.T, name, s string) []string {
	t.Helper()
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("%s does not end with CRLF", name)
	}
	var lines []string
	for i, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if strings.ContainsAny(l, "\r\n") || len(l) > 75 || !utf8.ValidString(l) {
			t.Errorf("%s line %d breaks RFC 5545 (bare CR/LF, over 75 octets or split character): %q", name, i+1, l)
		}
		if strings.HasPrefix(l, " ") && len(lines) > 0 {
			lines[len(lines)-1] += l[1:]
		} else {
			lines = append(lines, l)
		}
	}
	return lines
}

// icsValue returns a property of the first VEVENT.
func icsValue(lines []string, name string) (params, value string, ok bool) {
	start := slices.Index(lines, "BEGIN:VEVENT")
	if start < 0 {
		return "", "", false
	}
	for _, l := range lines[start:] {
		head, v, found := strings.Cut(l, ":")
		n, p, _ := strings.Cut(head, ";")
		if found && n == name {
			return p, v, true
		}
	}
	return "", "", false
}

func TestAgendaCalendarFiles(t *testing.T) {
	summary := "Terugblik, vooruitblik; en één lange zin over samenwerken in de jeugdhulp die zeker langer is dan vijfenzeventig octetten."
	post := strings.Replace(fixture["content/nieuws/2024-06-27-jaarconferentie.md"], "+++\n", "+++\nsamenvatting = \""+summary+"\"\n", 1)
	news := "+++\ntitel = \"Gewoon nieuws\"\ndatum = 2024-05-01\n+++\nGeen agendapunt.\n"
	_, site := buildAt(t, newProject(t, with(publisher, map[string]string{
		"content/nieuws/2024-06-27-jaarconferentie.md": post, "content/nieuws/2024-05-01-nieuws.md": news})), testBase)

	page := "nieuws/2024-06-27-jaarconferentie/"
	own := page + "2024-06-27-jaarconferentie.ics"
	for _, name := range []string{"nieuws/agenda.ics", own} {
		body, ok := site[name]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		lines := icsProps(t, name, body)
		if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" || !slices.Contains(lines, "VERSION:2.0") {
			t.Errorf("%s is not a VCALENDAR 2.0", name)
		}
		if !slices.Contains(lines, "BEGIN:VTIMEZONE") || !slices.Contains(lines, "TZID:Europe/Amsterdam") {
			t.Errorf("%s lacks the VTIMEZONE for Europe/Amsterdam", name)
		}
		if n := strings.Count(body, "BEGIN:VEVENT"); n != 1 {
			t.Errorf("%s has %d events, want only the agenda item", name, n)
		}
		checks := map[string][2]string{
			"DTSTART": {"TZID=Europe/Amsterdam", "20240627T093000"},
			"DTEND":   {"TZID=Europe/Amsterdam", "20240627T140000"},
			"UID":     {"", "2024-06-27-jaarconferentie@example.org"},
			"SUMMARY": {"", "Jaarconferentie 2024"},
			"URL":     {"", testBase + page},
		}
		for prop, want := range checks {
			if p, v, _ := icsValue(lines, prop); p != want[0] || v != want[1] {
				t.Errorf("%s %s = %q:%q, want %q:%q", name, prop, p, v, want[0], want[1])
			}
		}
		if _, v, _ := icsValue(lines, "DTSTAMP"); len(v) != 16 || !strings.HasSuffix(v, "Z") {
			t.Errorf("%s DTSTAMP %q is not a UTC date-time", name, v)
		}
		_, desc, _ := icsValue(lines, "DESCRIPTION")
		unescaped := strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n").Replace(desc)
		if !strings.HasPrefix(unescaped, summary) || !strings.Contains(unescaped, testBase+page) {
			t.Errorf("%s DESCRIPTION does not round-trip the summary and link: %q", name, unescaped)
		}
	}
	links := references(parseHTML(t, site[pageFile(page)]))
	if !slices.ContainsFunc(links, func(l string) bool { return resolveFrom(page, l) == own }) {
		t.Errorf("the agenda item's page does not link its .ics file; links: %v", links)
	}
	if slices.ContainsFunc(references(parseHTML(t, site["nieuws/2024-05-01-nieuws/index.html"])), func(l string) bool { return strings.HasSuffix(l, ".ics") }) {
		t.Error("a news item that is no agenda item links a calendar file")
	}
	if !slices.ContainsFunc(references(parseHTML(t, site["nieuws/index.html"])), func(l string) bool { return resolveFrom("nieuws/", l) == "nieuws/agenda.ics" }) {
		t.Error("the news list does not link agenda.ics")
	}
}

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// jsonLD parses every JSON-LD block of a page; a block that is not valid JSON fails the test.
func jsonLD(t *testing.T, name, page string) []map[string]any {
	t.Helper()
	var out []map[string]any
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			for _, a := range n.Attr {
				if a.Key == "type" && a.Val == "application/ld+json" {
					var doc map[string]any
					text := ""
					if n.FirstChild != nil {
						text = n.FirstChild.Data
					}
					dec := json.NewDecoder(strings.NewReader(text))
					if err := dec.Decode(&doc); err != nil || dec.More() {
						t.Errorf("%s: JSON-LD block does not parse (%v): %s", name, err, text)
						continue
					}
					if doc["@context"] != "https://schema.org" {
						t.Errorf("%s: JSON-LD @context = %v", name, doc["@context"])
					}
					out = append(out, doc)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(parseHTML(t, page))
	return out
}

// meta returns the content of the <meta property=...> tags of a page.
func meta(t *testing.T, page string) map[string]string {
	out := map[string]string{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "meta" {
			var prop, content string
			for _, a := range n.Attr {
				switch a.Key {
				case "property":
					prop = a.Val
				case "content":
					content = a.Val
				}
			}
			if prop != "" {
				out[prop] = content
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(parseHTML(t, page))
	return out
}

func TestJSONLDAndOpenGraph(t *testing.T) {
	tricky := strings.Replace(fixture["content/strategieen/discussie.md"], `samenvatting = "Praat erover."`,
		`samenvatting = "Praat erover: \"samen\" </script><script>alert(1)</script> & verder."`, 1)
	_, site := buildAt(t, newProject(t, with(publisher, datedFactsheet, map[string]string{"content/strategieen/discussie.md": tricky})), testBase)
	blocks := map[string][]map[string]any{}
	for name, body := range site {
		if strings.HasSuffix(name, ".html") {
			blocks[name] = jsonLD(t, name, body)
		}
	}
	one := func(name string) map[string]any {
		t.Helper()
		if len(blocks[name]) != 1 {
			t.Fatalf("%s has %d JSON-LD blocks, want 1", name, len(blocks[name]))
		}
		return blocks[name][0]
	}
	det := one("determinanten/25-coordinator/index.html")
	set, _ := det["inDefinedTermSet"].(map[string]any)
	if det["@type"] != "DefinedTerm" || det["name"] != "Coördinator" || det["termCode"] != "25" || det["alternateName"] != "Coordinator" ||
		set["@type"] != "DefinedTermSet" || set["@id"] != testBase+"determinanten/" || det["@id"] != testBase+"determinanten/25-coordinator/" {
		t.Errorf("determinant JSON-LD: %v", det)
	}
	str := one("strategieen/discussie/index.html")
	if str["@type"] != "DefinedTerm" || str["description"] != `Praat erover: "samen" </script><script>alert(1)</script> & verder.` {
		t.Errorf("strategy JSON-LD does not carry the summary intact: %v", str)
	}
	if strings.Contains(site["strategieen/discussie/index.html"], "<script>alert(1)") {
		t.Error("a summary broke out of the JSON-LD block")
	}
	list := one("determinanten/index.html")
	if terms, _ := list["hasDefinedTerm"].([]any); list["@type"] != "DefinedTermSet" || len(terms) != 1 {
		t.Errorf("determinant list JSON-LD: %v", list)
	}
	fs := one("factsheets/liso-framework/index.html")
	if fs["@type"] != "Article" || fs["headline"] != "Het LISO-framework" || fs["datePublished"] != "2024-07-01T00:00:00+02:00" ||
		fs["license"] != "https://creativecommons.org/licenses/by/4.0/deed.nl" {
		t.Errorf("factsheet JSON-LD: %v", fs)
	}
	ev := one("nieuws/2024-06-27-jaarconferentie/index.html")
	loc, _ := ev["location"].(map[string]any)
	if ev["@type"] != "Event" || ev["startDate"] != "2024-06-27T09:30:00+02:00" || ev["endDate"] != "2024-06-27T14:00:00+02:00" ||
		loc["name"] != "De Haagse Hogeschool" {
		t.Errorf("agenda item JSON-LD: %v", ev)
	}
	if n := len(blocks["404.html"]); n != 0 {
		t.Errorf("the 404 page has %d JSON-LD blocks", n)
	}

	og := meta(t, site["strategieen/discussie/index.html"])
	if og["og:url"] != testBase+"strategieen/discussie/" || og["og:title"] != "Discussie" || og["og:type"] != "website" || og["og:site_name"] != "Testbank" {
		t.Errorf("strategy OpenGraph: %v", og)
	}
	if og := meta(t, site["factsheets/liso-framework/index.html"]); og["og:type"] != "article" {
		t.Errorf("factsheet og:type = %q, want article", og["og:type"])
	}
	if og := meta(t, site["404.html"]); len(og) != 0 {
		t.Errorf("the 404 page has OpenGraph tags: %v", og)
	}
}

var colofon = map[string]string{"content/paginas/colofon.md": "+++\ntitel = \"Colofon\"\n+++\nWie de kennisbank maakt.\n"}

// TestCitationsOnPagesAndAsFiles: every determinant, strategy, learning network and factsheet
// page shows its reference in APA, BibTeX and RIS; the colofon cites the knowledge base and TNO's
// tool. The files come one per format for the whole site, not one beside every page.
func TestCitationsOnPagesAndAsFiles(t *testing.T) {
	_, site := buildAt(t, newProject(t, with(publisher, colofon, datedFactsheet)), testBase)
	year := strconv.Itoa(time.Now().Year())

	det := site["determinanten/25-coordinator/index.html"]
	mustContain(t, "determinant page", det, "Citeer deze pagina",
		"Werkplaats Test. ("+year+"). Coördinator. In <i>Testbank</i>. <a href=\""+testBase+"determinanten/25-coordinator/\">",
		"@misc{kennisbank-determinant-25-coordinator,\n  author = {{Werkplaats Test}},", "TY  - ELEC\r\nAU  - Werkplaats Test\r\nTI  - Coördinator\r\n",
		`data-copy="citeer-deze-pagina-bibtex"`, `data-save="citeer-deze-pagina-ris" data-file="kennisbank-determinant-25-coordinator.ris"`)
	mustContain(t, "strategy page", site["strategieen/discussie/index.html"], "Citeer deze pagina", "Werkplaats Test. ("+year+"). Discussie. In <i>Testbank</i>.")
	mustContain(t, "learning network page", site["leernetwerken/integraal-werken/index.html"], "Citeer deze pagina",
		"Werkplaats Test. ("+year+"). Leernetwerk Integraal werken. In <i>Testbank</i>.")
	// A factsheet with a date of its own is cited with that date, not with the year of the build.
	mustContain(t, "factsheet page", site["factsheets/liso-framework/index.html"], "Citeer deze pagina",
		"Werkplaats Test. (2024). Het LISO-framework. In <i>Testbank</i>.", "DA  - 2024/07/01\r\n")
	if strings.Contains(site["over/index.html"], `class="cite"`) || strings.Contains(site["nieuws/2024-06-27-jaarconferentie/index.html"], `class="cite"`) {
		t.Error("a page other than the four kinds and the colofon offers citations")
	}
	col := site["colofon/index.html"]
	mustContain(t, "colofon", col, "Citeer de kennisbank", "Werkplaats Test. ("+year+"). <i>Testbank</i>.",
		"Citeer de implementatietool van TNO",
		"Theunissen, M., van Empelen, P., &amp; Fekkes, M. (2022). <i>De implementatietool: Meer dan 100 strategieën om een interventie of innovatie goed in te voeren</i>. TNO.")

	// Every citation download a page links exists, and parses as BibTeX or RIS.
	files := map[string]bool{}
	for _, page := range []string{"determinanten/25-coordinator/", "strategieen/discussie/", "leernetwerken/integraal-werken/", "factsheets/liso-framework/", "colofon/", "open-data/"} {
		for _, ref := range references(parseHTML(t, site[pageFile(page)])) {
			if target := resolveFrom(page, ref); strings.HasSuffix(target, ".bib") || strings.HasSuffix(target, ".ris") {
				files[target] = true
			}
		}
	}
	want := []string{"data/citaties.bib", "data/citaties.ris", "data/kennisbank.bib", "data/kennisbank.ris", "data/tno-implementatietool.bib", "data/tno-implementatietool.ris"}
	for _, f := range want {
		if !files[f] {
			t.Errorf("no page links %s", f)
		}
		body, ok := site[f]
		if !ok {
			t.Errorf("%s is linked but not written", f)
			continue
		}
		entries := []string{body}
		if strings.HasPrefix(f, "data/citaties.") {
			entries = splitEntries(f, body)
			if len(entries) != 5 {
				t.Errorf("%s holds %d references, want 5 (a determinant, a strategy, a learning network, two factsheets)", f, len(entries))
			}
		}
		for _, e := range entries {
			if strings.HasSuffix(f, ".bib") {
				checkBibTeX(t, f, e)
			} else {
				checkRIS(t, f, e)
			}
		}
	}
	for name := range site {
		if (strings.HasSuffix(name, ".bib") || strings.HasSuffix(name, ".ris")) && !slices.Contains(want, name) {
			t.Errorf("%s written: the site offers its citations in one file per format, not a file per page", name)
		}
	}
	mustContain(t, "citaties.bib", site["data/citaties.bib"], "@misc{kennisbank-determinant-25-coordinator,", "@misc{kennisbank-strategie-discussie,",
		"@misc{kennisbank-leernetwerk-integraal-werken,", "@misc{kennisbank-factsheet-liso-framework,",
		"author = {{Werkplaats Test}}", "title = {{Coördinator}}", "year = {"+year+"}", "url = {"+testBase+"determinanten/25-coordinator/}")
	mustContain(t, "citaties.ris", site["data/citaties.ris"], "TY  - ELEC\r\n", "AU  - Werkplaats Test\r\n", "TI  - Coördinator\r\n",
		"T2  - Testbank\r\n", "UR  - "+testBase+"determinanten/25-coordinator/\r\n", "TI  - Het LISO-framework\r\nT2  - Testbank\r\nPY  - 2024\r\nDA  - 2024/07/01\r\n")
	mustContain(t, "TNO BibTeX", site["data/tno-implementatietool.bib"], "author = {Theunissen, M. and van Empelen, P. and Fekkes, M.}", "institution = {TNO}", "address = {Leiden}", "year = {2022}")
	mustContain(t, "TNO RIS", site["data/tno-implementatietool.ris"], "TY  - RPRT\r\n", "AU  - van Empelen, P.\r\n", "CY  - Leiden\r\n", "PB  - TNO\r\n")
}

// splitEntries splits a file of several BibTeX entries (blank line between) or RIS records (ER
// line ends each) into one string per entry.
func splitEntries(name, s string) []string {
	if strings.HasSuffix(name, ".bib") {
		parts := strings.Split(s, "}\n\n@")
		for i := range parts {
			if i > 0 {
				parts[i] = "@" + parts[i]
			}
			if i < len(parts)-1 {
				parts[i] += "}\n"
			}
		}
		return parts
	}
	var out []string
	for _, rec := range strings.SplitAfter(s, "ER  - \r\n") {
		if rec = strings.TrimPrefix(rec, "\r\n"); rec != "" {
			out = append(out, rec)
		}
	}
	return out
}

// headMeta returns the name and content of every <meta name> in a page's <head>, in order, and
// whether the head declares the Dublin Core schema.
func headMeta(t *testing.T, page string) (tags [][2]string, dcSchema bool) {
	t.Helper()
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		if n.Type == html.ElementNode {
			inHead = inHead || n.Data == "head"
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			if inHead && n.Data == "meta" && attr["name"] != "" {
				tags = append(tags, [2]string{attr["name"], attr["content"]})
			}
			if inHead && n.Data == "link" && attr["rel"] == "schema.DC" && attr["href"] == "http://purl.org/dc/elements/1.1/" {
				dcSchema = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead)
		}
	}
	walk(parseHTML(t, page), false)
	return tags, dcSchema
}

// TestCitationMetaTagsWhereReferenceManagersLook reads the <head> of every page kind that can be
// cited: Highwire Press (citation_*) and Dublin Core (DC.*) tags in the form Zotero's "Embedded
// Metadata" translator reads them (see cite.Reference.Meta): the organisation as publisher, not
// as a person; DC.type "webpage"; the URL only when it is absolute.
func TestCitationMetaTagsWhereReferenceManagersLook(t *testing.T) {
	year := strconv.Itoa(time.Now().Year())
	root := newProject(t, with(publisher, colofon, datedFactsheet))
	for _, base := range []string{testBase, ""} {
		_, site := buildAt(t, root, base)
		for page, c := range map[string]struct{ title, date string }{
			"determinanten/25-coordinator/":   {"Coördinator", year},
			"strategieen/discussie/":          {"Discussie", year},
			"leernetwerken/integraal-werken/": {"Leernetwerk Integraal werken", year},
			"factsheets/liso-framework/":      {"Het LISO-framework", "2024-07-01"},
		} {
			want := [][2]string{{"citation_title", c.title}, {"citation_publisher", "Werkplaats Test"},
				{"citation_publication_date", strings.ReplaceAll(c.date, "-", "/")}, {"citation_language", "nl"}}
			if base != "" {
				want = append(want, [2]string{"citation_public_url", base + page})
			}
			want = append(want, [2]string{"DC.title", c.title}, [2]string{"DC.publisher", "Werkplaats Test"},
				[2]string{"DC.date", c.date}, [2]string{"DC.language", "nl"})
			if base != "" {
				want = append(want, [2]string{"DC.identifier", base + page})
			}
			want = append(want, [2]string{"DC.type", "webpage"})

			tags, dc := headMeta(t, site[pageFile(page)])
			var got [][2]string
			for _, tag := range tags {
				if strings.HasPrefix(tag[0], "citation_") || strings.HasPrefix(tag[0], "DC.") {
					got = append(got, tag)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("base %q, %s: citation tags\n got %q\nwant %q", base, page, got, want)
			}
			if !dc {
				t.Errorf("base %q, %s: no <link rel=\"schema.DC\"> declares the DC. tags", base, page)
			}
		}
		for _, page := range []string{"", "strategieen/", "over/", "colofon/", "nieuws/2024-06-27-jaarconferentie/", "404.html"} {
			tags, dc := headMeta(t, site[pageFile(page)])
			for _, tag := range tags {
				if strings.HasPrefix(tag[0], "citation_") || strings.HasPrefix(tag[0], "DC.") {
					t.Errorf("base %q, /%s is not a page to cite, but has %s", base, page, tag[0])
				}
			}
			if dc {
				t.Errorf("base %q, /%s is not a page to cite, but declares the DC schema", base, page)
			}
		}
	}
}

// checkBibTeX checks that s is one entry @type{key, field = {value}, ...} with balanced braces.
func checkBibTeX(t *testing.T, name, s string) {
	t.Helper()
	if !strings.HasPrefix(s, "@") || !strings.HasSuffix(s, "}\n") {
		t.Errorf("%s is not one BibTeX entry: %q", name, s)
		return
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				t.Errorf("%s: unbalanced braces", name)
				return
			}
		}
	}
	if depth != 0 {
		t.Errorf("%s: unbalanced braces", name)
	}
	lines := strings.Split(strings.TrimSuffix(s, "}\n"), "\n")
	for _, l := range lines[1:] {
		if l == "" {
			continue
		}
		if k, v, ok := strings.Cut(strings.TrimSpace(l), " = "); !ok || k == "" || !strings.HasPrefix(v, "{") || !strings.HasSuffix(v, "},") {
			t.Errorf("%s: not a field line: %q", name, l)
		}
	}
}

// checkRIS checks that s is one RIS record: "XX  - value" lines with CRLF, TY first, ER last.
func checkRIS(t *testing.T, name, s string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	if !strings.HasPrefix(lines[0], "TY  - ") || lines[len(lines)-1] != "ER  - " {
		t.Errorf("%s does not start with TY and end with ER: %q", name, s)
	}
	for _, l := range lines {
		if len(l) < 6 || l[2:6] != "  - " || strings.ContainsAny(l, "\r\n") {
			t.Errorf("%s: not a RIS line: %q", name, l)
		}
	}
}

// TestRealSiteOpenData builds the real knowledge base and reads its CSV files back: every row
// must say what kennisbank.json says, and the open-data page must describe every column.
func TestRealSiteOpenData(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: "..", Out: out}); err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	var kb struct {
		License      string
		Categories   []struct{ ID, Title string }
		Clusters     []struct{ ID, Title string }
		Determinants []struct {
			ID, Category, Title, Summary, Question, Scale, URL string
			TitleEN                                            string `json:"title_en"`
			Number                                             int
			Links                                              []struct{ Strategy, Strength, Source, Explanation string }
		}
		Strategies []struct {
			ID, Title, URL, Summary, Cluster string
			TitleEN                          string `json:"title_en"`
			Sources, Phases, Determinants    []string
		}
	}
	if err := json.Unmarshal(read("data/kennisbank.json"), &kb); err != nil {
		t.Fatal(err)
	}
	if kb.License != "CC BY 4.0" {
		t.Errorf("kennisbank.json licence = %q", kb.License)
	}
	titles := map[string]string{}
	for _, c := range kb.Categories {
		titles["categorie:"+c.ID] = c.Title
	}
	for _, c := range kb.Clusters {
		titles["cluster:"+c.ID] = c.Title
	}
	for _, s := range kb.Strategies {
		titles["strategie:"+s.ID] = s.Title
	}
	join := func(s []string) string { return strings.Join(s, ";") }

	var want = map[string][][]string{}
	for _, d := range kb.Determinants {
		want["determinanten.csv"] = append(want["determinanten.csv"], []string{d.ID, strconv.Itoa(d.Number), d.Category, titles["categorie:"+d.Category],
			d.Title, d.TitleEN, d.Summary, d.Question, d.Scale, d.URL})
		for _, l := range d.Links {
			want["koppelingen.csv"] = append(want["koppelingen.csv"], []string{d.ID, d.Title, l.Strategy, titles["strategie:"+l.Strategy],
				l.Strength, l.Source, l.Explanation})
		}
	}
	for _, s := range kb.Strategies {
		want["strategieen.csv"] = append(want["strategieen.csv"], []string{s.ID, s.Title, s.TitleEN, s.Cluster, titles["cluster:"+s.Cluster],
			join(s.Sources), join(s.Phases), join(s.Determinants), s.Summary, s.URL})
	}
	header := map[string]string{
		"determinanten.csv": "id,nummer,categorie,categorie_titel,titel,titel_en,samenvatting,vraag,schaal,url",
		"strategieen.csv":   "id,titel,titel_en,cluster,cluster_titel,bronnen,fasen,determinanten,samenvatting,url",
		"koppelingen.csv":   "determinant,determinant_titel,strategie,strategie_titel,sterkte,bron,toelichting",
	}
	page := string(read("open-data/index.html"))
	for name, rows := range want {
		raw := read("data/" + name)
		if !utf8.Valid(raw) || bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s is not UTF-8 without a byte order mark", name)
		}
		records, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
		if err != nil {
			t.Errorf("%s does not parse as CSV: %v", name, err)
			continue
		}
		if got := strings.Join(records[0], ","); got != header[name] {
			t.Errorf("%s header %q, want %q", name, got, header[name])
		}
		if len(records)-1 != len(rows) {
			t.Errorf("%s has %d rows, kennisbank.json %d", name, len(records)-1, len(rows))
			continue
		}
		for i, row := range rows {
			if !slices.Equal(records[i+1], row) {
				t.Errorf("%s row %d:\n got %q\nwant %q", name, i+1, records[i+1], row)
			}
		}
		// The open-data page links the file and describes each of its columns.
		mustContain(t, "open-data page", page, `href="../data/`+name+`"`)
		for _, col := range records[0] {
			mustContain(t, "open-data page ("+name+")", page, "<td><code>"+col+"</code></td><td>")
		}
	}
	if len(want["koppelingen.csv"]) < 100 {
		t.Errorf("only %d links in koppelingen.csv; the round trip proves little", len(want["koppelingen.csv"]))
	}
	mustContain(t, "open-data page", page, "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.nl",
		"houden hun eigen rechten", "<td><code>tno-implementatietool</code></td>")
	home := string(read("index.html"))
	mustContain(t, "footer", home, `<a href="open-data/">Open data</a>`)

	// Every JSON-LD block of the real site parses.
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			jsonLD(t, p, string(data))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRealSiteWithBaseURLFromSubpath builds the real site for https://example.org/sub/pad/ and
// serves it there: every link, asset and download is found, and so is every URL that robots.txt,
// the sitemap and the feed name.
func TestRealSiteWithBaseURLFromSubpath(t *testing.T) {
	const base = "https://example.org/sub/pad/"
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: "..", Out: out, BaseURL: base}); err != nil {
		t.Fatal(err)
	}
	broken, fetched := crawlSite(t, out, "/sub/pad/", base)
	for _, b := range broken {
		t.Error(b)
	}
	for _, want := range []string{"robots.txt", "sitemap.xml", "atom.xml", "nieuws/agenda.ics", "data/determinanten.csv", "data/strategieen.csv",
		"data/koppelingen.csv", "data/kennisbank.json", "data/kennisbank.bib", "data/tno-implementatietool.ris",
		"data/citaties.bib", "data/citaties.ris", "open-data/"} {
		if !slices.Contains(fetched, "/sub/pad/"+want) {
			t.Errorf("the crawl never reached /sub/pad/%s", want)
		}
	}
}

func TestCheckReportsBrokenTemplateLinks(t *testing.T) {
	root := newProject(t, nil)
	edit := func(name, old, new string) { t.Helper(); editFile(t, root, name, old, new) }
	edit("templates/strategie.html", `<h1>{{$s.Titel}}</h1>`, `<h1>{{$s.Titel}}</h1><a href="{{.Rel "bestaat-niet/"}}">weg</a><a href="/strategieen/">root</a>`)
	edit("templates/partials/chrome.html", `<footer class="site-footer">`, `<footer class="site-footer"><a href="{{.Rel "ook-weg.html"}}">weg</a>`)

	_, err := Check(Options{Root: root})
	var probs problem.List
	if !errors.As(err, &probs) {
		t.Fatalf("check passed with broken template links: %v", err)
	}
	text := probs.Error()
	footerLine := lineOf(t, filepath.Join(root, "templates/partials/chrome.html"), `"ook-weg.html"`)
	for _, want := range []string{
		`templates/strategie.html:`,
		`link naar "../../bestaat-niet/" op pagina /strategieen/discussie/: die pagina of dat bestand bestaat niet in de site (gezocht naar /bestaat-niet/)`,
		`link naar "/strategieen/" op pagina /strategieen/discussie/: begint met /`,
		fmt.Sprintf(`templates/partials/chrome.html:%d: link naar "ook-weg.html" op pagina /: die pagina of dat bestand bestaat niet in de site (gezocht naar /ook-weg.html) (en op nog `, footerLine),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
	if n := len(probs); n != 3 {
		t.Errorf("%d problems, want 3 (the footer link once, not once per page):\n%s", n, text)
	}
	out := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Out: out}); err == nil {
		t.Error("build succeeded with broken template links")
	}
}

func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, text) {
			return i + 1
		}
	}
	t.Fatalf("%q not in %s", text, file)
	return 0
}

// TestNotFoundPageWorksAtAnyDepth serves a site built for https://example.org/kb/ the way static
// hosts do, with 404.html for every missing address: at any depth, its stylesheet, script and
// links are found.
func TestNotFoundPageWorksAtAnyDepth(t *testing.T) {
	out, _ := buildAt(t, newProject(t, nil), testBase)
	files := http.StripPrefix("/kb", http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/kb/")))); err != nil {
			w.WriteHeader(http.StatusNotFound)
			data, _ := os.ReadFile(filepath.Join(out, "404.html"))
			w.Write(data)
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()

	page, _ := url.Parse(srv.URL + "/kb/strategieen/bestaat/niet/meer/")
	resp, err := http.Get(page.String())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("status %d, %v", resp.StatusCode, err)
	}
	refs := references(doc)
	checked := 0
	for _, ref := range refs {
		u, err := page.Parse(ref)
		if err != nil || u.Host != page.Host || u.Fragment != "" && u.Path == page.Path {
			continue
		}
		r, err := http.Get(u.String())
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		checked++
		if r.StatusCode != http.StatusOK {
			t.Errorf("the 404 page at %s links %q: %s", page.Path, ref, r.Status)
		}
	}
	if checked < 5 || !slices.ContainsFunc(refs, func(r string) bool { return strings.HasSuffix(r, ".css") }) {
		t.Errorf("only %d links checked (%v); the stylesheet must be among them", checked, refs)
	}
}
