package linkcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/theme"
)

var site = map[string]bool{"": true, "strategieen/": true, "strategieen/x/": true, "strategieen/x/citeer.bib": true,
	"assets/style-ABCDEFGH.css": true, "data/kennisbank.json": true}

func TestBrokenTemplateLinksAreReportedOncePerTemplate(t *testing.T) {
	c := New(func(p string) bool { return site[p] }, "https://example.org/kb/", nil)
	good := `<link rel="stylesheet" href="../../assets/style-ABCDEFGH.css"><a href="../../">home</a><a href="./">zelf</a>
<a href="citeer.bib">bib</a><a href="#inhoud">skip</a><a href="https://elders.nl/x">extern</a><a href="mailto:a@b.nl">mail</a>
<link rel="canonical" href="https://example.org/kb/strategieen/x/"><img src="data:image/png;base64,AA==">
<a href="../../data/kennisbank.json?v=1#top">json</a><a href="../index.html">lijst</a>
<script type="application/ld+json">{"url":"<a href=\"/nergens/\">"}</script>`
	c.Page("templates/strategie.html", "strategieen/x/", "strategieen/x/", []byte(good), nil)
	if p := c.Problems(); len(p) != 0 {
		t.Fatalf("good links reported as broken:\n%v", p)
	}

	bad := `<a href="../../zoeken/">zoek</a><a href="/strategieen/">root</a><a href="../../../boven/">boven</a>
<link rel="canonical" href="https://example.org/kb/weg/"><a href="100%">kapot</a>`
	c.Page("templates/strategie.html", "strategieen/x/", "strategieen/x/", []byte(bad), nil)
	c.Page("templates/strategie.html", "strategieen/y/", "strategieen/y/", []byte(bad), nil)
	c.Page("templates/home.html", "", "", []byte(`<a href="zoeken/">zoek</a>`), nil)
	got := c.Problems().Error()
	for _, want := range []string{
		`templates/home.html: link naar "zoeken/" op pagina /: die pagina of dat bestand bestaat niet in de site (gezocht naar /zoeken/)`,
		`templates/strategie.html: link naar "../../zoeken/" op pagina /strategieen/x/: die pagina of dat bestand bestaat niet in de site (gezocht naar /zoeken/) (en op nog 1 pagina)`,
		`templates/strategie.html: link naar "/strategieen/" op pagina /strategieen/x/: begint met /`,
		`templates/strategie.html: link naar "../../../boven/" op pagina /strategieen/x/: gaat verder omhoog dan de hoofdmap van de site`,
		`templates/strategie.html: link naar "https://example.org/kb/weg/" op pagina /strategieen/x/: die pagina of dat bestand bestaat niet`,
		`templates/strategie.html: link naar "100%" op pagina /strategieen/x/: geen geldig webadres`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 6 {
		t.Errorf("%d problems, want 6 (one per template and target):\n%s", n, got)
	}
}

func TestBrokenLinkInAPartialIsReportedAtItsLine(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "templates")
	if err := os.MkdirAll(filepath.Join(dir, "partials"), 0o755); err != nil {
		t.Fatal(err)
	}
	footer := "{{define \"footer\"}}\n<footer>\n<a href=\"{{.Rel \"open-data/\"}}\">Open data</a>\n</footer>{{end}}\n"
	if err := os.WriteFile(filepath.Join(dir, "partials", "chrome.html"), []byte(footer), 0o644); err != nil {
		t.Fatal(err)
	}
	c := New(func(p string) bool { return site[p] }, "", theme.New(root))
	c.Page("templates/home.html", "", "", []byte(`<a href="open-data/">Open data</a>`), nil)
	c.Page("templates/strategie.html", "strategieen/x/", "strategieen/x/", []byte(`<a href="../../open-data/">Open data</a>`), nil)
	c.Page("templates/404.html", "404.html", "", []byte(`<a href="open-data/">Open data</a>`), nil)
	probs := c.Problems()
	want := `templates/partials/chrome.html:3: link naar "open-data/" op pagina /: die pagina of dat bestand bestaat niet in de site (gezocht naar /open-data/) (en op nog 2 pagina's)`
	if len(probs) != 1 || probs[0].String() != want {
		t.Errorf("got:\n%v\nwant:\n%s", probs, want)
	}
}

func TestTheMarkdownBodyIsLeftToTheContentCheck(t *testing.T) {
	c := New(func(p string) bool { return site[p] }, "", nil)
	body := `<p><img src="x.png" alt=""></p>`
	c.Page("templates/strategie.html", "strategieen/x/", "strategieen/x/", []byte(`<main><div class="prose">`+body+`</div><a href="../../weg/">weg</a></main>`), []byte(body))
	probs := c.Problems()
	if len(probs) != 1 || !strings.Contains(probs[0].Message, `link naar "../../weg/"`) {
		t.Errorf("want only the template's broken link, got:\n%v", probs)
	}
}

// BenchmarkPage checks one real strategy page, as every build does for every page.
func BenchmarkPage(b *testing.B) {
	doc, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		b.Fatal(err)
	}
	c := New(func(string) bool { return true }, "https://example.org/kb/", nil)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		c.Page("templates/strategie.html", "strategieen/x/", "strategieen/x/", doc, nil)
	}
}

// BenchmarkTokenizer reads the same page with golang.org/x/net/html, for comparison.
func BenchmarkTokenizer(b *testing.B) {
	doc, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		tokenize(doc)
	}
}
