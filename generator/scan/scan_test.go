package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// These tests run assets/scan/logic.ts, the module the scan page uses, through goja against the
// real knowledge base in content/. Expected values are derived from that knowledge base, not
// written down, so the tests keep holding when editors change links.

const root = "../.."

var (
	loadOnce sync.Once
	module   *Module
	loadErr  error
	kb       knowledgeBase
)

type knowledgeBase struct {
	Determinants []struct {
		ID       string `json:"id"`
		Number   int    `json:"number"`
		Title    string `json:"title"`
		Question string `json:"question"`
		Scale    string `json:"scale"`
		Links    []struct {
			Strategy    string `json:"strategy"`
			Strength    string `json:"strength"`
			Source      string `json:"source"`
			Explanation string `json:"explanation"`
		} `json:"links"`
	} `json:"determinants"`
}

func mod(t testing.TB) *Module {
	t.Helper()
	loadOnce.Do(func() {
		module, loadErr = Load(root)
		if loadErr != nil {
			return
		}
		var raw json.RawMessage
		if raw, loadErr = module.Call("ordered"); loadErr == nil {
			loadErr = json.Unmarshal(raw, &kb.Determinants)
		}
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return module
}

// detOnScale returns the first determinant on the scale.
func detOnScale(t testing.TB, scale string) (id string, number int) {
	t.Helper()
	for _, d := range kb.Determinants {
		if d.Scale == scale {
			return d.ID, d.Number
		}
	}
	t.Fatalf("no determinant on scale %s", scale)
	return "", 0
}

// csvOf writes a CSV with the given separator and line end: heading, then rows.
func csvOf(sep, eol string, rows ...[]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, sep))
		b.WriteString(eol)
	}
	return b.String()
}

func report(t *testing.T, csv string, threshold float64) *Report {
	t.Helper()
	rep, err := mod(t).Report([]byte(csv), ReportOptions{Threshold: threshold})
	if err != nil {
		t.Fatalf("report: %v\n%s", err, csv)
	}
	return rep
}

func barrierIDs(r *Report) []string {
	var ids []string
	for _, b := range r.Barriers {
		ids = append(ids, b.ID)
	}
	return ids
}

func findBarrier(r *Report, id string) *Figure {
	for i := range r.Barriers {
		if r.Barriers[i].ID == id {
			return &r.Barriers[i]
		}
	}
	return nil
}

func column(n int) []string {
	return []string{fmt.Sprint(n)}
}

func TestBarrierExactlyAtThreshold(t *testing.T) {
	mod(t)
	id, n := detOnScale(t, "eens5")
	// 1 negative of 5 answers is exactly 20%: a barrier. 1 of 6 (16.7%) is not.
	five := csvOf(",", "\n", column(n), []string{"2"}, []string{"4"}, []string{"4"}, []string{"5"}, []string{"3"})
	rep := report(t, five, 0.2)
	b := findBarrier(rep, id)
	if b == nil {
		t.Fatalf("1 of 5 negative (20%%) at threshold 20%%: %s is not a barrier; barriers %v", id, barrierIDs(rep))
	}
	if b.Answers != 5 || b.Negative != 0.2 || b.Positive != 0.6 {
		t.Errorf("tally of %s: %+v, want 5 answers, 0.2 negative, 0.6 positive", id, *b)
	}
	six := five + "4\n"
	if rep := report(t, six, 0.2); findBarrier(rep, id) != nil {
		t.Errorf("1 of 6 negative (16.7%%) is a barrier at 20%%")
	}
	// Thresholds that are no exact binary fraction: 3 of 10 at 30%.
	ten := csvOf("\n", "\n", column(n), []string{"1"}, []string{"1"}, []string{"2"}, []string{"4"}, []string{"4"}, []string{"4"}, []string{"4"}, []string{"4"}, []string{"4"}, []string{"4"})
	if rep := report(t, ten, 0.3); findBarrier(rep, id) == nil {
		t.Errorf("3 of 10 negative is not a barrier at threshold 0.3")
	}
}

func TestReverseWordedItem(t *testing.T) {
	mod(t)
	rev, revN := detOnScale(t, "eens5-omgekeerd")
	plain, plainN := detOnScale(t, "eens5")
	// Everyone agrees completely with both statements: on the reverse-worded item that is
	// unfavourable, on the plain one favourable.
	rep := report(t, csvOf(";", "\n", []string{fmt.Sprint(revN), fmt.Sprint(plainN)}, []string{"5", "5"}, []string{"4", "4"}), 0.2)
	if b := findBarrier(rep, rev); b == nil || b.Negative != 1 || b.Positive != 0 {
		t.Errorf("agreeing with reverse-worded %s: %+v, want a barrier with 100%% negative", rev, b)
	}
	if findBarrier(rep, plain) != nil {
		t.Errorf("agreeing with plain %s made it a barrier", plain)
	}
	// Disagreeing with the reverse-worded item is favourable.
	rep = report(t, csvOf(";", "\n", []string{fmt.Sprint(revN), fmt.Sprint(plainN)}, []string{"1", "1"}), 0.2)
	if findBarrier(rep, rev) != nil || findBarrier(rep, plain) == nil {
		t.Errorf("disagreeing: barriers %v, want %s and not %s", barrierIDs(rep), plain, rev)
	}
}

func TestMissingAnswersAreNotInTheDenominator(t *testing.T) {
	mod(t)
	id, n := detOnScale(t, "eens5")
	yn, ynN := detOnScale(t, "janeeweetniet")
	rep := report(t, csvOf(",", "\n", []string{fmt.Sprint(n), fmt.Sprint(ynN)},
		[]string{"2", "nee"}, []string{"", "weet niet"}, []string{"nvt", "n.v.t."}, []string{"4", ""}, []string{"N.V.T.", "ja"}), 0.2)
	b := findBarrier(rep, id)
	if b == nil || b.Answers != 2 || b.Negative != 0.5 || b.Positive != 0.5 {
		t.Errorf("%s with answers 2, empty, nvt, 4, N.V.T.: %+v; want 2 answers, half negative, half positive", id, b)
	}
	// "weet niet" is an answer that is neither negative nor positive: it stays in the denominator.
	y := findBarrier(rep, yn)
	if y == nil || y.Answers != 3 || y.Negative != 0.3333 || y.Positive != 0.3333 {
		t.Errorf("%s with nee, weet niet, nvt, empty, ja: %+v; want 3 answers, one third negative", yn, y)
	}
}

func TestTeamWithNoBarriers(t *testing.T) {
	mod(t)
	head := []string{"respondent"}
	good := []string{"r1"}
	for _, d := range kb.Determinants {
		head = append(head, d.ID)
		switch d.Scale {
		case "eens5":
			good = append(good, "5")
		case "eens5-omgekeerd":
			good = append(good, "1")
		default:
			good = append(good, "ja")
		}
	}
	rep := report(t, csvOf(",", "\n", head, good, good, good), 0.2)
	if len(rep.Barriers) != 0 || len(rep.Strategies) != 0 {
		t.Errorf("a team that is favourable on everything: %d barriers, %d strategies; want none", len(rep.Barriers), len(rep.Strategies))
	}
	if rep.Respondents != 3 {
		t.Errorf("respondents = %d, want 3", rep.Respondents)
	}
	var out strings.Builder
	if err := WriteText(&out, rep); err != nil || !strings.Contains(out.String(), "No barriers") {
		t.Errorf("text output without barriers: %q (%v)", out.String(), err)
	}
}

func TestSemicolonsBOMAndCRLFReadAsComma(t *testing.T) {
	mod(t)
	rows := [][]string{{"Respondent", "1", "4", "19", "23"}, {"a", "2", "5", "nee", "1"}, {"b", "4", "1", "ja", "2"}, {"c", "", "Helemaal mee eens", "Weet niet", "mee oneens"}}
	plain := report(t, csvOf(",", "\n", rows...), 0.2)
	excel := report(t, "\ufeff"+csvOf(";", "\r\n", rows...), 0.2)
	tabs := report(t, csvOf("\t", "\r\n", rows...), 0.2)
	a, _ := json.Marshal(plain)
	b, _ := json.Marshal(excel)
	c, _ := json.Marshal(tabs)
	if string(a) != string(b) || string(a) != string(c) {
		t.Errorf("the same answers read differently:\ncomma+LF:          %s\nsemicolon+BOM+CRLF: %s\ntab+CRLF:          %s", a, b, c)
	}
	if len(plain.Barriers) != 4 || !slices.Equal(plain.IgnoredColumns, []string{"Respondent"}) {
		t.Errorf("barriers %v, ignored %v; want 4 barriers and the Respondent column ignored", barrierIDs(plain), plain.IgnoredColumns)
	}
	// A quoted field with the separator and a line break in it, as Excel writes it.
	quoted := "\ufeffopmerking;1\r\n\"zegt; veel\r\nover \"\"alles\"\"\";2\r\n"
	if rep := report(t, quoted, 0.2); rep.Respondents != 1 || len(rep.Barriers) != 1 {
		t.Errorf("quoted field with ; and CRLF: %+v", rep)
	}
}

// Answers the scan does not know are no longer the end of the road (the reader maps them), but
// the command line still names where the first of each is, and reads nothing without a mapping.
func TestMalformedCSVNamesRowAndColumn(t *testing.T) {
	mod(t)
	_, n := detOnScale(t, "eens5")
	_, yn := detOnScale(t, "janeeweetniet")
	cases := []struct {
		name, csv string
		row, col  int
		says      string
	}{
		{"value off the scale", fmt.Sprintf("naam,%d,%d\nA,4,ja\nB,7,ja\n", n, yn), 3, 2, `"7" is no answer`},
		{"yes/no word on an agree item", fmt.Sprintf("naam;%d;%d\r\nA;ja;ja\r\n", n, yn), 2, 2, `"ja"`},
		{"number on a yes/no item", fmt.Sprintf("naam,%d,%d\nA,4,ja\nB,4,3\nC,4,ja\n", n, yn), 3, 3, `"3"`},
		{"more values than headings", fmt.Sprintf("%d,%d\n1,ja\n2,nee,extra\n", n, yn), 3, 3, "more values"},
		{"unclosed quote", fmt.Sprintf("%d,%d\n1,ja\n\"2,nee\n", n, yn), 3, 1, "never closed"},
		{"text after a closing quote", fmt.Sprintf("%d,%d\n\"1\"x,ja\n", n, yn), 2, 1, "after the closing quote"},
		{"the same determinant twice", fmt.Sprintf("%d,%s\n1,2\n", n, kb.Determinants[n-1].ID), 1, 2, "also in column 1"},
		{"no determinant columns", "naam,e-mail\nA,a@b\n", 1, 0, "no column heading"},
		{"a name of Object's prototype as a value", fmt.Sprintf("%d,%d\n1,ja\nconstructor,ja\n", n, yn), 3, 1, `"constructor"`},
		{"the first problem in reading order", fmt.Sprintf("%d,%d\n1,ja\n2,misschien\n9,ja\n", n, yn), 3, 2, `"misschien"`},
		{"an unknown word twice", fmt.Sprintf("%d,%d\n1,misschien\n2,Misschien\n", n, yn), 2, 2, `"misschien" (2 times)`},
	}
	for _, c := range cases {
		_, err := mod(t).Report([]byte(c.csv), ReportOptions{Threshold: 0.2})
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: error %v, want a *FileError", c.name, err)
			continue
		}
		ce := fe.Problems[0]
		if ce.Row != c.row || ce.Column != c.col || !strings.Contains(ce.MessageEN, c.says) {
			t.Errorf("%s: row %d column %d %q; want row %d column %d mentioning %s", c.name, ce.Row, ce.Column, ce.MessageEN, c.row, c.col, c.says)
		}
		want := fmt.Sprintf("row %d", c.row)
		if c.col > 0 {
			want += fmt.Sprintf(", column %d", c.col)
		}
		if !strings.HasPrefix(ce.MessageEN, want) || !strings.HasPrefix(ce.Message, fmt.Sprintf("Rij %d", c.row)) {
			t.Errorf("%s: messages %q / %q do not start with the row and column", c.name, ce.MessageEN, ce.Message)
		}
	}
}

func TestIgnoredColumnsAreListed(t *testing.T) {
	mod(t)
	_, n := detOnScale(t, "eens5")
	csv := fmt.Sprintf("respondent,Tijdstempel,E-mail,%d,,opmerking\n1,2024-03-01 10:00,a@b.nl,2,,\n2,2024-03-01 10:05,c@d.nl,4,x,\n", n)
	rep := report(t, csv, 0.2)
	want := []string{"respondent", "Tijdstempel", "E-mail", "kolom E (zonder kop)", "opmerking"}
	if !slices.Equal(rep.IgnoredColumns, want) {
		t.Errorf("ignored columns %q, want %q", rep.IgnoredColumns, want)
	}
	if rep.Respondents != 2 || len(rep.Barriers) != 1 {
		t.Errorf("ignored columns changed the result: %+v", rep)
	}
}

func TestThresholdChangesBarriers(t *testing.T) {
	mod(t)
	id, n := detOnScale(t, "eens5")
	// 1 of 4 negative: 25%.
	csv := csvOf(",", "\n", column(n), []string{"1"}, []string{"4"}, []string{"4"}, []string{"4"})
	if findBarrier(report(t, csv, 0.2), id) == nil || findBarrier(report(t, csv, 0.25), id) == nil {
		t.Error("25% negative is not a barrier at thresholds 0.2 and 0.25")
	}
	if rep := report(t, csv, 0.3); findBarrier(rep, id) != nil || rep.Threshold != 0.3 {
		t.Errorf("25%% negative is a barrier at threshold 0.3 (report says threshold %v)", rep.Threshold)
	}
}

func TestRankingWeightsStrengthAndExplainsEveryLink(t *testing.T) {
	m := mod(t)
	// One respondent, negative on one determinant with both kinds of links.
	for _, d := range kb.Determinants {
		strengths := map[string]string{}
		for _, l := range d.Links {
			if strengths[l.Strategy] != "kern" {
				strengths[l.Strategy] = l.Strength
			}
		}
		hasBoth := slices.Contains(mapValues(strengths), "kern") && slices.Contains(mapValues(strengths), "aanvullend")
		if !hasBoth || d.Scale != "eens5" {
			continue
		}
		raw, err := m.Call("analyse", []map[string]string{{d.ID: "1"}}, map[string]float64{"barrier": 0.2, "facilitator": 0.8})
		if err != nil {
			t.Fatal(err)
		}
		var a struct {
			Strategies []struct {
				ID      string  `json:"id"`
				Score   float64 `json:"score"`
				Reasons []struct {
					Determinant, Strength, Source, SourceLabel, Explanation string
				} `json:"reasons"`
			} `json:"strategies"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatal(err)
		}
		if len(a.Strategies) != len(strengths) {
			t.Fatalf("%s is the only barrier: %d strategies ranked, want its %d linked strategies", d.ID, len(a.Strategies), len(strengths))
		}
		seenAanvullend := false
		for _, s := range a.Strategies {
			want := map[string]float64{"kern": 1, "aanvullend": 0.5}[strengths[s.ID]]
			if s.Score != want {
				t.Errorf("%s via a %s link: score %v, want %v", s.ID, strengths[s.ID], s.Score, want)
			}
			if strengths[s.ID] == "aanvullend" {
				seenAanvullend = true
			} else if seenAanvullend {
				t.Errorf("kern-linked %s ranked below an aanvullend-linked strategy", s.ID)
			}
			if len(s.Reasons) == 0 {
				t.Errorf("%s has no reason", s.ID)
			}
			for _, r := range s.Reasons {
				if r.Determinant != d.ID || r.SourceLabel == "" || r.SourceLabel == r.Source || r.Explanation == "" && r.Source == "redactie" {
					t.Errorf("%s: reason %+v lacks the barrier, the source label or the explanation", s.ID, r)
				}
			}
		}
		return
	}
	t.Fatal("no determinant on eens5 with both kern and aanvullend links to test with")
}

func TestTiesGoToTheStrategyWithMoreBarriers(t *testing.T) {
	m := mod(t)
	// Strategy X answers barriers A and B through aanvullend links (0.5 + 0.5 = 1), strategy Y
	// answers only A, through a kern link (1). Equal scores: X, with two barriers, comes first.
	type link struct{ det, strength string }
	links := map[string][]link{}
	for _, d := range kb.Determinants {
		if d.Scale != "eens5" {
			continue
		}
		for _, l := range d.Links {
			links[l.Strategy] = append(links[l.Strategy], link{d.ID, l.Strength})
		}
	}
	for x, lx := range links {
		if len(lx) != 2 || lx[0].det == lx[1].det || lx[0].strength != "aanvullend" || lx[1].strength != "aanvullend" {
			continue
		}
		for y, ly := range links {
			if len(ly) != 1 || ly[0].strength != "kern" || ly[0].det != lx[0].det {
				continue
			}
			resp := []map[string]string{{lx[0].det: "1", lx[1].det: "1"}}
			raw, err := m.Call("analyse", resp, map[string]float64{"barrier": 0.2, "facilitator": 0.8})
			if err != nil {
				t.Fatal(err)
			}
			var a struct {
				Strategies []struct {
					ID    string  `json:"id"`
					Score float64 `json:"score"`
				} `json:"strategies"`
			}
			_ = json.Unmarshal(raw, &a)
			pos := map[string]int{}
			for i, s := range a.Strategies {
				pos[s.ID] = i
			}
			if a.Strategies[pos[x]].Score != a.Strategies[pos[y]].Score {
				t.Fatalf("scores of %s and %s differ: the test's premise is wrong", x, y)
			}
			if pos[x] > pos[y] {
				t.Errorf("tie at score %v: %s (2 barriers) ranked below %s (1 barrier)", a.Strategies[pos[x]].Score, x, y)
			}
			return
		}
	}
	t.Skip("the knowledge base has no pair of strategies to test the tie rule with")
}

// ownState is one person's state, with the summary the logic makes of their answers.
func ownState(t *testing.T, m *Module, answers map[string]string, thresholds map[string]float64, name string, plan []string) map[string]any {
	summary, err := m.Call("summaryOf", []map[string]string{answers})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]any{"mode": "alleen", "answers": answers, "summary": summary, "ignored": []string{}, "thresholds": thresholds, "name": name, "plan": plan}
}

func TestShareLinkRoundTrip(t *testing.T) {
	m := mod(t)
	state := ownState(t, m, map[string]string{kb.Determinants[0].ID: "2", kb.Determinants[3].ID: "nvt", kb.Determinants[18].ID: "nee"},
		map[string]float64{"barrier": 0.35, "facilitator": 0.75}, "Signaleringsplan & co #2", []string{"audit-en-feedback"})
	frag, err := m.Call("encodeShare", state)
	if err != nil {
		t.Fatal(err)
	}
	var f string
	_ = json.Unmarshal(frag, &f)
	if got, want, ok := readsBack(t, m, "decodeShare", f, state); !ok {
		t.Errorf("share link %q\nreads back %s\nwant       %s", f, got, want)
	}
	// A damaged link is refused, not half read.
	raw, _ := m.Call("decodeShare", strings.Replace(f, "r=2", "r=7", 1))
	if strings.Contains(string(raw), `"ok":true`) {
		t.Errorf("a link with answer 7 was accepted: %s", raw)
	}
}

// readsBack calls the module's reader fn (decodeShare, importJSON) on what a writer made of state,
// and reports whether it gives state back, with both as JSON.
func readsBack(t *testing.T, m *Module, fn, written string, state map[string]any) (got, want string, ok bool) {
	t.Helper()
	raw, err := m.Call(fn, written)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		OK    bool `json:"ok"`
		Value any  `json:"value"`
	}
	_ = json.Unmarshal(raw, &back)
	var canonical any
	w, _ := json.Marshal(state)
	_ = json.Unmarshal(w, &canonical)
	w, _ = json.Marshal(canonical)
	g, _ := json.Marshal(back.Value)
	return string(g), string(w), back.OK && string(g) == string(w)
}

func TestSavedJSONOpensAndBadFilesAreRefused(t *testing.T) {
	m := mod(t)
	state := ownState(t, m, map[string]string{kb.Determinants[0].ID: "5", kb.Determinants[18].ID: "nee"},
		map[string]float64{"barrier": 0.25, "facilitator": 0.9}, "Meldcode", []string{"audit-en-feedback"})
	raw, err := m.Call("exportJSON", state, "2026-02-01")
	if err != nil {
		t.Fatal(err)
	}
	var doc string
	_ = json.Unmarshal(raw, &doc)
	if !strings.Contains(doc, `"result"`) || !strings.Contains(doc, `"barriers"`) {
		t.Errorf("the saved file has no result: %s", doc)
	}
	if got, want, ok := readsBack(t, m, "importJSON", doc, state); !ok {
		t.Errorf("saved and opened:\n%s\nwant %s", got, want)
	}
	for _, bad := range []string{
		"{",
		`{"format":"iets anders","version":2,"mode":"alleen","answers":{"1":"2"}}`,
		strings.Replace(doc, `"nee"`, `"misschien"`, 1),
		strings.Replace(doc, `"`+kb.Determinants[0].ID+`"`, `"99-onbekend"`, 1),
	} {
		raw, _ := m.Call("importJSON", bad)
		var res struct {
			OK      bool   `json:"ok"`
			Message string `json:"message"`
		}
		_ = json.Unmarshal(raw, &res)
		if res.OK || !strings.HasPrefix(res.Message, "Dit bestand kan de scan niet openen") {
			t.Errorf("opening %.60q: ok %v, message %q", bad, res.OK, res.Message)
		}
	}
}

func TestAnswersCSVReadsBack(t *testing.T) {
	m := mod(t)
	resp := []map[string]string{{kb.Determinants[0].ID: "2", kb.Determinants[18].ID: "wn"}, {kb.Determinants[3].ID: "nvt"}}
	raw, err := m.Call("answersCSV", resp)
	if err != nil {
		t.Fatal(err)
	}
	var csv string
	_ = json.Unmarshal(raw, &csv)
	var sheet struct {
		Value json.RawMessage `json:"value"`
	}
	_ = json.Unmarshal(callPlain(t, m, "readText", csv), &sheet)
	raw, _ = m.Call("readTeam", sheet.Value)
	var back struct {
		OK    bool `json:"ok"`
		Value struct {
			Answers json.RawMessage `json:"answers"`
		} `json:"value"`
	}
	_ = json.Unmarshal(raw, &back)
	raw, err = m.Call("respondentsOf", back.Value.Answers)
	want, _ := json.Marshal(resp)
	if got := string(raw); !back.OK || err != nil || got != string(want) {
		t.Errorf("answers CSV\n%s\nreads back as %s, want %s", csv, got, want)
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// teamCSV makes a team file of n random respondents for the benchmark.
func teamCSV(n int) string {
	var numbers []int
	var scales []string
	for _, d := range kb.Determinants {
		numbers = append(numbers, d.Number)
		scales = append(scales, d.Scale)
	}
	return corpus.TeamCSV(numbers, scales, n)
}

// BenchmarkRank500 reads, scores and ranks a team of 500 respondents through goja: the whole
// work of `kennisbank scan` after loading. Goal: at most 20 ms.
func BenchmarkRank500(b *testing.B) {
	m := mod(b)
	csv := []byte(teamCSV(500))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := m.Report(csv, ReportOptions{Threshold: 0.2})
		if err != nil || rep.Respondents != 500 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}

// BenchmarkXLSX500 reads a Microsoft Forms workbook of 500 respondents through goja: unzipping,
// the sheet, recognising the columns, scoring and ranking. The same file as the Chromium
// benchmark (internal/sitetest, BenchmarkScanXLSXInChromium).
func BenchmarkXLSX500(b *testing.B) {
	m := mod(b)
	file := corpus.RandomTeam(questionsOf(b), 500, 1).MicrosoftForms()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := m.Report(file, ReportOptions{Threshold: 0.2})
		if err != nil || rep.Respondents != 500 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}

// BenchmarkXLSX2300 reads a Microsoft Forms workbook of 2,300 respondents as the command line
// does: unzipped by Go, read, recognised, scored and ranked in goja. bench/scan times the whole
// command on the same file (goal: at most 200 ms).
func BenchmarkXLSX2300(b *testing.B) {
	m := mod(b)
	file := corpus.RandomTeam(questionsOf(b), 2300, 1).MicrosoftForms()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := m.Report(file, ReportOptions{Threshold: 0.2})
		if err != nil || rep.Respondents != 2300 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}
