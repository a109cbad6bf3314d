package sitetest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/werkplaats-jeugd/kennisbank/generator/assets"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/scan"
	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// The implementatiescan page (scan/), driven as a reader would: answering, reloading, reading a
// team's CSV, choosing strategies, printing, sharing.

const scanReady = `#scan[data-ready="true"]`

// detOn returns the first determinant on the scale.
func detOn(t *testing.T, scale string) *content.Determinant {
	t.Helper()
	for _, d := range knowledge.Determinants {
		if d.Schaal == scale {
			return d
		}
	}
	t.Fatalf("no determinant on scale %s", scale)
	return nil
}

func radio(d *content.Determinant, value string) string {
	return fmt.Sprintf(`input[name="d-%s"][value="%s"]`, d.ID, value)
}

func text(ctx context.Context, t *testing.T, sel string) string {
	t.Helper()
	var s string
	if err := chromedp.Run(ctx, eval(fmt.Sprintf(`document.querySelector(%q).textContent`, sel), &s)); err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// barrierRows returns the determinant titles in the result table marked as barriers.
func barrierRows(ctx context.Context, t *testing.T) []string {
	t.Helper()
	var rows []string
	if err := chromedp.Run(ctx, eval(`Array.from(document.querySelectorAll("#scan-tabel tbody tr")).filter(tr => tr.lastElementChild.textContent === "belemmerend").map(tr => tr.querySelector("th").textContent)`, &rows)); err != nil {
		t.Fatal(err)
	}
	sort.Strings(rows)
	return rows
}

func label(d *content.Determinant) string { return fmt.Sprintf("%d. %s", d.Nummer, d.Titel) }

func sortedLabels(ds ...*content.Determinant) []string {
	var out []string
	for _, d := range ds {
		out = append(out, label(d))
	}
	sort.Strings(out)
	return out
}

func TestScanKeepsAnswersAfterReloadAndStartsOver(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/kb/")
	plain, rev, yn := detOn(t, "eens5"), detOn(t, "eens5-omgekeerd"), detOn(t, "janeeweetniet")
	other := knowledge.Determinants[len(knowledge.Determinants)-1]
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"scan/"),
		chromedp.WaitReady(scanReady),
		chromedp.Click(radio(plain, "2")), // mee oneens: unfavourable
		chromedp.Click(radio(rev, "5")),   // helemaal mee eens with a reverse-worded item: unfavourable
		chromedp.Click(radio(yn, "nee")),
		chromedp.Click(radio(other, "nvt")),
	); err != nil {
		t.Fatal(err)
	}
	total := len(knowledge.Determinants)
	if got := text(ctx, t, "#scan-voortgang-tekst"); got != fmt.Sprintf("4 van de %d vragen beantwoord", total) {
		t.Errorf("progress after 4 answers: %q", got)
	}
	want := sortedLabels(plain, rev, yn)
	if got := barrierRows(ctx, t); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("barriers after answering: %v, want %v", got, want)
	}

	var checked []string
	if err := chromedp.Run(ctx,
		chromedp.Reload(),
		chromedp.WaitReady(scanReady),
		eval(`Array.from(document.querySelectorAll("#scan-vragen input:checked")).map(i => i.name + "=" + i.value)`, &checked),
	); err != nil {
		t.Fatal(err)
	}
	sort.Strings(checked)
	wantChecked := []string{"d-" + plain.ID + "=2", "d-" + rev.ID + "=5", "d-" + yn.ID + "=nee", "d-" + other.ID + "=nvt"}
	sort.Strings(wantChecked)
	if strings.Join(checked, " ") != strings.Join(wantChecked, " ") {
		t.Errorf("after reload the form shows %v, want %v", checked, wantChecked)
	}
	if got := barrierRows(ctx, t); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("barriers after reload: %v, want %v", got, want)
	}
	if got := text(ctx, t, "#scan-voortgang-tekst"); !strings.HasPrefix(got, "4 van de") {
		t.Errorf("progress after reload: %q", got)
	}

	// Opnieuw beginnen asks first, then clears everything, also after a reload.
	if err := chromedp.Run(ctx,
		chromedp.Click("#scan-opnieuw"),
		chromedp.WaitVisible("#scan-opnieuw-ja"),
		chromedp.Click("#scan-opnieuw-ja"),
		chromedp.Reload(),
		chromedp.WaitReady(scanReady),
		eval(`Array.from(document.querySelectorAll("#scan-vragen input:checked")).map(i => i.name)`, &checked),
	); err != nil {
		t.Fatal(err)
	}
	var resultHidden bool
	if err := chromedp.Run(ctx, eval(`document.getElementById("scan-uitkomst").hidden`, &resultHidden)); err != nil {
		t.Fatal(err)
	}
	if len(checked) != 0 || !resultHidden || !strings.HasPrefix(text(ctx, t, "#scan-voortgang-tekst"), "0 van de") {
		t.Errorf("after 'opnieuw beginnen' and a reload: checked %v, result hidden %v", checked, resultHidden)
	}
}

// teamCSV is a small team: plain is negative for 2 of 4 answers (50%), rev for 1 of 5 (20%,
// exactly at the threshold), yn for none.
func teamCSV(plain, rev, yn *content.Determinant, sep, eol string) string {
	rows := [][]string{
		{"respondent", "e-mail", fmt.Sprint(plain.Nummer), rev.ID, fmt.Sprint(yn.Nummer)},
		{"1", "a@example.org", "1", "4", "ja"},
		{"2", "b@example.org", "2", "2", "ja"},
		{"3", "", "4", "1", "weet niet"},
		{"4", "", "", "2", "j"},
		{"5", "", "5", "nvt", "Ja"},
		{"6", "", "nvt", "1", ""},
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, sep) + eol)
	}
	return b.String()
}

func TestScanReadsTeamCSVAndRefusesBadOnes(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	plain, rev, yn := detOn(t, "eens5"), detOn(t, "eens5-omgekeerd"), detOn(t, "janeeweetniet")
	csv := teamCSV(plain, rev, yn, ",", "\n")
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"scan/"),
		chromedp.WaitReady(scanReady),
		chromedp.Click(`input[name="modus"][value="team"]`),
		chromedp.WaitVisible("#scan-plak"),
		chromedp.SendKeys("#scan-plak", csv),
		chromedp.Click("#scan-inlezen"),
		chromedp.WaitVisible("#scan-uitkomst"),
	); err != nil {
		t.Fatal(err)
	}
	want := sortedLabels(plain, rev)
	if got := barrierRows(ctx, t); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("barriers from the pasted CSV: %v, want %v", got, want)
	}
	info := text(ctx, t, "#scan-team-info")
	if !contains(info, "6 respondenten", "respondent, e-mail") {
		t.Errorf("team info %q does not list 6 respondents and the ignored columns", info)
	}
	var strategies int
	if err := chromedp.Run(ctx, eval(`document.querySelectorAll("#scan-strategieen .scan-rec").length`, &strategies)); err != nil {
		t.Fatal(err)
	}
	if strategies == 0 {
		t.Error("no strategies shown for two barriers")
	}

	// An answer the scan does not know: the mapping step names it and where it first is, and the
	// result stays as it was until the reader gives it a meaning; cancelling changes nothing.
	bad := strings.Replace(csv, "weet niet", "misschien", 1)
	if err := chromedp.Run(ctx,
		eval(`document.getElementById("scan-plak").value = ""`, nil),
		chromedp.SendKeys("#scan-plak", bad),
		chromedp.Click("#scan-inlezen"),
		chromedp.WaitVisible("#scan-koppelen"),
	); err != nil {
		t.Fatal(err)
	}
	if step := text(ctx, t, "#scan-koppelen-antwoordlijst"); !contains(step, "“misschien”", "rij 4, kolom E") {
		t.Errorf("the mapping step for an unknown answer: %q", step)
	}
	if got := barrierRows(ctx, t); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("before the mapping is applied the barriers changed to %v", got)
	}
	if err := chromedp.Run(ctx, chromedp.Click("#scan-koppelen-annuleer"), chromedp.WaitNotVisible("#scan-koppelen")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text(ctx, t, "#scan-team-info"), "6 respondenten") {
		t.Error("after cancelling the team data changed")
	}

	// A file that is no spreadsheet, or a workbook with a password, is refused with the reason in
	// Dutch, and nothing changes.
	encrypted := append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...)
	for _, bad := range []struct{ name, data, says string }{
		{"verslag.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF-bestand"},
		{"antwoorden.xlsx", string(encrypted), "beveiligd met een wachtwoord"},
	} {
		var alert string
		if err := chromedp.Run(ctx,
			eval(`document.getElementById("scan-bestand-fout").textContent = ""`, nil),
			chromedp.SetUploadFiles("#scan-bestand", []string{writeFile(t, bad.name, []byte(bad.data))}),
			chromedp.Poll(`document.getElementById("scan-bestand-fout").textContent !== ""`, nil),
			eval(`document.getElementById("scan-bestand-fout").textContent`, &alert),
		); err != nil {
			t.Fatal(err)
		}
		if !contains(alert, bad.name, bad.says, "niets veranderd") {
			t.Errorf("alert for %s: %q", bad.name, alert)
		}
		if got := barrierRows(ctx, t); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("after %s the barriers changed to %v", bad.name, got)
		}
	}

	// Uploading the same answers as Dutch Excel writes them (semicolons, BOM, CRLF).
	file := filepath.Join(t.TempDir(), "team.csv")
	if err := os.WriteFile(file, []byte("\ufeff"+teamCSV(plain, rev, yn, ";", "\r\n")+"7;;1;5;nee\r\n8;;;;n\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx,
		chromedp.SetUploadFiles("#scan-bestand", []string{file}),
		chromedp.Poll(`document.getElementById("scan-team-info").textContent.includes("team.csv")`, nil),
	); err != nil {
		t.Fatal(err)
	}
	want = sortedLabels(plain, rev, yn) // respondents 7 and 8 say nee: 2 of 7 answers (29%)
	if got := barrierRows(ctx, t); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("barriers from the uploaded file: %v, want %v", got, want)
	}
	if a := text(ctx, t, "#scan-alert") + text(ctx, t, "#scan-bestand-fout"); a != "" {
		t.Errorf("a good file left the alert %q", a)
	}
	if info := text(ctx, t, "#scan-team-info"); !strings.Contains(info, "8 respondenten") {
		t.Errorf("team info after upload: %q", info)
	}
}

func TestScanPrintsThePlan(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	plain := detOn(t, "eens5")
	var first string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"scan/"),
		chromedp.WaitReady(scanReady),
		chromedp.SendKeys("#scan-naam", "Signaleringsplan JGZ"),
		chromedp.Click(radio(plain, "1")),
		chromedp.WaitVisible("#scan-strategieen .scan-pick input"),
		eval(`document.querySelector("#scan-strategieen .scan-rec h3").textContent`, &first),
		chromedp.Click("#scan-strategieen .scan-pick input"),
	); err != nil {
		t.Fatal(err)
	}
	if plan := text(ctx, t, "#scan-plan"); !strings.Contains(plan, first) {
		t.Errorf("plan %q does not hold the chosen strategy %q", plan, first)
	}
	var screen struct {
		PrintShown bool `json:"printShown"`
	}
	if err := chromedp.Run(ctx, eval(`({printShown: getComputedStyle(document.getElementById("scan-afdruk")).display !== "none"})`, &screen)); err != nil {
		t.Fatal(err)
	}
	if screen.PrintShown {
		t.Error("the print view shows on screen")
	}
	var printed struct {
		Shown      bool   `json:"shown"`
		FormHidden bool   `json:"formHidden"`
		HeaderGone bool   `json:"headerGone"`
		Text       string `json:"text"`
		Bars       int    `json:"bars"`
		Threshold  int    `json:"threshold"`
	}
	if err := chromedp.Run(ctx,
		emulation.SetEmulatedMedia().WithMedia("print"),
		eval(`(() => { const p = document.getElementById("scan-afdruk"); return {
			shown: getComputedStyle(p).display !== "none" && p.offsetHeight > 0,
			formHidden: document.getElementById("scan-vragen").offsetParent === null,
			headerGone: document.querySelector(".site-header").offsetParent === null,
			text: p.innerText,
			bars: p.querySelectorAll(".scan-bars .scan-bar").length,
			threshold: p.querySelectorAll(".scan-bars .scan-threshold").length } })()`, &printed),
		emulation.SetEmulatedMedia().WithMedia(""),
	); err != nil {
		t.Fatal(err)
	}
	if !printed.Shown || !printed.FormHidden || !printed.HeaderGone {
		t.Errorf("print media: plan shown %v, questionnaire hidden %v, header hidden %v", printed.Shown, printed.FormHidden, printed.HeaderGone)
	}
	if !contains(printed.Text, "Implementatieplan: Signaleringsplan JGZ", "Belemmerende determinanten", label(plain), "Gekozen strategieën", first, "Waarom") {
		t.Errorf("the printed plan lacks the name, barrier, strategy or reason:\n%s", printed.Text)
	}
	if printed.Bars == 0 || printed.Threshold != len(knowledge.Determinants) {
		t.Errorf("the printed chart has %d bars and %d threshold lines", printed.Bars, printed.Threshold)
	}
}

func TestScanShareLinkCarriesTheAnswers(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/sub/")
	plain, yn := detOn(t, "eens5"), detOn(t, "janeeweetniet")
	var link string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"scan/"),
		chromedp.WaitReady(scanReady),
		chromedp.Click(radio(plain, "2")),
		chromedp.Click(radio(yn, "wn")),
		chromedp.Click("#scan-deel"),
		chromedp.WaitVisible("#scan-deellink"),
		chromedp.Value("#scan-deellink", &link),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(link, "/sub/scan/#scan=") || strings.Contains(link, "?") {
		t.Fatalf("share link %q: the answers must be in the fragment only", link)
	}
	// Another person, another browser: the link fills in the scan.
	other := browsertest.New(t)
	var checked []string
	if err := chromedp.Run(other,
		chromedp.Navigate(link),
		chromedp.WaitReady(scanReady),
		eval(`Array.from(document.querySelectorAll("#scan-vragen input:checked")).map(i => i.name + "=" + i.value)`, &checked),
	); err != nil {
		t.Fatal(err)
	}
	sort.Strings(checked)
	want := []string{"d-" + plain.ID + "=2", "d-" + yn.ID + "=wn"}
	sort.Strings(want)
	if strings.Join(checked, " ") != strings.Join(want, " ") {
		t.Errorf("opening the share link checks %v, want %v", checked, want)
	}
	if u := location(other, t); strings.Contains(u, "#") {
		t.Errorf("the fragment stays in the address bar after loading: %s", u)
	}
}

func TestScanOpensSavedJSON(t *testing.T) {
	m, err := scan.Load(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	plain, rev := detOn(t, "eens5"), detOn(t, "eens5-omgekeerd")
	summary, err := m.Call("summaryOf", []map[string]string{{plain.ID: "1", rev.ID: "2"}, {plain.ID: "4", rev.ID: "4"}})
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]any{
		"mode":       "team",
		"answers":    map[string]string{},
		"summary":    summary,
		"ignored":    []string{},
		"thresholds": map[string]float64{"barrier": 0.5, "facilitator": 0.8},
		"name":       "Werken met de meldcode",
		"plan":       []string{},
	}
	raw, err := m.Call("exportJSON", state, "2026-01-15")
	if err != nil {
		t.Fatal(err)
	}
	var doc string
	_ = json.Unmarshal(raw, &doc)
	file := filepath.Join(t.TempDir(), "scan.json")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	var name, threshold string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"scan/"),
		chromedp.WaitReady(scanReady),
		chromedp.SetUploadFiles("#scan-json-open", []string{file}),
		chromedp.Poll(`!document.getElementById("scan-uitkomst").hidden`, nil),
		chromedp.Value("#scan-naam", &name),
		chromedp.Value("#scan-grens-b", &threshold),
	); err != nil {
		t.Fatal(err)
	}
	// At threshold 50%: plain has 1 of 2 negative (a barrier), rev has 1 of 2 (4 = mee eens).
	if got, want := barrierRows(ctx, t), sortedLabels(plain, rev); strings.Join(got, "|") != strings.Join(want, "|") || name != state["name"] || threshold != "50" {
		t.Errorf("after opening the JSON: barriers %v (want %v), name %q, threshold %q", got, want, name, threshold)
	}
}

func TestScanQuestionnaireWithoutJavaScript(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	var res struct {
		Fieldsets int  `json:"fieldsets"`
		Legends   int  `json:"legends"`
		Unlabeled int  `json:"unlabeled"`
		TeamShown bool `json:"teamShown"`
	}
	if err := chromedp.Run(ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(base+"scan/"),
		chromedp.Evaluate(`({
			fieldsets: Array.from(document.querySelectorAll("fieldset.scan-q")).filter(f => f.offsetParent !== null && f.querySelectorAll("input[type=radio]").length >= 4).length,
			legends: document.querySelectorAll("fieldset.scan-q > legend").length,
			unlabeled: Array.from(document.querySelectorAll("#scan-vragen input")).filter(i => !i.closest("label")).length,
			teamShown: document.getElementById("scan-team").offsetParent !== null })`, &res),
	); err != nil {
		t.Fatal(err)
	}
	n := len(knowledge.Determinants)
	if res.Fieldsets != n || res.Legends != n || res.Unlabeled != 0 {
		t.Errorf("without JavaScript: %d visible questions with options, %d legends, %d unlabeled inputs; want %d, %d, 0", res.Fieldsets, res.Legends, res.Unlabeled, n, n)
	}
	if res.TeamShown {
		t.Error("the CSV upload shows without JavaScript, where it cannot work")
	}
}

// inChromium loads the logic the command line runs (goja) into a page, with the knowledge base.
func inChromium(b *testing.B) context.Context {
	bundle, err := scan.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	ctx := browsertest.New(b)
	base := browsertest.Serve(b, siteDir, "/")
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"scan/"),
		chromedp.WaitReady(scanReady),
		chromedp.Evaluate(string(bundle)+"\n;true", nil),
		chromedp.Evaluate(pageUnzip(b)+"\n;true", nil),
		eval(`fetch("../data/kennisbank.json").then(r => r.json()).then(kb => { window.kbData = kb; return true })`, nil),
	); err != nil {
		b.Fatal(err)
	}
	return ctx
}

// benchmarkInChromium times the report of a file in the page, from its bytes to the ranking (a
// workbook unzipped as the page does, with DecompressionStream), and reports the median.
func benchmarkInChromium(b *testing.B, file []byte, respondents int) {
	ctx := inChromium(b)
	if err := chromedp.Run(ctx, eval(fmt.Sprintf(`window.kbFile = Uint8Array.from(atob(%q), c => c.charCodeAt(0)), true`, base64.StdEncoding.EncodeToString(file)), nil)); err != nil {
		b.Fatal(err)
	}
	var times []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var res struct {
			Ms          float64 `json:"ms"`
			Respondents int     `json:"respondents"`
			Strategies  int     `json:"strategies"`
		}
		if err := chromedp.Run(ctx, eval(`(async () => {
			const t0 = performance.now();
			const zip = KennisbankScan.isZip(window.kbFile) ? await KennisbankUnzip.unzip(window.kbFile) : undefined;
			const rep = KennisbankScan.report(window.kbData, window.kbFile, {threshold: 0.2}, zip);
			return { ms: performance.now() - t0, respondents: rep.value.respondents, strategies: rep.value.strategies.length };
		})()`, &res)); err != nil {
			b.Fatal(err)
		}
		if res.Respondents != respondents || res.Strategies == 0 {
			b.Fatalf("the module did not rank: %+v", res)
		}
		times = append(times, res.Ms)
	}
	b.StopTimer()
	sort.Float64s(times)
	b.ReportMetric(times[len(times)/2], "median-ms/report")
}

// BenchmarkScanRankingInChromium reads, scores and ranks 500 respondents from CSV in Chromium,
// with the logic goja runs (see generator/scan's BenchmarkRank500; goal: at most 20 ms).
func BenchmarkScanRankingInChromium(b *testing.B) {
	benchmarkInChromium(b, []byte(randomTeam(500)), 500)
}

// BenchmarkScanXLSXInChromium reads a Microsoft Forms workbook of 500 respondents in Chromium:
// unzipping, the sheet, recognising the columns, scoring and ranking (see generator/scan's
// BenchmarkXLSX500 for goja; goal: at most 50 ms in Chromium).
func BenchmarkScanXLSXInChromium(b *testing.B) {
	benchmarkInChromium(b, surveyTeam(500, 1).MicrosoftForms(), 500)
}

// BenchmarkScanXLSX2300InChromium reads the workbook of 2,300 respondents that bench/scan gives
// the command line (see cmd/kennisbank's BenchmarkScanCommand2300).
func BenchmarkScanXLSX2300InChromium(b *testing.B) {
	benchmarkInChromium(b, surveyTeam(2300, 1).MicrosoftForms(), 2300)
}

// TestScanAccessibility runs axe-core (WCAG 2.1 A and AA) on the scan page in every state a
// reader meets: empty, with one person's whole result, the mapping step (its folded list of
// recognised columns open), and a team's result with groups side by side and an earlier
// measurement compared; in light and dark mode. (A test of its own, with its own browser: the
// site-wide TestAccessibility has a time budget of one browser.)
func TestScanAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	team := surveyTeam(60, 12)
	castor := writeFile(t, "castor.csv", team.Castor())
	forms := writeFile(t, "forms.xlsx", team.MicrosoftForms())
	earlierRep, err := goja(t).Report(surveyTeam(30, 5).GoogleForms(), scan.ReportOptions{Threshold: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	earlier := writeFile(t, "eerder.json", earlierRep.JSON())
	states := []struct {
		name   string
		action chromedp.Action
	}{
		{"empty", chromedp.Tasks{chromedp.Navigate(base + "scan/"), chromedp.WaitReady(scanReady)}},
		{"one person's result", chromedp.Tasks{chromedp.Navigate(base + "scan/#" + unfavourableFragment()), chromedp.WaitReady("#scan-uitkomst:not([hidden])")}},
		{"the mapping step", chromedp.Tasks{openTeam(ctx, base, castor), chromedp.WaitVisible("#scan-koppelen"), eval(`document.querySelector(".scan-map-known").open = true`, nil)}},
		{"groups and a comparison", chromedp.Tasks{openTeam(ctx, base, forms), choose("#scan-groep", "Wat is je functie?"), chromedp.WaitVisible("#scan-groepen-tabel"),
			chromedp.SetUploadFiles("#scan-eerder", []string{earlier}), chromedp.WaitVisible("#scan-vergelijking")}},
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, st := range states {
			var found []violation
			if err := chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}),
				chromedp.Navigate(base+"404.html"), // leave the page, so that a fragment loads it anew
				eval(`localStorage.clear(), true`, nil),
				st.action,
				chromedp.Evaluate(axe, nil),
				runAxe(&found, nil),
			); err != nil {
				t.Fatalf("%s (%s): %v", st.name, scheme, err)
			}
			reportViolations(t, fmt.Sprintf("scan page, %s (%s)", st.name, scheme), found)
		}
	}
}

// unfavourableFragment is a share-link fragment in which one person answers every question
// unfavourably: every determinant is a barrier, so the page shows its whole result.
func unfavourableFragment() string {
	ds := append([]*content.Determinant(nil), knowledge.Determinants...)
	sort.Slice(ds, func(i, j int) bool { return ds[i].Nummer < ds[j].Nummer })
	var row strings.Builder
	for _, d := range ds {
		row.WriteString(map[string]string{content.ScaleAgree5: "1", content.ScaleAgree5Reverse: "5", content.ScaleYesNo: "n"}[d.Schaal])
	}
	return "scan=1&m=a&r=" + row.String() + "&b=20&f=80&n=Toegankelijkheid"
}

// randomTeam writes n random respondents: the same file as the goja benchmark in generator/scan.
func randomTeam(n int) string {
	var numbers []int
	var scales []string
	for _, d := range knowledge.Determinants {
		numbers = append(numbers, d.Nummer)
		scales = append(scales, d.Schaal)
	}
	return corpus.TeamCSV(numbers, scales, n)
}

// ---------------------------------------------------------------- team files

var (
	gojaOnce   sync.Once
	gojaModule *scan.Module
	gojaErr    error
)

// goja is the command line's engine with the real knowledge base: what the page shows must be
// what `kennisbank scan` prints.
func goja(t testing.TB) *scan.Module {
	t.Helper()
	gojaOnce.Do(func() { gojaModule, gojaErr = scan.Load(repoRoot) })
	if gojaErr != nil {
		t.Fatal(gojaErr)
	}
	return gojaModule
}

func surveyTeam(n int, seed int64) corpus.Team {
	var qs []corpus.Question
	ds := append([]*content.Determinant(nil), knowledge.Determinants...)
	sort.Slice(ds, func(i, j int) bool { return ds[i].Nummer < ds[j].Nummer })
	for _, d := range ds {
		qs = append(qs, corpus.Question{Number: d.Nummer, ID: d.ID, Title: d.Titel, Text: d.Vraag, Scale: d.Schaal})
	}
	return corpus.RandomTeam(qs, n, seed)
}

func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// consoleErrors collects what the page logs as an error and every uncaught exception.
func consoleErrors(ctx context.Context) func() []string {
	var mu sync.Mutex
	var errs []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *cdpruntime.EventConsoleAPICalled:
			if e.Type == cdpruntime.APITypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				errs = append(errs, "console.error: "+strings.Join(parts, " "))
			}
		case *cdpruntime.EventExceptionThrown:
			errs = append(errs, "exception: "+e.ExceptionDetails.Error())
		}
	})
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

// row is one row of the result table as a reader sees it.
type row struct {
	Title    string `json:"title"`
	Answers  string `json:"answers"`
	Negative string `json:"negative"`
	Neutral  string `json:"neutral"`
	Positive string `json:"positive"`
	Verdict  string `json:"verdict"`
}

func resultTable(ctx context.Context, t *testing.T) []row {
	t.Helper()
	var rows []row
	if err := chromedp.Run(ctx, eval(`Array.from(document.querySelectorAll("#scan-tabel tbody tr")).map(tr => { const c = Array.from(tr.children).map(x => x.textContent); return {title: c[0], answers: c[1], negative: c[2], neutral: c[3], positive: c[4], verdict: c[5]} })`, &rows)); err != nil {
		t.Fatal(err)
	}
	return rows
}

// sameAsCommandLine compares the page's table with the command line's report of the same file.
func sameAsCommandLine(t *testing.T, name string, rows []row, rep *scan.Report) {
	t.Helper()
	if len(rows) != len(rep.Determinants) {
		t.Fatalf("%s: the page shows %d determinants, the command line %d", name, len(rows), len(rep.Determinants))
	}
	barrier := map[string]bool{}
	for _, b := range rep.Barriers {
		barrier[b.ID] = true
	}
	for i, d := range rep.Determinants {
		want := row{Title: fmt.Sprintf("%d. %s", d.Number, d.Title), Answers: fmt.Sprint(d.Answers), Negative: pct(d.Negative), Positive: pct(d.Positive)}
		got := rows[i]
		if got.Title != want.Title || got.Answers != want.Answers || got.Negative != want.Negative || got.Positive != want.Positive || (got.Verdict == "belemmerend") != barrier[d.ID] {
			t.Errorf("%s: the page shows %+v, the command line %+v (barrier %v)", name, got, d, barrier[d.ID])
		}
	}
}

func pct(x float64) string { return fmt.Sprintf("%d%%", int(math.Round(x*100))) }

// openTeam opens the scan page with a team's file read in.
func openTeam(ctx context.Context, base, file string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Navigate(base + "scan/"),
		chromedp.WaitReady(scanReady),
		chromedp.Click(`input[name="modus"][value="team"]`),
		chromedp.SetUploadFiles("#scan-bestand", []string{file}),
		chromedp.Poll(fmt.Sprintf(`document.getElementById("scan-team-info").textContent.includes(%q) || !document.getElementById("scan-koppelen").hidden`, filepath.Base(file)), nil),
	}
}

// TestScanReadsSurveyToolFiles uploads what Microsoft Forms (.xlsx), Google Forms, LimeSurvey,
// Qualtrics and Dutch Excel (CSV) export for the scan's own questions: no mapping step, and the
// same numbers as the command line, in the table and in the bars of the chart. (Castor's coded
// answers need a mapping: TestScanMappingStep.)
func TestScanReadsSurveyToolFiles(t *testing.T) {
	ctx := browsertest.New(t)
	errs := consoleErrors(ctx)
	base := browsertest.Serve(t, siteDir, "/")
	team := surveyTeam(40, 1)
	for _, f := range []struct {
		name string
		data []byte
	}{{"antwoorden.xlsx", team.MicrosoftForms()}, {"Implementatiescan (antwoorden).csv", team.GoogleForms()},
		{"results-survey.csv", team.LimeSurvey(true)}, {"qualtrics.csv", team.Qualtrics()}, {"functies.csv", team.ExcelWindows()}} {
		file := writeFile(t, f.name, f.data)
		var mappingShown bool
		if err := chromedp.Run(ctx, openTeam(ctx, base, file), eval(`!document.getElementById("scan-koppelen").hidden`, &mappingShown)); err != nil {
			t.Fatal(err)
		}
		if mappingShown {
			t.Errorf("%s: the mapping step shows for a file of the scan's own questions", f.name)
			continue
		}
		rep, err := goja(t).Report(f.data, scan.ReportOptions{Threshold: 0.2})
		if err != nil {
			t.Fatal(err)
		}
		sameAsCommandLine(t, f.name, resultTable(ctx, t), rep)
		if info := text(ctx, t, "#scan-team-info"); !contains(info, "40 respondenten", f.name) {
			t.Errorf("%s: team info %q", f.name, info)
		}
		// The bars, measured as drawn: each a share of its half of the track, the barrier line at 20%
		// of the unfavourable half from the zero line.
		var bars []struct {
			Neg, Pos, Line float64
		}
		if err := chromedp.Run(ctx, eval(`Array.from(document.querySelectorAll("#scan-grafiek .scan-bar-row:not(.scan-bar-head)")).map(row => {
			const half = row.querySelector(".scan-bar-left").getBoundingClientRect();
			const w = (sel) => row.querySelector(sel).getBoundingClientRect().width / half.width;
			return {neg: w(".scan-bar-neg"), pos: w(".scan-bar-pos"), line: (half.right - row.querySelector(".scan-threshold").getBoundingClientRect().right) / half.width};
		})`, &bars)); err != nil {
			t.Fatal(err)
		}
		for i, d := range rep.Determinants {
			b := bars[i]
			if math.Abs(b.Neg-d.Negative) > 0.01 || math.Abs(b.Pos-d.Positive) > 0.01 || math.Abs(b.Line-0.2) > 0.01 {
				t.Errorf("%s: bar of %s: negative %.3f, positive %.3f, barrier line at %.3f; want %.4f, %.4f, 0.2", f.name, d.ID, b.Neg, b.Pos, b.Line, d.Negative, d.Positive)
			}
		}
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %v", e)
	}
}

// pageUnzip bundles the page's unzip (assets/scan/page/unzip.ts, the browser's
// DecompressionStream) into a script that defines KennisbankUnzip.
func pageUnzip(t testing.TB) string {
	b, err := assets.Module(os.DirFS(filepath.Join(repoRoot, "theme", "assets")), "scan/page/unzip.ts", "KennisbankUnzip")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestScanLogicSameInChromiumAndGoja runs the logic the command line runs (goja) in Chromium, on
// the same files of every survey tool and some bad ones, each workbook unpacked as its side does
// it (the page with DecompressionStream, the command line with archive/zip): the reports and
// refusals must be identical, byte for byte after parsing.
func TestScanLogicSameInChromiumAndGoja(t *testing.T) {
	browsertest.SkipShort(t)
	bundle, err := scan.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	team := surveyTeam(60, 4)
	rows := team.MicrosoftFormsRows()
	mapping := corpus.CastorMapping
	group := "Wat is je functie?"
	cases := []struct {
		name string
		file []byte
		opts scan.ReportOptions
	}{
		{"Microsoft Forms .xlsx, by role", team.MicrosoftForms(), scan.ReportOptions{Threshold: 0.2, Group: &group}},
		{".xlsx with inline strings, 1904 dates", corpus.XLSX{Rows: rows, InlineStrings: true, Date1904: true}.Bytes(), scan.ReportOptions{Threshold: 0.25}},
		{"Google Forms CSV", team.GoogleForms(), scan.ReportOptions{Threshold: 0.2, Facilitator: 0.5}},
		{"LimeSurvey CSV", team.LimeSurvey(true), scan.ReportOptions{Threshold: 0.2}},
		{"Qualtrics CSV", team.Qualtrics(), scan.ReportOptions{Threshold: 0.2}},
		{"Castor CSV with a mapping", team.Castor(), scan.ReportOptions{Threshold: 0.2, Mapping: &mapping}},
		{"Castor CSV without one", team.Castor(), scan.ReportOptions{Threshold: 0.2}},
		{"Windows-1252 CSV", team.ExcelWindows(), scan.ReportOptions{Threshold: 0.2}},
		{"UTF-16 text", team.UnicodeText(), scan.ReportOptions{Threshold: 0.2}},
		{"an encrypted workbook", append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...), scan.ReportOptions{Threshold: 0.2}},
		{"half a workbook", team.MicrosoftForms()[:3000], scan.ReportOptions{Threshold: 0.2}},
		{"a zip bomb", zipBomb(t), scan.ReportOptions{Threshold: 0.2}},
		{"a part that unpacks past its declared size", declaredSize(t, surveyTeam(20, 3).MicrosoftForms(), "xl/worksheets/sheet1.xml", 1000), scan.ReportOptions{Threshold: 0.2}},
		{"a stored, not deflated workbook", corpus.XLSX{Rows: rows, Store: true}.Bytes(), scan.ReportOptions{Threshold: 0.2}},
		{"a workbook with two sheets, the second asked for", corpus.XLSX{Rows: rows, EmptyFirst: true}.Bytes(), scan.ReportOptions{Threshold: 0.2, Sheet: "Sheet1"}},
	}
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"404.html"),
		chromedp.Evaluate(string(bundle)+"\n;true", nil),
		chromedp.Evaluate(pageUnzip(t)+"\n;true", nil),
		eval(`fetch("data/kennisbank.json").then(r => r.json()).then(kb => { window.kbData = kb; return true })`, nil),
	); err != nil {
		t.Fatal(err)
	}
	// The browser decodes UTF-8 with its own TextDecoder, goja with the logic's decoder: on valid
	// and broken UTF-8 alike they must read the same text, or both refuse it.
	rng := rand.New(rand.NewSource(3))
	var samples []string
	for i := 0; i < 300; i++ {
		b := []byte(strings.Repeat("Coördinator € 😀 ", 1+rng.Intn(3)))
		for k := rng.Intn(3); k > 0; k-- {
			b[rng.Intn(len(b))] = byte(rng.Intn(256))
		}
		samples = append(samples, base64.StdEncoding.EncodeToString(b))
	}
	sampleJSON, _ := json.Marshal(samples)
	var differ []string
	if err := chromedp.Run(ctx, eval(`(`+string(sampleJSON)+`).filter(s => { const b = Uint8Array.from(atob(s), c => c.charCodeAt(0)); return KennisbankScan.utf8(b, 0) !== KennisbankScan.utf8Script(b, 0) })`, &differ)); err != nil {
		t.Fatal(err)
	}
	if len(differ) > 0 {
		t.Errorf("TextDecoder and the logic's decoder read %d of %d samples differently, e.g. %s", len(differ), len(samples), differ[0])
	}
	for _, c := range cases {
		z, err := goja(t).Unzip(c.file)
		if err != nil {
			t.Fatal(err)
		}
		want, err := goja(t).Call("report", scan.Bytes(c.file), c.opts, z)
		if err != nil {
			t.Fatal(err)
		}
		opts, _ := json.Marshal(c.opts)
		var got string
		if err := chromedp.Run(ctx, eval(fmt.Sprintf(`(async () => {
			const b = Uint8Array.from(atob(%q), c => c.charCodeAt(0));
			const z = KennisbankScan.isZip(b) ? await KennisbankUnzip.unzip(b) : undefined;
			return JSON.stringify(KennisbankScan.report(window.kbData, b, %s, z)) })()`, base64.StdEncoding.EncodeToString(c.file), opts), &got)); err != nil {
			t.Fatal(err)
		}
		if canonical(t, []byte(got)) != canonical(t, want) {
			t.Errorf("%s: Chromium and goja disagree\nChromium: %.400s\ngoja:     %.400s", c.name, got, want)
		}
	}
}

// zipBomb is a workbook whose main part unpacks to 60 MB of spaces from some 60 kB.
func zipBomb(t *testing.T) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, body := range map[string][]byte{
		"[Content_Types].xml": []byte(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
		"_rels/.rels":         []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		"xl/workbook.xml":     bytes.Repeat([]byte(" "), 60<<20),
	} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(body)
	}
	_ = z.Close()
	return b.Bytes()
}

// declaredSize rewrites the unpacked size the zip's directory declares for a part.
func declaredSize(t *testing.T, data []byte, name string, size uint32) []byte {
	out := bytes.Clone(data)
	sig := []byte{0x50, 0x4b, 1, 2}
	found := false
	for i := bytes.Index(out, sig); i >= 0; {
		nameLen := int(binary.LittleEndian.Uint16(out[i+28:]))
		if string(out[i+46:i+46+nameLen]) == name {
			binary.LittleEndian.PutUint32(out[i+24:], size)
			found = true
		}
		j := bytes.Index(out[i+4:], sig)
		if j < 0 {
			break
		}
		i += 4 + j
	}
	if !found {
		t.Fatalf("no part %s", name)
	}
	return out
}

func canonical(t *testing.T, raw []byte) string {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

// TestScanMappingStep reads a Castor export, whose yes/no answers are numbers: the mapping step
// asks what they mean, with every list labelled, usable with the keyboard alone; the result is the
// command line's with the same mapping, and the next file of the form needs no mapping.
func TestScanMappingStep(t *testing.T) {
	ctx := browsertest.New(t)
	errs := consoleErrors(ctx)
	base := browsertest.Serve(t, siteDir, "/")
	team := surveyTeam(30, 9)
	file := writeFile(t, "castor-export.csv", team.Castor())
	var state struct {
		Focus     string   `json:"focus"`
		Unlabeled []string `json:"unlabeled"`
		Words     []string `json:"words"`
	}
	if err := chromedp.Run(ctx, openTeam(ctx, base, file), chromedp.WaitVisible("#scan-koppelen"),
		eval(`({focus: document.activeElement.id,
			unlabeled: Array.from(document.querySelectorAll("#scan-koppelen select")).filter(s => !document.querySelector('label[for="' + s.id + '"]')).map(s => s.id),
			words: Array.from(document.querySelectorAll("#scan-koppelen-antwoordlijst select")).map(s => s.dataset.family + ":" + s.dataset.value)})`, &state),
	); err != nil {
		t.Fatal(err)
	}
	words := append([]string(nil), state.Words...)
	sort.Strings(words)
	if state.Focus != "koppelen-kop" || len(state.Unlabeled) > 0 || strings.Join(words, " ") != "eens5:99 janeeweetniet:0 janeeweetniet:1 janeeweetniet:9 janeeweetniet:99" {
		t.Fatalf("mapping step: focus on %q, unlabelled lists %v, unknown answers %v", state.Focus, state.Unlabeled, state.Words)
	}
	// Applying with an answer left open says so, and puts the focus on it.
	var focus, errText string
	if err := chromedp.Run(ctx, chromedp.Focus("#scan-koppelen-toepassen"), chromedp.KeyEvent(kb.Enter),
		eval(`document.activeElement.id`, &focus), eval(`document.getElementById("scan-koppelen-fout").textContent`, &errText)); err != nil {
		t.Fatal(err)
	}
	if focus != "scan-antwoord-0" || !strings.Contains(errText, "Kies bij elk antwoord") {
		t.Errorf("applying with open answers: focus on %q, message %q", focus, errText)
	}
	// By keyboard: type the first letters of the meanings, then Enter on the button.
	meaning := map[string]string{"janeeweetniet:1": "ja", "janeeweetniet:0": "n", "janeeweetniet:9": "w", "janeeweetniet:99": "g", "eens5:99": "g"}
	var typing chromedp.Tasks
	for i, w := range state.Words {
		typing = append(typing, chromedp.SendKeys(fmt.Sprintf("#scan-antwoord-%d", i), meaning[w]))
	}
	if err := chromedp.Run(ctx, typing,
		chromedp.Focus("#scan-koppelen-toepassen"), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitNotVisible("#scan-koppelen"),
		chromedp.WaitVisible("#scan-uitkomst"),
	); err != nil {
		t.Fatal(err)
	}
	mapping := corpus.CastorMapping
	rep, err := goja(t).Report(team.Castor(), scan.ReportOptions{Threshold: 0.2, Mapping: &mapping})
	if err != nil {
		t.Fatal(err)
	}
	sameAsCommandLine(t, "Castor with the mapping", resultTable(ctx, t), rep)
	// The next export of the same form, in another session: read at once.
	next := writeFile(t, "castor-export-2.csv", surveyTeam(25, 10).Castor())
	var shown bool
	if err := chromedp.Run(ctx, chromedp.Reload(), chromedp.WaitReady(scanReady), chromedp.SetUploadFiles("#scan-bestand", []string{next}),
		chromedp.Poll(`document.getElementById("scan-team-info").textContent.includes("castor-export-2.csv")`, nil),
		eval(`!document.getElementById("scan-koppelen").hidden`, &shown)); err != nil {
		t.Fatal(err)
	}
	if shown || !strings.Contains(text(ctx, t, "#scan-team-info"), "25 respondenten") {
		t.Errorf("the next file of the form: mapping step shown %v, team info %q", shown, text(ctx, t, "#scan-team-info"))
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %v", e)
	}
}

// TestScanMapsAnUnknownColumn: a column the scan does not recognise is mapped to its determinant
// with the keyboard; a saved mapping file opened in the step does the same.
func TestScanMapsAnUnknownColumn(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	d1 := knowledge.Determinants[0]
	for _, d := range knowledge.Determinants {
		if d.Nummer == 1 {
			d1 = d
		}
	}
	csv := "Hoe duidelijk is het protocol?;2;3\n1;1;5\n2;4;5\n1;2;4\n"
	file := writeFile(t, "eigen-formulier.csv", []byte(csv))
	if err := chromedp.Run(ctx, openTeam(ctx, base, file), chromedp.WaitVisible("#scan-koppelen")); err != nil {
		t.Fatal(err)
	}
	var label string
	if err := chromedp.Run(ctx, eval(`document.querySelector('label[for="scan-kolom-0"]').textContent`, &label)); err != nil {
		t.Fatal(err)
	}
	if label != "Kolom A: Hoe duidelijk is het protocol?" {
		t.Errorf("the unknown column's label: %q", label)
	}
	if err := chromedp.Run(ctx,
		chromedp.SendKeys("#scan-kolom-0", "1."),
		chromedp.Focus("#scan-koppelen-toepassen"), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible("#scan-uitkomst"),
	); err != nil {
		t.Fatal(err)
	}
	rows := resultTable(ctx, t)
	if rows[0].Title != fmt.Sprintf("1. %s", d1.Titel) || rows[0].Answers != "3" || rows[0].Negative != "100%" || rows[1].Negative != "67%" {
		t.Errorf("determinant 1 after mapping the column: %+v", rows[0])
	}
}

// TestScanComparesGroups chooses the role column of a Microsoft Forms export: the groups of at
// least five stand side by side with the command line's figures, the others are not shown and the
// page says why.
func TestScanComparesGroups(t *testing.T) {
	ctx := browsertest.New(t)
	errs := consoleErrors(ctx)
	base := browsertest.Serve(t, siteDir, "/")
	team := surveyTeam(60, 12)
	file := writeFile(t, "forms.xlsx", team.MicrosoftForms())
	column := "Wat is je functie?"
	rep, err := goja(t).Report(team.MicrosoftForms(), scan.ReportOptions{Threshold: 0.2, Group: &column})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Groups) < 2 || rep.HiddenGroups == 0 {
		t.Fatalf("the team needs two groups to show and one to hide: %d shown, %d hidden", len(rep.Groups), rep.HiddenGroups)
	}
	var page struct {
		Heads []string   `json:"heads"`
		Cells [][]string `json:"cells"`
		Info  string     `json:"info"`
	}
	if err := chromedp.Run(ctx, openTeam(ctx, base, file), chromedp.WaitVisible("#scan-groepen"),
		choose("#scan-groep", column),
		chromedp.WaitVisible("#scan-groepen-tabel"),
		eval(`({heads: Array.from(document.querySelectorAll("#scan-groepen-tabel thead th")).map(th => th.textContent),
			cells: Array.from(document.querySelectorAll("#scan-groepen-tabel tbody tr")).map(tr => Array.from(tr.children).map(c => c.textContent)),
			info: document.getElementById("scan-groepen-info").textContent})`, &page),
	); err != nil {
		t.Fatal(err)
	}
	want := []string{"Determinant", fmt.Sprintf("Totaal (%d)", rep.Respondents)}
	for _, g := range rep.Groups {
		want = append(want, fmt.Sprintf("%s (%d)", g.Name, g.Respondents))
	}
	if strings.Join(page.Heads, "|") != strings.Join(want, "|") || !contains(page.Info, "minder dan 5 mensen", "niemand herkenbaar", "tellen wel mee in het totaal") {
		t.Errorf("group table headed %q, want %q; note %q", page.Heads, want, page.Info)
	}
	for gi, g := range rep.Groups {
		barrier := map[string]bool{}
		for _, b := range g.Barriers {
			barrier[b.ID] = true
		}
		for k, d := range rep.Determinants {
			cell := page.Cells[k][2+gi]
			if (strings.Contains(cell, "belemmerend")) != barrier[d.ID] && !strings.Contains(cell, "te weinig") {
				t.Errorf("group %s, %s: the page says %q, the command line barrier %v", g.Name, d.ID, cell, barrier[d.ID])
			}
		}
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %v", e)
	}
}

// TestScanComparesWithEarlierResult loads a saved scan as the earlier measurement: the solved and
// new barriers are the command line's, and the comparison goes into the printed plan.
func TestScanComparesWithEarlierResult(t *testing.T) {
	before, now := surveyTeam(30, 21), surveyTeam(30, 22)
	earlierReport, err := goja(t).Report(before.LimeSurvey(true), scan.ReportOptions{Threshold: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	earlier := string(earlierReport.JSON())
	rep, err := goja(t).Report(now.MicrosoftForms(), scan.ReportOptions{Threshold: 0.2, Compare: &earlier, CompareName: "voorjaar.json"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	errs := consoleErrors(ctx)
	base := browsertest.Serve(t, siteDir, "/")
	var statuses []string
	var summary, printed string
	if err := chromedp.Run(ctx,
		openTeam(ctx, base, writeFile(t, "najaar.xlsx", now.MicrosoftForms())),
		chromedp.WaitVisible("#scan-uitkomst"),
		chromedp.SetUploadFiles("#scan-eerder", []string{writeFile(t, "voorjaar.json", []byte(earlier))}),
		chromedp.WaitVisible("#scan-vergelijking"),
		eval(`Array.from(document.querySelectorAll("#scan-vergelijking-tabel tbody tr")).map(tr => tr.lastElementChild.textContent)`, &statuses),
		eval(`document.getElementById("scan-vergelijking-samenvatting").textContent`, &summary),
		eval(`document.getElementById("scan-afdruk").textContent`, &printed),
	); err != nil {
		t.Fatal(err)
	}
	status := comparisonStatus(rep.Comparison)
	for k, d := range rep.Determinants {
		want := status[d.ID]
		if want == "" {
			want = "—"
		}
		if statuses[k] != want {
			t.Errorf("%s: the page says %q, the command line %q", d.ID, statuses[k], want)
		}
	}
	if !contains(summary, "voorjaar.json", "30 respondenten", "Opgelost:", "Nieuw:") || !strings.Contains(printed, "Vergeleken met de eerdere meting") {
		t.Errorf("summary %q; printed plan has the comparison: %v", summary, strings.Contains(printed, "Vergeleken met de eerdere meting"))
	}
	if err := chromedp.Run(ctx, chromedp.Click("#scan-vergelijking-weg"), chromedp.WaitNotVisible("#scan-vergelijking")); err != nil {
		t.Fatal(err)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %v", e)
	}
}

// TestScanAtPhoneWidth: at 320 CSS pixels the page does not scroll sideways; wide things (the
// chart, tables) scroll in their own region.
func TestScanAtPhoneWidth(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	team := surveyTeam(40, 1)
	group := "Wat is je functie?"
	for _, step := range []struct {
		name string
		file string
		then chromedp.Action
	}{
		{"a result with groups", writeFile(t, "forms.xlsx", team.MicrosoftForms()), choose("#scan-groep", group)},
		{"the mapping step", writeFile(t, "castor.csv", team.Castor()), chromedp.WaitVisible("#scan-koppelen")},
	} {
		var width int
		if err := chromedp.Run(ctx,
			emulation.SetDeviceMetricsOverride(320, 640, 1, true),
			openTeam(ctx, base, step.file), step.then,
			eval(`document.documentElement.scrollWidth`, &width),
		); err != nil {
			t.Fatal(err)
		}
		if width > 320 {
			t.Errorf("%s at 320 px: the page is %d px wide", step.name, width)
		}
	}
}

// comparisonStatus is the word the page shows beside each determinant of a comparison, by id,
// as the command line's report sorts them.
func comparisonStatus(c *scan.Comparison) map[string]string {
	status := map[string]string{}
	for _, id := range c.Solved {
		status[id] = "opgelost"
	}
	for _, id := range c.New {
		status[id] = "nieuw"
	}
	for _, id := range c.Remaining {
		status[id] = "nog steeds"
	}
	return status
}
