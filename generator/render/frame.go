package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/sitepath"
)

// Frame is what the header and the footer of a page show: the chrome as seen from the page's
// folder, with the menu item of the page marked. It holds nothing else of the page, so pages at
// the same depth, in the same section and with the same menu item marked share one frame, and a
// partial given only the frame ({{cached "header" .Frame}}) is rendered once per frame instead
// of once per page. A frame is made from the chrome and the page's URL, root and section alone.
type Frame struct {
	*Chrome
	Menu  []MenuItem
	depth int    // folders between the page and the site root
	root  string // when set, links start from this path ("/kb/") instead of being relative
	shown sync.Map
}

// MenuItem is an item of the site's menu as one page shows it.
type MenuItem struct {
	Naam    string
	URL     string
	Current bool // the item is this page
	Active  bool // this page lies in the item's section
}

// Rel returns the URL of target (relative to the site root) as seen from the frame's pages.
func (f *Frame) Rel(target string) string {
	if f.root != "" {
		return f.root + target
	}
	return sitepath.FromDepth(f.depth, target)
}

// Asset returns the URL of a bundled asset by entry name ("main.js"), as seen from the frame's
// pages.
func (f *Frame) Asset(name string) string {
	if site, ok := f.Assets[name]; ok {
		return f.Rel(site)
	}
	return ""
}

// Frames makes the frames of one build, each distinct frame once. It is safe for concurrent use.
type Frames struct {
	chrome *Chrome
	mu     sync.Mutex
	made   map[frameKey]*Frame
}

// frameKey is everything a frame is made from besides the chrome.
type frameKey struct {
	depth   int
	root    string
	section content.Kind
	current int // a menu item that links to the page, or -1
}

// NewFrames returns the frames of a build with this chrome.
func NewFrames(c *Chrome) *Frames { return &Frames{chrome: c, made: map[frameKey]*Frame{}} }

// Chrome returns what every frame shows.
func (fs *Frames) Chrome() *Chrome { return fs.chrome }

// For returns the frame of the page at url (root as in Page.Root) in section.
func (fs *Frames) For(url, root string, section content.Kind) *Frame {
	key := frameKey{depth: sitepath.Depth(url), root: root, section: section, current: -1}
	for i, m := range fs.chrome.Site.Menu {
		if m.URL == url {
			key.current = i
		}
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if f, ok := fs.made[key]; ok {
		return f
	}
	f := &Frame{Chrome: fs.chrome, depth: key.depth, root: root}
	for _, m := range fs.chrome.Site.Menu {
		current := key.current >= 0 && m.URL == url // every item that links to the page
		f.Menu = append(f.Menu, MenuItem{Naam: m.Naam, URL: m.URL, Current: current,
			Active: !current && section != "" && m.URL == string(section)+"/"})
	}
	fs.made[key] = f
	return f
}

// cached renders the partial name for frame f, the first time only.
func (t *Templates) cached(name string, f *Frame) (template.HTML, error) {
	if html, ok := f.shown.Load(name); ok {
		return html.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := t.partials.ExecuteTemplate(&buf, name, f); err != nil {
		return "", fmt.Errorf("cached %q: %w", name, err)
	}
	html, _ := f.shown.LoadOrStore(name, template.HTML(buf.String()))
	return html.(template.HTML), nil
}
