package sitetest

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
)

func TestFilteringNarrowsListAndURLAndBackRestores(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/kb/")
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"strategieen/"), chromedp.WaitVisible("#filters")); err != nil {
		t.Fatal(err)
	}
	total := visibleCards(ctx, t)
	if total != len(knowledge.Strategies) {
		t.Fatalf("%d cards visible before filtering, want all %d strategies", total, len(knowledge.Strategies))
	}

	if err := chromedp.Run(ctx, choose("#f-cluster", "trainen-en-scholen")); err != nil {
		t.Fatal(err)
	}
	byCluster := visibleCards(ctx, t)
	if byCluster == 0 || byCluster >= total {
		t.Fatalf("cluster filter shows %d of %d", byCluster, total)
	}
	if u := location(ctx, t); !strings.Contains(u, "cluster=trainen-en-scholen") {
		t.Errorf("URL after choosing a cluster: %s", u)
	}

	if err := chromedp.Run(ctx, choose("#f-sterkte", "kern")); err != nil {
		t.Fatal(err)
	}
	both := visibleCards(ctx, t)
	if both > byCluster {
		t.Errorf("adding a filter showed more strategies: %d > %d", both, byCluster)
	}
	if u := location(ctx, t); !contains(u, "cluster=trainen-en-scholen", "sterkte=kern") {
		t.Errorf("URL after two filters: %s", u)
	}

	if err := chromedp.Run(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	var sterkte string
	if err := chromedp.Run(ctx, chromedp.Value("#f-sterkte", &sterkte)); err != nil {
		t.Fatal(err)
	}
	if u := location(ctx, t); strings.Contains(u, "sterkte=") || !strings.Contains(u, "cluster=trainen-en-scholen") {
		t.Errorf("back did not return to the cluster-only filter: %s", u)
	}
	if n := visibleCards(ctx, t); n != byCluster || sterkte != "" {
		t.Errorf("after back: %d cards (want %d), sterkte field %q", n, byCluster, sterkte)
	}

	// Typing narrows too, with real keystrokes.
	if err := chromedp.Run(ctx, chromedp.SendKeys("#f-q", "feedb")); err != nil {
		t.Fatal(err)
	}
	typed := visibleCards(ctx, t)
	if typed >= byCluster {
		t.Errorf("typing 'feedb' did not narrow the list: %d", typed)
	}
	if u := location(ctx, t); !strings.Contains(u, "q=feedb") {
		t.Errorf("URL after typing: %s", u)
	}

	if err := chromedp.Run(ctx, chromedp.Click("#f-wis")); err != nil {
		t.Fatal(err)
	}
	if n := visibleCards(ctx, t); n != total {
		t.Errorf("clearing the filters shows %d of %d", n, total)
	}
	if u := location(ctx, t); strings.Contains(u, "?") {
		t.Errorf("URL after clearing still has a query: %s", u)
	}
	var status string
	if err := chromedp.Run(ctx, chromedp.Text("#f-aantal", &status)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(status, "strategieën") {
		t.Errorf("count text %q", status)
	}
}

func TestEveryStrategyListedWithoutJavaScript(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	var titles []string
	var formHidden bool
	if err := chromedp.Run(ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(base+"strategieen/"),
		chromedp.Evaluate(`Array.from(document.querySelectorAll(".card[data-cluster] h3")).filter(h => h.offsetParent !== null).map(h => h.textContent.trim())`, &titles),
		chromedp.Evaluate(`getComputedStyle(document.getElementById("filters")).display === "none"`, &formHidden),
	); err != nil {
		t.Fatal(err)
	}
	if len(titles) != len(knowledge.Strategies) {
		t.Errorf("without JavaScript %d strategies are listed, want %d", len(titles), len(knowledge.Strategies))
	}
	if !formHidden {
		t.Error("the filter form shows without JavaScript, where it cannot work")
	}
}

func TestPhoneWidthHasNoSidewaysScroll(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	for _, page := range []string{"", "strategieen/", "determinanten/25-coordinator/", "strategieen/audit-en-feedback/", "zoeken/?q=kennis", "leernetwerken/integraal-werken/", "scan/", "scan/#" + unfavourableFragment()} {
		var width int
		if err := chromedp.Run(ctx,
			emulation.SetDeviceMetricsOverride(320, 640, 1, true),
			chromedp.Navigate(base+page),
			eval(`document.documentElement.scrollWidth`, &width),
		); err != nil {
			t.Fatal(err)
		}
		if width > 320 {
			t.Errorf("/%s is %d px wide on a 320 px screen", page, width)
		}
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
