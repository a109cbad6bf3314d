package generator

import (
	"fmt"
	"html/template"
	"path"
	"strings"
	"sync"

	"github.com/werkplaats-jeugd/kennisbank/generator/cite"
	"github.com/werkplaats-jeugd/kennisbank/generator/linkcheck"
	"github.com/werkplaats-jeugd/kennisbank/generator/markdown"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/render"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
	"github.com/werkplaats-jeugd/kennisbank/generator/schema"
	"github.com/werkplaats-jeugd/kennisbank/generator/view"
)

// writePages executes every page's template on all cores, checks the links the templates wrote,
// and writes each page with the files of its bundle. bodies are the pages' bodies by their place
// in the plan; each is let go once its page is made. It returns the pages it executed rather than
// took from the cache, for the cache (nil without one).
func writePages(site *plan, bodies []markdown.Result, cache *buildCache, w output.Writer) (map[string]cachedPage, error) {
	links := linkcheck.New(site.paths.has, site.g.Site().BaseURL, site.theme)
	frames := render.NewFrames(site.chrome())
	var global [32]byte
	var fresh map[string]cachedPage
	var mu sync.Mutex // guards fresh
	if cache != nil {
		global = globalKey(frames.Chrome(), site.theme.Root(), site.paths.key())
		fresh = map[string]cachedPage{}
	}
	errs := inParallel(site.pages, func(i int, pg *page) error {
		body := bodies[i]
		bodies[i] = markdown.Result{} // this page's from now on
		p, err := site.pageData(pg, body, frames)
		if err != nil {
			return err
		}
		var key [32]byte
		if cache != nil {
			key = pageKey(global, pg.template, p)
			if html, ok := cache.page(pg.url, key); ok {
				return writePage(w, pg, html)
			}
		}
		html, err := site.tmpl.Execute(pg.template, p)
		if err != nil {
			return err
		}
		links.Page(site.tmpl.File(pg.template), pg.url, p.URL, html, body.HTML)
		if cache != nil {
			mu.Lock()
			fresh[pg.url] = cachedPage{key: key, html: html}
			mu.Unlock()
		}
		return writePage(w, pg, html)
	})
	// A template mistake breaks every page that uses it: it is one problem, at the template.
	probs, err := render.Fold(errs)
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, probs
	}
	if probs := links.Problems(); len(probs) > 0 {
		return nil, probs
	}
	return fresh, nil
}

// chrome is what every page shows around its own part.
func (site *plan) chrome() *render.Chrome {
	return &render.Chrome{Site: site.g.Site(), Footer: view.Footer(site.g), Feed: reserved.FeedFile(site.g.Site()), Assets: site.look.names,
		Logo: site.look.logo, Dev: site.dev, Year: site.year}
}

// pageData is what the template of pg receives: its frame, pg's own part with its body, and its
// view.
func (site *plan) pageData(pg *page, body markdown.Result, frames *render.Frames) (*render.Page, error) {
	p := render.Page{URL: pg.url, Title: pg.title, Section: pg.section, Crumbs: pg.crumbs}
	if pg.url == "404.html" {
		// The 404 page is served at any depth, so its links must not be relative: with a
		// base_url they start from its path; without one they only work at the root.
		p.URL = ""
		if !site.dev { // the development server serves the site at its root
			p.Root = site.g.RootPath()
		}
	}
	p.Frame = frames.For(p.URL, p.Root, p.Section)
	p.Body, p.Headings = template.HTML(body.HTML), body.Headings
	p.Description = site.g.Site().Beschrijving
	jsonLD, err := schema.JSONLD(site.g, pg.url, pg.value)
	if err != nil {
		return nil, fmt.Errorf("%s: JSON-LD: %w", pg.url, err)
	}
	p.Meta = render.Meta{OGType: schema.OpenGraphType(pg.value), JSONLD: jsonLD}
	if pg.value != nil {
		if c, ok := cite.PageCitation(site.g, pg.value, p.Year); ok {
			p.Meta.Citation = c.Meta()
		}
		p.Description = pg.item.Samenvatting
		p.View = view.Item(site.g, pg.value, p.Year)
	} else {
		p.View = view.Standalone(site.g, pg.template, p.Year)
	}
	return &p, nil
}

// writePage writes a rendered page and the files of its bundle.
func writePage(w output.Writer, pg *page, html []byte) error {
	name := pg.url
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if err := w.WriteFile(name, html); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if pg.item != nil && pg.item.Bundle != "" {
		for _, f := range pg.item.Files {
			if err := w.CopyFile(pg.url+f, path.Join(pg.item.Bundle, f)); err != nil {
				return fmt.Errorf("copy %s: %w", f, err)
			}
		}
	}
	return nil
}
