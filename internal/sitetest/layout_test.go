package sitetest

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
)

// screen is a screen size the site is tried at.
type screen struct {
	Width, Height int
	Mobile        bool
}

// screens: the narrowest width WCAG's reflow criterion (1.4.10) asks for, on the smallest phone
// still in use (320 × 568); a common phone (390 × 844); a tablet; a laptop.
var screens = []screen{{320, 568, true}, {390, 844, true}, {768, 1024, true}, {1280, 800, false}}

// headerShare is the most of the screen's height the header may take: a quarter leaves three
// quarters of a phone for the page itself (211 px of a 390 × 844 phone, 142 px at 320 × 568).
const headerShare = 0.25

// layoutPages is every kind of page (pageKinds) and the states that make pages wider or longer:
// a filtered list, search results, and the scan with a whole result.
func layoutPages(t *testing.T) []string {
	return append(pageKinds(t), "strategieen/?cluster=trainen-en-scholen", "zoeken/?q=feedback", "scan/#"+unfavourableFragment())
}

// ready is what shows when a page has done what its script does on load. main.ts marks the
// page "js" first and then sets up everything it has, in one go.
func ready(page string) string {
	switch {
	case strings.HasPrefix(page, "zoeken/?"):
		return "#zoekresultaten a"
	case strings.HasPrefix(page, "scan/#"):
		return "#scan-uitkomst:not([hidden])"
	}
	return "html.js main"
}

// layoutReport is what measureLayout returns for one page.
type layoutReport struct {
	ScrollWidth int      `json:"scrollWidth"`
	Viewport    int      `json:"viewport"`
	Header      float64  `json:"header"`
	TooWide     []string `json:"tooWide"`
	Small       []string `json:"small"`
	Footer      []string `json:"footer"`
}

// measureLayout measures, in the page: how wide the document is, which elements stick out of
// the viewport (outside a scroll box), the header's height, and every pointer target that fails
// WCAG 2.5.8 (Target Size, Minimum).
//
// A target passes when it is at least 24 × 24 CSS px, or when a circle of 24 px diameter on the
// centre of its box touches no other target and no other undersized target's circle (the
// spacing exception). Links inside a line of text are exempt (the inline exception), and so is
// what is not shown. A checkbox or radio button counts with its label when the label holds it.
const measureLayout = `(() => {
  const vw = document.documentElement.clientWidth;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility === "hidden" || cs.clipPath.startsWith("inset(50%") || cs.clip === "rect(0px, 0px, 0px, 0px)") return false;
    if (r.right <= 0 || r.bottom + scrollY <= 0) return false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== "visible" || s.overflowY !== "visible") {
        const b = a.getBoundingClientRect();
        if (r.right <= b.left || r.left >= b.right || r.bottom <= b.top || r.top >= b.bottom) return false;
      }
    }
    return true;
  };
  const scrolls = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden") return true;
    }
    return false;
  };
  const name = (el) => {
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    const text = (el.textContent || el.value || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text + '"' : "");
  };

  const tooWide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > vw + 0.5 && r.width > 0 && !scrolls(el) && visible(el)) tooWide.push(name(el) + " right=" + Math.round(r.right));
    if (tooWide.length > 8) break;
  }

  const blockOf = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).display !== "inline") return a;
    }
    return document.body;
  };
  const inline = (el) => {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    const own = el.textContent.replace(/\s+/g, "");
    return blockOf(el).textContent.replace(/\s+/g, "").length > own.length;
  };
  const targets = [];
  for (const el of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")) {
    let box = el;
    if (el.matches("input[type=radio], input[type=checkbox]") && el.closest("label")) box = el.closest("label");
    if (!visible(box) || targets.some((t) => t.el === box)) continue;
    const r = box.getBoundingClientRect();
    targets.push({el: box, inline: inline(box), x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height});
  }
  const small = (t) => t.w < 23.99 || t.h < 23.99;
  const centre = (t) => [t.x + t.w / 2, t.y + t.h / 2];
  const distToRect = (p, t) => {
    const dx = Math.max(t.x - p[0], 0, p[0] - (t.x + t.w));
    const dy = Math.max(t.y - p[1], 0, p[1] - (t.y + t.h));
    return Math.hypot(dx, dy);
  };
  const failing = [];
  for (const t of targets) {
    if (t.inline || !small(t)) continue;
    const c = centre(t);
    const clash = targets.find((o) => o !== t && (distToRect(c, o) < 12 - 0.01 ||
      (small(o) && !o.inline && Math.hypot(c[0] - centre(o)[0], c[1] - centre(o)[1]) < 24 - 0.01)));
    if (clash) failing.push(name(t.el) + " " + Math.round(t.w) + "×" + Math.round(t.h) + " too close to " + name(clash.el));
  }
  const header = document.querySelector(".site-header");
  return {
    scrollWidth: document.documentElement.scrollWidth,
    viewport: vw,
    header: header ? header.getBoundingClientRect().height : 0,
    tooWide,
    small: failing,
    footer: [...document.querySelectorAll(".site-footer a")].map((a) => a.textContent.trim()),
  };
})()`

// roundBudget is the time a browser has for one round of every kind of page: minutes, as the
// big pages (the matrix, the scan with a result) take seconds each on a busy machine.
const roundBudget = 8 * time.Minute

// visit opens page on screen s in a colour scheme, and waits until its script is done.
func visit(base, page string, s screen, scheme string) chromedp.Action {
	actions := chromedp.Tasks{
		emulation.SetDeviceMetricsOverride(int64(s.Width), int64(s.Height), 1, s.Mobile),
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}),
	}
	if strings.Contains(page, "#") {
		actions = append(actions, chromedp.Navigate(base+"404.html")) // leave the page, so that the fragment loads it anew
	}
	return append(actions, chromedp.Navigate(base+page), chromedp.WaitVisible(ready(page), chromedp.ByQuery))
}

// artefactDir is where the layout test leaves its screenshots for a person to look at
// (git-ignored). It starts empty on every run.
func artefactDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(repoRoot, "test-artefacts", "screenshots")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// shotName names the screenshot of page at a width in a colour scheme:
// "0390-dark-strategieen-audit-en-feedback.png".
func shotName(width int, scheme, page string) string {
	slug := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(strings.SplitN(page, "#", 2)[0]), "-"), "-")
	if strings.Contains(page, "#") {
		slug += "-uitkomst"
	}
	if slug == "" {
		slug = "home"
	}
	return fmt.Sprintf("%04d-%s-%s.png", width, scheme, slug)
}

// fullScreenshot takes a PNG of the whole page, encoded for speed rather than size.
func fullScreenshot(png *[]byte) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) (err error) {
		*png, err = page.CaptureScreenshot().WithCaptureBeyondViewport(true).WithFromSurface(true).
			WithFormat(page.CaptureScreenshotFormatPng).WithOptimizeForSpeed(true).Do(ctx)
		return err
	})
}

// TestLayoutAtEveryWidth loads every kind of page at 320, 390, 768 and 1280 px in light and dark
// mode. No page scrolls sideways, the header stays within a quarter of the screen's height,
// every target meets WCAG 2.5.8, and the footer (where the help is: contact, accessibility) is
// the same on every page (WCAG 3.2.6). A full-page screenshot of each is left in
// test-artefacts/screenshots/ for a person to look at.
func TestLayoutAtEveryWidth(t *testing.T) {
	dir := artefactDir(t)
	pages := layoutPages(t)
	base := browsertest.Serve(t, siteDir, "/")
	t.Logf("screenshots: %s (%d pages × %d widths × 2 colour schemes)", dir, len(pages), len(screens))
	for _, scheme := range []string{"light", "dark"} {
		for _, s := range screens {
			t.Run(fmt.Sprintf("%s/%d", scheme, s.Width), func(t *testing.T) {
				t.Parallel()
				ctx := browsertest.NewFor(t, roundBudget)
				budget := math.Floor(headerShare * float64(s.Height))
				var footer []string
				for _, page := range pages {
					var rep layoutReport
					var png []byte
					err := chromedp.Run(ctx, visit(base, page, s, scheme),
						eval(`document.fonts.ready.then(() => true)`, nil),
						eval(measureLayout, &rep),
						fullScreenshot(&png),
					)
					if err != nil {
						t.Fatalf("/%s: %v", page, err)
					}
					if err := os.WriteFile(filepath.Join(dir, shotName(s.Width, scheme, page)), png, 0o644); err != nil {
						t.Fatal(err)
					}
					if rep.ScrollWidth > rep.Viewport {
						t.Errorf("/%s scrolls sideways: the page is %d px wide; sticking out: %s", page, rep.ScrollWidth, strings.Join(rep.TooWide, "; "))
					}
					if rep.Header > budget {
						t.Errorf("/%s: the header is %.0f px high; the budget is %.0f px (a quarter of %d px)", page, rep.Header, budget, s.Height)
					}
					for _, f := range rep.Small {
						t.Errorf("/%s: target smaller than 24 × 24 px without room around it (WCAG 2.5.8): %s", page, f)
					}
					if footer == nil {
						footer = rep.Footer
					} else if strings.Join(rep.Footer, "|") != strings.Join(footer, "|") {
						t.Errorf("/%s: the footer links differ from other pages' (WCAG 3.2.6): %q, want %q", page, rep.Footer, footer)
					}
					if page == "" {
						t.Logf("header at %d × %d: %.0f px (budget %.0f)", s.Width, s.Height, rep.Header, budget)
					}
				}
			})
		}
	}
}

// headerState is what a reader sees of the header.
type headerState struct {
	Toggles  bool   `json:"toggles"`  // the buttons show
	Search   bool   `json:"search"`   // the search field shows
	Menu     bool   `json:"menu"`     // the menu shows
	Expanded string `json:"expanded"` // aria-expanded of the search button
	Focused  string `json:"focused"`  // id of the focused element
}

const readHeader = `(() => {
  const shows = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const button = document.querySelector('.header-toggle[aria-controls="site-zoeken"]');
  return {
    toggles: shows(button) && shows(document.querySelector('.header-toggle[aria-controls="site-menu"]')),
    search: shows(document.getElementById("site-zoek")),
    menu: shows(document.querySelector("#site-menu a")),
    expanded: button ? button.getAttribute("aria-expanded") : "",
    focused: document.activeElement ? document.activeElement.id : "",
  };
})()`

// TestHeaderFoldsOnSmallScreens: on a phone the search and the menu hide behind two buttons that
// open them (disclosures: aria-expanded, aria-controls); opening the search puts the cursor in
// it, and searching from it works. On a laptop everything shows and the buttons do not. Without
// JavaScript nothing folds, so the search stays within reach.
func TestHeaderFoldsOnSmallScreens(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	state := func(actions ...chromedp.Action) headerState {
		t.Helper()
		var s headerState
		if err := chromedp.Run(ctx, append(actions, eval(readHeader, &s))...); err != nil {
			t.Fatal(err)
		}
		return s
	}
	phone, laptop := screens[1], screens[3]
	metrics := func(s screen) chromedp.Action {
		return emulation.SetDeviceMetricsOverride(int64(s.Width), int64(s.Height), 1, s.Mobile)
	}

	s := state(metrics(phone), emulation.SetFocusEmulationEnabled(true), chromedp.Navigate(base+"determinanten/"), chromedp.WaitVisible(".header-toggle", chromedp.ByQuery))
	if !s.Toggles || s.Search || s.Menu || s.Expanded != "false" {
		t.Errorf("phone, on load: %+v; want the buttons, closed, and no search field or menu", s)
	}
	var controls []string
	if err := chromedp.Run(ctx, eval(`[...document.querySelectorAll(".header-toggle")].map(b => b.tagName + " " + (document.getElementById(b.getAttribute("aria-controls")) ? "ok" : "missing"))`, &controls)); err != nil {
		t.Fatal(err)
	}
	if strings.Join(controls, ",") != "BUTTON ok,BUTTON ok" {
		t.Errorf("header toggles: %q; want two buttons that control elements on the page", controls)
	}
	s = state(chromedp.Click(`.header-toggle[aria-controls="site-zoeken"]`, chromedp.ByQuery))
	if !s.Search || s.Expanded != "true" || s.Focused != "site-zoek" {
		t.Errorf("phone, after pressing Zoeken: %+v; want the search field open and focused", s)
	}
	s = state(chromedp.Click(`.header-toggle[aria-controls="site-menu"]`, chromedp.ByQuery))
	if !s.Menu {
		t.Errorf("phone, after pressing Menu: %+v; want the menu open", s)
	}
	s = state(chromedp.Click(`.header-toggle[aria-controls="site-zoeken"]`, chromedp.ByQuery))
	if s.Search || s.Expanded != "false" {
		t.Errorf("phone, after pressing Zoeken again: %+v; want the search closed", s)
	}
	var results int
	if err := chromedp.Run(ctx,
		chromedp.Click(`.header-toggle[aria-controls="site-zoeken"]`, chromedp.ByQuery),
		chromedp.SendKeys("#site-zoek", "feedback"+kb.Enter, chromedp.ByQuery),
		chromedp.WaitVisible("#zoekresultaten a", chromedp.ByQuery),
		eval(`document.querySelectorAll("#zoekresultaten a").length`, &results),
	); err != nil {
		t.Fatal(err)
	}
	if results == 0 {
		t.Error("searching from the folded header on a phone found nothing")
	}

	s = state(metrics(laptop), chromedp.Navigate(base+"determinanten/"), chromedp.WaitVisible("#site-zoek", chromedp.ByQuery))
	if s.Toggles || !s.Search || !s.Menu {
		t.Errorf("laptop: %+v; want the search field and the menu, no buttons", s)
	}

	s = state(metrics(phone), emulation.SetScriptExecutionDisabled(true), chromedp.Navigate(base+"determinanten/"), chromedp.WaitReady("main", chromedp.ByQuery))
	if s.Toggles || !s.Search || !s.Menu {
		t.Errorf("phone without JavaScript: %+v; want the search field and the menu, no buttons that cannot work", s)
	}
}

// TestTargetSizeCheck runs measureLayout's WCAG 2.5.8 check on a page made to test it: two
// small buttons side by side fail; a small button with room around it, a link inside a sentence
// and a big button pass.
func TestTargetSizeCheck(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="nl"><head><title>Proef</title><style>
	  body { margin: 0; font: 16px/1.5 sans-serif; }
	  button { all: unset; display: inline-block; background: #ccc; }
	  .s { width: 16px; height: 16px; }
	  #a { position: absolute; left: 10px; top: 10px; } #b { position: absolute; left: 30px; top: 10px; }
	  #alleen { position: absolute; left: 200px; top: 10px; }
	  #groot { position: absolute; left: 10px; top: 200px; width: 30px; height: 30px; }
	  p { position: absolute; top: 100px; left: 10px; margin: 0; }
	</style></head><body>
	  <button id="a" class="s"></button><button id="b" class="s"></button>
	  <button id="alleen" class="s"></button><button id="groot"></button>
	  <p>Een zin met <a href="#x">een link</a> erin.</p>
	</body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	var rep layoutReport
	if err := chromedp.Run(ctx, chromedp.Navigate(browsertest.Serve(t, dir, "/")), eval(measureLayout, &rep)); err != nil {
		t.Fatal(err)
	}
	if len(rep.Small) != 2 || !strings.HasPrefix(rep.Small[0], "button#a") || !strings.HasPrefix(rep.Small[1], "button#b") {
		t.Errorf("small targets found: %q; want #a and #b, which are too close to each other", rep.Small)
	}
}
