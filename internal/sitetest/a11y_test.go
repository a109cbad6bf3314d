package sitetest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
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

// axeTags are the axe-core rules the site must pass: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
// (axe-core 4.11 has one rule tagged wcag22aa: target-size, WCAG 2.5.8; it is off by default
// and runs when its tag is asked for. Its 2.2 criteria at level A, such as 3.2.6 Consistent Help,
// no automated tool decides: see TestLayoutAtEveryWidth and TestFocusIsNeverHidden.)
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// runAxe runs axe-core with axeTags in the page; it returns the violations and the ids of the
// rules that ran, so that a test can see that the rules it counts on did run.
func runAxe(found *[]violation, ran *[]string) chromedp.Action {
	tags, _ := json.Marshal(axeTags)
	// resultTypes: only violations get every node listed, which makes axe several times faster
	// on the big pages (the matrix has thousands of cells).
	return eval(`axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]}).then(r => ({
		violations: r.violations,
		ran: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map(x => x.id),
	}))`, &axeResult{found, ran})
}

// axeResult decodes what runAxe's script returns into the caller's variables.
type axeResult struct {
	violations *[]violation
	ran        *[]string
}

func (r *axeResult) UnmarshalJSON(b []byte) error {
	var v struct {
		Violations []violation `json:"violations"`
		Ran        []string    `json:"ran"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r.violations = v.Violations
	if r.ran != nil {
		*r.ran = v.Ran
	}
	return nil
}

func reportViolations(t *testing.T, where string, found []violation) {
	t.Helper()
	for _, v := range found {
		var targets []string
		for i, n := range v.Nodes {
			if i == 3 {
				targets = append(targets, "…")
				break
			}
			targets = append(targets, strings.Join(n.Target, " "))
		}
		t.Errorf("%s: %s (%s): %s at %s", where, v.ID, v.Impact, v.Help, strings.Join(targets, ", "))
	}
}

// TestAccessibility runs axe-core (WCAG 2.2 A and AA rules) on every kind of page a reader meets
// (layoutPages: also a filtered list, search results and the scan with a result), in light mode
// on a phone, where the header folds and targets are closest together, and in dark mode on a
// laptop. (Colours do not change with the width, nor sizes with the colour scheme.) There must
// be no violations.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	base := browsertest.Serve(t, siteDir, "/")
	pages := layoutPages(t)
	for _, r := range []struct {
		scheme string
		screen screen
	}{{"light", screens[1]}, {"dark", screens[3]}} {
		t.Run(fmt.Sprintf("%s/%d", r.scheme, r.screen.Width), func(t *testing.T) {
			t.Parallel()
			ctx := browsertest.NewFor(t, roundBudget)
			for _, page := range pages {
				var found []violation
				var ran []string
				err := chromedp.Run(ctx, visit(base, page, r.screen, r.scheme),
					chromedp.Evaluate(axe+"\n;true", nil),
					runAxe(&found, &ran),
				)
				if err != nil {
					t.Fatalf("/%s: %v", page, err)
				}
				if !slices.Contains(ran, "target-size") {
					t.Errorf("/%s: axe did not run its WCAG 2.2 rule target-size", page)
				}
				reportViolations(t, "/"+page, found)
			}
		})
	}
}
