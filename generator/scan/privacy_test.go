package scan

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// teamSummary reads a team's file as the page does (the logic's readFile and readTeam) and
// summarises it, split by the group column when one is given: what the page keeps.
func teamSummary(t *testing.T, m *Module, file []byte, group string) (summary json.RawMessage, groupColumns []string) {
	t.Helper()
	var sheet struct {
		OK    bool            `json:"ok"`
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(readTeamFile(t, m, file), &sheet); err != nil || !sheet.OK {
		t.Fatalf("readFile: %v %s", err, sheet.Value)
	}
	raw, err := m.Call("readTeam", sheet.Value)
	if err != nil {
		t.Fatal(err)
	}
	var team struct {
		OK    bool `json:"ok"`
		Value struct {
			Answers      json.RawMessage `json:"answers"`
			GroupColumns []struct {
				Heading string   `json:"heading"`
				Values  []string `json:"values"`
			} `json:"groupColumns"`
		} `json:"value"`
	}
	if err := json.Unmarshal(raw, &team); err != nil || !team.OK {
		t.Fatalf("readTeam: %v %s", err, raw)
	}
	args := []any{team.Value.Answers}
	for _, g := range team.Value.GroupColumns {
		groupColumns = append(groupColumns, g.Heading)
		if g.Heading == group {
			args = append(args, g)
		}
	}
	if summary, err = m.Call("summarise", args...); err != nil {
		t.Fatal(err)
	}
	return summary, groupColumns
}

func teamState(summary json.RawMessage) map[string]any {
	return map[string]any{"mode": "team", "answers": map[string]string{}, "summary": summary, "ignored": []string{"Opmerkingen"},
		"thresholds": map[string]float64{"barrier": 0.2, "facilitator": 0.8}, "name": "Signaleren", "plan": []string{}}
}

// exported calls exportJSON or encodeShare and returns the text it wrote.
func exported(t *testing.T, m *Module, fn string, args ...any) string {
	t.Helper()
	raw, err := m.Call(fn, args...)
	if err != nil {
		t.Fatal(err)
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

// privacyTeam is a team of 40 with a role column whose smallest groups have fewer than five
// people, a coded team column, an FTE column and free-text comments.
func privacyTeam(t *testing.T) corpus.Team {
	team := corpus.RandomTeam(questionsOf(t), 40, 1)
	n := map[string]int{}
	for _, r := range team.Roles {
		n[r]++
	}
	if n["Gedragswetenschapper"] == 0 || n["Gedragswetenschapper"] >= 5 || n["Doktersassistent"] >= 5 || n["Jeugdverpleegkundige"] < 5 {
		t.Fatalf("the team needs small groups and a large one: %v", n)
	}
	return team
}

// TestKeptFileHoldsCountsOnly: what the page saves to keep ("Alles bewaren") and shares holds
// the counts per determinant for the team and the groups of at least five, and nothing that
// names or quotes a person: no row per respondent, no comment, no group under five by name.
func TestKeptFileHoldsCountsOnly(t *testing.T) {
	m := mod(t)
	team := privacyTeam(t)
	file := team.MicrosoftFormsExtended()
	summary, _ := teamSummary(t, m, file, "Wat is je functie?")
	kept := exported(t, m, "exportJSON", teamState(summary), "2026-03-01")
	link := exported(t, m, "encodeShare", teamState(summary))
	for name, text := range map[string]string{"the kept file": kept, "the share link": link} {
		for _, c := range team.Comments {
			if c != "" && strings.Contains(text, c[:20]) {
				t.Errorf("%s quotes a comment: %q", name, c)
				break
			}
		}
		for _, small := range []string{"Gedragswetenschapper", "Doktersassistent"} {
			if strings.Contains(text, small) {
				t.Errorf("%s names the group %s, which has fewer than five people", name, small)
			}
		}
		if !strings.Contains(text, "Jeugdverpleegkundige") {
			t.Errorf("%s lacks the group of at least five", name)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(kept), &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"respondents", "group_columns"} {
		if v, ok := doc[key]; ok {
			t.Errorf("the kept file has %q: %.200v", key, v)
		}
	}
	// Nothing in it is a list with an entry per respondent.
	perPerson := regexp.MustCompile(`\[(\s*"[^"]*",){39}`)
	if perPerson.MatchString(kept) {
		t.Errorf("the kept file holds a list of 40 values: %s", perPerson.FindString(kept))
	}
	// The counts are those of an independent count.
	want := expected(team)
	var kf struct {
		Summary struct {
			Respondents int               `json:"respondents"`
			Counts      map[string][3]int `json:"counts"`
		} `json:"summary"`
	}
	_ = json.Unmarshal([]byte(kept), &kf)
	for id, w := range want {
		c := kf.Summary.Counts[id]
		n := c[0] + c[1] + c[2]
		if n != w.Answers || n > 0 && math.Round(float64(c[0])/float64(n)*1e4)/1e4 != w.Negative {
			t.Errorf("kept counts of %s: %v, want %d answers, %.4f negative", id, c, w.Answers, w.Negative)
		}
	}
}

// TestComparisonFromTheKeptFile measures again: the kept file of the first measurement is the
// earlier result, and the comparison is the one the command line makes from its own JSON.
func TestComparisonFromTheKeptFile(t *testing.T) {
	m := mod(t)
	before, now := corpus.RandomTeam(questionsOf(t), 30, 21), corpus.RandomTeam(questionsOf(t), 30, 22)
	summary, _ := teamSummary(t, m, before.MicrosoftFormsExtended(), "Wat is je functie?")
	kept := exported(t, m, "exportJSON", teamState(summary), "2025-10-01")
	earlierRep, err := m.Report(before.MicrosoftForms(), ReportOptions{Threshold: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	cli := string(earlierRep.JSON())
	var got [2]*Comparison
	for i, earlier := range []string{kept, cli} {
		rep, err := m.Report(now.GoogleForms(), ReportOptions{Threshold: 0.2, Compare: &earlier, CompareName: "voorjaar.json"})
		if err != nil {
			t.Fatal(err)
		}
		got[i] = rep.Comparison
	}
	if got[0].Earlier.Date != "2025-10-01" || got[0].Earlier.Respondents != 30 || len(got[0].Determinants) != len(kb.Determinants) {
		t.Errorf("the earlier measurement from the kept file: %+v, %d determinants", got[0].Earlier, len(got[0].Determinants))
	}
	got[0].Earlier.Date = ""
	a, _ := json.Marshal(got[0])
	b, _ := json.Marshal(got[1])
	if string(a) != string(b) {
		t.Errorf("from the kept file:\n%s\nfrom the command line's JSON:\n%s", a, b)
	}
	// The kept file opens again as the scan itself, with its groups.
	raw, _ := m.Call("importJSON", kept)
	var opened struct {
		OK    bool `json:"ok"`
		Value struct {
			Mode    string `json:"mode"`
			Summary struct {
				Respondents int `json:"respondents"`
				Groups      struct {
					Column string `json:"column"`
					Shown  []struct {
						Name string `json:"name"`
					} `json:"shown"`
				} `json:"groups"`
			} `json:"summary"`
		} `json:"value"`
	}
	_ = json.Unmarshal(raw, &opened)
	if !opened.OK || opened.Value.Mode != "team" || opened.Value.Summary.Respondents != 30 || opened.Value.Summary.Groups.Column != "Wat is je functie?" || len(opened.Value.Summary.Groups.Shown) == 0 {
		t.Errorf("the kept file opened again: %s", raw)
	}
}

// TestKeptStateRefusesSmallGroups: a kept file or share link that names a group under five, or
// whose counts do not add up, is refused; nothing of it is used.
func TestKeptStateRefusesSmallGroups(t *testing.T) {
	m := mod(t)
	summary, _ := teamSummary(t, m, privacyTeam(t).MicrosoftFormsExtended(), "Wat is je functie?")
	kept := exported(t, m, "exportJSON", teamState(summary), "2026-03-01")
	link := exported(t, m, "encodeShare", teamState(summary))
	linked := teamState(summary)
	linked["ignored"] = []string{} // a link does not carry the columns the scan left out
	if got, want, ok := readsBack(t, m, "decodeShare", link, linked); !ok {
		t.Errorf("share link %q\nreads back %s\nwant       %s", link, got, want)
	}
	if got, want, ok := readsBack(t, m, "importJSON", kept, teamState(summary)); !ok {
		t.Errorf("kept file reads back %s\nwant       %s", got, want)
	}
	small := regexp.MustCompile(`"respondents": (\d+),\s*"counts"`).ReplaceAllString(kept, `"respondents": 3, "counts"`)
	tooMany := regexp.MustCompile(`\[\s*(\d+),`).ReplaceAllString(kept, "[1000,")
	for name, bad := range map[string]string{"a group of three": small, "counts past the respondents": tooMany} {
		raw, _ := m.Call("importJSON", bad)
		if strings.Contains(string(raw), `"ok":true`) {
			t.Errorf("%s was opened: %.300s", name, raw)
		}
	}
	smallLink := regexp.MustCompile(`(Jeugdverpleegkundige):(\d+):`).ReplaceAllString(link, "$1:4:")
	if raw, _ := m.Call("decodeShare", smallLink); strings.Contains(string(raw), `"ok":true`) || smallLink == link {
		t.Errorf("a share link with a group of four was opened: %s", raw)
	}
}

// TestGroupColumnsHaveFewRepeatedValues: a role, or a team given as a code, splits the team into
// groups; comments and the FTE do not. Coded groups take the names a mapping gives them.
func TestGroupColumnsHaveFewRepeatedValues(t *testing.T) {
	m := mod(t)
	team := privacyTeam(t)
	file := team.MicrosoftFormsExtended()
	_, columns := teamSummary(t, m, file, "")
	if !slices.Equal(columns, []string{"Wat is je functie?", "Team"}) {
		t.Errorf("group columns %q, want the role and the team, not the FTE or the comments", columns)
	}
	for _, c := range []string{"FTE", "Opmerkingen"} {
		_, err := m.Report(file, ReportOptions{Threshold: 0.2, Group: &c})
		if err == nil || !strings.Contains(err.Error(), "few repeated") {
			t.Errorf("--group %s: %v", c, err)
		}
	}
	names := `{"format": "kennisbank-implementatiescan-koppeling", "version": 2, "groups": {"Team": {"1": "Wijkteam Noord", "2": "Wijkteam Zuid", "3": "Wijkteam West"}}}`
	group := "Team"
	rep, err := m.Report(file, ReportOptions{Threshold: 0.2, Group: &group, Mapping: &names})
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, v := range team.Teams {
		n[map[string]string{"1": "Wijkteam Noord", "2": "Wijkteam Zuid", "3": "Wijkteam West"}[v]]++
	}
	for _, g := range rep.Groups {
		if n[g.Name] != g.Respondents {
			t.Errorf("group %q: %d respondents, want %d (%v)", g.Name, g.Respondents, n[g.Name], n)
		}
	}
	if len(rep.Groups) == 0 {
		t.Errorf("no named groups: %+v", rep)
	}
	var codes struct {
		Value struct {
			GroupColumns []struct {
				Heading string   `json:"heading"`
				Codes   []string `json:"codes"`
			} `json:"groupColumns"`
		} `json:"value"`
	}
	var sheet struct {
		Value json.RawMessage `json:"value"`
	}
	_ = json.Unmarshal(readTeamFile(t, m, file), &sheet)
	raw, _ := m.Call("readTeam", sheet.Value)
	_ = json.Unmarshal(raw, &codes)
	got := fmt.Sprint(codes.Value.GroupColumns)
	if got != "[{Wat is je functie? []} {Team [1 2 3]}]" {
		t.Errorf("coded group columns: %s; want the team's codes 1, 2 and 3 to name", got)
	}
}
