package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"kennisbank/internal/browsertest"
)

// axeSource reads axe-core as ./test installs it (tools/axe, from the npm registry).
func axeSource(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "tools", "axe", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is not installed (./test installs it): %v", err)
		}
		t.Skipf("axe-core is not installed; run ./test: %v", err)
	}
	return string(data)
}

type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []string `json:"target"`
	} `json:"nodes"`
}

// TestAccessibility runs axe-core (WCAG 2.1 A and AA rules) on every kind of page a reader
// meets, in light and dark mode: there must be no violations.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	pages := []struct{ path, ready string }{
		{"", "main"},
		{"determinanten/", "main"},
		{"strategieen/", "#filters:not([hidden])"},
		{"strategieen/?cluster=trainen-en-scholen", "#filters:not([hidden])"},
		{knowledge.Determinants[0].URL(), "main"},
		{"strategieen/audit-en-feedback/", "main"},
		{"leernetwerken/integraal-werken/", "main"},
		{"matrix/", "#matrix-filter:not([hidden])"},
		{"zoeken/?q=feedback", "#zoekresultaten a"},
		{"nieuws/", "main"},
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range pages {
			var found []violation
			err := chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}),
				chromedp.Navigate(base+p.path),
				chromedp.WaitVisible(p.ready, chromedp.ByQuery),
				chromedp.Evaluate(axe+"\n;true", nil),
				eval(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => r.violations)`, &found),
			)
			if err != nil {
				t.Fatalf("%s (%s): %v", p.path, scheme, err)
			}
			for _, v := range found {
				var targets []string
				for i, n := range v.Nodes {
					if i == 3 {
						targets = append(targets, "…")
						break
					}
					targets = append(targets, strings.Join(n.Target, " "))
				}
				t.Errorf("/%s (%s): %s (%s): %s at %s", p.path, scheme, v.ID, v.Impact, v.Help, strings.Join(targets, ", "))
			}
		}
	}
}
