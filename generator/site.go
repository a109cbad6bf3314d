// Package generator turns a Kennisbank project (content/, templates/, assets/) into a static site.
// It runs the pipeline load → check → link → render → write; each step is a package of its own.
//
//	res, err := generator.Build(generator.Options{Root: ".", Out: "public"})
//	var probs problem.List
//	if errors.As(err, &probs) { /* content problems, each with file and line */ }
package generator

import (
	"errors"
	"fmt"
	"html/template"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"kennisbank/generator/assets"
	"kennisbank/generator/check"
	"kennisbank/generator/cms"
	"kennisbank/generator/content"
	"kennisbank/generator/data"
	"kennisbank/generator/link"
	"kennisbank/generator/linkcheck"
	"kennisbank/generator/markdown"
	"kennisbank/generator/output"
	"kennisbank/generator/parallel"
	"kennisbank/generator/problem"
	"kennisbank/generator/publish"
	"kennisbank/generator/render"
	"kennisbank/generator/search"
)

// Options says what to build.
type Options struct {
	Root    string // the project folder holding content/, templates/ and assets/
	Out     string // where Build writes the site
	BaseURL string // overrides base_url in site.toml when set
	Drafts  bool   // include items with concept = true
	Dev     bool   // development server: add the live-reload script
	Cache   *Cache // remembers work between builds (the development server); nil for none
}

// Result summarises a build.
type Result struct {
	Pages    int
	Files    int
	Duration time.Duration
}

// Build builds the site into opts.Out. On any problem nothing is written and the previous site
// stays as it was; the error is then a problem.List when the content is at fault.
func Build(opts Options) (Result, error) {
	dir, err := output.NewDir(opts.Out)
	if err != nil {
		return Result{}, err
	}
	res, err := Generate(opts, dir)
	if err != nil {
		dir.Abort()
		return res, err
	}
	if err := dir.Commit(); err != nil {
		return res, err
	}
	return res, nil
}

// Check runs the whole pipeline without writing anything.
func Check(opts Options) (Result, error) {
	return Generate(opts, output.Discard{})
}

// Generate runs the pipeline and hands every file of the site to w.
func Generate(opts Options, w output.Writer) (Result, error) {
	start := time.Now()
	// The assets do not depend on the content: esbuild bundles them while the content loads.
	type bundled struct {
		bundle assets.Bundle
		probs  problem.List
	}
	assetsDone := make(chan bundled, 1)
	go func() {
		b, probs := opts.Cache.assets(opts.Root)
		assetsDone <- bundled{b, probs}
	}()
	all, probs := content.Load(opts.Root)
	if opts.BaseURL != "" {
		all.Site.BaseURL = opts.BaseURL
	}
	built := withoutDrafts(all, opts.Drafts)
	probs = append(probs, check.Check(all, built)...)
	if len(probs) > 0 {
		return Result{}, probs.Sorted()
	}
	g := link.New(built)

	assetsBuilt := <-assetsDone
	if len(assetsBuilt.probs) > 0 {
		return Result{}, assetsBuilt.probs.Sorted()
	}
	bundle := assetsBuilt.bundle
	tmpl, err := render.Load(opts.Root, g)
	if err != nil {
		return Result{}, err
	}
	s := &siteBuild{opts: opts, g: g, tmpl: tmpl, bundle: bundle, w: w, known: map[string]bool{}}
	s.plan()
	if probs := s.renderBodies(); len(probs) > 0 {
		return Result{}, probs.Sorted()
	}
	if err := s.writeAll(); err != nil {
		return Result{}, err
	}
	opts.Cache.commit(s.fresh)
	return Result{Pages: s.pages, Files: s.files, Duration: time.Since(start)}, nil
}

func withoutDrafts(c *content.Content, drafts bool) *content.Content {
	if drafts {
		out := *c
		return &out
	}
	return c.Published()
}

// job is one HTML page to render.
type job struct {
	url      string // relative to the site root; "" is home; ends in "/" or ".html"
	template string
	title    string
	section  content.Kind
	crumbs   []render.Crumb
	item     *content.Item // nil for list pages
	value    any           // the typed item
	body     markdown.Result
}

type siteBuild struct {
	opts   Options
	g      *link.Graph
	tmpl   *render.Templates
	bundle assets.Bundle
	w      output.Writer
	jobs   []*job
	known  map[string]bool // every page and file the site will contain
	mu     sync.Mutex
	pages  int
	files  int
	fresh  map[string]cachedPage // pages executed in this build, for the cache
}

// plan lists every page and file the site will contain, before anything is rendered, so that
// links in the Markdown can be checked against it.
func (s *siteBuild) plan() {
	home := render.Crumb{Title: "Home", URL: ""}
	s.add(&job{url: "", template: "home"})
	s.add(&job{url: "404.html", template: "404", title: "Pagina niet gevonden"})
	for _, spec := range content.Specs {
		if !spec.AtRoot {
			s.add(&job{url: string(spec.Kind) + "/", template: string(spec.Kind), title: spec.ListTitle, section: spec.Kind, crumbs: []render.Crumb{home}})
		}
	}
	for _, spec := range content.Specs {
		crumbs, section := []render.Crumb{home}, content.Kind("")
		if !spec.AtRoot {
			crumbs, section = append(crumbs, render.Crumb{Title: spec.ListTitle, URL: string(spec.Kind) + "/"}), spec.Kind
		}
		for _, e := range spec.Entries(s.g.Content) {
			it := e.Base()
			s.add(&job{url: it.URL(), template: spec.Template, title: it.Titel, section: section, crumbs: crumbs, item: it, value: e})
			for _, f := range it.Files {
				s.known[it.URL()+f] = true
			}
		}
	}
	for _, name := range s.tmpl.Standalone() {
		s.add(&job{url: name + "/", template: name, title: s.tmpl.Title(name), section: content.Kind(name), crumbs: []render.Crumb{home}})
	}
	for p := range s.bundle.Files {
		s.known[p] = true
	}
	s.known[data.Path] = true
	s.known[search.Path] = true
	for _, p := range publish.Paths(s.g) { // feeds, agenda, sitemap, CSV, citation files
		s.known[p] = true
	}
	if s.opts.Dev {
		s.known["_kennisbank/reload.js"] = true // served by package serve
	}
	for _, p := range cms.Paths(&s.g.Site, s.opts.Dev) { // admin/: not a page, not in the sitemap or search
		s.known[p] = true
	}
}

func (s *siteBuild) add(j *job) {
	if j.template != "home" && j.template != "404" && !s.tmpl.Has(j.template) {
		return // a project may leave out a kind's list page
	}
	s.jobs = append(s.jobs, j)
	s.known[j.url] = true
}

// parallel runs f for every job on all cores.
func (s *siteBuild) parallel(f func(*job) error) error {
	// Pages without an item (lists, the matrix, the scan) are the big ones: start them first,
	// so that no core is left waiting for one of them at the end.
	order := make([]int, 0, len(s.jobs))
	for i, j := range s.jobs {
		if j.item == nil {
			order = append(order, i)
		}
	}
	for i, j := range s.jobs {
		if j.item != nil {
			order = append(order, i)
		}
	}
	errs := make([]error, len(s.jobs))
	parallel.For(len(order), func(n int) { errs[order[n]] = f(s.jobs[order[n]]) })
	return errors.Join(errs...)
}

func (s *siteBuild) renderBodies() problem.List {
	md := markdown.New(markdown.AllowRawHTML(s.g.Site.HTMLToestaan))
	exists := func(p string) bool { return s.known[p] }
	var known [32]byte
	if s.opts.Cache != nil {
		known = s.knownKey()
	}
	var probs problem.List
	_ = s.parallel(func(j *job) error {
		if j.item == nil {
			return nil
		}
		key := bodyKey(known, j, s.g.Site.HTMLToestaan)
		res, cached := s.opts.Cache.body(key)
		var err error
		if !cached {
			res, err = md.Render(j.item.Body, j.url, exists)
			if err == nil {
				s.opts.Cache.putBody(key, res)
			}
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if err != nil {
			probs.Add(j.item.File, j.item.BodyLine, "cannot render Markdown: %v", err)
			return nil
		}
		for _, b := range res.Broken {
			probs.Add(j.item.File, j.item.BodyLine+b.Line-1,
				"link to %q: no such page or file in the site (a relative link starts from this page, /%s; a link starting with / from the site root)", b.Destination, j.url)
		}
		j.body = res
		// The Markdown is rendered: letting go of it frees the file it was read from, which on a
		// large site keeps the peak memory down.
		j.item.Body = nil
		return nil
	})
	return probs
}

func (s *siteBuild) writeAll() error {
	year := time.Now().Year()
	// What is not a page needs only the bodies: it is made while the pages render, so that no
	// core waits for the search index at the end.
	type restResult struct {
		files int
		err   error
	}
	restDone := make(chan restResult, 1)
	go func() {
		n, err := s.writeRest(year)
		restDone <- restResult{n, err}
	}()
	links := linkcheck.New(func(p string) bool { return s.known[p] }, s.g.Site.BaseURL, filepath.Join(s.opts.Root, render.Dir))
	var global [32]byte
	if s.opts.Cache != nil {
		global = s.globalKey()
		s.fresh = map[string]cachedPage{}
	}
	err := s.parallel(func(j *job) error {
		var key [32]byte
		if s.opts.Cache != nil {
			key = s.pageKey(global, j)
			if html, ok := s.opts.Cache.page(j.url, key); ok {
				return s.writePage(j, html)
			}
		}
		p := &render.Page{Site: &s.g.Site, G: s.g, URL: j.url, Title: j.title, Section: j.section, Crumbs: j.crumbs,
			Body: template.HTML(j.body.HTML), Headings: j.body.Headings, Item: j.value, Assets: s.bundle.Names, Dev: s.opts.Dev, Year: year}
		if j.item != nil {
			p.Description = j.item.Samenvatting
		} else {
			p.Description = s.g.Site.Beschrijving
		}
		if j.url == "404.html" {
			// The 404 page is served at any depth, so its links must not be relative: with a
			// base_url they start from its path; without one they only work at the root.
			p.URL = ""
			if !s.opts.Dev { // the development server serves the site at its root
				p.Root = s.g.RootPath()
			}
		}
		html, err := s.tmpl.Execute(j.template, p)
		if err != nil {
			return err
		}
		links.Page("templates/"+j.template+".html", j.url, p.URL, html, j.body.HTML)
		j.body.HTML = nil // in the page now; the search index needs only the text
		if s.opts.Cache != nil {
			s.mu.Lock()
			s.fresh[j.url] = cachedPage{key: key, html: html}
			s.mu.Unlock()
		}
		return s.writePage(j, html)
	})
	rest := <-restDone
	s.files += rest.files
	if err != nil {
		return err
	}
	if probs := links.Problems(); len(probs) > 0 {
		return probs
	}
	return rest.err
}

// writePage writes a rendered page and the files of its bundle.
func (s *siteBuild) writePage(j *job, html []byte) error {
	name := j.url
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if err := s.w.WriteFile(name, html); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if j.item != nil && j.item.Bundle != "" {
		for _, f := range j.item.Files {
			if err := s.w.CopyFile(j.url+f, path.Join(j.item.Bundle, f)); err != nil {
				return fmt.Errorf("copy %s: %w", f, err)
			}
		}
	}
	s.mu.Lock()
	s.pages++
	s.files += 1 + len(j.item.FilesOrNil())
	s.mu.Unlock()
	return nil
}

// writeRest writes what is not a page: assets, the search index, the data and what publish adds.
// It returns how many files it wrote.
func (s *siteBuild) writeRest(year int) (int, error) {
	files := 0
	for name, body := range s.bundle.Files {
		if err := s.w.WriteFile(name, body); err != nil {
			return files, err
		}
		files++
	}
	// The search index takes a while; the data and publish's files are made meanwhile.
	searched := make(chan error, 1)
	go func() { searched <- s.writeSearchIndex() }()
	kb, err := data.JSON(s.g)
	if err == nil {
		err = s.w.WriteFile(data.Path, kb)
	}
	n := 0
	if err == nil {
		pages := make([]string, 0, len(s.jobs))
		for _, j := range s.jobs {
			pages = append(pages, j.url)
		}
		n, err = publish.Write(s.g, publish.Options{Year: year, Pages: pages}, s.w)
	}
	if serr := <-searched; err == nil {
		err = serr
	}
	if err != nil {
		return files + 2 + n, err
	}
	admin, err := cms.Files(&s.g.Site, cms.Options{Dev: s.opts.Dev, Script: s.bundle.Names["admin.js"], Style: s.bundle.Names["admin.css"]})
	for name, body := range admin {
		if err == nil {
			err = s.w.WriteFile(name, body)
		}
	}
	return files + 2 + n + len(admin), err
}

func (s *siteBuild) writeSearchIndex() error {
	kinds := make([]string, len(content.Specs))
	for i, spec := range content.Specs {
		kinds[i] = spec.ListTitle
	}
	var docs []search.Doc
	for _, j := range s.jobs {
		if j.item == nil {
			continue
		}
		d := search.Doc{Title: j.item.Titel, URL: j.url, Kind: content.SpecOf(j.item.Kind).ListTitle, Summary: j.item.Samenvatting, Text: j.body.Text}
		if det, ok := j.value.(*content.Determinant); ok {
			d.Title = fmt.Sprintf("%d. %s", det.Nummer, det.Titel)
			d.Headings = append(d.Headings, det.TitelEN, det.Vraag)
		}
		if st, ok := j.value.(*content.Strategy); ok {
			d.Headings = append(d.Headings, st.TitelEN)
		}
		for _, h := range j.body.Headings {
			d.Headings = append(d.Headings, h.Text)
		}
		docs = append(docs, d)
	}
	var memo *search.Memo
	if s.opts.Cache != nil {
		memo = s.opts.Cache.search
	}
	index, err := search.Build(docs, kinds, memo).JSON()
	if err != nil {
		return err
	}
	return s.w.WriteFile(search.Path, index)
}
