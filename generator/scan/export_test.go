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
