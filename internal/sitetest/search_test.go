package sitetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/werkplaats-jeugd/kennisbank/generator/fold"
	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
)

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

// result is one result on the zoeken/ page as a reader sees it.
type result struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Href  string `json:"href"`
}

const readResults = `Array.from(document.querySelectorAll("#zoekresultaten .search-results > li"), li => ({
  kind: li.querySelector(".search-kind")?.textContent ?? "",
  title: li.querySelector("a").textContent,
  href: li.querySelector("a").getAttribute("href"),
}))`

// searchPage opens zoeken/?q=query and returns the results and the status line.
func searchPage(ctx context.Context, t *testing.T, base, query string) ([]result, string) {
	t.Helper()
	var results []result
	var status string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"zoeken/?q="+strings.ReplaceAll(query, " ", "+")),
		chromedp.Poll(`document.getElementById("zoek-status").textContent.trim() !== ""`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		eval(readResults, &results),
		chromedp.Text("#zoek-status", &status),
	); err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	return results, status
}

func hrefs(results []result) []string {
	var out []string
	for _, r := range results {
		out = append(out, r.Href)
	}
	return out
}

func TestSearchFindsBodyWordsAndIgnoresAccents(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/kb/")
	word := bodyWord(t, "audit-en-feedback")
	if results, _ := searchPage(ctx, t, base, word); !containsStr(hrefs(results), "../strategieen/audit-en-feedback/") {
		t.Errorf("searching the body word %q did not find the strategy; got %v", word, results)
	}
	for _, d := range knowledge.Determinants {
		plain := fold.Join(d.Titel, " ")
		if strings.ToLower(d.Titel) == plain {
			continue
		}
		if results, _ := searchPage(ctx, t, base, plain); len(results) == 0 || results[0].Href != "../"+d.URL() {
			t.Errorf("searching %q without accents did not find %q first; got %v", plain, d.Titel, results)
		}
		return
	}
	t.Fatal("no determinant title with an accent to test with")
}

// TestSearchRanksOneListWithKinds: results are one list, each labelled with its kind, and a
// strategy whose title is about training comes before pages that only mention it.
func TestSearchRanksOneListWithKinds(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	results, status := searchPage(ctx, t, base, "training")
	if len(results) < 5 || !strings.Contains(status, "resultaten voor “training”") {
		t.Fatalf("training: %d results, status %q", len(results), status)
	}
	kinds := map[string]bool{}
	for _, r := range results {
		if r.Kind == "" {
			t.Errorf("result %q has no kind", r.Title)
		}
		kinds[r.Kind] = true
	}
	if !kinds["Strategie"] || !kinds["Determinant"] {
		t.Errorf("training finds kinds %v; want strategies and determinants in one list", kinds)
	}
	var groups int
	if err := chromedp.Run(ctx, eval(`document.querySelectorAll("#zoekresultaten h2, #zoekresultaten section").length`, &groups)); err != nil {
		t.Fatal(err)
	}
	if groups > 0 {
		t.Errorf("results are grouped in %d sections; want one list", groups)
	}
	if first := results[0]; first.Kind != "Strategie" || !strings.Contains(strings.ToLower(first.Title), "train") {
		t.Errorf("training: first result %+v; want a strategy about training", first)
	}
	lastTitled := -1
	for i, r := range results {
		if strings.Contains(strings.ToLower(r.Title), "training") {
			lastTitled = i
		}
	}
	for i, r := range results[:lastTitled+1] {
		if r.Kind == "Determinant" && !strings.Contains(strings.ToLower(r.Title), "train") {
			t.Errorf("determinant %q (place %d) comes before the strategy titled training at %d", r.Title, i+1, lastTitled+1)
		}
	}
}

func TestSearchSaysWhatItDid(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	results, status := searchPage(ctx, t, base, "ambasadeurs")
	if !strings.Contains(status, "Bedoelde je ambassadeurs?") || len(results) == 0 {
		t.Errorf("ambasadeurs: status %q, %d results; want pages and Bedoelde je ambassadeurs?", status, len(results))
	}
	var href string
	if err := chromedp.Run(ctx, chromedp.AttributeValue("#zoek-status a", "href", &href, nil)); err != nil || href != "?q=ambassadeurs" {
		t.Errorf("the suggestion links to %q (%v)", href, err)
	}
	results, status = searchPage(ctx, t, base, "feedback qwxzv")
	if !strings.Contains(status, "Geen pagina bevat alle woorden") || len(results) == 0 {
		t.Errorf("feedback qwxzv: status %q, %d results; want the pages with feedback, said so", status, len(results))
	}
	results, status = searchPage(ctx, t, base, "qwxzv")
	if !strings.Contains(status, "Niets gevonden") || len(results) != 0 {
		t.Errorf("qwxzv: status %q, %d results", status, len(results))
	}
}

// combobox reads the header's search box and its list as assistive technology sees them.
type combobox struct {
	Role, Expanded, Controls, Active string
	Options                          []string
	Selected                         []string
	Status                           string
}

const readCombobox = `(() => {
  const input = document.getElementById("site-zoek");
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const visible = list && !list.hidden;
  return {
    Role: input.getAttribute("role") ?? "",
    Expanded: input.getAttribute("aria-expanded") ?? "",
    Controls: input.getAttribute("aria-controls") ?? "",
    Active: input.getAttribute("aria-activedescendant") ?? "",
    Options: visible ? Array.from(list.querySelectorAll("[role=option]"), o => o.id) : [],
    Selected: visible ? Array.from(list.querySelectorAll("[role=option][aria-selected=true]"), o => o.id) : [],
    Status: input.form.querySelector("[role=status]")?.textContent ?? "",
  };
})()`

func readBox(ctx context.Context, t *testing.T) combobox {
	t.Helper()
	var c combobox
	if err := chromedp.Run(ctx, eval(readCombobox, &c)); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestHeaderSuggestsPagesAsYouType types into the header on another page: suggestions appear
// (the ARIA combobox pattern), the arrow keys choose one, Enter opens it, Escape closes the list.
func TestHeaderSuggestsPagesAsYouType(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/kb/")
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"determinanten/"),
		chromedp.SendKeys("#site-zoek", "ambassad"),
		chromedp.WaitVisible("#site-zoek-lijst [role=option]"),
	); err != nil {
		t.Fatal(err)
	}
	c := readBox(ctx, t)
	if c.Role != "combobox" || c.Expanded != "true" || c.Controls != "site-zoek-lijst" || len(c.Options) < 2 || c.Active != "" {
		t.Fatalf("after typing: %+v", c)
	}
	if !strings.Contains(c.Status, "gevonden") {
		t.Errorf("the status line does not tell how many pages were found: %q", c.Status)
	}
	var first string
	if err := chromedp.Run(ctx, eval(`document.querySelector("#site-zoek-lijst [role=option]").textContent`, &first)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first, "Ambassadeurs") || !strings.Contains(first, "Strategie") {
		t.Errorf("first suggestion %q; want the strategy Ambassadeurs…, labelled with its kind", first)
	}

	if err := chromedp.Run(ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp)); err != nil {
		t.Fatal(err)
	}
	c = readBox(ctx, t)
	if c.Active != c.Options[0] || len(c.Selected) != 1 || c.Selected[0] != c.Options[0] {
		t.Errorf("down, down, up: active %q, selected %v; want the first option", c.Active, c.Selected)
	}
	var focused string
	if err := chromedp.Run(ctx, eval(`document.activeElement.id`, &focused)); err != nil || focused != "site-zoek" {
		t.Errorf("the focus left the search box: %q", focused)
	}

	if err := chromedp.Run(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if c = readBox(ctx, t); c.Expanded != "false" || len(c.Options) != 0 || c.Active != "" {
		t.Errorf("after Escape: %+v", c)
	}

	if err := chromedp.Run(ctx,
		chromedp.KeyEvent(kb.ArrowDown), // opens the list again
		chromedp.KeyEvent(kb.ArrowDown), // the first suggestion
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible("main h1"),
	); err != nil {
		t.Fatal(err)
	}
	if u := location(ctx, t); !strings.HasSuffix(u, "/kb/strategieen/ambassadeurs-kiezen-en-voorbereiden/") {
		t.Errorf("Enter on the first suggestion opened %s", u)
	}
}

// TestHeaderSearchWithoutChoosing: Enter without choosing a suggestion searches, as the form
// does without JavaScript.
func TestHeaderSearchWithoutChoosing(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/kb/")
	var results []result
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"determinanten/"),
		chromedp.SendKeys("#site-zoek", "ambassad"),
		chromedp.WaitVisible("#site-zoek-lijst [role=option]"),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible("#zoekresultaten .search-results a"),
		eval(readResults, &results),
	); err != nil {
		t.Fatal(err)
	}
	if u := location(ctx, t); !strings.HasSuffix(u, "/kb/zoeken/?q=ambassad") {
		t.Errorf("Enter searched at %s", u)
	}
	if len(results) == 0 || !strings.Contains(results[0].Title, "Ambassadeurs") {
		t.Errorf("results for ambassad: %v", results)
	}
}

func TestHeaderSearchIsAFormWithoutJavaScript(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/kb/")
	var role string
	var noscript bool
	if err := chromedp.Run(ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(base+"strategieen/audit-en-feedback/"),
		eval(`document.getElementById("site-zoek").getAttribute("role") ?? ""`, &role),
		chromedp.SendKeys("#site-zoek", "feedback"+kb.Enter),
		chromedp.WaitVisible("#zoek-q"),
		eval(`document.querySelector("noscript") !== null`, &noscript),
	); err != nil {
		t.Fatal(err)
	}
	if role != "" {
		t.Errorf("without JavaScript the box claims role %q, which it cannot keep", role)
	}
	if u := location(ctx, t); !strings.HasSuffix(u, "/kb/zoeken/?q=feedback") {
		t.Errorf("the form went to %s", u)
	}
	if !noscript {
		t.Error("the zoeken page says nothing to readers without JavaScript")
	}
}

// TestSearchStatesAreAccessible runs axe-core on the states the search adds: open suggestions
// in the header (with one chosen), results, a correction, and results that lack a word.
func TestSearchStatesAreAccessible(t *testing.T) {
	axe := axeSource(t)
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	states := []struct {
		name    string
		actions []chromedp.Action
	}{
		{"suggestions", []chromedp.Action{
			chromedp.Navigate(base + "determinanten/"),
			chromedp.SendKeys("#site-zoek", "train"),
			chromedp.WaitVisible("#site-zoek-lijst [role=option]"),
			chromedp.KeyEvent(kb.ArrowDown),
		}},
		{"results", []chromedp.Action{chromedp.Navigate(base + "zoeken/?q=training"), chromedp.WaitVisible("#zoekresultaten a")}},
		{"bedoelde je", []chromedp.Action{chromedp.Navigate(base + "zoeken/?q=ambasadeurs"), chromedp.WaitVisible("#zoek-status a")}},
		{"not every word", []chromedp.Action{chromedp.Navigate(base + "zoeken/?q=feedback+qwxzv"), chromedp.WaitVisible("#zoekresultaten a")}},
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, s := range states {
			var found []violation
			actions := append([]chromedp.Action{emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}})}, s.actions...)
			actions = append(actions,
				chromedp.Evaluate(axe+"\n;true", nil),
				runAxe(&found, nil),
			)
			if err := chromedp.Run(ctx, actions...); err != nil {
				t.Fatalf("%s (%s): %v", s.name, scheme, err)
			}
			reportViolations(t, fmt.Sprintf("%s (%s)", s.name, scheme), found)
		}
	}
}

// TestHeaderSuggestsInTheSearchPagesOrder: the header's suggestions are the first results of the
// zoeken/ page for the same query, in the same order, also for words only the body has.
func TestHeaderSuggestsInTheSearchPagesOrder(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	for _, q := range []string{"training", "geen tijd", "ouders betrekken", "weerstand tegen verandering", "jeugdarts", "lvb"} {
		var suggested []string
		if err := chromedp.Run(ctx,
			chromedp.Navigate(base+"determinanten/"),
			chromedp.SendKeys("#site-zoek", q),
			chromedp.Poll(fmt.Sprintf(`(() => { const o = document.querySelectorAll("#site-zoek-lijst [role=option]"); return o.length > 0 && o[o.length - 1].textContent.includes(%q); })()`, "“"+q+"”"), nil, chromedp.WithPollingTimeout(20*time.Second)),
			eval(`Array.from(document.querySelectorAll("#site-zoek-lijst [role=option]"), li => li.lastChild.textContent).slice(0, -1)`, &suggested),
		); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		results, _ := searchPage(ctx, t, base, q)
		var titles []string
		for _, r := range results[:min(len(suggested), len(results))] {
			titles = append(titles, r.Title)
		}
		if len(suggested) == 0 || !slices.Equal(suggested, titles) {
			t.Errorf("%s: the header suggests %q, the search page starts with %q", q, suggested, titles)
		}
	}
}
