package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
)

// citeText is the text of the element with the given id, as a reader would copy it.
func citeText(id string) string {
	return `document.getElementById("` + id + `").textContent.trim()`
}

// TestCitationButtonsCopyAndSave clicks the buttons of "Citeer deze pagina" in Chromium: each
// copy button puts its text (APA, BibTeX, RIS) on the clipboard, and a status region announces
// it; when the clipboard refuses, the text is selected and the status says how to copy it. The
// save button hands over the BibTeX as a file. Without JavaScript the buttons are gone and the
// text is still there to select.
func TestCitationButtonsCopyAndSave(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	downloads := t.TempDir()
	page := base + "strategieen/audit-en-feedback/"
	err := chromedp.Run(ctx,
		browser.GrantPermissions([]browser.PermissionType{browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite}).
			WithOrigin(strings.TrimSuffix(base, "/")),
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads),
		emulation.SetFocusEmulationEnabled(true), // a headless page is not focused, and only a focused one may use the clipboard
		chromedp.Navigate(page),
		chromedp.WaitVisible(`.cite-actions button`, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	var role string
	if err := chromedp.Run(ctx, chromedp.AttributeValue(".cite-status", "role", &role, nil, chromedp.ByQuery)); err != nil || role != "status" {
		t.Fatalf("the citation box has no status region (role %q, %v)", role, err)
	}

	status := func() string {
		t.Helper()
		var s string
		for i := 0; i < 50 && s == ""; i++ {
			if err := chromedp.Run(ctx, chromedp.Sleep(20*time.Millisecond), eval(`document.querySelector(".cite-status").textContent`, &s)); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	for _, c := range []struct{ id, name string }{
		{"citeer-deze-pagina-apa", "De APA-verwijzing"},
		{"citeer-deze-pagina-bibtex", "BibTeX"},
		{"citeer-deze-pagina-ris", "RIS"},
	} {
		var want, got string
		if err := chromedp.Run(ctx,
			eval(citeText(c.id), &want),
			eval(`navigator.clipboard.writeText("iets anders").then(() => { document.querySelector(".cite-status").textContent = ""; return true })`, nil),
			chromedp.Click(`button[data-copy="`+c.id+`"]`, chromedp.ByQuery),
		); err != nil {
			t.Fatal(err)
		}
		if s := status(); s != c.name+" is gekopieerd." {
			t.Errorf("%s: the status says %q", c.id, s)
		}
		if err := chromedp.Run(ctx, eval(`navigator.clipboard.readText()`, &got)); err != nil {
			t.Fatal(err)
		}
		if got != want || !strings.Contains(want, "Audit en feedback") {
			t.Errorf("%s: the clipboard holds %q, want %q", c.id, got, want)
		}
	}

	// A browser that refuses the clipboard: the text is selected instead, and the status says so.
	var selected, want string
	err = chromedp.Run(ctx,
		eval(`(() => { navigator.clipboard.writeText = () => Promise.reject(new Error("nee")); document.querySelector(".cite-status").textContent = ""; return true })()`, nil),
		chromedp.Click(`button[data-copy="citeer-deze-pagina-bibtex"]`, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if s := status(); !strings.Contains(s, "Ctrl+C") {
		t.Errorf("when copying fails the status says %q", s)
	}
	if err := chromedp.Run(ctx, eval(`getSelection().toString().trim()`, &selected), eval(citeText("citeer-deze-pagina-bibtex"), &want)); err != nil {
		t.Fatal(err)
	}
	if selected != want {
		t.Errorf("when copying fails the BibTeX is not selected: %q", selected)
	}

	// Save: the BibTeX arrives as a file of its own, named after the page.
	if err := chromedp.Run(ctx, chromedp.Click(`button[data-save="citeer-deze-pagina-bibtex"]`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(downloads, "kennisbank-strategie-audit-en-feedback.bib")
	var saved []byte
	for i := 0; i < 100 && len(saved) == 0; i++ {
		time.Sleep(50 * time.Millisecond)
		saved, _ = os.ReadFile(file)
	}
	if strings.TrimSpace(string(saved)) != want {
		t.Errorf("the saved file %s holds %q, want the BibTeX on the page %q", file, saved, want)
	}
	if s := status(); !strings.Contains(s, "kennisbank-strategie-audit-en-feedback.bib") {
		t.Errorf("after saving the status says %q", s)
	}

	// Without JavaScript: no buttons that cannot work, and the text to select by hand.
	var buttons int
	var text string
	err = chromedp.Run(ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(page),
		eval(`[...document.querySelectorAll(".cite button")].filter(b => b.offsetParent !== null).length`, &buttons),
		eval(citeText("citeer-deze-pagina-ris"), &text),
	)
	if err != nil {
		t.Fatal(err)
	}
	if buttons != 0 || !strings.HasPrefix(text, "TY  - ELEC") {
		t.Errorf("without JavaScript: %d buttons show, RIS text %q", buttons, text)
	}
}
