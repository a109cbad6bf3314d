package sitetest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/rangetable"

	"github.com/werkplaats-jeugd/kennisbank/generator/dutch"
	"github.com/werkplaats-jeugd/kennisbank/generator/fold"
	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
	"github.com/werkplaats-jeugd/kennisbank/internal/snowballdata"
	"github.com/werkplaats-jeugd/kennisbank/internal/tsrun"
)

// moduleInChromium opens a page in Chromium that runs one TypeScript module of theme/assets/, its
// exports in the global tsrun.Global, so that a test can hold the browser's own engine (V8 and
// its Unicode tables) to the Go code.
func moduleInChromium(t testing.TB, entry string) context.Context {
	t.Helper()
	script, err := tsrun.Bundle(repoRoot, entry)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>module</title><script src="module.js"></script></head><body></body></html>`)
	})
	mux.HandleFunc("/module.js", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(script)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	ctx := browsertest.New(t)
	if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// callAll calls the module's function fn on every argument in one evaluation and returns the
// results joined by spaces when they are lists.
func callAll(ctx context.Context, t *testing.T, fn string, args []string) []string {
	t.Helper()
	var out []string
	expr := fmt.Sprintf(`(args => args.map(a => { const r = %s.%s(a); return Array.isArray(r) ? r.join(" ") : r; }))(%s)`, tsrun.Global, fn, jsonString(t, args))
	if err := chromedp.Run(ctx, chromedp.Evaluate(expr, &out)); err != nil {
		t.Fatal(err)
	}
	if len(out) != len(args) {
		t.Fatalf("%d results for %d arguments", len(out), len(args))
	}
	return out
}

// TestChromiumFoldsEveryCharacterLikeGo puts every character of the Basic Multilingual Plane,
// and a sample of the planes above it, between two letters and folds it in Chromium with
// assets/_fold.ts and in Go with package fold: both must keep it in the word, leave it out or
// split the word alike. Chromium decomposes with ICU's tables, Go with golang.org/x/text's; a
// character that Go's Unicode version does not have yet may fold otherwise in a newer browser
// (package fold says so), so those are only counted.
func TestChromiumFoldsEveryCharacterLikeGo(t *testing.T) {
	ctx := moduleInChromium(t, "theme/assets/_fold.ts")
	var texts []string
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0x10000 && r%61 != 0 || !utf8.ValidRune(r) {
			continue
		}
		texts = append(texts, "a"+string(r)+"B")
	}
	got := callAll(ctx, t, "words", texts)
	bad, newer := 0, 0
	for i, s := range texts {
		if want := strings.Join(fold.Words(s), " "); got[i] != want {
			if r := []rune(s)[1]; !assigned(r) {
				newer++
				continue
			}
			if bad++; bad <= 20 {
				t.Errorf("%U: Chromium folds %q to %q, Go to %q", []rune(s)[1], s, got[i], want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d characters fold differently", bad, len(texts))
	}
	t.Logf("%d characters that Unicode %s does not have fold otherwise in this Chromium", newer, norm.Version)
}

// assigned reports whether r is assigned in the Unicode version of Go's decomposition tables.
func assigned(r rune) bool {
	return unicode.Is(normAssigned, r)
}

var normAssigned = rangetable.Assigned(norm.Version)

// TestChromiumStemsLikeSnowball stems Snowball's whole Dutch test vocabulary in Chromium with
// assets/search/stem.ts: every stem must be Snowball's, and so Go's (package dutch, whose own
// test holds it to the same list).
func TestChromiumStemsLikeSnowball(t *testing.T) {
	words, stems, err := snowballdata.Vocabulary(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	ctx := moduleInChromium(t, "theme/assets/search/stem.ts")
	got := callAll(ctx, t, "stem", words)
	bad := 0
	for i, w := range words {
		if got[i] != stems[i] || dutch.Stem(w) != stems[i] {
			if bad++; bad <= 20 {
				t.Errorf("%q: Chromium %q, Go %q, Snowball %q", w, got[i], dutch.Stem(w), stems[i])
			}
		}
	}
	if len(words) < 45000 || bad > 0 {
		t.Errorf("%d of %d words stem differently", bad, len(words))
	}
}

// BenchmarkStemInChromium stems Snowball's whole Dutch vocabulary in Chromium with
// assets/search/stem.ts, as the search page stems a query's words, and reports the time per word
// (after a warm-up run, so that the JIT has compiled the stemmer).
func BenchmarkStemInChromium(b *testing.B) {
	words, _, err := snowballdata.Vocabulary(repoRoot)
	if err != nil {
		b.Fatal(err)
	}
	ctx := moduleInChromium(b, "theme/assets/search/stem.ts")
	setup := fmt.Sprintf(`window.WORDS = %s; true`, jsonString(b, words))
	if err := chromedp.Run(ctx, chromedp.Evaluate(setup, nil)); err != nil {
		b.Fatal(err)
	}
	script := fmt.Sprintf(`(() => { const t0 = performance.now(); for (const w of WORDS) %s.stem(w); return [performance.now() - t0]; })()`, tsrun.Global)
	if err := chromedp.Run(ctx, chromedp.Evaluate(script, nil)); err != nil { // warm up
		b.Fatal(err)
	}
	all := timesInChromium(b, ctx, script)
	sort.Float64s(all)
	b.ReportMetric(all[len(all)/2]*1e6/float64(len(words)), "median-ns/word")
}

// timesInChromium runs script, which returns a list of durations in milliseconds, b.N times in
// ctx and returns every duration, in the order the runs gave them. Only the runs are timed.
func timesInChromium(b *testing.B, ctx context.Context, script string) []float64 {
	var all []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var times []float64
		if err := chromedp.Run(ctx, chromedp.Evaluate(script, &times)); err != nil {
			b.Fatal(err)
		}
		all = append(all, times...)
	}
	b.StopTimer()
	return all
}

func jsonString(t testing.TB, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// BenchmarkSearchInChromium ranks every query of bench/zoeken/queries.txt with the browser's
// ranking (assets/search/rank.ts) over the real site's full index in Chromium, as the zoeken/
// page does on each keystroke, and reports the time per query (goal: well under 16 ms).
func BenchmarkSearchInChromium(b *testing.B) {
	index, err := os.ReadFile(filepath.Join(siteDir, "data", "zoekindex.json"))
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, "bench", "zoeken", "queries.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var queries []string
	for _, line := range strings.Split(string(data), "\n") {
		if q, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") {
			queries = append(queries, q)
		}
	}
	ctx := moduleInChromium(b, "theme/assets/search/rank.ts")
	setup := fmt.Sprintf(`window.IDX = %s.prepare(%s); true`, tsrun.Global, index)
	if err := chromedp.Run(ctx, chromedp.Evaluate(setup, nil)); err != nil {
		b.Fatal(err)
	}
	script := fmt.Sprintf(`%s.map(q => { const t0 = performance.now(); %s.search(IDX, q); return performance.now() - t0; })`, jsonString(b, queries), tsrun.Global)
	if err := chromedp.Run(ctx, chromedp.Evaluate(script, nil)); err != nil { // warm up
		b.Fatal(err)
	}
	all := timesInChromium(b, ctx, script)
	if os.Getenv("KB_SLOW") != "" {
		for i, q := range queries {
			fmt.Fprintf(os.Stderr, "%6.1f ms  %s\n", all[len(all)-len(queries)+i], q)
		}
	}
	sort.Float64s(all)
	b.ReportMetric(all[len(all)/2], "median-ms/query")
	b.ReportMetric(all[len(all)*95/100], "p95-ms/query")
	b.ReportMetric(all[len(all)-1], "max-ms/query")
}
