package sitetest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/werkplaats-jeugd/kennisbank/generator"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/serve"
	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
)

// copyProject copies the project's content, templates and assets into a new folder, so that a
// test may change the content.
func copyProject(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{content.Dir} { // the templates and assets are the built-in theme's
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join(repoRoot, dir))); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// browserLog collects what a page reports that a person would call broken: console errors,
// uncaught exceptions, errors the browser logs itself (a request the Content-Security-Policy
// refused, a file that failed to load), and requests that leave the site.
type browserLog struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func listen(t *testing.T, ctx context.Context) *browserLog {
	t.Helper()
	l := &browserLog{}
	chromedp.ListenTarget(ctx, func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch e := ev.(type) {
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.LevelError {
				l.errors = append(l.errors, fmt.Sprintf("browser (%s): %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
			}
		case *cdpruntime.EventConsoleAPICalled:
			if e.Type == cdpruntime.APITypeError || e.Type == cdpruntime.APITypeAssert {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				l.errors = append(l.errors, "console: "+strings.Join(args, " "))
			}
		case *cdpruntime.EventExceptionThrown:
			l.errors = append(l.errors, "exception: "+e.ExceptionDetails.Text+" "+e.ExceptionDetails.Exception.Description)
		case *network.EventRequestWillBeSent:
			l.requests = append(l.requests, e.Request.URL)
		}
	})
	if err := chromedp.Run(ctx, cdplog.Enable()); err != nil {
		t.Fatal(err)
	}
	return l
}

// check reports console errors and requests to anywhere but the site's own folder on its host.
func (l *browserLog) check(t *testing.T, site string) {
	t.Helper()
	own, _ := url.Parse(site)
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.errors {
		t.Errorf("the admin page reported an error: %s", e)
	}
	for _, r := range l.requests {
		u, err := url.Parse(r)
		switch {
		case err != nil:
			t.Errorf("request to an unreadable URL %q", r)
		case u.Scheme == "data" || u.Scheme == "blob":
		case u.Host != own.Host || !strings.HasPrefix(u.Path, own.Path) && !strings.HasPrefix(u.Path, "/_kennisbank/"):
			t.Errorf("request outside the site %s: %s", site, r)
		}
	}
}

// devServer runs `kennisbank serve`'s server in-process on a project and returns its address.
// It watches until the test ends; its log is shown when the test fails.
func devServer(t *testing.T, root string) string {
	t.Helper()
	var log syncBuffer
	s := serve.New(serve.Options{Build: generator.Options{Root: root}, Log: &log, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		_ = s.Watch(ctx)
	}()
	srv := httptest.NewServer(s)
	t.Cleanup(func() {
		stop()
		<-watching
		srv.Close()
		if t.Failed() {
			t.Logf("kennisbank serve said:\n%s", log.String())
		}
	})
	return srv.URL + "/"
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// typeInto types into a field as an editor does, one key at a time, and waits for the field to
// show each key before the next: under load, Decap CMS's controlled inputs drop keys that
// arrive while they re-render (as they would for a person typing that fast on a slow computer).
func typeInto(sel, text string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		typed := ""
		for _, r := range text {
			typed += string(r)
			if err := chromedp.SendKeys(sel, string(r), chromedp.BySearch).Do(ctx); err != nil {
				return err
			}
			deadline := time.Now().Add(5 * time.Second)
			for {
				var got string
				err := chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.evaluate(%q, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue; return el.isContentEditable ? el.textContent : el.value })()`, sel), &got).Do(ctx)
				if err != nil {
					return err
				}
				if strings.HasSuffix(got, typed) || strings.HasPrefix(got, typed) {
					break
				}
				if time.Now().After(deadline) {
					return fmt.Errorf("typed %q into %s, the field holds %q", typed, sel, got)
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
		return nil
	})
}

// pick types into a select or relation widget and takes the option it offers with that text.
func pick(sel, typed, option string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.SendKeys(sel, typed, chromedp.BySearch),
		chromedp.WaitVisible(fmt.Sprintf(`//div[contains(@id, "-option-") and text()=%q]`, option), chromedp.BySearch),
		chromedp.SendKeys(sel, kb.Enter, chromedp.BySearch),
	}
}

// setDate sets a date or date-time input as its picker does: the value changes, then input fires.
func setDate(sel, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => {
		const el = document.evaluate(%q, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
		Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(el, %q);
		el.dispatchEvent(new Event("input", {bubbles: true}));
		return true;
	})()`, sel, value), nil)
}

// field is the XPath of the last input of a field, by its name in the model.
func field(name string) string {
	return fmt.Sprintf(`(//*[starts-with(@id, %q)])[last()]`, name+"-field-")
}

// publish saves the entry and waits for the check banner's verdict.
func publish(verdict *string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Click(`//span[text()="Publiceer"]`, chromedp.BySearch),
		chromedp.Click(`//*[text()="Publiceer nu"]`, chromedp.BySearch),
		// The banner's state and text are read together, once it shows the outcome: read apart,
		// a banner that changes between the two reads could give the text of another state.
		chromedp.Poll(`(() => {
			const b = document.querySelector(".kb-check");
			return b && !b.hidden && (b.dataset.state === "ok" || b.dataset.state === "problems") ? b.innerText : null;
		})()`, verdict, chromedp.WithPollingTimeout(60*time.Second)),
		chromedp.Click(`//section[contains(@class, "kb-check")]//button[text()="Sluiten"]`, chromedp.BySearch),
	}
}

func fetch(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func get(t *testing.T, u string) string {
	t.Helper()
	status, body := fetch(t, u)
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d", u, status)
	}
	return body
}

// signIn opens the admin page of `kennisbank serve`'s local backend at a route, and signs in (no
// password: the button only opens the CMS), which shows that route.
func signIn(base, route string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Navigate(base + "admin/#/collections/" + route),
		chromedp.Click(`//button[text()="Inloggen"]`, chromedp.BySearch),
		chromedp.WaitVisible(field("titel"), chromedp.BySearch),
	}
}

// The local round trip for a news item, through Decap CMS's own forms in Chromium: an editor
// runs `kennisbank serve` and writes an agenda item with every field; the page bundle on disk
// passes check, the rebuilt site shows it, and the admin page says the save has no problems.
func TestCMSWritesNewsItem(t *testing.T) {
	browsertest.SkipShort(t)
	root := copyProject(t)
	base := devServer(t, root)
	ctx := browsertest.New(t)
	log := listen(t, ctx)

	var verdict string
	err := chromedp.Run(ctx,
		signIn(base, "nieuws/new"),
		typeInto(field("titel"), "Werkplaatsdag in Zwolle"),
		typeInto(field("samenvatting"), "Wat we leerden."),
		typeInto(field("zoektermen"), "bijeenkomst"),
		setDate(field("datum"), "2027-03-04"),
		pick(field("leernetwerk"), "Norm", "Leernetwerk Normaliseren"),
		setDate(field("start"), "2027-03-18T09:30"),
		setDate(field("eind"), "2027-03-18T12:00"),
		typeInto(field("locatie"), "Zwolle"),
		chromedp.Click(`//*[@data-slate-editor="true"]`, chromedp.BySearch),
		typeInto(`//*[@data-slate-editor="true"]`, "Samen leren."),
		publish(&verdict),
	)
	if err != nil {
		t.Fatal(err)
	}
	news := filepath.Join(root, "content", "nieuws", "2027-03-04-werkplaatsdag-in-zwolle", "index.md")
	written, err := os.ReadFile(news)
	if err != nil {
		t.Fatalf("the CMS did not write the news item as a page bundle: %v", err)
	}
	if !strings.Contains(verdict, "‘Werkplaatsdag in Zwolle’ staat op de site") {
		t.Errorf("after saving the news item the admin page says %q", verdict)
	}
	if _, err := generator.Check(generator.Options{Root: root}); err != nil {
		t.Fatalf("the news item the CMS wrote does not pass check:\n%s\n%v", written, err)
	}
	page := get(t, base+"nieuws/2027-03-04-werkplaatsdag-in-zwolle/")
	if !contains(page, "Werkplaatsdag in Zwolle", "Samen leren.", "Zwolle", "leernetwerken/normaliseren/") {
		t.Errorf("the rebuilt site does not show the news item:\n%s", page)
	}
	if ics := get(t, base+"nieuws/agenda.ics"); !strings.Contains(ics, "DTSTART;TZID=Europe/Amsterdam:20270318T093000") {
		t.Errorf("the agenda lacks the item's start at 09:30 Dutch time:\n%s", ics)
	}
	log.check(t, base)
	record(t, root, news)
}

// The local round trip for a link, through Decap CMS's own forms in Chromium: an editor adds a
// strategy to a determinant; the file passes check and the strategy's page shows the link back.
// A link the build refuses is named on the admin page, and on the site beside it.
func TestCMSLinksDeterminantToStrategy(t *testing.T) {
	browsertest.SkipShort(t)
	root := copyProject(t)
	base := devServer(t, root)
	ctx := browsertest.New(t)
	log := listen(t, ctx)
	var verdict string
	err := chromedp.Run(ctx,
		signIn(base, "determinanten/entries/01-procedurele-helderheid"),
		chromedp.Click(`//button[contains(., "Voeg strategie toe")]`, chromedp.BySearch),
		pick(field("id"), "Audit", "Audit en feedback"),
		pick(field("sterkte"), "aanv", "aanvullend: ondersteunt"),
		pick(field("bron"), "redac", "redactie Kennisbank"),
		typeInto(field("toelichting"), "Laat zien of de stappen helder zijn."),
		publish(&verdict),
	)
	if err != nil {
		t.Fatal(err)
	}
	det, _ := os.ReadFile(filepath.Join(root, "content", "determinanten", "01-procedurele-helderheid.md"))
	if !strings.Contains(string(det), "[[strategie]]\nid = \"audit-en-feedback\"\nsterkte = \"aanvullend\"\nbron = \"redactie\"\n") {
		t.Errorf("the determinant file lacks the new link:\n%s", det)
	}
	if !strings.Contains(verdict, "‘Procedurele helderheid’ staat op de site") {
		t.Errorf("after saving the link the admin page says %q", verdict)
	}
	if _, err := generator.Check(generator.Options{Root: root}); err != nil {
		t.Fatalf("the determinant the CMS wrote does not pass check: %v", err)
	}
	record(t, root, filepath.Join(root, "content", "determinanten", "01-procedurele-helderheid.md"))
	if strategy := get(t, base+"strategieen/audit-en-feedback/"); !contains(strategy, "01-procedurele-helderheid/", "Laat zien of de stappen helder zijn.") {
		t.Error("the strategy page does not show the link back to the determinant")
	}

	// A save the build refuses (the same strategy linked twice from one source): the banner
	// names the entry, the field and the line; the site keeps the last good version with the
	// problem on top; admin/ opens again after a reload, and fixing the entry there brings the
	// site up to date.
	err = chromedp.Run(ctx,
		chromedp.Click(`//button[contains(., "Voeg strategie toe")]`, chromedp.BySearch),
		pick(field("id"), "Audit", "Audit en feedback"),
		pick(field("sterkte"), "kern", "kern: werkt direct op de determinant"),
		pick(field("bron"), "redac", "redactie Kennisbank"),
		typeInto(field("toelichting"), "Nog een keer."),
		publish(&verdict),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !contains(verdict, "‘Procedurele helderheid’ heeft een probleem", "toont de site de vorige versie", "veld ‘Gekoppelde strategieën’, regel ", "audit-en-feedback") ||
		strings.Contains(verdict, "kennisbank serve") {
		t.Errorf("after saving a link twice the admin page says %q", verdict)
	}
	status, page := fetch(t, base+"strategieen/audit-en-feedback/")
	if status != http.StatusOK || !contains(page, "Je laatste wijziging staat nog niet op de site", "01-procedurele-helderheid.md", "Laat zien of de stappen helder zijn.") ||
		strings.Contains(page, "Nog een keer.") {
		t.Errorf("after a failed build the strategy page answers %d, without the notice or the last good version:\n%s", status, page)
	}
	// The editor reloads the CMS and removes the second link (the cross on its bar).
	err = chromedp.Run(ctx,
		chromedp.Reload(),
		chromedp.WaitVisible(field("titel"), chromedp.BySearch),
		chromedp.Click(`(//div[contains(@class, "StyledListItemTopBar")])[last()]/button[last()]`, chromedp.BySearch),
		publish(&verdict),
	)
	if err != nil {
		t.Fatalf("the editor could not reopen the entry and fix it: %v", err)
	}
	if !contains(verdict, "‘Procedurele helderheid’ staat op de site") {
		t.Errorf("after the fix the admin page says %q", verdict)
	}
	if page := get(t, base+"strategieen/audit-en-feedback/"); !contains(page, "01-procedurele-helderheid/", "Laat zien of de stappen helder zijn.") || strings.Contains(page, "kb-bouwfout") {
		t.Error("after the fix the site does not show the link, or still shows the notice")
	}
	log.check(t, base)
}

// The guide's factsheet with an image, through Decap CMS's own forms: the image is uploaded in
// the editor, saved beside the factsheet's index.md (a page bundle), and the site shows it.
func TestCMSFactsheetWithImage(t *testing.T) {
	browsertest.SkipShort(t)
	root := copyProject(t)
	base := devServer(t, root)
	ctx := browsertest.New(t)
	log := listen(t, ctx)
	img := filepath.Join(t.TempDir(), "schema.png")
	if err := os.WriteFile(img, tinyPNG(), 0o644); err != nil {
		t.Fatal(err)
	}
	var verdict string
	err := chromedp.Run(ctx,
		signIn(base, "factsheets/new"),
		typeInto(field("titel"), "Werken met de MIDI"),
		chromedp.Click(`button[title="Voeg component toe"]`, chromedp.ByQuery),
		chromedp.Click(`//*[text()="Afbeelding"]`, chromedp.BySearch),
		chromedp.Click(`//button[text()="Kies een afbeelding"]`, chromedp.BySearch),
		chromedp.SetUploadFiles(`input[type="file"]`, []string{img}, chromedp.ByQuery),
		chromedp.WaitVisible(`//*[text()="schema.png"]`, chromedp.BySearch),
		chromedp.Click(`//button[text()="Gebruik selectie"]`, chromedp.BySearch),
		typeInto(field("alt"), "Schema van de MIDI"),
		publish(&verdict),
	)
	if err != nil {
		t.Fatal(err)
	}
	bundle := filepath.Join(root, "content", "factsheets", "werken-met-de-midi")
	text, err := os.ReadFile(filepath.Join(bundle, "index.md"))
	if err != nil {
		t.Fatalf("the CMS did not write the factsheet as a page bundle: %v", err)
	}
	if saved, err := os.ReadFile(filepath.Join(bundle, "schema.png")); err != nil || string(saved) != string(tinyPNG()) {
		t.Fatalf("the image is not beside index.md: %v", err)
	}
	if !strings.Contains(string(text), "![Schema van de MIDI](schema.png)") || !contains(verdict, "‘Werken met de MIDI’ staat op de site", "Leesbaarheid: leesbaarheid") {
		t.Errorf("factsheet:\n%s\nthe admin page says %q", text, verdict)
	}
	if page := get(t, base+"factsheets/werken-met-de-midi/"); !strings.Contains(page, `src="schema.png" alt="Schema van de MIDI"`) {
		t.Errorf("the rebuilt page does not show the image:\n%s", page)
	}
	if png := get(t, base+"factsheets/werken-met-de-midi/schema.png"); png != string(tinyPNG()) {
		t.Error("the site does not serve the image beside the page")
	}
	record(t, root, filepath.Join(bundle, "index.md"), filepath.Join(bundle, "schema.png"))

	// Deleting the factsheet deletes its image too: no folder is left without index.md, and the
	// site builds without it.
	acceptDialogs(ctx)
	err = chromedp.Run(ctx,
		chromedp.Click(`//button[text()="Verwijder item"]`, chromedp.BySearch),
		chromedp.WaitVisible(`//a[contains(@href, "/collections/factsheets/entries/")]`, chromedp.BySearch),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the factsheet's folder to go", func() bool {
		_, err := os.Stat(bundle)
		return os.IsNotExist(err)
	})
	waitFor(t, "the site to rebuild without the factsheet", func() bool {
		status, _ := fetch(t, base+"factsheets/werken-met-de-midi/")
		return status == http.StatusNotFound
	})
	if status, page := fetch(t, base); status != http.StatusOK || strings.Contains(page, "kb-bouwfout") {
		t.Errorf("after deleting the factsheet the home page answers %d, notice: %v", status, strings.Contains(page, "kb-bouwfout"))
	}
	log.check(t, base)
}

// waitFor polls cond for up to 30 seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("waited 30 s for %s", what)
}

// tinyPNG is a 2×2 image.
func tinyPNG() []byte {
	var b bytes.Buffer
	m := image.NewRGBA(image.Rect(0, 0, 2, 2))
	m.Set(0, 0, color.RGBA{0, 96, 122, 255})
	if err := png.Encode(&b, m); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// record keeps the files Decap CMS wrote as the fixtures of package cms's tests
// (generator/cms/testdata/decap), when KENNISBANK_RECORD_DECAP is set.
func record(t *testing.T, root string, files ...string) {
	if os.Getenv("KENNISBANK_RECORD_DECAP") == "" {
		return
	}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(repoRoot, "generator", "cms", "testdata", "decap", rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("recorded %s", to)
	}
}

// On the web the admin page is a static file of the site: from a subpath, with the GitHub
// backend, it loads and offers to sign in, with no console error and no request to another
// host (the Git host's API is only asked after signing in).
func TestCMSAdminFromSubpath(t *testing.T) {
	browsertest.SkipShort(t)
	root := copyProject(t)
	siteToml := filepath.Join(root, "content", "site.toml")
	settings, err := os.ReadFile(siteToml)
	if err != nil {
		t.Fatal(err)
	}
	settings = append(settings, "\n[cms]\nbackend = \"github\"\nrepo = \"werkplaats/kennisbank\"\n"...)
	if err := os.WriteFile(siteToml, settings, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Root: root, Out: out, BaseURL: "https://example.org/kb/"}); err != nil {
		t.Fatal(err)
	}
	base := browsertest.Serve(t, out, "/kb/")
	ctx := browsertest.New(t)
	log := listen(t, ctx)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"admin/"),
		chromedp.WaitVisible(`//button[contains(., "Inloggen met GitHub")]`, chromedp.BySearch),
		chromedp.Sleep(time.Second), // anything the page does after showing the button
	); err != nil {
		t.Fatal(err)
	}
	log.check(t, base)
	var requests int
	log.mu.Lock()
	requests = len(log.requests)
	log.mu.Unlock()
	if requests < 3 {
		t.Errorf("only %d requests: the page, Decap CMS and its configuration at least", requests)
	}
}
