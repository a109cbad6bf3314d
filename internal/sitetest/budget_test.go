package sitetest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/generator"
	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

func gzipSize(t testing.TB, data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return buf.Len()
}

// overviewWeight is what a phone downloads for the strategy overview: its HTML and the
// stylesheet and script it links, gzipped as a static host serves them.
func overviewWeight(t testing.TB, site string) int {
	html, err := os.ReadFile(filepath.Join(site, "strategieen", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	total := gzipSize(t, html)
	for _, m := range regexp.MustCompile(`(?:href|src)="\.\./(assets/[^"]+)"`).FindAllSubmatch(html, -1) {
		asset, err := os.ReadFile(filepath.Join(site, string(m[1])))
		if err != nil {
			t.Fatal(err)
		}
		total += gzipSize(t, asset)
	}
	return total
}

// TestStrategyOverviewBudget keeps the strategy overview within 60 KB gzipped (HTML, CSS and JS).
func TestStrategyOverviewBudget(t *testing.T) {
	const budget = 60 * 1024
	size := overviewWeight(t, siteDir)
	t.Logf("strategy overview: %d bytes gzipped (HTML+CSS+JS), budget %d", size, budget)
	if size > budget {
		t.Errorf("strategy overview weighs %d bytes gzipped; the budget is %d", size, budget)
	}
}

// BenchmarkFilterKeystroke types into the filter of a strategy overview with 10,000 generated
// strategies in Chromium and reports the time per keystroke: filtering plus the style and layout
// work it causes (goal: at most 16 ms).
func BenchmarkFilterKeystroke(b *testing.B) {
	// The templates and assets are the built-in theme's.
	root := b.TempDir()
	if err := corpus.Write(root, 16700); err != nil { // 60% strategies: 10,020 items
		b.Fatal(err)
	}
	out := filepath.Join(root, "public")
	if _, err := generator.Build(generator.Options{Root: root, Out: out}); err != nil {
		b.Fatal(err)
	}
	ctx := browsertest.New(b)
	var items int
	if err := chromedp.Run(ctx,
		chromedp.Navigate(browsertest.Serve(b, out, "/")+"strategieen/"),
		chromedp.WaitVisible("#filters", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll(".card[data-cluster]").length`, &items),
	); err != nil {
		b.Fatal(err)
	}
	if items < 10000 {
		b.Fatalf("only %d items", items)
	}
	// Each round types a word letter by letter and erases it, timing every keystroke until the
	// page has done its layout.
	script := `(() => {
	  const input = document.getElementById("f-q");
	  const times = [];
	  for (const word of ["uitvoerder", "gemeente"]) {
	    for (let i = 1; i <= word.length * 2; i++) {
	      const n = i <= word.length ? i : word.length * 2 - i;
	      const t0 = performance.now();
	      input.value = word.slice(0, n);
	      input.dispatchEvent(new Event("input", {bubbles: true}));
	      document.body.getBoundingClientRect();
	      document.body.offsetHeight;
	      times.push(performance.now() - t0);
	    }
	  }
	  return times;
	})()`
	all := timesInChromium(b, ctx, script)
	sort.Float64s(all)
	b.ReportMetric(all[len(all)/2], "median-ms/keystroke")
	b.ReportMetric(all[len(all)*95/100], "p95-ms/keystroke")
	b.ReportMetric(float64(items), "items")
	if os.Getenv("KB_DEBUG") != "" {
		var detail []string
		_ = chromedp.Run(ctx, chromedp.Evaluate(`(() => { const input = document.getElementById("f-q"); const out = []; for (const v of ["u","","u","","","zzz","","uitvoerder","uitvoerde",""]) { const t0 = performance.now(); input.value = v; input.dispatchEvent(new Event("input", {bubbles: true})); const t1 = performance.now(); document.body.offsetHeight; const t2 = performance.now(); out.push(v + ": js " + (t1-t0).toFixed(1) + " layout " + (t2-t1).toFixed(1) + " visible " + document.querySelectorAll(".card:not([hidden])").length); } return out })()`, &detail))
		fmt.Fprintln(os.Stderr, strings.Join(detail, "\n"))
	}
	fmt.Fprintf(os.Stderr, "filter: %d items, median %.2f ms, p95 %.2f ms per keystroke\n", items, all[len(all)/2], all[len(all)*95/100])
}
