package sitetest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"kennisbank/generator/search"
	"kennisbank/internal/browsertest"
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

// bodyWord picks a long word from a strategy's body that is not in its title, so that finding
// the strategy proves the body is indexed.
func bodyWord(t *testing.T, id string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "content", "strategieen", id+".md"))
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(data), "+++", 3)
	title := strings.ToLower(parts[1])
	for _, w := range regexp.MustCompile(`[a-z]{11,}`).FindAllString(parts[2], -1) {
		if !strings.Contains(title, w) {
			return w
		}
	}
	t.Fatalf("no long body word in %s", id)
	return ""
}

func searchResults(t *testing.T, base, query string) []string {
	t.Helper()
	ctx := browsertest.New(t)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"zoeken/"),
		chromedp.WaitVisible("#zoek-q"),
		chromedp.SendKeys("#zoek-q", query),
		chromedp.WaitVisible("#zoekresultaten a"),
	); err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	var hrefs []string
	if err := chromedp.Run(ctx, eval(`Array.from(document.querySelectorAll("#zoekresultaten a")).map(a => a.getAttribute("href"))`, &hrefs)); err != nil {
		t.Fatal(err)
	}
	return hrefs
}

func TestSearchFindsBodyWordsAndIgnoresAccents(t *testing.T) {
	base := browsertest.Serve(t, siteDir, "/kb/")
	word := bodyWord(t, "audit-en-feedback")
	if hits := searchResults(t, base, word); !containsStr(hits, "../strategieen/audit-en-feedback/") {
		t.Errorf("searching the body word %q did not find the strategy; got %v", word, hits)
	}
	// "coordinator" typed without its accent finds "Coördinator".
	var accented string
	for _, d := range knowledge.Determinants {
		if search.Fold(d.Titel) != d.Titel && strings.ToLower(d.Titel) != search.Fold(d.Titel) {
			accented = d.Titel
			if hits := searchResults(t, base, search.Fold(d.Titel)); !containsStr(hits, "../"+d.URL()) {
				t.Errorf("searching %q without accents did not find %q; got %v", search.Fold(d.Titel), d.Titel, hits)
			}
			break
		}
	}
	if accented == "" {
		t.Fatal("no determinant title with an accent to test with")
	}
}

func TestSearchFromHeaderOnAnyPage(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/kb/")
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"determinanten/"),
		chromedp.SendKeys("#site-zoek", "ambassad"+kb.Enter),
		chromedp.WaitVisible("#zoekresultaten a"),
	); err != nil {
		t.Fatal(err)
	}
	var text string
	if err := chromedp.Run(ctx, chromedp.Text("#zoekresultaten", &text)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Ambassadeurs") || !strings.Contains(text, "Strategieën (") {
		t.Errorf("results for 'ambassad' grouped by kind: %q", text)
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
