package generator

import (
	"slices"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/cms"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/data"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
	"github.com/werkplaats-jeugd/kennisbank/generator/headers"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/parallel"
	"github.com/werkplaats-jeugd/kennisbank/generator/publish"
	"github.com/werkplaats-jeugd/kennisbank/generator/render"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
	"github.com/werkplaats-jeugd/kennisbank/generator/search"
	"github.com/werkplaats-jeugd/kennisbank/generator/view"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// page is one HTML page of the site, as the plan lists it.
type page struct {
	url      string // relative to the site root; "" is home; ends in "/" or ".html"
	template string
	title    string
	section  content.Kind
	crumbs   []view.PageLink
	item     *content.Item // the item the page shows; nil for home, 404, the lists and the stand-alone pages
	value    content.Entry // the typed item; nil likewise
}

// plan is the site before anything is made: its pages and its other files, and so every path it
// will have, which the links in the Markdown and in the pages are checked against. It is made
// once; the parts that then make the site side by side only read it (but for the bodies letting
// go of each item's Markdown once it is rendered).
type plan struct {
	g     *graph.Graph
	theme *theme.Files // the site's templates and assets over the theme's
	tmpl  *render.Templates
	look  look
	dev   bool // the development server's build: pages load the live-reload script
	year  int  // of the build, for the footer and the citations

	pages []*page       // in the order of the search index and the sitemap
	items int           // how many of them show an item, with a body of Markdown
	files []output.File // what is neither a page nor the search index, to be written
	paths sitePaths     // every page and file; for the development server also what it serves beside the site
}

// makePlan lists every page and file of the site.
func makePlan(g *graph.Graph, themed *theme.Files, tmpl *render.Templates, styled look, dev bool, year int) *plan {
	p := &plan{g: g, theme: themed, tmpl: tmpl, look: styled, dev: dev, year: year, paths: sitePaths{}}
	p.addPages()
	urls := make([]string, len(p.pages))
	for i, pg := range p.pages {
		urls[i] = pg.url
	}
	p.addFiles(publish.Options{Year: year, Pages: urls})
	return p
}

// addPages lists the pages: home, 404, the list of each kind, the page of each item, and the
// stand-alone pages of the theme (the scan, the matrix, search results).
func (p *plan) addPages() {
	home := view.PageLink{Title: "Home", URL: ""}
	p.addPage(&page{url: "", template: "home"})
	p.addPage(&page{url: "404.html", template: "404", title: "Pagina niet gevonden"})
	for _, spec := range content.Specs {
		if !spec.AtRoot {
			p.addPage(&page{url: string(spec.Kind) + "/", template: string(spec.Kind), title: spec.ListTitle, section: spec.Kind, crumbs: []view.PageLink{home}})
		}
	}
	for _, spec := range content.Specs {
		crumbs, section := []view.PageLink{home}, content.Kind("")
		if !spec.AtRoot {
			crumbs, section = append(crumbs, view.PageLink{Title: spec.ListTitle, URL: string(spec.Kind) + "/"}), spec.Kind
		}
		for _, e := range spec.Entries(p.g.Content) {
			it := e.Base()
			p.addPage(&page{url: it.URL(), template: spec.Template, title: it.Titel, section: section, crumbs: crumbs, item: it, value: e})
			for _, f := range it.Files {
				p.paths.add(it.URL() + f) // copied beside the page
			}
		}
	}
	for _, name := range p.tmpl.Standalone() {
		p.addPage(&page{url: name + "/", template: name, title: p.tmpl.Title(name), section: content.Kind(name), crumbs: []view.PageLink{home}})
	}
}

func (p *plan) addPage(pg *page) {
	if pg.template != "home" && pg.template != "404" && !p.tmpl.Has(pg.template) {
		return // a project may leave out a kind's list page
	}
	p.pages = append(p.pages, pg)
	p.paths.add(pg.url)
	if pg.item != nil {
		p.items++
	}
}

// addFiles lists the files that are not pages, from the lists their packages make.
func (p *plan) addFiles(opts publish.Options) {
	p.files = slices.Concat(p.look.files, data.Files(p.g), publish.Files(p.g, opts))
	admin := cms.Files(p.g.Site(), cms.Options{Dev: p.dev}) // not a page, not in the sitemap or search
	for _, f := range slices.Concat(p.files, admin) {
		p.paths.add(f.Path)
	}
	p.paths.add(search.Path) // made by the search index, beside the pages
	p.paths.add(headers.Path)
	if p.dev {
		// The development server serves admin/ apart from the site (Dev.Admin) and its own
		// script, and sends no _headers: their paths are the site's, but nothing is written.
		p.paths.add(reserved.ReloadScript)
		return
	}
	policies := headers.Policies{Pages: render.PagePolicy, Admin: cms.Policy(p.g.Site(), false)}
	if policies.Admin != "" {
		policies.AdminDir = reserved.Admin
	}
	p.files = append(append(p.files, admin...), headers.File(p.paths.sorted(), policies))
}

// inParallel runs f for every page on all cores and returns the errors, one per page by its place
// in pages (nil where f succeeded).
func inParallel(pages []*page, f func(i int, pg *page) error) []error {
	// Pages without an item (lists, the matrix, the scan) are the big ones: start them first,
	// so that no core is left waiting for one of them at the end.
	order := make([]int, 0, len(pages))
	for i, pg := range pages {
		if pg.item == nil {
			order = append(order, i)
		}
	}
	for i, pg := range pages {
		if pg.item != nil {
			order = append(order, i)
		}
	}
	errs := make([]error, len(pages))
	parallel.For(len(order), func(n int) { errs[order[n]] = f(order[n], pages[order[n]]) })
	return errs
}

// sitePaths is the set of the site's paths, relative to its root: pages ("", "strategieen/x/",
// "404.html") and files ("data/kennisbank.json").
type sitePaths map[string]bool

// add adds a path; a folder's index.html is served at the folder too (admin/).
func (ps sitePaths) add(p string) {
	ps[p] = true
	if dir, ok := strings.CutSuffix(p, "index.html"); ok && (dir == "" || strings.HasSuffix(dir, "/")) {
		ps[dir] = true
	}
}

// has reports whether the site has the path p.
func (ps sitePaths) has(p string) bool { return ps[p] }

// sorted lists the paths in order.
func (ps sitePaths) sorted() []string {
	out := make([]string, 0, len(ps))
	for p := range ps {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
