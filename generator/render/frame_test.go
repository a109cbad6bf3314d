package render

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/testfiles"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// project writes a templates folder whose header is a cached partial, and loads it.
func project(t *testing.T, partials string) *Templates {
	t.Helper()
	dir := filepath.Join(t.TempDir(), Dir)
	files := map[string]string{
		"base.html":          `{{cached "header" .Frame}}|{{template "main" .}}`,
		"pagina.html":        `{{define "main"}}{{.Title}}{{end}}`,
		"partials/menu.html": partials,
	}
	testfiles.Write(t, dir, files)
	tmpl, err := Load(theme.New(filepath.Dir(dir)))
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

const menuPartial = `{{define "header"}}{{range .Menu}}<a href="{{$.Rel .URL}}"` +
	`{{if .Current}} aria-current="page"{{else if .Active}} class="actief"{{end}}>{{.Naam}}</a>{{end}}{{end}}`

func chrome() *Chrome {
	return &Chrome{Site: &content.Site{Titel: "KB", Menu: []content.MenuItem{
		{Naam: "Home", URL: ""}, {Naam: "Strategieën", URL: "strategieen/"}, {Naam: "Over", URL: "over/"}}}}
}

func render(t *testing.T, tmpl *Templates, frames *Frames, url, root string, section content.Kind) string {
	t.Helper()
	p := &Page{URL: url, Root: root, Title: "T:" + url, Section: section}
	p.Frame = frames.For(p.URL, p.Root, p.Section)
	html, err := tmpl.Execute("pagina", p)
	if err != nil {
		t.Fatal(err)
	}
	return string(html)
}

// The header is rendered once per frame, so a page must get a frame that shows its own place:
// links that climb to the root from its depth, and its menu item marked.
func TestCachedHeaderShowsEachPageItsPlace(t *testing.T) {
	tmpl := project(t, menuPartial)
	frames := NewFrames(chrome())
	cases := []struct {
		url, root string
		section   content.Kind
		want      string
	}{
		{"", "", "", `<a href="./" aria-current="page">Home</a><a href="strategieen/">Strategieën</a><a href="over/">Over</a>|T:`},
		{"strategieen/", "", "strategieen", `<a href="../">Home</a><a href="../strategieen/" aria-current="page">Strategieën</a><a href="../over/">Over</a>|T:strategieen/`},
		{"strategieen/a/", "", "strategieen", `<a href="../../">Home</a><a href="../../strategieen/" class="actief">Strategieën</a><a href="../../over/">Over</a>|T:strategieen/a/`},
		{"strategieen/b/", "", "strategieen", `<a href="../../">Home</a><a href="../../strategieen/" class="actief">Strategieën</a><a href="../../over/">Over</a>|T:strategieen/b/`},
		{"determinanten/d01/", "", "determinanten", `<a href="../../">Home</a><a href="../../strategieen/">Strategieën</a><a href="../../over/">Over</a>|T:determinanten/d01/`},
		{"over/", "", "", `<a href="../">Home</a><a href="../strategieen/">Strategieën</a><a href="../over/" aria-current="page">Over</a>|T:over/`},
		{"colofon/", "", "", `<a href="../">Home</a><a href="../strategieen/">Strategieën</a><a href="../over/">Over</a>|T:colofon/`},
		// The 404 page: rendered as the home page, but with links from the site's path.
		{"", "/kb/", "", `<a href="/kb/" aria-current="page">Home</a><a href="/kb/strategieen/">Strategieën</a><a href="/kb/over/">Over</a>|T:`},
	}
	// Twice: the second round gets every header from the frames' memory.
	for round := range 2 {
		for _, c := range cases {
			if got := render(t, tmpl, frames, c.url, c.root, c.section); got != c.want {
				t.Errorf("round %d, page %q (root %q):\n got %s\nwant %s", round, c.url, c.root, got, c.want)
			}
		}
	}
	if a, b := frames.For("strategieen/a/", "", "strategieen"), frames.For("strategieen/b/", "", "strategieen"); a != b {
		t.Error("two strategies in one folder got two frames; their header would be rendered twice")
	}
	if len(frames.made) != 7 {
		t.Errorf("%d frames for 8 pages of which two alike, want 7", len(frames.made))
	}
}

// A cached partial sees the frame only: what it could read of the page would be shown on every
// page of the frame. Reading the page is an error that names the partial, not a stale header.
func TestCachedPartialCannotReadThePage(t *testing.T) {
	tmpl := project(t, `{{define "header"}}{{.Title}}{{end}}`)
	p := &Page{URL: "over/", Title: "Over"}
	p.Frame = NewFrames(chrome()).For(p.URL, p.Root, p.Section)
	_, err := tmpl.Execute("pagina", p)
	if err == nil {
		t.Fatal("a cached partial read the page's title")
	}
	for _, want := range []string{"templates/partials/menu.html:1", `"header"`, "Title", "/over/"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}
