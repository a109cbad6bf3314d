// Package linkcheck checks the links in rendered pages: every href and src that stays inside the
// site must name a page or file the site contains. Links written by templates are checked here;
// links in Markdown are checked, with their line, when the Markdown is rendered.
//
//	c := linkcheck.New(exists, baseURL, theme.New(root))
//	c.Page("templates/strategie.html", "strategieen/x/", "strategieen/x/", html) // in parallel
//	probs := c.Problems()
package linkcheck

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strings"
	"sync"

	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/sitepath"
)

// Checker collects broken links over many pages. It is safe for concurrent use.
type Checker struct {
	exists    func(string) bool
	base      *url.URL  // the site's base_url, or nil: absolute links under it are checked too
	templates Templates // searched for the line of a broken link; may be nil

	mu     sync.Mutex
	broken map[key]*finding
}

type key struct{ file, target string }

type finding struct {
	ref, page, reason string
	more              int
}

// Templates is where the templates are read: a file system with the folder templates/ (the
// theme of a site, package theme), and the name a file goes by in problems.
type Templates interface {
	fs.FS
	Origin(name string) string
}

// New returns a checker. exists reports whether a path relative to the site root is a page or
// file of the site ("" is the home page, pages end in "/"). baseURL may be "". templates may be
// nil: when a broken target is written in one of them literally, as in {{.Rel "x/"}}, the
// problem names that file and line instead of the page's template.
func New(exists func(string) bool, baseURL string, templates Templates) *Checker {
	c := &Checker{exists: exists, templates: templates, broken: map[key]*finding{}}
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" {
		u.Path = strings.TrimSuffix(u.Path, "/") + "/"
		c.base = u
	}
	return c
}

// Page checks the HTML of one page. file names the template for messages; page is where the page
// is served ("strategieen/x/", "404.html"); from is the URL its relative links start from (the
// same, except for a page like 404.html that is written for another place). body is the HTML
// rendered from the page's Markdown, which the template inserts as it is: its links are the
// content's, checked with their line when the Markdown is rendered, so they are skipped here.
func (c *Checker) Page(file, page, from string, doc, body []byte) {
	var refs []string
	if i := bytes.Index(doc, body); len(body) > 0 && i >= 0 {
		refs = append(References(doc[:i]), References(doc[i+len(body):])...)
	} else {
		refs = References(doc)
	}
	for _, ref := range refs {
		target, reason := c.resolve(ref, from)
		if reason == "" {
			continue
		}
		c.mu.Lock()
		k := key{file, target}
		if f := c.broken[k]; f != nil {
			f.more++
			if page < f.page {
				f.ref, f.page = ref, page
			}
		} else {
			c.broken[k] = &finding{ref: ref, page: page, reason: reason}
		}
		c.mu.Unlock()
	}
}

// Problems returns the broken links, each once: at the template line that writes the target
// when it can be found, otherwise once per page template. Each names the first page (in
// alphabetical order) where the link occurs and how many more pages have it.
func (c *Checker) Problems() problem.List {
	c.mu.Lock()
	defer c.mu.Unlock()
	byTarget := map[string][]key{}
	for k := range c.broken {
		byTarget[k.target] = append(byTarget[k.target], k)
	}
	var sources []source
	if len(byTarget) > 0 {
		sources = readSources(c.templates)
	}
	var probs problem.List
	report := func(file string, line int, keys []key) {
		first := c.broken[keys[0]]
		more := 0
		for _, k := range keys {
			f := c.broken[k]
			more += f.more + 1
			if f.page < first.page {
				first = f
			}
		}
		also := ""
		switch {
		case more == 2:
			also = " (en op nog 1 pagina)"
		case more > 2:
			also = fmt.Sprintf(" (en op nog %d pagina's)", more-1)
		}
		probs.Add(file, line, "link naar %q op pagina /%s: %s%s", first.ref, first.page, first.reason, also)
	}
	for target, keys := range byTarget {
		sort.Slice(keys, func(i, j int) bool { return keys[i].file < keys[j].file })
		if found := locate(sources, target); len(found) > 0 {
			for _, at := range found {
				report(at.file, at.line, keys)
			}
			continue
		}
		for _, k := range keys {
			report(k.file, 0, []key{k})
		}
	}
	return probs.Sorted()
}

type source struct {
	file  string // as shown in messages: templates/partials/chrome.html
	lines []string
}

type place struct {
	file string
	line int
}

// readSources reads the templates and their partials.
func readSources(templates Templates) []source {
	if templates == nil {
		return nil
	}
	var out []source
	for _, pattern := range []string{"templates/*.html", "templates/partials/*.html"} {
		names, _ := fs.Glob(templates, pattern)
		for _, name := range names {
			data, err := fs.ReadFile(templates, name)
			if err != nil {
				continue
			}
			out = append(out, source{file: templates.Origin(name), lines: strings.Split(string(data), "\n")})
		}
	}
	return out
}

// locate finds the lines where target is written as a quoted string.
func locate(sources []source, target string) []place {
	var out []place
	for _, s := range sources {
		for i, l := range s.lines {
			if strings.Contains(l, `"`+target+`"`) {
				out = append(out, place{s.file, i + 1})
			}
		}
	}
	return out
}

// resolve returns the site path ref points at, and why it is broken, or "" when it is fine:
// external links, links within the page and links to existing pages and files are.
func (c *Checker) resolve(ref, from string) (target, reason string) {
	l, err := sitepath.Resolve(from, strings.TrimSpace(ref))
	switch {
	case errors.Is(err, sitepath.ErrAboveRoot):
		return l.Target, "gaat verder omhoog dan de hoofdmap van de site"
	case err != nil: // sitepath.ErrInvalid
		return l.Target, "geen geldig webadres"
	case l.SamePage:
		return "", ""
	case l.External != nil:
		u := l.External
		if c.base == nil || u.Host != c.base.Host || !strings.HasPrefix(u.Path+"/", c.base.Path) {
			return "", "" // another site, mailto:, data:
		}
		l.Target = strings.TrimPrefix(u.Path, c.base.Path) // an absolute link to this site
	case l.Rooted && c.base != nil && strings.HasPrefix("/"+l.Target, c.base.Path):
		l.Target = strings.TrimPrefix("/"+l.Target, c.base.Path) // the 404 page's links, served at any depth
	case l.Rooted:
		return "/" + l.Target, "begint met /, en werkt dus niet als de site in een submap staat (schrijf {{.Rel \"...\"}})"
	}
	if sitepath.Exists(l.Target, c.exists) {
		return l.Target, ""
	}
	return l.Target, "die pagina of dat bestand bestaat niet in de site (gezocht naar /" + l.Target + ")"
}
