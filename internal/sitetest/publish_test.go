package sitetest

import (
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
)

// TestMetadataAndCitationsInTheBrowser loads pages with JSON-LD, the citation box and calendar
// links in Chromium under a subpath: the data blocks parse, trip no Content-Security-Policy
// rule, and every download the page offers is there.
func TestMetadataAndCitationsInTheBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/sub/")

	var mu sync.Mutex
	var csp []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*cdplog.EventEntryAdded); ok && strings.Contains(e.Entry.Text, "Content Security Policy") {
			mu.Lock()
			csp = append(csp, e.Entry.URL+": "+e.Entry.Text)
			mu.Unlock()
		}
	})
	violations := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), csp...)
	}
	if err := chromedp.Run(ctx, cdplog.Enable()); err != nil {
		t.Fatal(err)
	}

	var post string
	for _, p := range knowledge.Posts {
		if p.IsEvent() {
			post = p.URL()
		}
	}
	pages := []struct {
		path      string
		blocks    int // JSON-LD blocks expected
		downloads string
	}{
		{"strategieen/audit-en-feedback/", 1, ".cite a[download]"},
		{knowledge.Determinants[0].URL(), 1, ".cite a[download]"},
		{knowledge.Networks[0].URL(), 0, ".cite a[download]"},
		{knowledge.Factsheets[0].URL(), 1, ".cite a[download]"},
		{"colofon/", 0, ".cite a[download]"},
		{post, 1, ".calendar-file a[download]"},
		{"nieuws/", 0, ".calendar-file a[download]"},
		{"open-data/", 0, "table a[download]"},
	}
	for _, p := range pages {
		var res struct {
			Blocks    int      `json:"blocks"`
			Parsed    int      `json:"parsed"`
			Downloads []string `json:"downloads"`
			Missing   []string `json:"missing"`
		}
		err := chromedp.Run(ctx,
			chromedp.Navigate(base+p.path),
			chromedp.WaitReady("main", chromedp.ByQuery),
			eval(`(async () => {
				const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
				let parsed = 0;
				for (const b of blocks) { try { JSON.parse(b.textContent); parsed++; } catch (e) {} }
				const links = [...document.querySelectorAll(`+"`"+p.downloads+"`"+`)];
				const missing = [];
				for (const a of links) {
					const r = await fetch(a.href);
					if (!r.ok) missing.push(a.getAttribute("href") + " " + r.status);
				}
				return {blocks: blocks.length, parsed, downloads: links.map(a => a.getAttribute("href")), missing};
			})()`, &res))
		if err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		if res.Blocks != p.blocks || res.Parsed != res.Blocks {
			t.Errorf("%s: %d JSON-LD blocks, %d parse; want %d", p.path, res.Blocks, res.Parsed, p.blocks)
		}
		if len(res.Downloads) == 0 {
			t.Errorf("%s offers no downloads (%s)", p.path, p.downloads)
		}
		for _, m := range res.Missing {
			t.Errorf("%s: download %s", p.path, m)
		}
	}
	if v := violations(); len(v) > 0 {
		t.Errorf("Content-Security-Policy violations:\n%s", strings.Join(v, "\n"))
	}

	// The new parts meet WCAG 2.2 AA like the rest (axe-core, as in TestAccessibility).
	t.Run("toegankelijkheid", func(t *testing.T) {
		axe := axeSource(t)
		for _, path := range []string{"colofon/", "open-data/", post} {
			var found []violation
			err := chromedp.Run(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible("main", chromedp.ByQuery),
				chromedp.Evaluate(axe+"\n;true", nil), runAxe(&found, nil))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			reportViolations(t, "/"+path, found)
		}
	})

	// The listener does hear a violation: an inline script is refused and reported.
	err := chromedp.Run(ctx, chromedp.Evaluate(`(() => { const s = document.createElement("script"); s.textContent = "window.x = 1"; document.head.append(s); })()`, nil),
		chromedp.Sleep(300*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if len(violations()) == 0 {
		t.Error("an inline script raised no CSP report; the check above proves nothing")
	}
}
