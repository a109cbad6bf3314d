package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/assets"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/markdown"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/render"
	"github.com/werkplaats-jeugd/kennisbank/generator/search"
	"github.com/werkplaats-jeugd/kennisbank/theme"
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
	bundled   bool // bundle was made
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

// assets returns the bundle, building it only when the site's own assets/ changed since the last
// build (the theme's are in the binary, so they do not change while it runs).
func (c *buildCache) assets(files *theme.Files) (assets.Bundle, problem.List) {
	if c == nil {
		return assets.Build(files)
	}
	key := treeKey(filepath.Join(files.Root(), assets.Dir))
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bundled && key == c.assetsKey {
		return c.bundle, nil
	}
	b, probs := assets.Build(files)
	if len(probs) == 0 {
		c.bundle, c.assetsKey, c.bundled = b, key, true
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

// globalKey fingerprints what every page depends on: the chrome they all show, the templates
// (the site's own in the project at root; the theme's are in the binary), and the set of pages
// and files (paths, as sitePaths.key), which the link check checks every executed page against.
func globalKey(chrome *render.Chrome, root string, paths [32]byte) [32]byte {
	h := sha256.New()
	fingerprint(h, reflect.ValueOf(chrome))
	t := treeKey(filepath.Join(root, render.Dir))
	h.Write(t[:])
	h.Write(paths[:])
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// pageKey fingerprints a page: the global inputs (the chrome among them), its template and the
// rest of what its template is given. The frame is left out: it is made from the chrome and the
// page's URL, root and section, which are in. Templates read nothing else (their functions are pure,
// their data holds no graph), so a page whose key is unchanged would be rendered to the same
// bytes.
func pageKey(global [32]byte, template string, p *render.Page) [32]byte {
	h := sha256.New()
	h.Write(global[:])
	h.Write([]byte(template + "\x00"))
	own := *p
	own.Frame = nil
	fingerprint(h, reflect.ValueOf(&own))
	var key [32]byte
	h.Sum(key[:0])
	return key
}

var (
	entryType = reflect.TypeFor[content.Entry]()
	timeType  = reflect.TypeFor[time.Time]()
)

// fingerprint writes every exported value reachable from v to h, in a fixed order. An item of the
// content is written as its id, the hash of its file and its bundle's files: everything a page
// can show of it comes from those.
func fingerprint(h hash.Hash, v reflect.Value) {
	var n [8]byte
	writeInt := func(i int64) {
		binary.LittleEndian.PutUint64(n[:], uint64(i))
		h.Write(n[:])
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.Write([]byte{0})
			return
		}
		if v.Kind() == reflect.Pointer && v.Type().Implements(entryType) {
			it := v.Interface().(content.Entry).Base()
			h.Write([]byte(string(it.Kind) + "/" + it.ID + "\x00"))
			h.Write(it.Hash[:])
			h.Write([]byte(strings.Join(it.Files, "\x00") + "\x01"))
			return
		}
		h.Write([]byte{1})
		fingerprint(h, v.Elem())
	case reflect.Struct:
		if v.Type() == timeType {
			t := v.Interface().(time.Time)
			writeInt(t.UnixNano())
			h.Write([]byte(t.Location().String() + "\x00"))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fingerprint(h, v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		writeInt(int64(v.Len()))
		for i := range v.Len() {
			fingerprint(h, v.Index(i))
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			panic(fmt.Sprintf("generator: cannot fingerprint a %s in a page's data", v.Type())) // a programming error
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		writeInt(int64(len(keys)))
		for _, k := range keys {
			fingerprint(h, k)
			fingerprint(h, v.MapIndex(k))
		}
	case reflect.String:
		writeInt(int64(v.Len()))
		h.Write([]byte(v.String()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		writeInt(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		writeInt(int64(v.Uint()))
	case reflect.Bool:
		if v.Bool() {
			writeInt(1)
		} else {
			writeInt(0)
		}
	case reflect.Float32, reflect.Float64:
		writeInt(int64(math.Float64bits(v.Float())))
	default:
		panic(fmt.Sprintf("generator: cannot fingerprint a %s in a page's data", v.Type())) // a programming error
	}
}

// bodyKey fingerprints the inputs of a Markdown rendering: the site's paths (as sitePaths.key),
// which its links are checked against, the page and its file, and whether raw HTML passes.
func bodyKey(paths [32]byte, pg *page, raw bool) [32]byte {
	h := sha256.New()
	h.Write(paths[:])
	h.Write([]byte(pg.url))
	h.Write(pg.item.Hash[:])
	if raw {
		h.Write([]byte{1})
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// key fingerprints the set of pages and files, which links are checked against.
func (ps sitePaths) key() [32]byte {
	h := sha256.New()
	for _, n := range ps.sorted() {
		h.Write([]byte(n + "\x00"))
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}
