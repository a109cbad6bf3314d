// Package generator turns a Kennisbank project (content/, and its own templates/ and assets/ over
// the built-in theme) into a static site.
// It runs the pipeline load → check → link → render → write; each step is a package of its own.
//
//	res, err := generator.Build(generator.Options{Root: ".", Out: "public"})
//	var probs problem.List
//	if errors.As(err, &probs) { /* content problems, each with file and line */ }
package generator

import (
	"fmt"
	"html/template"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"kennisbank/generator/assets"
	"kennisbank/generator/brand"
	"kennisbank/generator/check"
	"kennisbank/generator/cite"
	"kennisbank/generator/cms"
	"kennisbank/generator/content"
	"kennisbank/generator/data"
	"kennisbank/generator/graph"
	"kennisbank/generator/headers"
	"kennisbank/generator/linkcheck"
	"kennisbank/generator/markdown"
	"kennisbank/generator/output"
	"kennisbank/generator/parallel"
	"kennisbank/generator/problem"
	"kennisbank/generator/publish"
	"kennisbank/generator/render"
	"kennisbank/generator/reserved"
	"kennisbank/generator/schema"
	"kennisbank/generator/search"
	"kennisbank/generator/view"
	"kennisbank/theme"
)

// Options says what to build: what the user chose.
type Options struct {
	Root    string // the project folder holding content/, and templates/ and assets/ when it changes the theme
	Out     string // where Build writes the site; "" for DefaultOut in Root
	BaseURL string // overrides base_url in site.toml when set
	Drafts  bool   // include items with concept = true
}

// Dev builds for the development server: every page gets the live-reload script, and each build
// reuses what the one before it made from the same inputs. One build runs at a time.
type Dev struct {
	cache *buildCache
}

// NewDev returns a Dev with nothing to reuse yet.
func NewDev() *Dev { return &Dev{cache: newCache()} }

// Generate runs the pipeline for the development server and hands every file to w.
func (d *Dev) Generate(opts Options, w output.Writer) (Result, error) {
	return generate(opts, true, d.cache, w)
}

// Executed is how many pages the last successful build executed rather than reused.
func (d *Dev) Executed() int { return d.cache.executed() }

// Result summarises a build.
type Result struct {
	Pages    int
	Files    int
	Duration time.Duration
	BaseURL  string       // the address the site was built for; "" when it has none (see WithoutBaseURL)
	Warnings problem.List // what the editors should look at, though the site was built (check.Outlines)
}

// WithoutBaseURL says what a site built without base_url lacks, for the command line to print:
// sitemaps, feeds and link previews need absolute URLs, which only base_url gives.
const WithoutBaseURL = "no sitemap.xml, no Atom feed (atom.xml), and no absolute links: no canonical links, " +
	"no OpenGraph tags for link previews, and no page URLs in the citations and calendar items; " +
	"404.html then finds its stylesheet only at the root of a host"

// DefaultOut is the output folder inside the project when Options.Out is "".
const DefaultOut = "public"

// OutDir is the folder Build writes to.
func (o Options) OutDir() string {
	if o.Out == "" {
		return filepath.Join(o.Root, DefaultOut)
	}
	return o.Out
}

// project is what a build reads, which its output may never replace.
func (o Options) project() output.Project {
	return output.Project{Root: o.Root, Sources: []string{content.Dir, render.Dir, assets.Dir}}
}

// Build builds the site into opts.OutDir(). On any problem nothing is written and the previous
// site stays as it was; the error is then a problem.List when the content is at fault, and an
// *output.RefusedError when the output folder is one a build may not replace (see
// output.CheckOut).
func Build(opts Options) (Result, error) {
	dir, err := output.NewDir(opts.OutDir(), opts.project())
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
	return generate(opts, false, nil, w)
}

// generate runs the pipeline; dev adds the live-reload script, cache (may be nil) is what an
// earlier build left to reuse.
func generate(opts Options, dev bool, cache *buildCache, w output.Writer) (Result, error) {
	start := time.Now()
	defer cache.hold()()
	// The assets do not depend on the content: esbuild bundles them while the content loads.
	type bundled struct {
		bundle assets.Bundle
		probs  problem.List
	}
	assetsDone := make(chan bundled, 1)
	files := theme.New(opts.Root)
	go func() {
		b, probs := cache.assets(files)
		assetsDone <- bundled{b, probs}
	}()
	all, probs := content.Load(opts.Root)
	if opts.BaseURL != "" {
		all.Site.BaseURL = opts.BaseURL
	}
	built := withoutDrafts(all, opts.Drafts)
	if !probs.About(content.SiteFile) { // otherwise Load stopped at site.toml: the rest follows from it
		probs = append(probs, check.Check(all, built)...)
		probs = append(probs, cms.Check(&all.Site)...)
		probs = append(probs, brand.Check(opts.Root, &all.Site)...)
	}
	errs, warnings := probs.Split()
	if len(errs) > 0 {
		return Result{}, append(errs, warnings...).Sorted()
	}
	g := graph.New(built)

	assetsBuilt := <-assetsDone
	if len(assetsBuilt.probs) > 0 {
		return Result{}, assetsBuilt.probs.Sorted()
	}
	bundle, logo, err := withBrand(assetsBuilt.bundle, opts.Root, g.Site())
	if err != nil {
		return Result{}, err
	}
	tmpl, err := render.Load(files)
	if err != nil {
		return Result{}, err
	}
	s := &siteBuild{opts: opts, dev: dev, cache: cache, g: g, theme: files, tmpl: tmpl, bundle: bundle, logo: logo, w: w, known: map[string]bool{}}
	s.plan()
	s.searched = s.indexSearch()
	if probs := s.renderBodies(); len(probs) > 0 {
		s.bodiesFailed.Store(true)
		<-s.searched
		return Result{}, probs.Sorted()
	}
	if err := s.writeAll(); err != nil {
		return Result{}, err
	}
	cache.commit(s.fresh)
	return Result{Pages: s.pages, Files: s.nfiles, Duration: time.Since(start), BaseURL: g.Site().BaseURL, Warnings: warnings.Sorted()}, nil
}

// withBrand adds the site's huisstijl (its style sheet and logo) to the bundle, as assets. The
// bundle may be the development server's, kept for the next build: it is copied, not changed.
func withBrand(b assets.Bundle, root string, site *content.Site) (assets.Bundle, brand.Logo, error) {
	files, names, logo, err := brand.Build(root, site)
	if err != nil || len(files) == 0 {
		return b, logo, err
	}
	out := assets.Bundle{Files: slices.Concat(b.Files, files), Names: maps.Clone(b.Names)}
	maps.Copy(out.Names, names)
	return out, logo, nil
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
	crumbs   []render.Link
	item     *content.Item // nil for list pages
	value    content.Entry // the typed item; nil for list pages
	body     markdown.Result
	rendered chan struct{} // closed once body is made (an item's page only)
}

type siteBuild struct {
	opts   Options
	dev    bool        // the development server's build: add the live-reload script
	cache  *buildCache // what an earlier build left to reuse; nil for none
	g      *graph.Graph
	theme  *theme.Files // the site's templates and assets over the theme's
	tmpl   *render.Templates
	bundle assets.Bundle
	logo   brand.Logo
	w      output.Writer
	jobs   []*job
	known  map[string]bool // every page and file the site will contain
	files  []output.File   // what is not a page or the search index, to be written
	mu     sync.Mutex
	pages  int
	nfiles int
	fresh  map[string]cachedPage // pages executed in this build, for the cache

	searched     <-chan searchIndex // the search index, made while the bodies render
	bodiesFailed atomic.Bool        // the search index need not be finished
}

// plan lists every page and file the site will contain, before anything is rendered, so that
// links in the Markdown can be checked against it.
func (s *siteBuild) plan() {
	home := render.Link{Title: "Home", URL: ""}
	s.add(&job{url: "", template: "home"})
	s.add(&job{url: "404.html", template: "404", title: "Pagina niet gevonden"})
	for _, spec := range content.Specs {
		if !spec.AtRoot {
			s.add(&job{url: string(spec.Kind) + "/", template: string(spec.Kind), title: spec.ListTitle, section: spec.Kind, crumbs: []render.Link{home}})
		}
	}
	for _, spec := range content.Specs {
		crumbs, section := []render.Link{home}, content.Kind("")
		if !spec.AtRoot {
			crumbs, section = append(crumbs, render.Link{Title: spec.ListTitle, URL: string(spec.Kind) + "/"}), spec.Kind
		}
		for _, e := range spec.Entries(s.g.Content) {
			it := e.Base()
			s.add(&job{url: it.URL(), template: spec.Template, title: it.Titel, section: section, crumbs: crumbs, item: it, value: e,
				rendered: make(chan struct{})})
			for _, f := range it.Files {
				s.known[it.URL()+f] = true
			}
		}
	}
	for _, name := range s.tmpl.Standalone() {
		s.add(&job{url: name + "/", template: name, title: s.tmpl.Title(name), section: content.Kind(name), crumbs: []render.Link{home}})
	}
	pages := make([]string, 0, len(s.jobs))
	for _, j := range s.jobs {
		pages = append(pages, j.url)
	}
	s.files = slices.Concat(s.bundle.Files, data.Files(s.g), publish.Files(s.g, publish.Options{Year: time.Now().Year(), Pages: pages}))
	admin := cms.Files(s.g.Site(), cms.Options{Dev: s.dev})
	if !s.dev {
		s.files = append(s.files, admin...)
	}
	for _, f := range slices.Concat(s.files, admin) {
		s.addPath(f.Path)
	}
	s.known[search.Path] = true
	if s.dev {
		s.known[reserved.ReloadScript] = true // served by package serve
	}
	s.known[headers.Path] = true // for the host: not a page, not in the sitemap or search
	if !s.dev {
		s.files = append(s.files, s.headers())
	}
}

// addPath adds a file's path to the site's paths; a folder's index.html is served at the folder
// too.
func (s *siteBuild) addPath(p string) {
	s.known[p] = true
	if dir, ok := strings.CutSuffix(p, "index.html"); ok && (dir == "" || strings.HasSuffix(dir, "/")) {
		s.known[dir] = true
	}
}

func (s *siteBuild) add(j *job) {
	if j.template != "home" && j.template != "404" && !s.tmpl.Has(j.template) {
		return // a project may leave out a kind's list page
	}
	s.jobs = append(s.jobs, j)
	s.known[j.url] = true
}

// parallel runs f for every job on all cores and returns the errors, one per job (nil where
// f succeeded).
func (s *siteBuild) parallel(f func(*job) error) []error {
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
	return errs
}

func (s *siteBuild) renderBodies() problem.List {
	md := markdown.New(markdown.AllowRawHTML(s.g.Site().HTMLToestaan))
	exists := func(p string) bool { return s.known[p] }
	var known [32]byte
	if s.cache != nil {
		known = s.knownKey()
	}
	var probs problem.List
	_ = s.parallel(func(j *job) error {
		if j.item == nil {
			return nil
		}
		defer close(j.rendered)
		key := bodyKey(known, j, s.g.Site().HTMLToestaan)
		res, cached := s.cache.body(key)
		var err error
		if !cached {
			res, err = md.Render(j.item.Body, j.url, exists)
			if err == nil {
				s.cache.putBody(key, res)
			}
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if err != nil {
			probs.Add(j.item.File, j.item.BodyLine, "de Markdown is niet om te zetten naar HTML: %v", err)
			return nil
		}
		for _, b := range res.Broken {
			probs.Add(j.item.File, j.item.BodyLine+b.Line-1,
				"link naar %q: die pagina of dat bestand bestaat niet in de site (een relatieve link begint bij deze pagina, /%s; een link die met / begint, bij de hoofdmap van de site)", b.Destination, j.url)
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
	links := linkcheck.New(func(p string) bool { return s.known[p] }, s.g.Site().BaseURL, s.theme)
	frames := render.NewFrames(s.chrome(year))
	var global [32]byte
	if s.cache != nil {
		global = s.globalKey(frames.Chrome())
		s.fresh = map[string]cachedPage{}
	}
	errs := s.parallel(func(j *job) error {
		p, err := s.page(j, frames)
		if err != nil {
			return err
		}
		var key [32]byte
		if s.cache != nil {
			key = pageKey(global, j.template, p)
			if html, ok := s.cache.page(j.url, key); ok {
				return s.writePage(j, html)
			}
		}
		html, err := s.tmpl.Execute(j.template, p)
		if err != nil {
			return err
		}
		links.Page(s.tmpl.File(j.template), j.url, p.URL, html, j.body.HTML)
		j.body.HTML = nil // in the page now; the search index needs only the text
		if s.cache != nil {
			s.mu.Lock()
			s.fresh[j.url] = cachedPage{key: key, html: html}
			s.mu.Unlock()
		}
		return s.writePage(j, html)
	})
	rest := <-restDone
	s.nfiles += rest.files
	// A template mistake breaks every page that uses it: it is one problem, at the template.
	probs, err := render.Fold(errs)
	if err != nil {
		return err
	}
	if len(probs) > 0 {
		return probs
	}
	if probs := links.Problems(); len(probs) > 0 {
		return probs
	}
	return rest.err
}

// chrome is what every page shows around its own part.
func (s *siteBuild) chrome(year int) *render.Chrome {
	footer := make([]render.Link, len(s.g.Content.Pages))
	for i, p := range s.g.Content.Pages {
		footer[i] = render.Link{Title: p.Titel, URL: p.URL()}
	}
	return &render.Chrome{Site: s.g.Site(), Footer: footer, Feed: reserved.FeedFile(s.g.Site()), Assets: s.bundle.Names, Logo: s.logo, Dev: s.dev, Year: year}
}

// page is what the template of j receives: its frame, j's own part and its view.
func (s *siteBuild) page(j *job, frames *render.Frames) (*render.Page, error) {
	p := render.Page{URL: j.url, Title: j.title, Section: j.section, Crumbs: j.crumbs}
	if j.url == "404.html" {
		// The 404 page is served at any depth, so its links must not be relative: with a
		// base_url they start from its path; without one they only work at the root.
		p.URL = ""
		if !s.dev { // the development server serves the site at its root
			p.Root = s.g.RootPath()
		}
	}
	p.Frame = frames.For(p.URL, p.Root, p.Section)
	p.Body, p.Headings = template.HTML(j.body.HTML), j.body.Headings
	p.Description = s.g.Site().Beschrijving
	jsonLD, err := schema.JSONLD(s.g, j.url, j.value)
	if err != nil {
		return nil, fmt.Errorf("%s: JSON-LD: %w", j.url, err)
	}
	p.Meta = render.Meta{OGType: schema.OpenGraphType(j.value), JSONLD: jsonLD}
	if j.value != nil {
		if c, ok := cite.PageCitation(s.g, j.value, p.Year); ok {
			p.Meta.Citation = c.Meta()
		}
		p.Description = j.item.Samenvatting
		p.View = view.Item(s.g, j.value, p.Year)
	} else {
		p.View = view.Standalone(s.g, j.template, p.Year)
	}
	return &p, nil
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
	s.nfiles += 1 + len(j.item.FilesOrNil())
	s.mu.Unlock()
	return nil
}

// writeRest writes what is not a page: assets, the search index, the data and what publish adds.
// It returns how many files it wrote.
func (s *siteBuild) writeRest(year int) (int, error) {
	// The search index first: whatever else fails, the goroutine that makes it has ended when the
	// build returns, so that it cannot share the development server's memo with the next build.
	// The rest one after the other, while the pages render: each lets go of what it made before
	// the next starts, which keeps the peak memory of the build down.
	if err := s.writeSearchIndex(); err != nil {
		return 1, err
	}
	return 1 + len(s.files), output.WriteFiles(s.w, s.files)
}

// headers is the _headers file: nosniff for every file, and the pages' and the CMS's policies.
func (s *siteBuild) headers() output.File {
	paths := make([]string, 0, len(s.known))
	for p := range s.known {
		paths = append(paths, p)
	}
	p := headers.Policies{Pages: render.PagePolicy, Admin: cms.Policy(s.g.Site(), s.dev)}
	if p.Admin != "" {
		p.AdminDir = reserved.Admin
	}
	return headers.File(paths, p)
}
