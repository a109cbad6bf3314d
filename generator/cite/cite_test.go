package cite

import (
	"slices"
	"strings"
	"testing"
)

var tno = Reference{Kind: Report, Key: "theunissen2022",
	Authors: []string{"Theunissen, M.", "van Empelen, P.", "Fekkes, M."}, Year: 2022,
	Title:     "De implementatietool: Meer dan 100 strategieën om een interventie of innovatie goed in te voeren",
	Publisher: "TNO", Place: "Leiden", Language: "nl"}

func TestAPA(t *testing.T) {
	page := Reference{Kind: WebPage, Authors: []string{"Werkplaats SAMEN"}, Year: 2026, Title: "Audit en feedback",
		Container: "Kennisbank implementatie jeugd", Publisher: "Werkplaats SAMEN", URL: "https://example.org/kb/strategieen/audit-en-feedback/"}
	cases := []struct {
		ref        Reference
		text, html string
	}{
		{page,
			"Werkplaats SAMEN. (2026). Audit en feedback. In Kennisbank implementatie jeugd. https://example.org/kb/strategieen/audit-en-feedback/",
			"Werkplaats SAMEN. (2026). Audit en feedback. In <i>Kennisbank implementatie jeugd</i>. <a href=\"https://example.org/kb/strategieen/audit-en-feedback/\">https://example.org/kb/strategieen/audit-en-feedback/</a>"},
		{Reference{Kind: Website, Authors: []string{"Werkplaats SAMEN"}, Year: 2026, Title: "Kennisbank implementatie jeugd", Publisher: "Werkplaats SAMEN"},
			"Werkplaats SAMEN. (2026). Kennisbank implementatie jeugd.",
			"Werkplaats SAMEN. (2026). <i>Kennisbank implementatie jeugd</i>."},
		{tno,
			"Theunissen, M., van Empelen, P., & Fekkes, M. (2022). De implementatietool: Meer dan 100 strategieën om een interventie of innovatie goed in te voeren. TNO.",
			"Theunissen, M., van Empelen, P., &amp; Fekkes, M. (2022). <i>De implementatietool: Meer dan 100 strategieën om een interventie of innovatie goed in te voeren</i>. TNO."},
		{Reference{Kind: Website, Year: 2026, Title: "Zonder auteur"}, "Zonder auteur. (2026).", "<i>Zonder auteur</i>. (2026)."},
	}
	for _, c := range cases {
		if got := c.ref.APAText(); got != c.text {
			t.Errorf("APA text:\n got %s\nwant %s", got, c.text)
		}
		if got := string(c.ref.APA()); got != c.html {
			t.Errorf("APA HTML:\n got %s\nwant %s", got, c.html)
		}
	}
}

func TestBibTeXEscapesAndKeepsNames(t *testing.T) {
	r := Reference{Kind: WebPage, Key: "kb-x", Authors: []string{"Werkplaats SAMEN"}, Year: 2026,
		Title: "Kosten & baten: 100% {echt}", Container: "Kennisbank", URL: "https://example.org/a_b/"}
	bib := string(r.BibTeX())
	for _, want := range []string{"@misc{kb-x,\n", "author = {{Werkplaats SAMEN}}", `title = {{Kosten \& baten: 100\% \{echt\}}}`,
		"howpublished = {Kennisbank}", "year = {2026}", "url = {https://example.org/a_b/}"} {
		if !strings.Contains(bib, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, bib)
		}
	}
	if d := depth(bib); d != 0 {
		t.Errorf("unbalanced braces (%d):\n%s", d, bib)
	}
	tb := string(tno.BibTeX())
	for _, want := range []string{"@techreport{theunissen2022,", "author = {Theunissen, M. and van Empelen, P. and Fekkes, M.}",
		"institution = {TNO}", "address = {Leiden}", "language = {dutch}"} {
		if !strings.Contains(tb, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, tb)
		}
	}
}

// depth counts unescaped braces: 0 when balanced.
func depth(s string) int {
	d := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case s[i] == '{':
			d++
		case s[i] == '}':
			d--
		}
	}
	return d
}

func TestRISTagsAndLineEndings(t *testing.T) {
	ris := string(tno.RIS())
	if !strings.HasSuffix(ris, "ER  - \r\n") {
		t.Errorf("RIS must end with the ER tag: %q", ris)
	}
	lines := strings.Split(strings.TrimSuffix(ris, "\r\n"), "\r\n")
	var authors []string
	for _, l := range lines {
		if len(l) < 6 || l[2:6] != "  - " {
			t.Errorf("not a RIS line: %q", l)
			continue
		}
		if l[:2] == "AU" {
			authors = append(authors, l[6:])
		}
	}
	if lines[0] != "TY  - RPRT" || strings.Join(authors, "|") != "Theunissen, M.|van Empelen, P.|Fekkes, M." {
		t.Errorf("type or authors wrong:\n%s", ris)
	}
	for _, want := range []string{"PY  - 2022", "PB  - TNO", "CY  - Leiden", "LA  - nl"} {
		if !strings.Contains(ris, want+"\r\n") {
			t.Errorf("RIS lacks %q", want)
		}
	}
	if strings.Contains(strings.ReplaceAll(ris, "\r\n", ""), "\n") {
		t.Error("RIS has a bare LF")
	}
}

func TestMetaNamesPersonsAsAuthorsAndOrganisationsAsPublisher(t *testing.T) {
	page := Reference{Kind: WebPage, Authors: []string{"Werkplaats SAMEN"}, Year: 2026, Title: "Audit  en\nfeedback",
		Container: "Kennisbank", Publisher: "Werkplaats SAMEN", Language: "nl", URL: "https://example.org/kb/x/"}
	want := []Meta{{"citation_title", "Audit en feedback"}, {"citation_publisher", "Werkplaats SAMEN"},
		{"citation_publication_date", "2026"}, {"citation_language", "nl"}, {"citation_public_url", "https://example.org/kb/x/"},
		{"DC.title", "Audit en feedback"}, {"DC.publisher", "Werkplaats SAMEN"}, {"DC.date", "2026"}, {"DC.language", "nl"},
		{"DC.identifier", "https://example.org/kb/x/"}, {"DC.type", "webpage"}}
	if got := page.Meta(); !slices.Equal(got, want) {
		t.Errorf("web page by an organisation:\n got %q\nwant %q", got, want)
	}
	dated := tno
	dated.Date = "2022-03-01"
	got := dated.Meta()
	for _, m := range []Meta{{"citation_author", "Theunissen, M."}, {"citation_author", "Fekkes, M."}, {"DC.creator", "van Empelen, P."},
		{"citation_publisher", "TNO"}, {"citation_publication_date", "2022/03/01"}, {"DC.date", "2022-03-01"}, {"DC.type", "report"}} {
		if !slices.Contains(got, m) {
			t.Errorf("report by persons lacks %q: %q", m, got)
		}
	}
	for _, m := range got {
		if m.Name == "citation_public_url" || m.Name == "DC.identifier" {
			t.Errorf("a reference without URL has %s", m.Name)
		}
	}
}
