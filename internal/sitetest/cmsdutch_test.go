package sitetest

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
)

// decapEnglish are English words Decap CMS writes without its locale: the labels of its image
// component, react-select's defaults, two error messages, a question and a few aria-labels.
var decapEnglish = []string{"image", "alt", "text", "title", "select", "options", "loading", "remove", "option",
	"open", "link", "new", "tab", "failed", "persist", "delete", "media", "already", "exists", "replace",
	"code", "block", "notification", "timer", "focused", "press", "menu", "results", "available", "type", "refine"}

// dutchToo are the words of Decap's English that are Dutch words as well, or names, which the
// cmsScreens may show: they are not counted as English.
var dutchToo = []string{"in", "is", "of", "op", "site", "menu", "account", "markdown", "github", "gitlab", "status",
	"details", "code", "link", "item", "items", "data", "filter", "media", "type", "document", "component", "mode",
	"enter", "tab", "escape", "backspace"} // the last four: keys, by the names on Dutch keyboards

// Every word an editor sees in Decap CMS is Dutch, and says "je", on the cmsScreens of the editor's
// work: signing in, a collection's list, a new item, an image uploaded into a factsheet, a link
// added to a determinant (whose toelichting the form asks for, as check does), and deleting an
// item. English words are those of Decap's own English locale and what it writes in English
// without one; an explicit list allows the names and the words Dutch shares.
func TestCMSSpeaksDutch(t *testing.T) {
	browsertest.SkipShort(t)
	root := copyProject(t)
	base := devServer(t, root)
	ctx := browsertest.NewFor(t, 3*time.Minute)
	log := listen(t, ctx)
	dialogs := acceptDialogs(ctx)
	img := filepath.Join(t.TempDir(), "schema.png")
	if err := os.WriteFile(img, tinyPNG(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"admin/#/collections/nieuws"),
		chromedp.WaitVisible(`//button[text()="Inloggen"]`, chromedp.BySearch)); err != nil {
		t.Fatal(err)
	}
	english := englishWords(t, ctx)
	checkLocale(t, ctx)
	s := &cmsScreens{t: t, ctx: ctx, english: english}
	s.look("sign in")
	s.run("collection list", chromedp.Click(`//button[text()="Inloggen"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//a[contains(@href, "/collections/nieuws/entries/")]`, chromedp.BySearch))
	s.noMediaButton()
	s.newItem()
	s.imageUpload(img)
	s.linkNeedsToelichting(root)
	// Decap CMS refuses that save by rejecting a promise with nothing, which the browser reports.
	if n := log.drop("exception: Uncaught (in promise) "); n != 1 {
		t.Errorf("saving with a required field empty gave %d rejected promises, want Decap's one", n)
	}
	s.deleteItem(root, dialogs)
	s.translatesWhatDecapWritesInEnglish(dialogs)
	log.check(t, base)
}

// cmsScreens goes through the CMS and looks at every screen it reaches.
type cmsScreens struct {
	t       *testing.T
	ctx     context.Context
	english map[string]bool
}

// run does the actions of a step and looks at the screen they lead to.
func (s *cmsScreens) run(name string, actions ...chromedp.Action) {
	s.t.Helper()
	if err := chromedp.Run(s.ctx, actions...); err != nil {
		var text string
		_ = chromedp.Run(s.ctx, eval(visibleText, &text))
		s.t.Fatalf("%s: %v; the screen shows:\n%s", name, err, text)
	}
	s.look(name)
}

// look reads what the screen shows (its text, and the aria-label, title, placeholder and alt of
// what is rendered, but not the editor's own text) and reports the English words in it.
func (s *cmsScreens) look(name string) string {
	s.t.Helper()
	var text string
	if err := chromedp.Run(s.ctx, chromedp.Sleep(300*time.Millisecond), eval(visibleText, &text)); err != nil {
		s.t.Fatalf("%s: %v", name, err)
	}
	var found []string
	for _, w := range regexp.MustCompile(`\p{L}+`).FindAllString(text, -1) {
		if lw := strings.ToLower(w); s.english[lw] && !slices.Contains(found, w) {
			found = append(found, w)
		}
	}
	if len(found) > 0 {
		s.t.Errorf("%s: English on the screen: %s\n%s", name, strings.Join(found, ", "), text)
	}
	return text
}

const visibleText = `(() => {
	const out = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const el = n.parentElement;
		if (!el || el.closest("[contenteditable=true], script, style") || el.getClientRects().length === 0) continue;
		const style = getComputedStyle(el);
		if (style.visibility === "hidden" || style.display === "none") continue;
		out.push(n.nodeValue);
	}
	for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
		if (el.getClientRects().length === 0) continue;
		for (const a of ["aria-label", "title", "placeholder", "alt"]) {
			const v = el.getAttribute(a);
			if (v) out.push(v);
		}
	}
	return out.join("\n");
})()`

// englishWords are the words of Decap's English locale and of what it writes in English,
// without the words Dutch shares.
func englishWords(t *testing.T, ctx context.Context) map[string]bool {
	t.Helper()
	var words []string
	err := chromedp.Run(ctx, eval(`(() => {
		const out = [];
		const walk = (o) => { for (const v of Object.values(o)) typeof v === "string" ? out.push(v) : walk(v); };
		walk(CMS.getLocale("en"));
		return out.join(" ").replace(/%\{[^}]*\}/g, " ").match(/[A-Za-z]+/g);
	})()`, &words))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, w := range append(words, decapEnglish...) {
		out[strings.ToLower(w)] = true
	}
	for _, w := range dutchToo {
		delete(out, w)
	}
	if len(out) < 200 {
		t.Fatalf("only %d English words from Decap's locale", len(out))
	}
	return out
}

// checkLocale: the Dutch locale the admin page registers has every phrase of Decap's English
// one, and none says "u" or "uw".
func checkLocale(t *testing.T, ctx context.Context) {
	t.Helper()
	var missing, formal []string
	err := chromedp.Run(ctx, eval(`(() => {
		const flat = (o, p = "") => Object.entries(o).flatMap(([k, v]) => typeof v === "string" ? [[p + k, v]] : flat(v, p + k + "."));
		const nl = Object.fromEntries(flat(CMS.getLocale("nl")));
		return flat(CMS.getLocale("en")).filter(([k]) => !(k in nl)).map(([k]) => k);
	})()`, &missing), eval(`(() => {
		const flat = (o) => Object.values(o).flatMap((v) => typeof v === "string" ? [v] : flat(v));
		return flat(CMS.getLocale("nl")).filter((v) => /(^|[^\p{L}])(u|uw|uzelf)([^\p{L}]|$)/iu.test(v));
	})()`, &formal))
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Errorf("the Dutch locale lacks %d phrases, which Decap shows in English: %s", len(missing), strings.Join(missing, ", "))
	}
	if len(formal) > 0 {
		t.Errorf("phrases that say u instead of je: %q", formal)
	}
}

// noMediaButton: Decap's global Media button is hidden; media belong to a page.
func (s *cmsScreens) noMediaButton() {
	var shown []string
	if err := chromedp.Run(s.ctx, eval(`Array.from(document.querySelectorAll("header button")).filter((b) => b.getClientRects().length > 0).map((b) => b.innerText)`, &shown)); err != nil {
		s.t.Fatal(err)
	}
	for _, b := range shown {
		if strings.Contains(b, "Bestanden") || strings.Contains(b, "Media") {
			s.t.Errorf("the header shows the global Media button (%q)", b)
		}
	}
}

// newItem: a new news item's form, its relation select opened, and its text starting with
// the placeholder line.
func (s *cmsScreens) newItem() {
	text := ""
	s.run("new news item", chromedp.Navigate(strings.Split(location(s.ctx, s.t), "#")[0]+"#/collections/nieuws/new"),
		chromedp.WaitVisible(field("titel"), chromedp.BySearch),
		chromedp.Text(`//*[@data-slate-editor="true"]`, &text, chromedp.BySearch))
	if !strings.Contains(text, "Schrijf hier eerst in een paar zinnen wie, wat, wanneer en waar.") {
		s.t.Errorf("a new news item's text does not start with the placeholder line:\n%s", text)
	}
	s.run("new news item, learning network chosen", chromedp.Click(field("leernetwerk"), chromedp.BySearch),
		chromedp.WaitVisible(`//div[contains(@id, "-option-")]`, chromedp.BySearch))
	s.run("new news item, nothing found", chromedp.SendKeys(field("leernetwerk"), "xyz", chromedp.BySearch),
		chromedp.WaitVisible(`//*[text()="Geen keuzes"]`, chromedp.BySearch))
}

// imageUpload: the text editor's image component and the upload into the page's bundle.
func (s *cmsScreens) imageUpload(img string) {
	s.run("new factsheet", chromedp.Navigate(strings.Split(location(s.ctx, s.t), "#")[0]+"#/collections/factsheets/new"),
		chromedp.WaitVisible(field("titel"), chromedp.BySearch), typeInto(field("titel"), "Werken met de MIDI"))
	s.run("components", chromedp.Click(`button[title="Voeg component toe"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`//*[text()="Afbeelding"]`, chromedp.BySearch))
	s.run("image component", chromedp.Click(`//*[text()="Afbeelding"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//label[text()="Alternatieve tekst"]`, chromedp.BySearch))
	s.run("media library", chromedp.Click(`//button[text()="Kies een afbeelding"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//*[text()="Nieuwe uploaden"]`, chromedp.BySearch))
	s.run("image uploaded", chromedp.SetUploadFiles(`input[type="file"]`, []string{img}, chromedp.ByQuery),
		chromedp.WaitVisible(`//*[text()="schema.png"]`, chromedp.BySearch))
	s.run("image chosen", chromedp.Click(`//button[text()="Gebruik selectie"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//button[text()="Kies een andere afbeelding"]`, chromedp.BySearch))
}

// linkNeedsToelichting: a link without toelichting cannot be saved, and the form says why.
func (s *cmsScreens) linkNeedsToelichting(root string) {
	file := filepath.Join(root, "content", "determinanten", "01-procedurele-helderheid.md")
	before, _ := os.ReadFile(file)
	s.run("determinant", chromedp.Navigate(strings.Split(location(s.ctx, s.t), "#")[0]+"#/collections/determinanten/entries/01-procedurele-helderheid"),
		chromedp.WaitVisible(`//button[contains(., "Voeg strategie toe")]`, chromedp.BySearch))
	s.run("new link", chromedp.Click(`//button[contains(., "Voeg strategie toe")]`, chromedp.BySearch),
		chromedp.WaitVisible(field("toelichting"), chromedp.BySearch))
	var optional []string
	if err := chromedp.Run(s.ctx, eval(`Array.from(document.querySelectorAll("label")).filter((l) => /niet verplicht/.test(l.textContent)).map((l) => l.textContent)`, &optional)); err != nil {
		s.t.Fatal(err)
	}
	if slices.ContainsFunc(optional, func(l string) bool { return strings.HasPrefix(l, "Toelichting") }) || !slices.ContainsFunc(optional, func(l string) bool { return strings.HasPrefix(l, "Zoektermen") }) {
		s.t.Errorf("labels marked not required: %q (want Zoektermen, not Toelichting)", optional)
	}
	s.run("link without toelichting",
		pick(field("id"), "Audit", "Audit en feedback"),
		pick(field("sterkte"), "aanv", "aanvullend: ondersteunt"),
		pick(field("bron"), "redac", "redactie Kennisbank"),
		chromedp.Click(`//span[text()="Publiceer"]`, chromedp.BySearch),
		chromedp.Click(`//*[text()="Publiceer nu"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//*[text()="Toelichting moet je invullen."]`, chromedp.BySearch))
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		s.t.Error("the CMS saved a link without toelichting")
	}
}

// deleteItem: deleting a news item asks in Dutch, and the item is gone.
func (s *cmsScreens) deleteItem(root string, dialogs *dialogLog) {
	const id = "2024-03-11-samen-naar-beter"
	s.run("news item", chromedp.Navigate(strings.Split(location(s.ctx, s.t), "#")[0]+"#/collections/nieuws/entries/"+id),
		chromedp.WaitVisible(field("titel"), chromedp.BySearch))
	s.run("deleted", chromedp.Click(`//button[text()="Verwijder item"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//a[contains(@href, "/collections/nieuws/entries/")]`, chromedp.BySearch))
	// Decap finds the item changed once its text editor has read it, and asks the longer question.
	if msg := dialogs.last(); !strings.HasPrefix(msg, "Weet je zeker dat je dit gepubliceerde item wilt verwijderen") {
		s.t.Errorf("before deleting, the CMS asked %q", msg)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(root, "content", "nieuws", id+".md")); os.IsNotExist(err) {
			break
		}
		if time.Now().After(deadline) {
			s.t.Error("the deleted news item is still on disk")
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// translatesWhatDecapWritesInEnglish: the messages Decap writes without its locale (here the
// one when a file cannot be saved, and its question before replacing a file) come out in Dutch.
func (s *cmsScreens) translatesWhatDecapWritesInEnglish(dialogs *dialogLog) {
	var toast string
	err := chromedp.Run(s.ctx,
		eval(`(() => { const d = document.createElement("div"); d.id = "kb-test-toast"; d.textContent = "Failed to persist media: Error: Dit bestand kan niet bij een pagina staan"; document.body.append(d); return true })()`, nil),
		chromedp.Sleep(100*time.Millisecond),
		chromedp.Text(`#kb-test-toast`, &toast, chromedp.ByQuery),
		eval(`window.confirm("schema.png already exists. Do you want to replace it?")`, nil))
	if err != nil {
		s.t.Fatal(err)
	}
	if toast != "Het bestand is niet opgeslagen: Dit bestand kan niet bij een pagina staan" {
		s.t.Errorf("Decap's English message became %q", toast)
	}
	if msg := dialogs.last(); msg != "schema.png bestaat al. Wil je het vervangen?" {
		s.t.Errorf("Decap's English question became %q", msg)
	}
}

// dialogLog keeps the messages of the browser's own dialogs (confirm, alert), which it accepts.
type dialogLog struct {
	mu       sync.Mutex
	messages []string
}

func (d *dialogLog) last() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.messages) == 0 {
		return ""
	}
	return d.messages[len(d.messages)-1]
}

func acceptDialogs(ctx context.Context) *dialogLog {
	d := &dialogLog{}
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			d.mu.Lock()
			d.messages = append(d.messages, e.Message)
			d.mu.Unlock()
			go func() { _ = chromedp.Run(ctx, page.HandleJavaScriptDialog(true)) }()
		}
	})
	return d
}

// drop removes the errors that are exactly msg and returns how many there were.
func (l *browserLog) drop(msg string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	kept := l.errors[:0]
	for _, e := range l.errors {
		if e != msg {
			kept = append(kept, e)
		}
	}
	n := len(l.errors) - len(kept)
	l.errors = kept
	return n
}
