package sitetest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"kennisbank/generator/content"
	"kennisbank/generator/scan"
	"kennisbank/internal/browsertest"
	"kennisbank/internal/corpus"
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

	// A bad file names the row and column, and leaves the result as it was.
	bad := strings.Replace(csv, "weet niet", "misschien", 1)
	var alert string
	if err := chromedp.Run(ctx,
		eval(`document.getElementById("scan-plak").value = ""`, nil),
		chromedp.SendKeys("#scan-plak", bad),
		chromedp.Click("#scan-inlezen"),
		chromedp.WaitVisible("#scan-alert"),
		eval(`document.getElementById("scan-alert").textContent`, &alert),
	); err != nil {
		t.Fatal(err)
	}
	if !contains(alert, "Rij 4, kolom E", `"misschien"`, "niets veranderd") {
		t.Errorf("alert for a bad value: %q", alert)
	}
	if got := barrierRows(ctx, t); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("after a bad file the barriers changed to %v", got)
	}
	if !strings.Contains(text(ctx, t, "#scan-team-info"), "6 respondenten") {
		t.Error("after a bad file the team data changed")
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
	if a := text(ctx, t, "#scan-alert"); a != "" {
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
			bars: p.querySelectorAll("svg .scan-bar").length,
			threshold: p.querySelectorAll("svg .scan-threshold").length } })()`, &printed),
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
	if printed.Bars == 0 || printed.Threshold != 1 {
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
	state := map[string]any{
		"mode":        "team",
		"respondents": []map[string]string{{plain.ID: "1", rev.ID: "2"}, {plain.ID: "4", rev.ID: "4"}},
		"ignored":     []string{},
		"thresholds":  map[string]float64{"barrier": 0.5, "facilitator": 0.8},
		"name":        "Werken met de meldcode",
		"plan":        []string{},
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

// BenchmarkScanRankingInChromium runs the scan module (the bundle goja runs, see generator/scan)
// in Chromium on 500 respondents: reading the CSV, scoring and ranking (goal: at most 20 ms).
func BenchmarkScanRankingInChromium(b *testing.B) {
	bundle, err := scan.Bundle(repoRoot)
	if err != nil {
		b.Fatal(err)
	}
	csvJSON, _ := json.Marshal(randomTeam(500))
	ctx := browsertest.New(b)
	base := browsertest.Serve(b, siteDir, "/")
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"scan/"),
		chromedp.WaitReady(scanReady),
		chromedp.Evaluate(string(bundle)+"\n;true", nil),
		eval(`fetch("../data/kennisbank.json").then(r => r.json()).then(kb => { window.kbData = kb; window.kbCSV = `+string(csvJSON)+`; return true })`, nil),
	); err != nil {
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
		if err := chromedp.Run(ctx, eval(`(() => {
			const t0 = performance.now();
			const rep = KennisbankScan.report(window.kbData, window.kbCSV, 0.2);
			return { ms: performance.now() - t0, respondents: rep.value.respondents, strategies: rep.value.strategies.length };
		})()`, &res)); err != nil {
			b.Fatal(err)
		}
		if res.Respondents != 500 || res.Strategies == 0 {
			b.Fatalf("the module did not rank: %+v", res)
		}
		times = append(times, res.Ms)
	}
	b.StopTimer()
	sort.Float64s(times)
	b.ReportMetric(times[len(times)/2], "median-ms/ranking")
}

// TestScanAccessibility runs axe-core (WCAG 2.1 A and AA) on the scan page, empty and with a
// whole result, in light and dark mode. (A test of its own, with its own browser: the site-wide
// TestAccessibility has a time budget of one browser.)
func TestScanAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range []struct{ path, ready string }{
			{"scan/", scanReady},
			{"scan/#" + unfavourableFragment(), "#scan-uitkomst:not([hidden])"},
		} {
			var found []violation
			if err := chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}),
				chromedp.Navigate(base+"404.html"), // leave the page, so that the fragment loads it anew
				chromedp.Navigate(base+p.path),
				chromedp.WaitReady(p.ready),
				chromedp.Evaluate(axe, nil),
				eval(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => r.violations)`, &found),
			); err != nil {
				t.Fatalf("%s (%s): %v", p.path, scheme, err)
			}
			for _, v := range found {
				var targets []string
				for _, n := range v.Nodes {
					targets = append(targets, strings.Join(n.Target, " "))
				}
				t.Errorf("/%s (%s): %s (%s): %s at %s", p.path[:5], scheme, v.ID, v.Impact, v.Help, strings.Join(targets, ", "))
			}
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
