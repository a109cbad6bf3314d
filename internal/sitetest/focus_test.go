package sitetest

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
)

// focusHidden focuses every element a keyboard reaches, each from the worst place: first every
// box that scrolls around it (the page too) is scrolled so that the element sits right at its
// top-left edge, where sticky parts (the matrix's headings, the scan's progress bar) are. The
// browser then scrolls the element into view as a Tab press would. The centre of the element
// must then show (the centre of its part inside the window): no other element on top of it
// (WCAG 2.4.11, Focus Not Obscured, asks that it is not entirely hidden; the centre is a
// stricter test). It returns the elements that were
// hidden, with what covered them.
const focusHidden = `(() => {
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "") +
    ' "' + String(el.textContent || el.value || "").trim().replace(/\s+/g, " ").slice(0, 30) + '"';
  const scrollers = (el) => {
    const out = [];
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (/(auto|scroll)/.test(s.overflowX + s.overflowY)) out.push(a);
    }
    return out;
  };
  const hidden = [];
  const focusable = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
  for (const el of focusable) {
    if (el.getClientRects().length === 0 || el.disabled || el.closest("[inert]")) continue;
    document.activeElement && document.activeElement.blur && document.activeElement.blur();
    for (const box of scrollers(el)) {
      const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
      box.scrollTop += r.top - b.top - box.clientTop;
      box.scrollLeft += r.left - b.left - box.clientLeft;
    }
    window.scrollBy(el.getBoundingClientRect().left, el.getBoundingClientRect().top);
    el.focus();
    if (document.activeElement !== el) continue; // not focusable after all (e.g. hidden by a parent)
    // The centre of the part inside the window: an element taller than the window shows its top.
    const r = el.getBoundingClientRect();
    const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
    const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
    const hit = left < right && top < bottom ? document.elementFromPoint((left + right) / 2, (top + bottom) / 2) : null;
    if (!hit || !(hit === el || el.contains(hit) || hit.contains(el))) {
      hidden.push(name(el) + " under " + (hit ? name(hit) : "nothing (outside the window)"));
    }
  }
  window.scrollTo(0, 0);
  return hidden;
})()`

// TestFocusIsNeverHidden focuses every focusable element of every kind of page, on a phone and on
// a laptop: none may end up behind a sticky part of the page (WCAG 2.4.11).
func TestFocusIsNeverHidden(t *testing.T) {
	base := browsertest.Serve(t, siteDir, "/")
	pages := layoutPages(t)
	for _, s := range []screen{screens[1], screens[3]} {
		t.Run(fmt.Sprint(s.Width), func(t *testing.T) {
			t.Parallel()
			ctx := browsertest.NewFor(t, roundBudget)
			if err := chromedp.Run(ctx, emulation.SetFocusEmulationEnabled(true)); err != nil { // :focus only applies in a focused page
				t.Fatal(err)
			}
			for _, page := range pages {
				var hidden []string
				if err := chromedp.Run(ctx, visit(base, page, s, "light"), eval(focusHidden, &hidden)); err != nil {
					t.Fatalf("/%s: %v", page, err)
				}
				for i, h := range hidden {
					if i == 5 {
						t.Errorf("/%s: and %d more", page, len(hidden)-5)
						break
					}
					t.Errorf("/%s: focus hidden (WCAG 2.4.11): %s", page, h)
				}
			}
		})
	}
}
