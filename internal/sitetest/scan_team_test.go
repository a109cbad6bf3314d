package sitetest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/werkplaats-jeugd/kennisbank/generator/scan"
	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// The scan page with a team's file, as an implementation coordinator uses it: a mapping kept for
// one form and a file of another, what is kept and shared, the file read on a phone.

// keepDownloads makes the page keep every file it offers; saved returns their texts.
var keepDownloads = eval(`(() => { window.kbSaved = []; const create = URL.createObjectURL; URL.createObjectURL = (b) => { window.kbSaved.push(b); return create.call(URL, b) }; return true })()`, nil)

func saved(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var texts []string
	if err := chromedp.Run(ctx, eval(`Promise.all(window.kbSaved.map(b => b.text()))`, &texts)); err != nil {
		t.Fatal(err)
	}
	return texts
}

// codedSurveys are two surveys a coordinator made in LimeSurvey, their questions coded SQ001,
// SQ002, … by their place: the first asks all 29 in an order of its own, the second 12 other
// ones, with the same codes. mapping is the first form's mapping as the page keeps it.
func codedSurveys(t *testing.T) (first, second corpus.Team, mapping string) {
	all := surveyTeam(1, 1).Questions
	var shuffled, twelve []corpus.Question
	columns := map[string]string{}
	for k := range all {
		q := all[(k*7)%len(all)]
		shuffled = append(shuffled, q)
		columns[fmt.Sprintf("SQ%03d", k+1)] = q.ID
	}
	for _, n := range []int{4, 8, 19, 21, 23, 25, 1, 2, 3, 5, 6, 7} {
		twelve = append(twelve, all[n-1])
	}
	first, second = corpus.RandomTeam(shuffled, 40, 31), corpus.RandomTeam(twelve, 25, 32)
	m := goja(t)
	file := first.LimeSurveyCodes("SQ")
	z, _ := m.Unzip(file)
	raw, _ := m.CallPlain("readFile", scan.Bytes(file), z)
	var sheet struct {
		Value json.RawMessage `json:"value"`
	}
	_ = json.Unmarshal(raw, &sheet)
	marked, _ := m.CallPlain("forSheet", map[string]any{"fingerprint": "", "headings": []string{}, "columns": columns,
		"answers": map[string]any{"eens5": map[string]string{}, "janeeweetniet": map[string]string{}}, "groups": map[string]any{}}, sheet.Value)
	raw, _ = m.CallPlain("mappingJSON", marked)
	_ = json.Unmarshal(raw, &mapping)
	return first, second, mapping
}

// TestScanReusesAMappingOnlyForItsOwnHeadings: the mapping kept for a form is used for the next
// export of that form, and the page says so and offers to change it; on a form with other
// headings that uses the same codes, the mapping step shows again, prefilled where the headings
// are the same, instead of reading the answers as the wrong questions.
func TestScanReusesAMappingOnlyForItsOwnHeadings(t *testing.T) {
	first, second, mapping := codedSurveys(t)
	ctx := browsertest.New(t)
	errs := consoleErrors(ctx)
	base := browsertest.Serve(t, siteDir, "/")
	keep := fmt.Sprintf(`localStorage.setItem("kennisbank-scan-koppeling", %q), true`, mapping)
	next := corpus.RandomTeam(first.Questions, 33, 34)
	var state struct {
		Step, Reused bool
		Info         string
	}
	check := eval(`({step: !document.getElementById("scan-koppelen").hidden, reused: !document.getElementById("scan-koppeling-info").hidden, info: document.getElementById("scan-team-info").textContent})`, &state)
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"scan/"), chromedp.WaitReady(scanReady), eval(keep, nil),
		openTeam(ctx, base, writeFile(t, "najaar.csv", next.LimeSurveyCodes("SQ"))), check); err != nil {
		t.Fatal(err)
	}
	rep, err := goja(t).Report(next.LimeSurveyCodes("SQ"), scan.ReportOptions{Threshold: 0.2, Mapping: &mapping})
	if err != nil {
		t.Fatal(err)
	}
	if state.Step || !state.Reused {
		t.Errorf("the next export of the form: mapping step shown %v, reuse said %v", state.Step, state.Reused)
	}
	sameAsCommandLine(t, "the form's next export", resultTable(ctx, t), rep)
	// Koppeling wijzigen opens the step with the kept choices.
	var chosen string
	if err := chromedp.Run(ctx, chromedp.Click("#scan-koppeling-wijzig"), chromedp.WaitVisible("#scan-koppelen"),
		eval(`document.querySelector('select[data-heading="SQ001"]').value`, &chosen)); err != nil {
		t.Fatal(err)
	}
	if chosen != first.Questions[0].ID {
		t.Errorf("changing the mapping: SQ001 shows %q, want %q", chosen, first.Questions[0].ID)
	}
	// The other form: the step, prefilled from the first form, saying why.
	var step struct {
		Shown   bool
		Text    string
		Chosen  string
		Focused string
	}
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"scan/"), chromedp.WaitReady(scanReady),
		openTeam(ctx, base, writeFile(t, "twaalf-vragen.csv", second.LimeSurveyCodes("SQ"))), chromedp.WaitVisible("#scan-koppelen"),
		eval(`({shown: !document.getElementById("scan-koppelen").hidden, text: document.getElementById("scan-koppelen-uitleg").textContent,
			chosen: document.querySelector('select[data-heading="SQ001"]').value, focused: document.activeElement.id})`, &step)); err != nil {
		t.Fatal(err)
	}
	if !step.Shown || !strings.Contains(step.Text, "kolomkoppen van twaalf-vragen.csv verschillen") || step.Chosen != first.Questions[0].ID || step.Focused != "koppelen-kop" {
		t.Errorf("a form with other headings: %+v", step)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %v", e)
	}
}

// phoneTeam is a team of 40 read from a Microsoft Forms export with the questions a coordinator
// adds: a role of which some groups are smaller than five, a team coded 1 to 3, the FTE and a
// comment.
func phoneTeam() corpus.Team { return surveyTeam(40, 1) }

var (
	comments = regexp.MustCompile(`\(\d+\)$`)
)

// TestScanKeepsAndSharesCountsOnly reads a team's file with small groups, comments and the FTE,
// compares its groups, and saves what the page offers to keep: that file, the share link and the
// browser's storage hold counts per group of at least five, no row per person, no comment and no
// small group by name. Opened as the earlier measurement the kept file gives the comparison, with
// its chart. Only the option that says so saves the answers per person.
func TestScanKeepsAndSharesCountsOnly(t *testing.T) {
	team := phoneTeam()
	ctx := browsertest.New(t)
	errs := consoleErrors(ctx)
	base := browsertest.Serve(t, siteDir, "/")
	file := writeFile(t, "forms.xlsx", team.MicrosoftFormsExtended())
	var columns []string
	var link, stored string
	if err := chromedp.Run(ctx, openTeam(ctx, base, file), keepDownloads,
		eval(`Array.from(document.querySelectorAll("#scan-groep option")).map(o => o.value).filter(v => v)`, &columns),
		choose("#scan-groep", "Wat is je functie?"), chromedp.WaitVisible("#scan-groepen-tabel"),
		chromedp.Click("#scan-json"), chromedp.Click("#scan-deel"), chromedp.Value("#scan-deellink", &link),
		eval(`localStorage.getItem("kennisbank-scan")`, &stored)); err != nil {
		t.Fatal(err)
	}
	if strings.Join(columns, "|") != "Wat is je functie?|Team" {
		t.Errorf("columns to compare groups by: %q; want the role and the team, not the FTE or the comments", columns)
	}
	size := map[string]int{}
	for _, r := range team.Roles {
		size[r]++
	}
	kept := saved(t, ctx)
	if len(kept) != 1 {
		t.Fatalf("saved %d files", len(kept))
	}
	for name, text := range map[string]string{"the kept file": kept[0], "the share link": link, "the browser's storage": stored} {
		for role, n := range size {
			if n < 5 && strings.Contains(text, role) {
				t.Errorf("%s names %s, a group of %d", name, role, n)
			}
		}
		for _, c := range team.Comments {
			if c != "" && strings.Contains(text, comments.ReplaceAllString(c, "")) {
				t.Errorf("%s quotes the comment %q", name, c)
			}
		}
		if strings.Contains(text, "0,8") || strings.Contains(text, `"respondents": [`) || strings.Contains(text, `"respondents":[`) {
			t.Errorf("%s holds values per person: %.300s", name, text)
		}
		if !strings.Contains(text, "Jeugdverpleegkundige") {
			t.Errorf("%s lacks the group of at least five", name)
		}
	}
	earlier := writeFile(t, "voorjaar.json", []byte(kept[0]))
	now := surveyTeam(30, 22)
	rep, err := goja(t).Report(now.MicrosoftForms(), scan.ReportOptions{Threshold: 0.2, Compare: &kept[0], CompareName: "voorjaar.json"})
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	var bars []struct{ Then, Now float64 }
	if err := chromedp.Run(ctx, openTeam(ctx, base, writeFile(t, "najaar.xlsx", now.MicrosoftForms())),
		chromedp.SetUploadFiles("#scan-eerder", []string{earlier}), chromedp.WaitVisible("#scan-vergelijking"),
		eval(`Array.from(document.querySelectorAll("#scan-vergelijking-tabel tbody tr")).map(tr => tr.lastElementChild.textContent)`, &statuses),
		eval(`Array.from(document.querySelectorAll("#scan-vergelijking-grafiek .scan-bar-row")).map(row => {
			const lane = row.querySelector(".scan-bar-lane").getBoundingClientRect().width;
			return {then: row.querySelector(".scan-bar-then").getBoundingClientRect().width / lane, now: row.querySelector(".scan-bar-now").getBoundingClientRect().width / lane} })`, &bars)); err != nil {
		t.Fatal(err)
	}
	status := comparisonStatus(rep.Comparison)
	if len(bars) != len(rep.Comparison.Determinants) || len(statuses) != len(rep.Comparison.Determinants) {
		t.Fatalf("the comparison shows %d rows and %d bars, want %d", len(statuses), len(bars), len(rep.Comparison.Determinants))
	}
	for k, d := range rep.Comparison.Determinants {
		want := status[d.ID]
		if want == "" {
			want = "—"
		}
		if statuses[k] != want || math.Abs(bars[k].Then-*d.NegativeBefore) > 0.01 || math.Abs(bars[k].Now-*d.NegativeNow) > 0.01 {
			t.Errorf("%s: the page says %q with bars %.3f → %.3f; the command line %q, %.4f → %.4f", d.ID, statuses[k], bars[k].Then, bars[k].Now, want, *d.NegativeBefore, *d.NegativeNow)
		}
	}
	// The answers per person only through the option that says what the file holds.
	var raw struct {
		Label, Text string
		Rows        int
	}
	if err := chromedp.Run(ctx, keepDownloads, chromedp.Click("#scan-ruw-bewaar"),
		eval(`(async () => ({label: document.getElementById("scan-ruw-bewaar").textContent, text: document.getElementById("scan-ruw").textContent, rows: (await window.kbSaved[0].text()).trim().split("\n").length}))()`, &raw)); err != nil {
		t.Fatal(err)
	}
	if raw.Label != "Antwoorden per persoon bewaren (CSV)" || !contains(raw.Text, "herkennen", "deel het niet") || raw.Rows != 31 {
		t.Errorf("the answers per person: %+v", raw)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %v", e)
	}
}

// TestScanFocusAfterChoosingAFile: after a good file the reader's focus is on the outcome, after
// a bad one on what is wrong, on a phone too, where both are out of sight; a live region says it.
func TestScanFocusAfterChoosingAFile(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	good := writeFile(t, "antwoorden.xlsx", surveyTeam(40, 1).MicrosoftForms())
	bad := writeFile(t, "verslag.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
	type seen struct {
		Focus, Status, Alert string
		Top, Bottom, Height  float64
	}
	look := `(() => { const a = document.activeElement, r = a.getBoundingClientRect();
		return {focus: a.id, status: document.getElementById("scan-status").textContent, alert: document.getElementById("scan-bestand-fout").textContent, top: r.top, bottom: r.bottom, height: innerHeight} })()`
	for _, width := range []int64{390, 1280} {
		var after [2]seen
		if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(width, 844, 1, width < 500),
			chromedp.Navigate(base+"404.html"), eval(`localStorage.clear(), true`, nil),
			chromedp.Navigate(base+"scan/"), chromedp.WaitReady(scanReady), chromedp.Click(`input[name="modus"][value="team"]`),
			chromedp.SetUploadFiles("#scan-bestand", []string{good}), chromedp.Poll(`document.activeElement.id === "uitkomst-kop"`, nil), eval(look, &after[0]),
			chromedp.SetUploadFiles("#scan-bestand", []string{bad}), chromedp.Poll(`document.activeElement.id === "scan-bestand-fout"`, nil), eval(look, &after[1]),
		); err != nil {
			t.Fatalf("%d px: %v", width, err)
		}
		g, b := after[0], after[1]
		if !strings.Contains(g.Status, "40 respondenten ingelezen uit antwoorden.xlsx") || g.Top < 0 || g.Bottom > g.Height {
			t.Errorf("%d px, a good file: %+v; want the focus on the outcome, in sight, and the status saying so", width, g)
		}
		if !contains(b.Alert, "verslag.pdf", "PDF-bestand", "niets veranderd") || b.Top < 0 || b.Bottom > b.Height {
			t.Errorf("%d px, a bad file: %+v; want the focus on the alert that says what is wrong, in sight", width, b)
		}
	}
}

// TestScanReadsOnAPhone: at 320 and 390 px the result, the groups, both charts and the comparison
// read without sideways scrolling, anywhere: the tables stack, every label stands in full, and
// every value (Uitkomst too) is on the screen.
func TestScanReadsOnAPhone(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	team := surveyTeam(60, 12)
	earlierRep, err := goja(t).Report(surveyTeam(30, 5).GoogleForms(), scan.ReportOptions{Threshold: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	earlier := writeFile(t, "eerder.json", earlierRep.JSON())
	file := writeFile(t, "forms.xlsx", team.MicrosoftForms())
	for _, width := range []int64{320, 390} {
		var res struct {
			Page      int
			Scrolling []string
			Cut       []string
			Offscreen []string
			Verdicts  int
		}
		if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(width, 800, 2, true),
			openTeam(ctx, base, file), choose("#scan-groep", "Wat is je functie?"), chromedp.WaitVisible("#scan-groepen-tabel"),
			chromedp.SetUploadFiles("#scan-eerder", []string{earlier}), chromedp.WaitVisible("#scan-vergelijking"),
			eval(`(() => {
				const parts = ["#scan-grafiek", "#scan-tabel", "#scan-groepen-tabel", "#scan-vergelijking-grafiek", "#scan-vergelijking-tabel"];
				const boxes = Array.from(document.querySelectorAll("#scan-uitkomst *")).filter(e => e.offsetParent !== null && !e.closest(".visually-hidden"));
				const out = {page: document.documentElement.scrollWidth, scrolling: [], cut: [], offscreen: [], verdicts: 0};
				// What is wider than its box and may scroll; a box of a pixel is a heading row kept for screen readers only.
				for (const e of boxes) if (e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible") out.scrolling.push(e.id || e.className || e.tagName);
				for (const l of document.querySelectorAll("#scan-uitkomst .scan-bar-label, #scan-uitkomst th[scope=row]")) if (l.scrollWidth > l.clientWidth + 1 || /…$/.test(l.textContent)) out.cut.push(l.textContent);
				for (const sel of parts) for (const c of document.querySelectorAll(sel + " td, " + sel + " .scan-bar-row > *")) {
					const r = c.getBoundingClientRect();
					if (r.width > 0 && (r.left < -1 || r.right > innerWidth + 1)) out.offscreen.push(sel + ": " + c.textContent);
				}
				out.verdicts = Array.from(document.querySelectorAll("#scan-tabel td[data-label=Uitkomst]")).filter(td => td.getBoundingClientRect().right <= innerWidth).length;
				return out })()`, &res),
		); err != nil {
			t.Fatalf("%d px: %v", width, err)
		}
		if res.Page > int(width) || len(res.Scrolling) > 0 || len(res.Cut) > 0 || len(res.Offscreen) > 0 || res.Verdicts != len(knowledge.Determinants) {
			t.Errorf("%d px: page %d px wide; scrolling sideways: %v; labels cut off: %.3q; off the screen: %.3q; verdicts in sight: %d of %d",
				width, res.Page, res.Scrolling, res.Cut, res.Offscreen, res.Verdicts, len(knowledge.Determinants))
		}
	}
}

// TestScanMapsInOneStep reads a survey whose questions the scan cannot recognise, with yes/no
// answers coded 1, 0 and 9 and teams coded 1 to 3: columns and answers are chosen in one step,
// the unknown ones first and sorted, with a count of what is left; a column given its question
// brings its unknown answers into the list at once; applying with something open moves the focus
// to it; the coded teams get names, which the groups show.
func TestScanMapsInOneStep(t *testing.T) {
	qs := surveyTeam(1, 1).Questions
	var five []corpus.Question
	for _, n := range []int{19, 20, 2, 3, 4} { // two yes/no questions first
		five = append(five, qs[n-1])
	}
	if five[0].Scale != "janeeweetniet" || five[2].Scale == "janeeweetniet" {
		t.Fatalf("the test needs determinants 19 and 20 to be yes/no questions, 2 to 4 statements")
	}
	team := corpus.RandomTeam(five, 30, 7)
	rows := [][]string{{"Team", "Vraag A", "Vraag B", "Vraag C", "Vraag D", "Vraag E"}}
	for i, a := range team.Answers {
		row := []string{team.Teams[i]}
		for _, code := range a {
			if coded, ok := map[string]string{"ja": "1", "nee": "0", "wn": "9"}[code]; ok {
				code = coded
			}
			row = append(row, code)
		}
		rows = append(rows, row)
	}
	var csv strings.Builder
	for _, r := range rows {
		csv.WriteString(strings.Join(r, ";") + "\r\n")
	}
	ctx := browsertest.New(t)
	errs := consoleErrors(ctx)
	base := browsertest.Serve(t, siteDir, "/")
	var step struct {
		Items []string
		Count string
	}
	read := eval(`({items: Array.from(document.querySelectorAll("#scan-koppelen-kolomlijst label, #scan-koppelen-antwoordlijst label")).map(l => l.textContent),
		count: document.getElementById("scan-koppelen-teller").textContent})`, &step)
	if err := chromedp.Run(ctx, openTeam(ctx, base, writeFile(t, "eigen-formulier.csv", []byte(csv.String()))), chromedp.WaitVisible("#scan-koppelen"), read); err != nil {
		t.Fatal(err)
	}
	// Team holds codes 1 to 3, which may be answers too: the reader says it is no question.
	if len(step.Items) != 6 || step.Items[0] != "Kolom A: Team" || !strings.HasPrefix(step.Items[1], "Kolom B: Vraag A") || step.Count != "Nog te kiezen: 6 van 6." {
		t.Fatalf("the step before any choice: %+v", step)
	}
	// Question A is determinant 19, a yes/no question: its answers 0, 1 and 9 come into the list.
	var focus, errText string
	if err := chromedp.Run(ctx, chromedp.SendKeys("#scan-kolom-1", "19"), read); err != nil {
		t.Fatal(err)
	}
	words := step.Items[6:]
	if len(step.Items) != 9 || step.Count != "Nog te kiezen: 8 van 9." || !sort.StringsAreSorted(words) || !strings.Contains(words[0], "“0” bij een ja/nee-vraag") {
		t.Errorf("after choosing the question of column B: %+v", step)
	}
	if err := chromedp.Run(ctx, chromedp.Focus("#scan-koppelen-toepassen"), chromedp.KeyEvent(kb.Enter),
		eval(`document.activeElement.id`, &focus), eval(`document.getElementById("scan-koppelen-fout").textContent`, &errText)); err != nil {
		t.Fatal(err)
	}
	if focus != "scan-kolom-0" || !strings.Contains(errText, "nog 8 open") {
		t.Errorf("applying with choices open: focus on %q, message %q", focus, errText)
	}
	choices := chromedp.Tasks{}
	for i, n := range []string{"n", "", "20", "2", "3", "4"} {
		if n != "" {
			choices = append(choices, chromedp.SendKeys(fmt.Sprintf("#scan-kolom-%d", i), n))
		}
	}
	for i, m := range []string{"n", "ja", "w"} {
		choices = append(choices, chromedp.SendKeys(fmt.Sprintf("#scan-antwoord-%d", i), m))
	}
	for i, name := range []string{"Noord", "Zuid", "West"} {
		choices = append(choices, chromedp.SendKeys(fmt.Sprintf("#scan-groepnaam-0-%d", i), name))
	}
	var heads []string
	if err := chromedp.Run(ctx, choices, read, chromedp.Focus("#scan-koppelen-toepassen"), chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible("#scan-uitkomst"),
		choose("#scan-groep", "Team"), chromedp.WaitVisible("#scan-groepen-tabel"),
		eval(`Array.from(document.querySelectorAll("#scan-groepen-tabel thead th")).map(th => th.textContent)`, &heads)); err != nil {
		t.Fatal(err)
	}
	if strings.Join(heads, "|") == "" || !regexp.MustCompile(`(Noord|Zuid|West) \(\d+\)`).MatchString(strings.Join(heads, "|")) {
		t.Errorf("the groups by the named teams are headed %q", heads)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %v", e)
	}
}

// TestScanWordsFollowTheNumbers: the hint under the thresholds says the thresholds in use, and
// the page's Dutch agrees with its numbers (one group or more, one percentage point or more).
func TestScanWordsFollowTheNumbers(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	earlierRep, err := goja(t).Report(surveyTeam(30, 5).GoogleForms(), scan.ReportOptions{Threshold: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	var hint, note string
	var changes []string
	if err := chromedp.Run(ctx, openTeam(ctx, base, writeFile(t, "forms.xlsx", surveyTeam(60, 12).MicrosoftForms())),
		choose("#scan-groep", "Wat is je functie?"), chromedp.WaitVisible("#scan-groepen-tabel"),
		chromedp.SetUploadFiles("#scan-eerder", []string{writeFile(t, "eerder.json", earlierRep.JSON())}), chromedp.WaitVisible("#scan-vergelijking"),
		eval(`document.querySelector(".scan-thresholds").open = true`, nil),
		eval(`(() => { const b = document.getElementById("scan-grens-b"); b.value = "30"; b.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, nil),
		eval(`document.getElementById("scan-grenzen-nu").textContent`, &hint),
		eval(`document.getElementById("scan-groepen-info").textContent`, &note),
		eval(`Array.from(document.querySelectorAll("#scan-vergelijking-tabel td[data-label=Verschil]")).map(td => td.textContent)`, &changes),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(hint, "belemmerend als minstens 30% van de antwoorden ongunstig") {
		t.Errorf("the hint after setting the threshold to 30: %q", hint)
	}
	if !strings.Contains(note, "1 groep heeft minder dan 5 mensen. Die groep laten we niet apart zien") || strings.Contains(note, "laat we") {
		t.Errorf("the note on hidden groups: %q", note)
	}
	words := regexp.MustCompile(`^(gelijk|—|[+−]1 procentpunt|[+−]([2-9]|\d\d+) procentpunten)$`)
	for _, c := range changes {
		if !words.MatchString(c) {
			t.Errorf("a change reads %q", c)
		}
	}
}

// TestScanSaysWhichSheetItRead: a workbook of two sheets is read from its first with data; the
// page says which, and reading the other is a choice away.
func TestScanSaysWhichSheetItRead(t *testing.T) {
	qs := surveyTeam(1, 1).Questions
	before, after := corpus.RandomTeam(qs, 12, 1), corpus.RandomTeam(qs, 20, 2)
	file := writeFile(t, "metingen.xlsx", corpus.XLSX{Sheet: "Voormeting", Rows: before.MicrosoftFormsRows(), Others: []corpus.Sheet{{Name: "Nameting", Rows: after.MicrosoftFormsRows()}}}.Bytes())
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	var sheets []string
	var info string
	if err := chromedp.Run(ctx, openTeam(ctx, base, file), chromedp.WaitVisible("#scan-werkblad"),
		eval(`Array.from(document.querySelectorAll("#scan-werkblad option")).map(o => o.value)`, &sheets),
		eval(`document.getElementById("scan-team-info").textContent`, &info)); err != nil {
		t.Fatal(err)
	}
	if strings.Join(sheets, "|") != "Voormeting|Nameting" || !contains(info, "12 respondenten", "De scan las het werkblad ‘Voormeting’. De werkmap heeft ook het werkblad ‘Nameting’.") {
		t.Errorf("the sheets offered: %q; team info %q", sheets, info)
	}
	rep, err := goja(t).Report(corpus.XLSX{Rows: after.MicrosoftFormsRows()}.Bytes(), scan.ReportOptions{Threshold: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, choose("#scan-werkblad", "Nameting"), chromedp.Poll(`document.getElementById("scan-team-info").textContent.includes("20 respondenten")`, nil)); err != nil {
		t.Fatal(err)
	}
	sameAsCommandLine(t, "the second sheet", resultTable(ctx, t), rep)
}

// TestScanForgetsAnswersPerPersonKeptBefore: a browser that kept a team's answers per person, as
// the scan's first version did, keeps them no longer once the page opens, and the page says so.
func TestScanForgetsAnswersPerPersonKeptBefore(t *testing.T) {
	d := knowledge.Determinants[0]
	old := fmt.Sprintf(`{"v":1,"mode":"team","answers":{},"team":{"respondents":[{%q:"2"},{%q:"4"}],"ignored":[],"label":"team.csv","groupColumns":[{"heading":"Functie","values":["Teamleider","Jeugdarts"]}],"notices":[]},"thresholds":{"barrier":0.2,"facilitator":0.8},"name":"Meldcode","plan":[],"group":"Functie","earlier":null}`, d.ID, d.ID)
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, siteDir, "/")
	var kept, alert, name string
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"404.html"), eval(fmt.Sprintf(`localStorage.setItem("kennisbank-scan", %q), true`, old), nil),
		chromedp.Navigate(base+"scan/"), chromedp.WaitReady(scanReady),
		eval(`localStorage.getItem("kennisbank-scan")`, &kept), eval(`document.getElementById("scan-alert").textContent`, &alert), chromedp.Value("#scan-naam", &name)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(kept, "Teamleider") || strings.Contains(kept, `"respondents":[`) || !strings.Contains(alert, "Lees het bestand opnieuw in") || name != "Meldcode" {
		t.Errorf("after opening the page: kept %s; alert %q; name %q", kept, alert, name)
	}
}
