package sitetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/generator"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

var (
	repoRoot  string
	siteDir   string // the real site, built once
	knowledge *content.Content
)

func TestMain(m *testing.M) {
	_, file, _, _ := runtime.Caller(0)
	repoRoot = filepath.Join(filepath.Dir(file), "..", "..")
	tmp, err := os.MkdirTemp("", "kennisbank-site-")
	if err != nil {
		panic(err)
	}
	siteDir = filepath.Join(tmp, "public")
	if _, err := generator.Build(generator.Options{Root: repoRoot, Out: siteDir}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	knowledge, _ = content.Load(repoRoot)
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// eval runs a JavaScript expression in the page, awaiting a promise, and decodes the result.
func eval(expr string, out any) chromedp.Action {
	return chromedp.Evaluate(expr, out, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
		return p.WithAwaitPromise(true)
	})
}

// visibleCards counts the strategy cards a reader can see.
func visibleCards(ctx context.Context, t *testing.T) int {
	t.Helper()
	var n int
	if err := chromedp.Run(ctx, eval(`Array.from(document.querySelectorAll(".card[data-cluster]")).filter(c => c.offsetParent !== null).length`, &n)); err != nil {
		t.Fatal(err)
	}
	return n
}

func location(ctx context.Context, t *testing.T) string {
	t.Helper()
	var u string
	if err := chromedp.Run(ctx, chromedp.Location(&u)); err != nil {
		t.Fatal(err)
	}
	return u
}

// choose selects a value in a <select> as a person would: the value changes, then "change" fires.
func choose(sel, value string) chromedp.Action {
	return eval(fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event("input", {bubbles: true})); s.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, sel, value), nil)
}

func contains(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
