// Package generator turns a Kennisbank project (content/, and its own templates/ and assets/ over
// the built-in theme) into a static site.
//
//	res, err := generator.Build(generator.Options{Root: ".", Out: "public"})
//	var probs problem.List
//	if errors.As(err, &probs) { /* content problems, each with file and line */ }
//
// A build (generate) runs these steps, in this order. Each is a function that returns what the
// next one takes, and each calls the package that does the work:
//
//  1. bundle: esbuild bundles the theme's scripts and style sheets (package assets), on a
//     goroutine of its own, as they do not depend on the content;
//  2. load: content/ into typed items (package content), drafts left out unless asked for;
//  3. check: what no single file shows (package check), and the tables of site.toml that the
//     CMS and the huisstijl read (cms.Check, brand.Check);
//  4. link: the graph of what links to what (package graph);
//  5. style: the bundle, with the huisstijl's style sheet and logo (package brand), and the
//     templates (package render);
//  6. plan: every page and every other file of the site, and so every path it will have, before
//     anything is made (plan.go). The other files come from the lists that their packages make
//     (assets, brand, data, publish, cms, headers: output.File); links are checked against
//     these paths;
//  7. make, in two parts side by side under one errgroup (makeSite):
//     - bodies, then pages: the Markdown of every item to HTML on all cores (package markdown,
//     which checks its links; bodies.go), then every page through its template (package render)
//     with its view (package view), its links checked (package linkcheck), and written (pages.go);
//     - the search index (package search), which receives the text of each page over a channel as
//     soon as its body is made, and lets it go once indexed (searchindex.go); then, while the
//     pages are still written, the other files of the plan, made and written one after another.
//
// Every file goes to an output.Writer, through a counter: the count in Result is what was
// written. The development server's builds (Dev) reuse what the build before made from the
// same inputs (cache.go).
package generator

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/werkplaats-jeugd/kennisbank/generator/assets"
	"github.com/werkplaats-jeugd/kennisbank/generator/brand"
	"github.com/werkplaats-jeugd/kennisbank/generator/check"
	"github.com/werkplaats-jeugd/kennisbank/generator/cms"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/render"
	"github.com/werkplaats-jeugd/kennisbank/theme"
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
	Files    int // every file written, the pages among them
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

// generate runs the pipeline, one line per step (see the package comment); dev adds the
// live-reload script, cache (may be nil) is what an earlier build left to reuse.
func generate(opts Options, dev bool, cache *buildCache, w output.Writer) (Result, error) {
	start := time.Now()
	defer cache.hold()()
	themed := theme.New(opts.Root)
	bundled := bundle(cache, themed)
	all, built, loaded := load(opts)
	warnings, err := checkContent(opts.Root, all, built, loaded)
	if err != nil {
		return Result{}, err
	}
	g := graph.New(built)
	styled, err := style(<-bundled, opts.Root, g.Site())
	if err != nil {
		return Result{}, err
	}
	tmpl, err := render.Load(themed)
	if err != nil {
		return Result{}, err
	}
	site := makePlan(g, themed, tmpl, styled, dev, start.Year())
	counted := output.Count(w)
	fresh, err := makeSite(site, cache, counted)
	if err != nil {
		return Result{}, err
	}
	cache.commit(fresh)
	return Result{Pages: len(site.pages), Files: counted.Files(), Duration: time.Since(start), BaseURL: g.Site().BaseURL,
		Warnings: warnings.Sorted()}, nil
}

// bundled is the asset bundle, or why it could not be made.
type bundled struct {
	bundle assets.Bundle
	probs  problem.List
}

// bundle starts bundling the assets, which do not depend on the content, so that esbuild works
// while the content loads. The channel holds one result: a build that stops before it reads it
// leaves nothing waiting.
func bundle(cache *buildCache, files *theme.Files) <-chan bundled {
	out := make(chan bundled, 1)
	go func() {
		b, probs := cache.assets(files)
		out <- bundled{b, probs}
	}()
	return out
}

// load reads the project: all of its content, the part that goes into the site (drafts left out
// unless opts.Drafts), and the problems of reading each file.
func load(opts Options) (all, built *content.Content, probs problem.List) {
	all, probs = content.Load(opts.Root)
	if opts.BaseURL != "" {
		all.Site.BaseURL = opts.BaseURL
	}
	return all, withoutDrafts(all, opts.Drafts), probs
}

// checkContent adds to the problems of loading (loaded) what no single file shows, and the
// problems of the tables of site.toml that the CMS and the huisstijl read. It returns what the
// editors should look at though the site can be built, or, when something stops the build, every
// problem as a problem.List.
func checkContent(root string, all, built *content.Content, loaded problem.List) (warnings problem.List, err error) {
	probs := loaded
	if !probs.About(content.SiteFile) { // otherwise Load stopped at site.toml: the rest follows from it
		probs = append(probs, check.Check(all, built)...)
		probs = append(probs, cms.Check(&all.Site)...)
		probs = append(probs, brand.Check(root, &all.Site)...)
	}
	errs, warnings := probs.Split()
	if len(errs) > 0 {
		return nil, append(errs, warnings...).Sorted()
	}
	return warnings, nil
}

func withoutDrafts(c *content.Content, drafts bool) *content.Content {
	if drafts {
		out := *c
		return &out
	}
	return c.Published()
}

// look is what the pages take from the assets and the huisstijl.
type look struct {
	files []output.File     // the bundle's files and the huisstijl's
	names map[string]string // entry name ("main.js", "huisstijl.css") → site path
	logo  brand.Logo
}

// style adds the site's huisstijl (its style sheet and logo, package brand) to the bundle. The
// bundle may be the development server's, kept for the next build: it is copied, not changed.
func style(b bundled, root string, site *content.Site) (look, error) {
	if len(b.probs) > 0 {
		return look{}, b.probs.Sorted()
	}
	files, names, logo, err := brand.Build(root, site)
	if err != nil {
		return look{}, err
	}
	all := maps.Clone(b.bundle.Names)
	maps.Copy(all, names)
	return look{files: slices.Concat(b.bundle.Files, files), names: all, logo: logo}, nil
}

// makeSite makes and writes the site's files in two parts, side by side: the bodies and then the
// pages; and the search index, which receives the pages' texts from the bodies over one channel,
// and then the other files. These wait for the index, as they did before there was an errgroup:
// made beside the bodies, while every body and the growing index are held, they raised the
// peak memory of a large build. It returns the pages executed in this build, for the cache.
func makeSite(site *plan, cache *buildCache, w output.Writer) (map[string]cachedPage, error) {
	group, ctx := errgroup.WithContext(context.Background())
	texts := make(chan indexText, site.items) // never full: the bodies never wait for the index
	var fresh map[string]cachedPage
	group.Go(func() error {
		indexed, err := writeSearchIndex(site, texts, cache, w)
		if err != nil || !indexed { // not indexed: the bodies failed, and say why
			return err
		}
		return output.WriteFiles(ctx, w, site.files) // stops when the pages failed
	})
	group.Go(func() error {
		bodies, err := renderBodies(site, cache, texts)
		if err != nil {
			return err
		}
		fresh, err = writePages(site, bodies, cache, w)
		return err
	})
	return fresh, group.Wait()
}
