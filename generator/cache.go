package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"kennisbank/generator/assets"
	"kennisbank/generator/content"
	"kennisbank/generator/markdown"
	"kennisbank/generator/problem"
	"kennisbank/generator/search"
)

// buildCache lets the development server rebuild only what an edit touched. It remembers the asset
// bundle, every rendered Markdown body and every rendered page, each under a key made from the
// inputs it was made from; a page is executed again only when one of those inputs changed.
// The zero value is not usable; make one with newCache.
//
// One build at a time uses a cache: Generate holds building for the whole build, because the
// search memo and the page set of one build must not mix with another's. Inside a build, mu
// guards the maps that the page workers share.
type buildCache struct {
	building  sync.Mutex
	mu        sync.Mutex
	assetsKey [32]byte
	bundle    assets.Bundle
	bodies    map[[32]byte]markdown.Result
	pages     map[string]cachedPage // by page URL
	search    *search.Memo
	executedN int // the pages the last successful build executed rather than reused
}

type cachedPage struct {
	key  [32]byte
	html []byte
}

// newCache returns an empty cache.
func newCache() *buildCache {
	return &buildCache{bodies: map[[32]byte]markdown.Result{}, pages: map[string]cachedPage{}, search: search.NewMemo()}
}

func (c *buildCache) executed() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.executedN
}

// hold takes the cache for one build and returns the function that gives it back.
func (c *buildCache) hold() func() {
	if c == nil {
		return func() {}
	}
	c.building.Lock()
	return c.building.Unlock
}

// commit keeps the pages of a build that succeeded.
func (c *buildCache) commit(fresh map[string]cachedPage) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.executedN = len(fresh)
	for url, p := range fresh {
		c.pages[url] = p
	}
}

// treeKey fingerprints a folder by the names and contents of its files. Contents, not
// modification times: two saves within one tick of the file system's clock keep the time.
func treeKey(dir string) [32]byte {
	h := sha256.New()
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		h.Write([]byte(p))
		_ = binary.Write(h, binary.LittleEndian, int64(len(data)))
		h.Write(data)
		return nil
	})
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// assets returns the bundle, building it only when assets/ changed since the last build.
func (c *buildCache) assets(root string) (assets.Bundle, problem.List) {
	if c == nil {
		return assets.Build(root)
	}
	key := treeKey(filepath.Join(root, assets.Dir))
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bundle.Files != nil && key == c.assetsKey {
		return c.bundle, nil
	}
	b, probs := assets.Build(root)
	if len(probs) == 0 {
		c.bundle, c.assetsKey = b, key
	}
	return b, probs
}

func (c *buildCache) body(key [32]byte) (markdown.Result, bool) {
	if c == nil {
		return markdown.Result{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.bodies[key]
	return r, ok
}

func (c *buildCache) putBody(key [32]byte, r markdown.Result) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.bodies[key] = r
	c.mu.Unlock()
}

func (c *buildCache) page(url string, key [32]byte) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[url]
	return p.html, ok && p.key == key
}

// globalKey fingerprints what every page depends on: the build options, site.toml, the
// templates, the asset names, the set of pages and files, and the stand-alone pages (the footer
// lists them).
func (s *siteBuild) globalKey() [32]byte {
	h := sha256.New()
	h.Write([]byte(s.opts.BaseURL))
	_ = binary.Write(h, binary.LittleEndian, int64(time.Now().Year())) // the footer and citations show it
	_ = binary.Write(h, binary.LittleEndian, []bool{s.dev, s.opts.Drafts})
	if data, err := os.ReadFile(filepath.Join(s.opts.Root, content.Dir, "site.toml")); err == nil {
		h.Write(data)
	}
	t := treeKey(filepath.Join(s.opts.Root, "templates"))
	h.Write(t[:])
	names := make([]string, 0, len(s.bundle.Names)+len(s.known))
	for k, v := range s.bundle.Names {
		names = append(names, k+"="+v)
	}
	for k := range s.known {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, n := range names {
		h.Write([]byte(n + "\x00"))
	}
	for _, p := range s.g.Pages {
		h.Write(p.Hash[:])
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// pageKey fingerprints a page: the global inputs and the items the page shows. A list or
// stand-alone page shows everything; an item's page shows itself and its neighbours.
func (s *siteBuild) pageKey(global [32]byte, j *job) [32]byte {
	h := sha256.New()
	h.Write(global[:])
	h.Write([]byte(j.url))
	for _, it := range s.dependencies(j) {
		h.Write(it.Hash[:])
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// dependencies lists the items whose content can appear on the page of j.
func (s *siteBuild) dependencies(j *job) []*content.Item {
	g := s.g
	var deps []*content.Item
	addDeterminants := func() { deps = append(deps, g.Items(content.KindDeterminant)...) }
	switch v := j.value.(type) {
	case *content.Determinant:
		addDeterminants() // siblings and numbers
		for _, l := range v.Links {
			if st, ok := g.Strategy[l.Strategy]; ok {
				deps = append(deps, &st.Item)
			}
		}
	case *content.Strategy:
		addDeterminants() // links live on determinants
		deps = append(deps, &v.Item)
		for _, bl := range g.Backlinks[v.ID] {
			for _, l := range bl.Determinant.Links {
				if st, ok := g.Strategy[l.Strategy]; ok {
					deps = append(deps, &st.Item) // related strategies
				}
			}
		}
	case *content.Network:
		deps = append(deps, &v.Item)
		for _, p := range g.NetworkPosts[v.ID] {
			deps = append(deps, &p.Item)
		}
		for _, f := range g.NetworkFactsheets[v.ID] {
			deps = append(deps, &f.Item)
		}
	case *content.Factsheet:
		deps = append(deps, &v.Item)
		if n, ok := g.Network[v.Leernetwerk]; ok {
			deps = append(deps, &n.Item)
		}
	case *content.Post:
		deps = append(deps, &v.Item)
		if n, ok := g.Network[v.Leernetwerk]; ok {
			deps = append(deps, &n.Item)
		}
	case *content.Page:
		deps = append(deps, &v.Item)
	default:
		// A list or stand-alone page: what it lists. Counts change only when an item is added or
		// removed, which changes the set of pages and so every key.
		kinds, known := listDependencies[j.template]
		if !known {
			kinds = content.Kinds // a project's own page: assume it shows everything
		} else if len(kinds) == 0 {
			break // shows no items
		}
		deps = append(deps, g.Items(kinds...)...)
	}
	return deps
}

// listDependencies says which kinds of item each list or stand-alone page shows.
var listDependencies = map[string][]content.Kind{
	"home":          {content.KindPost},
	"404":           nil,
	"zoeken":        nil,
	"determinanten": {content.KindDeterminant},
	"strategieen":   {content.KindStrategy, content.KindDeterminant},
	"matrix":        {content.KindStrategy, content.KindDeterminant},
	"leernetwerken": {content.KindNetwork},
	"factsheets":    {content.KindFactsheet},
	"nieuws":        {content.KindPost},
}

// bodyKey fingerprints the inputs of a Markdown rendering.
func bodyKey(known [32]byte, j *job, raw bool) [32]byte {
	h := sha256.New()
	h.Write(known[:])
	h.Write([]byte(j.url))
	h.Write(j.item.Hash[:])
	if raw {
		h.Write([]byte{1})
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// knownKey fingerprints the set of pages and files, which Markdown links are checked against.
func (s *siteBuild) knownKey() [32]byte {
	names := make([]string, 0, len(s.known))
	for k := range s.known {
		names = append(names, k)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		h.Write([]byte(n + "\x00"))
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}
