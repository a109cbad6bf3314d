package sitetest

import (
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
	"github.com/werkplaats-jeugd/kennisbank/internal/htmlcheck"
)

// pageKinds lists one page of every kind the site has: home, every list, one item of every
// kind (a news item and an agenda item both), the 404 page, and every standalone page the build
// produced (the scan, search, matrix…), found in the output rather than named here.
func pageKinds(t *testing.T) []string {
	t.Helper()
	pages := []string{"", "404.html"}
	for _, k := range content.Kinds {
		if k != content.KindPage {
			pages = append(pages, string(k)+"/")
		}
	}
	first := func(what string, it *content.Item) {
		if it == nil {
			t.Fatalf("the real site has no %s", what)
		}
		pages = append(pages, it.URL())
	}
	firstOf := func(what string, n int, item func(int) *content.Item) {
		for i := 0; i < n; i++ {
			if it := item(i); !it.Concept {
				first(what, it)
				return
			}
		}
		first(what, nil)
	}
	k := knowledge
	firstOf("determinant", len(k.Determinants), func(i int) *content.Item { return &k.Determinants[i].Item })
	firstOf("strategy", len(k.Strategies), func(i int) *content.Item { return &k.Strategies[i].Item })
	firstOf("learning network", len(k.Networks), func(i int) *content.Item { return &k.Networks[i].Item })
	firstOf("factsheet", len(k.Factsheets), func(i int) *content.Item { return &k.Factsheets[i].Item })
	firstOf("page", len(k.Pages), func(i int) *content.Item { return &k.Pages[i].Item })
	var news, agenda *content.Item
	for _, p := range k.Posts {
		if p.Concept {
			continue
		}
		if p.IsEvent() && agenda == nil {
			agenda = &p.Item
		} else if !p.IsEvent() && news == nil {
			news = &p.Item
		}
	}
	first("news item", news)
	first("agenda item", agenda)

	known := map[string]bool{}
	for _, p := range pages {
		known[strings.SplitN(p, "/", 2)[0]] = true
	}
	for _, p := range k.Pages {
		known[p.ID] = true
	}
	entries, err := os.ReadDir(siteDir)
	if err != nil {
		t.Fatal(err)
	}
	var standalone []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(siteDir, e.Name(), "index.html")); err == nil && e.IsDir() && !known[e.Name()] {
			standalone = append(standalone, e.Name()+"/")
		}
	}
	if len(standalone) == 0 {
		t.Fatal("no standalone pages (zoeken/ at least) in the built site")
	}
	sort.Strings(standalone)
	return append(pages, standalone...)
}

// No page makes a request to any host but the one serving the site, and none outside the
// subpath the site is served from: no fonts, CDNs, analytics or absolute links to the root.
func TestNoRequestLeavesTheSite(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/kb/")
	own, _ := url.Parse(base)

	var mu sync.Mutex
	var requests []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	})
	pages := pageKinds(t)
	for _, p := range pages {
		target := base + p
		if p == "zoeken/" {
			target += "?q=feedback" // a search loads the index
		}
		if err := chromedp.Run(ctx, chromedp.Navigate(target), chromedp.WaitReady("body"), chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	seen := 0
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil {
			t.Errorf("request to an unreadable URL %q", r)
			continue
		}
		switch {
		case u.Scheme == "data" || u.Scheme == "blob" || u.Scheme == "about":
		case u.Host == own.Host && u.Path == "/favicon.ico":
			// The browser's own guess at the host root, made for any page without an icon.
		case u.Host != own.Host || u.Scheme != own.Scheme:
			t.Errorf("request to another host: %s", r)
		case !strings.HasPrefix(u.Path, own.Path):
			t.Errorf("request outside the site's folder %s: %s", own.Path, r)
		default:
			seen++
		}
	}
	// The test only proves something if it saw the pages, their assets and the fetched data.
	if seen < len(pages)+2 {
		t.Fatalf("only %d requests seen for %d pages: %v", seen, len(pages), requests)
	}
	t.Logf("%d pages, %d requests, all to %s", len(pages), len(requests), base)
}

// Every page of the real site carries one Content-Security-Policy that allows scripts only from
// the site itself, and has nothing that the policy would block or that could run script: no
// inline scripts (JSON-LD data blocks aside), no event handler or style attributes, no
// javascript: URLs.
func TestEveryPageHasStrictCSPAndNoInlineScript(t *testing.T) {
	pages := 0
	err := filepath.WalkDir(siteDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		if rel, _ := filepath.Rel(siteDir, p); strings.HasPrefix(filepath.ToSlash(rel), reserved.Admin+"/") {
			return nil // the CMS has a policy of its own (package cms tests it)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		rel, _ := filepath.Rel(siteDir, p)
		for _, prob := range htmlcheck.Page(data) {
			t.Errorf("%s: %s", filepath.ToSlash(rel), prob)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := 1 + len(knowledge.Determinants) + len(knowledge.Strategies)
	if pages < want {
		t.Fatalf("checked %d pages, the site has at least %d", pages, want)
	}
}
