// Package render executes the html/template layouts of the theme (package theme: a site's own
// templates/ first, then the built-in ones) for every page of the site.
//
// It writes out what package view decided a page shows: a Page carries its view, and render
// imports view for the few of its types that templates read outside a view (PageLink in the
// breadcrumbs and the footer, MatrixCell for the matrix's cells). view never imports render:
// what a page shows is made before, and apart from, how it is written.
package render

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/brand"
	"github.com/werkplaats-jeugd/kennisbank/generator/cite"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/markdown"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/view"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// Dir is the name of the templates folder inside a project and in the theme.
const Dir = theme.Templates

// PagePolicy is the Content-Security-Policy of the site's pages: scripts, styles and everything
// else from the site itself only, so that no inline script, event handler or style="" runs, and
// no page fetches from elsewhere. Templates write it with {{csp}} in a <meta http-equiv>; the
// build also sends it as a header where the host reads _headers (package headers).
const PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// Page is what every template receives: what every page shows around its own part (Frame,
// with the Chrome), the page's own part, and View, the data of the page's own template (a value
// from package view). Templates read nothing else: their functions are pure, so a page depends on
// its Page alone. Rel and Asset come with the frame.
type Page struct {
	*Frame
	URL         string // this page, relative to the site root ("" for home)
	Title       string
	Description string
	Section     content.Kind // the menu section this page belongs to, if any
	Crumbs      []view.PageLink
	Meta        Meta
	Body        template.HTML
	Headings    []markdown.Heading
	View        any
	Root        string // when set, links start from this path ("/kb/") instead of being relative
}

// Chrome is the same on every page of a build: the header, the menu and the footer.
type Chrome struct {
	Site   *content.Site
	Footer []view.PageLink // the site's own pages (over, colofon…)
	Feed   string          // the Atom feed, or "" when the site has none
	Assets map[string]string
	Logo   brand.Logo // the site's logo ([huisstijl] in site.toml), or none
	Dev    bool       // serve mode: include the reload script
	Year   int
}

// Meta is what a page tells link previews, search engines and reference managers.
type Meta struct {
	OGType   string      // OpenGraph type
	JSONLD   template.JS // schema.org JSON-LD, or ""
	Citation []cite.Meta // Highwire Press and Dublin Core tags, on a page that can be cited
}

// Canonical returns the absolute URL of this page when base_url is set.
func (p *Page) Canonical() string {
	if p.Site.BaseURL == "" {
		return ""
	}
	return strings.TrimSuffix(p.Site.BaseURL, "/") + "/" + p.URL
}

// Templates is the parsed set of layouts: one template per page kind, each with the base layout.
type Templates struct {
	byName   map[string]*template.Template
	partials *template.Template // base.html and the partials, for cached partials
	sizes    sync.Map           // template name → *atomic.Int64, the size of its largest page
	files    map[string]string  // template file name → its file as problems name it
}

// Load parses the templates of a site's theme (its own templates/, then the built-in ones):
// base.html and partials/*.html are shared; every other .html file is a page template that
// defines "main" (and may define "head"). A template that does not parse is a problem at its
// file and line.
func Load(files *theme.Files) (*Templates, error) {
	names := sourceFiles(files)
	t := &Templates{byName: map[string]*template.Template{}, files: names}
	fail := func(err error, file string) error { return problem.List{asProblem(err, names, file)} }
	base, err := template.New("base.html").Funcs(funcs).Funcs(template.FuncMap{"cached": t.cached}).
		ParseFS(files, Dir+"/base.html")
	if err != nil {
		return nil, fail(err, names["base.html"])
	}
	partials, _ := fs.Glob(files, Dir+"/partials/*.html")
	if len(partials) > 0 {
		if base, err = base.ParseFS(files, partials...); err != nil {
			return nil, fail(err, "")
		}
	}
	pages, _ := fs.Glob(files, Dir+"/*.html")
	for _, p := range pages {
		name := path.Base(p)
		if name == "base.html" {
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		src, err := fs.ReadFile(files, p)
		if err != nil {
			return nil, fail(err, names[name])
		}
		if _, err := clone.New(name).Parse(string(src)); err != nil {
			return nil, fail(err, names[name])
		}
		t.byName[strings.TrimSuffix(name, ".html")] = clone
	}
	t.partials = base // executed only after all clones were made: html/template cannot clone then
	return t, nil
}

// File is the file of the page template name, as problems name it: templates/x.html when it is
// the site's own, theme/templates/x.html when it is the theme's.
func (t *Templates) File(name string) string { return t.files[name+".html"] }

// builtIn are the page templates the generator itself uses for home, 404, lists and items.
var builtIn = map[string]bool{"home": true, "404": true, "determinanten": true, "strategieen": true, "leernetwerken": true,
	"factsheets": true, "nieuws": true, "determinant": true, "strategie": true, "leernetwerk": true, "factsheet": true,
	"bericht": true, "pagina": true}

// Standalone lists the page templates that stand for one page of their own, rendered at
// "<name>/" (the scan, the matrix, search results). Each names itself in a "title" template.
func (t *Templates) Standalone() []string {
	var out []string
	for name := range t.byName {
		if !builtIn[name] {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Title returns what a standalone template defines as "title", or its name.
func (t *Templates) Title(name string) string {
	tmpl, ok := t.byName[name]
	if !ok || tmpl.Lookup("title") == nil {
		return name
	}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "title", nil); err != nil {
		return name
	}
	return strings.TrimSpace(buf.String())
}

// Has reports whether a page template exists.
func (t *Templates) Has(name string) bool { _, ok := t.byName[name]; return ok }

// Execute renders page p with the page template name inside the base layout.
func (t *Templates) Execute(name string, p *Page) ([]byte, error) {
	tmpl, ok := t.byName[name]
	if !ok {
		return nil, fmt.Errorf("templates: no %s.html", name)
	}
	// Pages of one template are about the same size: start from the largest one's so far,
	// rather than growing the buffer (and copying the page) a dozen times.
	hint, _ := t.sizes.LoadOrStore(name, new(atomic.Int64))
	largest := hint.(*atomic.Int64)
	buf := bytes.NewBuffer(make([]byte, 0, largest.Load()))
	if err := tmpl.ExecuteTemplate(buf, "base.html", p); err != nil {
		return nil, &PageError{Page: p.URL, Problem: asProblem(err, t.files, t.File(name))}
	}
	for n := int64(buf.Len()); ; {
		if old := largest.Load(); n <= old || largest.CompareAndSwap(old, n) {
			break
		}
	}
	return buf.Bytes(), nil
}

var months = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// DutchDate writes a date as "27 juni 2024".
func DutchDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// funcs are the template functions: formatting only, none of them reads the graph.
var funcs = template.FuncMap{
	"datum": func(v any) string {
		switch t := v.(type) {
		case time.Time:
			return DutchDate(t)
		case *time.Time:
			if t != nil {
				return DutchDate(*t)
			}
		}
		return ""
	},
	"isodate":    func(t time.Time) string { return t.Format("2006-01-02") },
	"tijd":       func(t *time.Time) string { return t.Format("15.04") },
	"scaleLabel": ScaleLabel,
	"sameDay": func(a, b *time.Time) bool {
		return a != nil && b != nil && a.Format("2006-01-02") == b.Format("2006-01-02")
	},
	"matrixCells": MatrixCells,
	"join":        strings.Join,
	"lower":       strings.ToLower,
	"fileName":    path.Base,
	"csp":         func() string { return PagePolicy },
}

// MatrixCells writes the cells of one row of the matrix: a <td> per determinant with its
// category, and for a link its strength as class and as text ("K" for sight, "kern" for screen
// readers). A large knowledge base has hundreds of thousands of cells but only a dozen kinds of
// cell: each kind is written once, here rather than cell by cell in the template, so that its
// matrix takes tens of milliseconds instead of half a second.
func MatrixCells(cells []view.MatrixCell) template.HTML {
	var b strings.Builder
	b.Grow(len(cells) * len(`<td data-cat="organisatie"></td>`))
	for _, c := range cells {
		b.WriteString(matrixCell(c))
	}
	return template.HTML(b.String())
}

var matrixCellHTML sync.Map // view.MatrixCell → its HTML

func matrixCell(c view.MatrixCell) string {
	if html, ok := matrixCellHTML.Load(c); ok {
		return html.(string)
	}
	var b strings.Builder
	b.WriteString(`<td data-cat="`)
	b.WriteString(html.EscapeString(c.Category))
	b.WriteByte('"')
	if c.Strength != "" {
		b.WriteString(` class="m-`)
		b.WriteString(html.EscapeString(c.Strength))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	switch c.Strength {
	case "kern":
		b.WriteString(`<span aria-hidden="true">K</span><span class="visually-hidden">kern</span>`)
	case "aanvullend":
		b.WriteString(`<span aria-hidden="true">A</span><span class="visually-hidden">aanvullend</span>`)
	}
	b.WriteString("</td>")
	matrixCellHTML.Store(c, b.String())
	return b.String()
}

// ScaleLabel describes an answer scale in words for readers.
func ScaleLabel(scale string) string {
	switch scale {
	case content.ScaleAgree5:
		return "Vijfpuntsschaal: helemaal mee oneens, mee oneens, neutraal, mee eens, helemaal mee eens."
	case content.ScaleAgree5Reverse:
		return "Vijfpuntsschaal (helemaal mee oneens … helemaal mee eens), omgekeerd gesteld: wie het eens is, geeft een belemmerend antwoord."
	case content.ScaleYesNo:
		return "Ja, nee of weet niet. Nee is het belemmerende antwoord."
	}
	return scale
}
