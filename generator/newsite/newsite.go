// Package newsite writes a new knowledge base that builds at once: `kennisbank init`. The new
// site starts from the knowledge this repository publishes (package kennisbank): the 29
// determinants and the strategies with their links, as its own editable files, with the sources
// and clusters they need in its site.toml; the pages the theme links to; and one example draft
// in each folder a workplace fills itself (learning networks, factsheets, news). It has no
// templates/ or assets/: it uses the built-in theme until it changes a file of it.
package newsite

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/BurntSushi/toml"

	"github.com/werkplaats-jeugd/kennisbank"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/scaffold"
)

// Options describe the new site.
type Options struct {
	Dir      string // the folder to make; it must not exist or be empty
	Titel    string // the site's name; DefaultTitel when empty
	Uitgever string // the organisation that publishes it; may be empty
}

// DefaultTitel is the name of a new site when none is given.
const DefaultTitel = "Kennisbank implementatie jeugd"

// ErrNotEmpty is returned for a folder that holds something already: init never mixes a new
// site with files that are there.
var ErrNotEmpty = errors.New("the folder is not empty")

// Summary says what Write wrote.
type Summary struct {
	Determinants, Strategies, Pages, Drafts int
}

// copied are the folders and files of the knowledge that a new site gets as they are.
var copied = []string{"content/determinanten", "content/strategieen", "content/paginas/scan-uitleg.md"}

// Write writes the new site. It writes into a hidden folder beside opts.Dir and moves it into
// place when everything is written, so that a failure leaves no half site behind.
func Write(opts Options) (Summary, error) {
	if opts.Titel = strings.TrimSpace(opts.Titel); opts.Titel == "" {
		opts.Titel = DefaultTitel
	}
	opts.Uitgever = strings.TrimSpace(opts.Uitgever)
	if err := checkEmpty(opts.Dir); err != nil {
		return Summary{}, err
	}
	parent := filepath.Dir(filepath.Clean(opts.Dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Summary{}, err
	}
	tmp, err := os.MkdirTemp(parent, ".kennisbank-init-")
	if err != nil {
		return Summary{}, err
	}
	defer os.RemoveAll(tmp) // gone after the move; what is left of a failure otherwise
	sum, err := writeSite(tmp, opts)
	if err != nil {
		return sum, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return sum, err
	}
	if err := os.Remove(opts.Dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return sum, err // an empty folder goes, to make room for the new one
	}
	return sum, os.Rename(tmp, opts.Dir)
}

// checkEmpty refuses a folder that holds anything, or a file.
func checkEmpty(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%w: %s is a file", ErrNotEmpty, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		holds := entries[0].Name()
		if len(entries) > 1 {
			holds += fmt.Sprintf(" and %d more", len(entries)-1)
		}
		return fmt.Errorf("%w: %s holds %s; init writes a new site only into an empty or new folder", ErrNotEmpty, dir, holds)
	}
	return nil
}

// writeSite writes every file of the new site into root.
func writeSite(root string, opts Options) (Summary, error) {
	var sum Summary
	source, err := knowledgeSite()
	if err != nil {
		return sum, err
	}
	settings, err := siteToml(opts, source)
	if err != nil {
		return sum, err
	}
	if err := write(root, content.SiteFile, settings); err != nil {
		return sum, err
	}
	for _, name := range copied {
		err := fs.WalkDir(kennisbank.Knowledge, name, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(kennisbank.Knowledge, p)
			if err == nil {
				err = write(root, p, data)
			}
			switch {
			case strings.HasPrefix(p, "content/determinanten/") && path.Ext(p) == ".md":
				sum.Determinants++
			case strings.HasPrefix(p, "content/strategieen/") && path.Ext(p) == ".md":
				sum.Strategies++
			case strings.HasPrefix(p, "content/paginas/"):
				sum.Pages++
			}
			return err
		})
		if err != nil {
			return sum, fmt.Errorf("copy %s: %w", name, err)
		}
	}
	n, err := writePages(root, opts, source)
	sum.Pages += n
	if err != nil {
		return sum, err
	}
	if err := write(root, ".gitignore", []byte("# What kennisbank build writes.\n/public/\n")); err != nil {
		return sum, err
	}
	for _, d := range drafts {
		if _, err := scaffold.New(root, d.kind, d.title); err != nil {
			return sum, fmt.Errorf("example %s: %w", d.kind, err)
		}
		sum.Drafts++
	}
	return sum, nil
}

// drafts are the example drafts (concept = true) in the folders a workplace fills itself.
var drafts = []struct{ kind, title string }{
	{"leernetwerk", "Voorbeeld van een leernetwerk"},
	{"factsheet", "Voorbeeld van een factsheet"},
	{"nieuws", "Voorbeeld van een nieuwsbericht"},
}

// knowledgeSite reads the settings of the site the knowledge comes from.
func knowledgeSite() (*content.Site, error) {
	data, err := fs.ReadFile(kennisbank.Knowledge, content.SiteFile)
	if err != nil {
		return nil, err
	}
	var site content.Site
	if _, err := toml.Decode(string(data), &site); err != nil {
		return nil, fmt.Errorf("the knowledge's %s: %w", content.SiteFile, err)
	}
	return &site, nil
}

func write(root, name string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// pageFiles are the pages a new site gets from templates: the ones every page's footer links to,
// written for the new site's name and publisher.
//
//go:embed pages/*.md
var pageFiles embed.FS

// pageData is what the page templates are given.
type pageData struct {
	Titel, Uitgever string
	Bron            *content.Site // the site the determinants and strategies come from
}

// writePages writes the pages from pageFiles into content/paginas/.
func writePages(root string, opts Options, source *content.Site) (int, error) {
	tmpl, err := template.ParseFS(pageFiles, "pages/*.md")
	if err != nil {
		return 0, err
	}
	n := 0
	for _, t := range tmpl.Templates() {
		var buf bytes.Buffer
		if err := t.Execute(&buf, pageData{Titel: opts.Titel, Uitgever: opts.Uitgever, Bron: source}); err != nil {
			return n, err
		}
		if err := write(root, path.Join(content.Dir, string(content.KindPage), t.Name()), buf.Bytes()); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

//go:embed site.toml.tmpl
var siteTemplate string

// siteToml writes the new site's content/site.toml: its own name and publisher, the menu of the
// theme's pages, and the sources and clusters of the knowledge, as the knowledge's site has them.
func siteToml(opts Options, source *content.Site) ([]byte, error) {
	tmpl, err := template.New("site.toml").Funcs(template.FuncMap{"toml": tomlString}).Parse(siteTemplate)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, pageData{Titel: opts.Titel, Uitgever: opts.Uitgever, Bron: source}); err != nil {
		return nil, err
	}
	// The tables as TOML writes them; omitempty leaves out a source without a URL.
	type bron struct {
		ID      string `toml:"id"`
		Kort    string `toml:"kort"`
		Citatie string `toml:"citatie"`
		URL     string `toml:"url,omitempty"`
	}
	var tables struct {
		Bron    []bron            `toml:"bron"`
		Cluster []content.Cluster `toml:"cluster"`
	}
	for _, s := range source.Bronnen {
		tables.Bron = append(tables.Bron, bron(s))
	}
	tables.Cluster = source.Clusters
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	if err := enc.Encode(tables); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// tomlString writes s as a TOML string, as the TOML encoder quotes it.
func tomlString(s string) (string, error) {
	data, err := toml.Marshal(map[string]string{"s": s})
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(strings.TrimPrefix(string(data), "s = ")), nil
}
