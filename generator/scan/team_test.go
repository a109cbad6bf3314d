package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// groupCSV writes a team: per group name, that many respondents; answer(group, i, number) gives
// respondent i's answer to determinant number (1 and 2, both on the agree scale in the real
// knowledge base; the test checks that).
func groupCSV(groups []struct {
	name string
	n    int
}, answer func(g string, i, number int) string) string {
	var b strings.Builder
	b.WriteString("Naam;Functie;1;2\n")
	k := 0
	for _, g := range groups {
		for i := 0; i < g.n; i++ {
			k++
			fmt.Fprintf(&b, "Persoon %d;%s;%s;%s\n", k, g.name, answer(g.name, i, 1), answer(g.name, i, 2))
		}
	}
	return b.String()
}

type group = struct {
	name string
	n    int
}

func groupNames(r *Report) []string {
	var out []string
	for _, g := range r.Groups {
		out = append(out, g.Name)
	}
	return out
}

// TestSmallGroupsAreNotShown: a group of fewer than five is not shown on its own; when the hidden
// ones together are fewer than five, the smallest shown group is hidden too, so that nobody's
// answers can be worked out from the total.
func TestSmallGroupsAreNotShown(t *testing.T) {
	m := mod(t)
	for _, n := range []int{1, 2} {
		if kb.Determinants[n-1].Scale == "janeeweetniet" {
			t.Fatalf("the test needs determinant %d on an agree scale", n)
		}
	}
	disagree := func(string, int, int) string { return "1" }
	cases := []struct {
		groups []group
		shown  []string
		hidden int
	}{
		{[]group{{"Jeugdarts", 8}, {"Verpleegkundige", 6}, {"Assistent", 3}}, []string{"Jeugdarts"}, 2},
		{[]group{{"Jeugdarts", 8}, {"Verpleegkundige", 6}, {"Assistent", 3}, {"Manager", 2}}, []string{"Jeugdarts", "Verpleegkundige"}, 2},
		{[]group{{"Jeugdarts", 5}, {"Verpleegkundige", 5}}, []string{"Jeugdarts", "Verpleegkundige"}, 0},
		{[]group{{"Jeugdarts", 4}, {"Verpleegkundige", 4}, {"Manager", 1}}, nil, 3},
	}
	for _, c := range cases {
		col := "Functie"
		rep, err := m.Report([]byte(groupCSV(c.groups, disagree)), ReportOptions{Threshold: 0.2, Group: &col})
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, g := range c.groups {
			total += g.n
		}
		if !slices.Equal(groupNames(rep), c.shown) || rep.HiddenGroups != c.hidden || rep.Respondents != total {
			t.Errorf("%v: shown %v, %d hidden, %d respondents; want %v, %d hidden, all %d in the total", c.groups, groupNames(rep), rep.HiddenGroups, rep.Respondents, c.shown, c.hidden, total)
		}
		for _, g := range rep.Groups {
			if len(g.Barriers) != 2 || g.Barriers[0].Negative != 1 {
				t.Errorf("%v: group %s shows barriers %+v, want determinants 1 and 2 at 100%%", c.groups, g.Name, g.Barriers)
			}
		}
	}
}

// TestDeterminantsWithFewAnswersAreNotShownPerGroup: within a group a determinant shows only
// with five answers or more, and with the same rule for what the shown groups leave over.
func TestDeterminantsWithFewAnswersAreNotShownPerGroup(t *testing.T) {
	m := mod(t)
	// Everyone answers determinant 1. Determinant 2: group C answers only 3 times; that would
	// leave 3 answers to be worked out from the total, so A (the first of the two with fewest)
	// hides it too.
	answer := func(g string, i, number int) string {
		if number == 2 && g == "C" && i >= 3 {
			return ""
		}
		return "2"
	}
	col := "functie" // case does not count
	rep, err := m.Report([]byte(groupCSV([]group{{"A", 6}, {"B", 6}, {"C", 5}}, answer)), ReportOptions{Threshold: 0.2, Group: &col})
	if err != nil {
		t.Fatal(err)
	}
	d2 := kb.Determinants[1].ID
	hides := map[string]bool{}
	for _, g := range rep.Groups {
		hides[g.Name] = slices.Contains(g.TooFewAnswers, d2)
		for _, b := range g.Barriers {
			if b.ID == d2 && hides[g.Name] {
				t.Errorf("group %s hides %s but lists it as a barrier", g.Name, d2)
			}
		}
	}
	if !hides["C"] || !hides["A"] || hides["B"] || len(rep.Groups) != 3 {
		t.Errorf("determinant 2 hidden per group: %v; want C (3 answers) and A (else C's 3 follow from the total), not B", hides)
	}
}

func TestGroupColumnMustSplitTheTeam(t *testing.T) {
	m := mod(t)
	csv := []byte(groupCSV([]group{{"A", 6}, {"B", 6}}, func(string, int, int) string { return "4" }))
	for _, c := range []struct{ column, says string }{
		{"Naam", "not a few repeated ones"},
		{"Afdeling", "no such column"},
	} {
		_, err := m.Report(csv, ReportOptions{Threshold: 0.2, Group: &c.column})
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(fe.Error(), c.says) || !strings.Contains(fe.Error(), `"Functie"`) {
			t.Errorf("--group %s: %v; want it to say %q and name the column that can", c.column, err, c.says)
		}
	}
	letter := "B"
	if rep, err := m.Report(csv, ReportOptions{Threshold: 0.2, Group: &letter}); err != nil || rep.GroupColumn != "Functie" {
		t.Errorf("--group B (the column's letter): %v, %+v", err, rep)
	}
}

// TestCompareWithAnEarlierMeasurement compares a team with its earlier self, saved by the page
// and printed by the command line: the same solved, new and remaining barriers either way.
func TestCompareWithAnEarlierMeasurement(t *testing.T) {
	m := mod(t)
	qs := questionsOf(t)
	before := corpus.RandomTeam(qs, 30, 21)
	now := corpus.RandomTeam(qs, 30, 22)
	wantBefore, wantNow := expected(before), expected(now)
	var solved, added []string
	for _, q := range qs {
		b, n := wantBefore[q.ID], wantNow[q.ID]
		barrier := func(f Figure) bool { return f.Answers > 0 && f.Negative >= 0.2 }
		if barrier(b) && !barrier(n) {
			solved = append(solved, q.ID)
		}
		if !barrier(b) && barrier(n) {
			added = append(added, q.ID)
		}
	}
	if len(solved) == 0 || len(added) == 0 {
		t.Fatalf("the random teams differ too little to test with: solved %v, new %v", solved, added)
	}
	earlierRep, err := m.Report(before.ExcelWindows(), ReportOptions{Threshold: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	summary, _ := teamSummary(t, m, before.MicrosoftForms(), "")
	saved := exported(t, m, "exportJSON", teamState(summary), "2025-10-01")
	for name, earlier := range map[string]string{"the page's saved scan": saved, "the command line's JSON": string(earlierRep.JSON())} {
		rep, err := m.Report(now.MicrosoftForms(), ReportOptions{Threshold: 0.2, Compare: &earlier, CompareName: "najaar.json"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c := rep.Comparison
		if c == nil || !slices.Equal(c.Solved, solved) || !slices.Equal(c.New, added) || c.Earlier.Respondents != 30 || c.Earlier.File != "najaar.json" {
			t.Errorf("%s: comparison %+v; want solved %v, new %v", name, c, solved, added)
			continue
		}
		for _, d := range c.Determinants {
			if d.NegativeBefore == nil || *d.NegativeBefore != wantBefore[d.ID].Negative || *d.NegativeNow != wantNow[d.ID].Negative {
				t.Errorf("%s: %s then %v now %v; want %v and %v", name, d.ID, d.NegativeBefore, d.NegativeNow, wantBefore[d.ID].Negative, wantNow[d.ID].Negative)
			}
		}
	}
	bad := "{}"
	if _, err := m.Report(now.MicrosoftForms(), ReportOptions{Threshold: 0.2, Compare: &bad, CompareName: "leeg.json"}); err == nil || !strings.Contains(err.Error(), "leeg.json") {
		t.Errorf("comparing with {}: %v", err)
	}
}

// TestMappingFile: a mapping names the determinant of a column the scan does not recognise, sets
// a column aside, and places an answer word on the scale.
func TestMappingFile(t *testing.T) {
	m := mod(t)
	d1, d2 := kb.Determinants[0], kb.Determinants[1]
	csv := []byte("Hoe duidelijk is het protocol?;2;Opmerking\nKlopt;1;goed\nKlopt niet;4;\nKlopt;2;x\n")
	// Without the mapping the unknown column is set aside and listed: the scan guesses nothing.
	rep, err := m.Report(csv, ReportOptions{Threshold: 0.2})
	if err != nil || findBarrier(rep, d1.ID) != nil || !slices.Contains(rep.IgnoredColumns, "Hoe duidelijk is het protocol?") {
		t.Fatalf("without a mapping: %v, %+v", err, rep)
	}
	mapping := fmt.Sprintf(`{"format": "kennisbank-implementatiescan-koppeling", "version": 1,
		"columns": {"hoe duidelijk is het protocol": %q, "Opmerking": ""},
		"answers": {"eens5": {"Klopt": "mee eens", "klopt niet": "2"}}}`, d1.ID)
	rep, err = m.Report(csv, ReportOptions{Threshold: 0.2, Mapping: &mapping})
	if err != nil {
		t.Fatal(err)
	}
	b1, b2 := findBarrier(rep, d1.ID), findBarrier(rep, d2.ID)
	if b1 == nil || b1.Answers != 3 || b1.Negative != 0.3333 || b2 == nil || b2.Negative != 0.6667 || !slices.Equal(rep.IgnoredColumns, []string{"Opmerking"}) {
		t.Errorf("with the mapping: %s %+v, %s %+v, ignored %v", d1.ID, b1, d2.ID, b2, rep.IgnoredColumns)
	}
	for _, bad := range []struct{ mapping, says string }{
		{`{"format": "iets"}`, `"format"`},
		{`{"format": "kennisbank-implementatiescan-koppeling", "columns": {"X": "99"}}`, `column "X": "99" is no determinant`},
		{`{"format": "kennisbank-implementatiescan-koppeling", "answers": {"janeeweetniet": {"x": "4"}}}`, `answer "x": "4" is not on the scale janeeweetniet`},
		{`[`, "not valid JSON"},
	} {
		if _, err := m.Report(csv, ReportOptions{Threshold: 0.2, Mapping: &bad.mapping}); err == nil || !strings.Contains(err.Error(), bad.says) {
			t.Errorf("mapping %s: %v; want it to say %s", bad.mapping, err, bad.says)
		}
	}
}

// mappingFor makes the mapping the page would save for file: per column heading the
// determinant, marked with the fingerprint of the file's headings.
func mappingFor(t testing.TB, m *Module, file []byte, columns map[string]string) string {
	t.Helper()
	var sheet struct {
		Value json.RawMessage `json:"value"`
	}
	_ = json.Unmarshal(readTeamFile(t, m, file), &sheet)
	empty := map[string]any{"fingerprint": "", "headings": []string{}, "columns": columns, "answers": map[string]any{"eens5": map[string]string{}, "janeeweetniet": map[string]string{}}, "groups": map[string]any{}}
	marked := callPlain(t, m, "forSheet", empty, sheet.Value)
	var text string
	_ = json.Unmarshal(callPlain(t, m, "mappingJSON", marked), &text)
	return text
}

// codedForms are two surveys a coordinator made in LimeSurvey, their questions coded SQ001,
// SQ002, … by their place: the first asks all 29 in an order of its own, the second 12 other
// ones. The same codes mean other questions.
func codedForms(t testing.TB) (first, second corpus.Team, firstColumns map[string]string) {
	qs := questionsOf(t)
	var shuffled, twelve []corpus.Question
	for k := range qs {
		shuffled = append(shuffled, qs[(k*7)%len(qs)])
	}
	for _, n := range []int{4, 8, 19, 21, 23, 25, 1, 2, 3, 5, 6, 7} {
		twelve = append(twelve, qs[n-1])
	}
	firstColumns = map[string]string{}
	for k, q := range shuffled {
		firstColumns[fmt.Sprintf("SQ%03d", k+1)] = q.ID
	}
	return corpus.RandomTeam(shuffled, 40, 31), corpus.RandomTeam(twelve, 25, 32), firstColumns
}

// TestMappingBelongsToItsHeadings: a mapping keeps the fingerprint of the headings it was made
// for. On the same form's next export it applies; on a form with other headings, even with the
// same codes, it is refused, saying which headings differ, instead of reading the answers as
// the wrong questions. A mapping written by hand, without a fingerprint, applies by heading.
func TestMappingBelongsToItsHeadings(t *testing.T) {
	m := mod(t)
	first, second, columns := codedForms(t)
	mapping := mappingFor(t, m, first.LimeSurveyCodes("SQ"), columns)
	again := corpus.RandomTeam(first.Questions, 33, 34) // the next measurement with the first form
	rep, err := m.Report(again.LimeSurveyCodes("SQ"), ReportOptions{Threshold: 0.2, Mapping: &mapping, MappingName: "koppeling.json"})
	if err != nil {
		t.Fatal(err)
	}
	sameFigures(t, "the first form's next export", rep.Determinants, expected(again))
	_, err = m.Report(second.LimeSurveyCodes("SQ"), ReportOptions{Threshold: 0.2, Mapping: &mapping, MappingName: "koppeling.json"})
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), `koppeling.json: the mapping was made for a file with other column headings (the mapping's file had "SQ013"`) || fe.Problems[0].File != "mapping" {
		t.Errorf("the first form's mapping on the second form: %v; want it refused, naming the mapping file and the headings that differ", err)
	}
	for _, c := range []struct {
		file []byte
		want string
	}{{first.LimeSurveyCodes("SQ"), "fits"}, {second.LimeSurveyCodes("SQ"), "differs"}} {
		var sheet struct {
			Value json.RawMessage `json:"value"`
		}
		_ = json.Unmarshal(readTeamFile(t, m, c.file), &sheet)
		parsed, _ := m.Call("parseMapping", mapping)
		var pm struct {
			Value json.RawMessage `json:"value"`
		}
		_ = json.Unmarshal(parsed, &pm)
		var fit string
		_ = json.Unmarshal(callPlain(t, m, "mappingFit", pm.Value, sheet.Value), &fit)
		if fit != c.want {
			t.Errorf("mappingFit: %q, want %q", fit, c.want)
		}
	}
	byHand := fmt.Sprintf(`{"format": "kennisbank-implementatiescan-koppeling", "version": 1, "columns": {"SQ001": %q}}`, first.Questions[0].ID)
	if rep, err := m.Report(second.LimeSurveyCodes("SQ"), ReportOptions{Threshold: 0.2, Mapping: &byHand}); err != nil || !strings.Contains(strings.Join(rep.Notices, " "), "no fingerprint") {
		t.Errorf("a mapping written by hand: %v, notices %v", err, rep)
	}
}
