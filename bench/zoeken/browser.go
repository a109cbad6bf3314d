package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browser is headless Chromium with two tabs on the built site: one for the site's own search
// page and one on a blank page of the same origin for Pagefind's API (the site's pages forbid
// WebAssembly in their Content-Security-Policy, so Pagefind cannot run on them).
type browser struct {
	srv      *httptest.Server
	log      *requestLog
	base     string // the site's URL, ending in "/"
	site     context.Context
	pagefind context.Context
	close    func()
}

// blankPage is served at _bench/ for Pagefind.
const blankPage = `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>`

func newBrowser(site string) (*browser, error) {
	log := &requestLog{}
	mux := http.NewServeMux()
	mux.Handle("/", log.wrap(http.FileServer(http.Dir(site))))
	mux.HandleFunc("/_bench/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, blankPage)
	})
	srv := httptest.NewServer(mux)
	profile, err := os.MkdirTemp(tmpRoot(), "kennisbank-zoeken-chromium-")
	if err != nil {
		srv.Close()
		return nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	siteTab, cancelSite := chromedp.NewContext(alloc)
	if err := chromedp.Run(siteTab); err != nil { // starts the browser, which the other tab shares
		cancelSite()
		cancelAlloc()
		srv.Close()
		return nil, fmt.Errorf("start Chromium: %w", err)
	}
	pfTab, cancelPF := chromedp.NewContext(siteTab)
	b := &browser{srv: srv, log: log, base: srv.URL + "/", site: siteTab, pagefind: pfTab}
	b.close = func() {
		cancelPF()
		cancelSite()
		cancelAlloc()
		srv.Close()
		os.RemoveAll(profile)
	}
	if err := chromedp.Run(pfTab, chromedp.Navigate(b.base+"_bench/")); err != nil {
		b.close()
		return nil, fmt.Errorf("open a tab for Pagefind: %w", err)
	}
	return b, nil
}

func awaitEval(expr string, out any) chromedp.Action {
	return chromedp.Evaluate(expr, out, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
		return p.WithAwaitPromise(true)
	})
}

// waitForResults resolves once the search page has answered: its status line says how many
// results there are, or that there are none.
const waitForResults = `new Promise((resolve, reject) => {
  const t0 = Date.now();
  const poll = () => {
    const s = document.getElementById("zoek-status");
    if (s && s.textContent.trim() !== "") return resolve(true);
    if (Date.now() - t0 > 10000) return reject(new Error("no answer from the search page"));
    setTimeout(poll, 10);
  };
  poll();
})`

// resultLinks lists the result pages in the order shown: the first link of every result.
const resultLinks = `Array.from(document.querySelectorAll("#zoekresultaten .search-results > li"), li => li.querySelector("a").href)`

// siteSearch opens zoeken/?q=… and returns the result pages, relative to the site root.
func (b *browser) siteSearch(q string) ([]string, error) {
	ctx, cancel := context.WithTimeout(b.site, 20*time.Second)
	defer cancel()
	var hrefs []string
	err := chromedp.Run(ctx,
		chromedp.Navigate(b.base+"zoeken/?q="+url.QueryEscape(q)),
		awaitEval(waitForResults, nil),
		chromedp.Evaluate(resultLinks, &hrefs),
	)
	return b.relative(hrefs), err
}

// pagefindSearch runs Pagefind's search and returns its first ten pages.
func (b *browser) pagefindSearch(q string) ([]string, error) {
	ctx, cancel := context.WithTimeout(b.pagefind, 20*time.Second)
	defer cancel()
	var hrefs []string
	err := chromedp.Run(ctx, awaitEval(fmt.Sprintf(`(async () => {
	  window.pf ??= await import("/pagefind/pagefind.js");
	  const found = await window.pf.search(%q);
	  const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
	  return data.map(d => new URL(d.url, location.href).href);
	})()`, q), &hrefs))
	return b.relative(hrefs), err
}

func (b *browser) relative(hrefs []string) []string {
	out := make([]string, 0, len(hrefs))
	for _, h := range hrefs {
		out = append(out, strings.TrimPrefix(h, b.base))
	}
	return out
}

// reportFirstSearch prints the size of each engine's index and what a reader's first search
// fetches, raw and gzipped (as a static host serves it), measured from the requests Chromium
// made in a fresh tab.
func (b *browser) reportFirstSearch(site string) error {
	index, err := filesUnder(site, "data", "zoek")
	if err != nil {
		return err
	}
	pfAll, err := filesUnder(site, "pagefind", "")
	if err != nil {
		return err
	}
	fmt.Printf("| | files | raw | gzip |\n| --- | --- | --- | --- |\n")
	printSize(site, "Kennisbank index, all files", index)
	printSize(site, "Pagefind bundle, all files", pfAll)

	first, err := b.fetched(b.base+"zoeken/?q=training", waitForResults, "data/")
	if err != nil {
		return err
	}
	printSize(site, "Kennisbank, first search (zoeken/)", first)
	suggest, err := b.fetched(b.base, typeInHeader, "data/")
	if err != nil {
		return err
	}
	if len(suggest) > 0 {
		printSize(site, "Kennisbank, first suggestions (header)", suggest)
	}
	pf, err := b.fetched(b.base+"_bench/", `import("/pagefind/pagefind.js").then(pf => pf.search("training")).then(r => Promise.all(r.results.slice(0, 5).map(x => x.data())))`, "pagefind/")
	if err != nil {
		return err
	}
	printSize(site, "Pagefind, first search (5 results)", pf)
	return nil
}

// typeInHeader types a word into the header's search box and waits for suggestions.
const typeInHeader = `new Promise((resolve, reject) => {
  const input = document.getElementById("site-zoek");
  if (!input || input.getAttribute("role") !== "combobox") return resolve(false);
  input.focus();
  input.value = "training";
  input.dispatchEvent(new Event("input", {bubbles: true}));
  const t0 = Date.now();
  const poll = () => {
    if (document.querySelector("[role=listbox] [role=option]")) return resolve(true);
    if (Date.now() - t0 > 10000) return reject(new Error("no suggestions"));
    setTimeout(poll, 10);
  };
  poll();
})`

// fetched opens page in a new tab, runs script and returns the files under prefix that were
// requested meanwhile (by the page or its workers), relative to the site root.
func (b *browser) fetched(page, script, prefix string) ([]string, error) {
	tab, cancel := chromedp.NewContext(b.site)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(tab, 30*time.Second)
	defer cancelTimeout()
	b.log.start()
	err := chromedp.Run(ctx, chromedp.Navigate(page), awaitEval(script, nil))
	var out []string
	for _, p := range b.log.stop() {
		if rel := strings.TrimPrefix(p, "/"); strings.HasPrefix(rel, prefix) && !slices.Contains(out, rel) {
			out = append(out, rel)
		}
	}
	sort.Strings(out)
	return out, err
}

// requestLog records the paths the server is asked for, and tells the browser to keep nothing
// in its cache, so that every tab fetches what it needs.
type requestLog struct {
	mu    sync.Mutex
	on    bool
	paths []string
}

func (l *requestLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		if l.on {
			l.paths = append(l.paths, r.URL.Path)
		}
		l.mu.Unlock()
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

func (l *requestLog) start() {
	l.mu.Lock()
	l.on, l.paths = true, nil
	l.mu.Unlock()
}

func (l *requestLog) stop() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.on = false
	return l.paths
}

// filesUnder lists the files in site/dir whose names start with prefix, relative to site.
func filesUnder(site, dir, prefix string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(filepath.Join(site, dir), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasPrefix(d.Name(), prefix) {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	return out, err
}

func printSize(site, label string, files []string) {
	raw, gz := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(f)))
		if err != nil {
			continue
		}
		raw += len(data)
		gz += gzipLen(data)
	}
	fmt.Printf("| %s | %d | %s | %s |\n", label, len(files), kb(raw), kb(gz))
}

func gzipLen(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
