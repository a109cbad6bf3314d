package scan

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestColumnsAreRecognised checks headings as people and survey tools write them: the
// determinant's number or id, its question (in any case, spacing and punctuation, also inside a
// grid heading), a numbered heading, or its title; and headings that must not be taken for a
// determinant.
func TestColumnsAreRecognised(t *testing.T) {
	m := mod(t)
	q, err := m.Call("questions")
	if err != nil {
		t.Fatal(err)
	}
	d1, d4 := kb.Determinants[0], kb.Determinants[3]
	curly := strings.NewReplacer("'", "’", ".", " .", " ", "  ").Replace(strings.ToUpper(d4.Question))
	cases := []struct {
		heading, text string
		number        int // 0: no determinant
		how           string
	}{
		{"1", "", 1, "nummer"},
		{"01", "", 1, "nummer"},
		{d1.ID, "", 1, "id"},
		{d4.Question, "", 4, "vraag"},
		{curly, "", 4, "vraag"},
		{"MIDI [" + d4.Question + "]", "", 4, "vraag"},
		{"Stellingen - " + d4.Question, "", 4, "vraag"},
		{"Q1_4", "Stellingen - " + d4.Question, 4, "vraag"},
		{"4. " + d4.Question, "", 4, "vraag"},
		{"3. " + d4.Question, "", 4, "vraag"}, // the form's own numbering differs: the text counts
		{"D04", "", 4, "kop"},
		{"Q4", "", 4, "kop"},
		{"V4", "", 4, "kop"},
		{"Vraag 4", "", 4, "kop"},
		{"vraag_04", "", 4, "kop"},
		{"midi_04", "", 4, "kop"},
		{"4.", "", 4, "kop"},
		{"4)", "", 4, "kop"},
		{"[4]", "", 4, "kop"},
		{"MIDI[D04]", "", 4, "kop"},
		{"MIDI [4]", "", 4, "kop"},
		{"4. " + d4.Title, "", 4, "kop"},
		{d4.Title, "", 4, "titel"},
		{"2. Wat is je functie?", "", 0, ""},
		{"Q4", "Wat is je functie?", 0, ""},
		{"Q1_4", "", 0, ""},
		{"Vraag 4 toelichting", "", 0, ""},
		{"Opmerking bij vraag 4", "", 0, ""},
		{"2024", "", 0, ""},
		{"Q99", "", 0, ""},
		{"", "", 0, ""},
	}
	for _, c := range cases {
		raw, err := m.Call("recognise", q, c.heading, c.text)
		if err != nil {
			t.Fatal(err)
		}
		var got *struct {
			Determinant struct{ Number int }
			How         string
		}
		_ = json.Unmarshal(raw, &got)
		switch {
		case c.number == 0 && got != nil:
			t.Errorf("%q / %q: taken for determinant %d (%s), want none", c.heading, c.text, got.Determinant.Number, got.How)
		case c.number != 0 && (got == nil || got.Determinant.Number != c.number || got.How != c.how):
			t.Errorf("%q / %q: %+v, want determinant %d by %s", c.heading, c.text, got, c.number, c.how)
		}
	}
	for _, h := range []string{"ID", "Start time", "Completion time", "Email", "Name", "Tijdstempel", "E-mailadres", "submitdate", "Response ID", "StartDate", "Duration (in seconds)", "Participant Id", "Survey Completed On"} {
		var is bool
		_ = json.Unmarshal(callPlain(t, m, "isMetadata", h), &is)
		if !is {
			t.Errorf("%q is not known as a survey tool's own column", h)
		}
	}
}

// TestNoQuestionHoldsAnother: recognition by text takes the longest question a heading holds; it
// must never find a shorter question inside a longer one's heading.
func TestNoQuestionHoldsAnother(t *testing.T) {
	mod(t)
	fold := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	for _, a := range kb.Determinants {
		for _, b := range kb.Determinants {
			if a.ID != b.ID && strings.Contains(fold(a.Question), fold(b.Question)) {
				t.Errorf("the question of %s holds that of %s", a.ID, b.ID)
			}
		}
	}
}

// TestAnswerWords checks what people and form tools write for the points of the scales.
func TestAnswerWords(t *testing.T) {
	m := mod(t)
	cases := map[string][]string{
		"eens5:1":           {"1", "Helemaal mee oneens", "HELEMAAL ONEENS", "Zeer mee oneens", "Strongly disagree", "1 - Helemaal mee oneens", "(1) helemaal mee oneens", "helemaal mee oneens (1)", "0 - Helemaal mee oneens"},
		"eens5:2":           {"2", "Mee oneens", "Oneens", "Niet mee eens", "Enigszins mee oneens", "Disagree", "Somewhat disagree", "2. mee oneens"},
		"eens5:3":           {"3", "Neutraal", "Niet mee eens, niet mee oneens", "Niet eens/niet oneens", "Neither agree nor disagree", "Neutral", "3 = neutraal"},
		"eens5:4":           {"4", "Mee eens", "Eens", "eens.", "Agree", "Somewhat agree", "4 - Mee eens", "4 – Mee eens", "4) mee eens"},
		"eens5:5":           {"5", "Helemaal mee eens", "Helemaal eens", "Strongly agree", "Volledig mee eens"},
		"eens5:nvt":         {"nvt", "N.v.t.", "n.v.t", "Niet van toepassing", "N/A", "Not applicable", "Weet ik niet", "Don’t know"},
		"eens5:":            {"", "  ", "-", "Geen antwoord", "No answer"},
		"eens5:?":           {"6", "0", "10", "1.5", "misschien", "ja", "constructor", "__proto__", "4 - misschien", "45"},
		"janeeweetniet:ja":  {"ja", "Ja", "J", "Yes", "y"},
		"janeeweetniet:nee": {"nee", "NEE", "n", "No"},
		"janeeweetniet:wn":  {"weet niet", "Weet ik niet", "weetniet", "Don't know", "I don’t know"},
		"janeeweetniet:nvt": {"N.v.t.", "Niet van toepassing"},
		"janeeweetniet:?":   {"1", "4", "misschien", "mee eens"},
	}
	for key, inputs := range cases {
		scale, want, _ := strings.Cut(key, ":")
		for _, in := range inputs {
			var got *string
			_ = json.Unmarshal(callPlain(t, m, "normalizeAnswer", scale, in), &got)
			switch {
			case want == "?" && got != nil:
				t.Errorf("%s %q reads as %q, want no answer the scan knows", scale, in, *got)
			case want != "?" && (got == nil || *got != want):
				t.Errorf("%s %q reads as %v, want %q", scale, in, fmt.Sprint(deref(got)), want)
			}
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<unknown>"
	}
	return *s
}
