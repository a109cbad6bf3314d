package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator"
	"github.com/werkplaats-jeugd/kennisbank/generator/scan"
	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

func writeCSV(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "antwoorden.csv")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestScanCommandExitCodes(t *testing.T) {
	good := writeCSV(t, "naam;1\r\nA;2\r\nB;4\r\n")
	bad := writeCSV(t, "naam,1\nA,2\nB,zes\n")
	cases := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"scan"}, exitUsage, "--responses FILE is required"},
		{[]string{"scan", "--responses", good, "--facilitator", "1.5"}, exitUsage, "--facilitator 1.5"},
		{[]string{"scan", "--responses", good, "--src", "../..", "--kennisbank", "kb.json"}, exitUsage, "not both"},
		{[]string{"scan", "--responses", good, "--threshold", "20"}, exitUsage, "at most 1"},
		{[]string{"scan", "--responses", good, "--threshold", "0"}, exitUsage, "above 0"},
		{[]string{"scan", "--responses", good, "--format", "xml"}, exitUsage, "text or json"},
		{[]string{"scan", "--responses", good, "extra"}, exitUsage, "unexpected argument"},
		{[]string{"scan", "--help"}, exitOK, "--threshold"},
		{[]string{"scan", "--src", "../..", "--responses", bad}, exitProblems, "row 3, column 2 (1): \"zes\""},
		{[]string{"scan", "--src", "../..", "--responses", filepath.Join(t.TempDir(), "nope.csv")}, exitProblems, "nope.csv"},
		{[]string{"scan", "--src", "../..", "--responses", good}, exitOK, "Barriers (1)"},
		{[]string{"help"}, exitOK, "kennisbank scan --responses"},
		{[]string{"scan", "--src", t.TempDir(), "--responses", good}, exitUsage, "is not a Kennisbank project"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		code := run(c.args, &out, &out)
		if code != c.code || !strings.Contains(out.String(), c.out) {
			t.Errorf("kennisbank %s: exit %d, want %d; output:\n%s", strings.Join(c.args, " "), code, c.code, out.String())
		}
	}
}

func TestScanCommandJSONAndThreshold(t *testing.T) {
	// Determinant 1: 1 of 4 negative (25%); determinant 2: 2 of 4 (50%).
	file := writeCSV(t, "\ufefftijdstempel;e-mail;1;2\r\n1-3-2024;a@b.nl;1;1\r\n;;4;2\r\n;;4;4\r\n;;5;4\r\n")
	scanJSON := func(threshold string) map[string]any {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"scan", "--src", "../..", "--responses", file, "--format", "json", "--threshold", threshold}, &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		var doc map[string]any
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Fatalf("output is no JSON: %v\n%s", err, stdout.String())
		}
		return doc
	}
	numbers := func(doc map[string]any) []float64 {
		var out []float64
		for _, b := range doc["barriers"].([]any) {
			out = append(out, b.(map[string]any)["number"].(float64))
		}
		return out
	}
	low := scanJSON("0.2")
	if n := numbers(low); len(n) != 2 {
		t.Errorf("threshold 0.2: barriers %v, want determinants 1 and 2", n)
	}
	b := low["barriers"].([]any)[0].(map[string]any)
	for _, key := range []string{"id", "number", "title", "answers", "negative", "positive"} {
		if _, ok := b[key]; !ok {
			t.Errorf("barrier has no %q: %v", key, b)
		}
	}
	if b["negative"] != 0.25 || b["answers"] != 4.0 {
		t.Errorf("determinant 1: negative %v of %v answers, want 0.25 of 4", b["negative"], b["answers"])
	}
	s := low["strategies"].([]any)
	if len(s) == 0 || len(s[0].(map[string]any)["barriers"].([]any)) == 0 {
		t.Errorf("no ranked strategies with their barriers: %v", s)
	}
	if ign := low["ignored_columns"].([]any); len(ign) != 2 || ign[0] != "tijdstempel" || ign[1] != "e-mail" {
		t.Errorf("ignored_columns %v", ign)
	}
	if n := numbers(scanJSON("0.3")); len(n) != 1 || n[0] != 2 {
		t.Errorf("threshold 0.3: barriers %v, want only determinant 2", n)
	}
}

// TestScanRunsFromAnyFolder runs the command where there is no project: the logic is in the
// binary, the knowledge base comes from --kennisbank (a file, a site folder or a URL).
func TestScanRunsFromAnyFolder(t *testing.T) {
	kb, err := generator.KnowledgeBaseJSON(generator.Options{Root: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	kbFile := filepath.Join(site, "data", "kennisbank.json")
	if err := os.WriteFile(kbFile, kb, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("/kennisbank", http.FileServer(http.Dir(site))))
	defer srv.Close()
	answers := writeCSV(t, "naam;1\r\nA;2\r\nB;4\r\n")
	t.Chdir(t.TempDir())
	var out bytes.Buffer
	if code := run([]string{"scan", "--responses", answers}, &out, &out); code != exitUsage || !strings.Contains(out.String(), "--kennisbank FILE|URL") {
		t.Errorf("outside a project without --kennisbank: exit %d\n%s", code, out.String())
	}
	for _, ref := range []string{kbFile, site, srv.URL + "/kennisbank/", srv.URL + "/kennisbank/data/kennisbank.json"} {
		out.Reset()
		if code := run([]string{"scan", "--kennisbank", ref, "--responses", answers}, &out, &out); code != exitOK || !strings.Contains(out.String(), "Barriers (1)") {
			t.Errorf("--kennisbank %s: exit %d\n%s", ref, code, out.String())
		}
	}
	out.Reset()
	if code := run([]string{"scan", "--kennisbank", srv.URL + "/elders/", "--responses", answers}, &out, &out); code != exitProblems || !strings.Contains(out.String(), "404") {
		t.Errorf("--kennisbank at a URL without the data: exit %d\n%s", code, out.String())
	}
}

// TestScanCommandGroupsFacilitatorsAndComparison reads a Microsoft Forms workbook, compares groups
// and an earlier result, and prints the facilitators.
func TestScanCommandGroupsFacilitatorsAndComparison(t *testing.T) {
	m, err := scan.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	var qs []corpus.Question
	raw, _ := m.Call("ordered")
	var dets []struct {
		ID, Title, Question, Scale string
		Number                     int
	}
	_ = json.Unmarshal(raw, &dets)
	for _, d := range dets {
		qs = append(qs, corpus.Question{Number: d.Number, ID: d.ID, Title: d.Title, Text: d.Question, Scale: d.Scale})
	}
	dir := t.TempDir()
	now := filepath.Join(dir, "antwoorden.xlsx")
	earlier := filepath.Join(dir, "voorjaar.json")
	_ = os.WriteFile(now, corpus.RandomTeam(qs, 40, 1).MicrosoftForms(), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"scan", "--src", "../..", "--responses", writeUTF16(t, corpus.RandomTeam(qs, 40, 2)), "--format", "json"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	_ = os.WriteFile(earlier, stdout.Bytes(), 0o644)
	stdout.Reset()
	code := run([]string{"scan", "--src", "../..", "--responses", now, "--group", "Wat is je functie?", "--compare", earlier, "--facilitator", "0.3"}, &stdout, &stderr)
	if code != exitOK || !contains(stdout.String(), "Facilitators (", "Groups by \"Wat is je functie?\"", "Jeugdverpleegkundige (", "not shown on their own", "Compared with voorjaar.json (40 respondent(s))", "Solved barriers (", "New barriers (") {
		t.Errorf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
}

func writeUTF16(t *testing.T, team corpus.Team) string {
	p := filepath.Join(t.TempDir(), "team.txt")
	if err := os.WriteFile(p, team.UnicodeText(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestScanCommandRefusesBadFilesAndWritesNothing: a refused file writes nothing to stdout, so a
// pipeline does not carry half a result on.
func TestScanCommandRefusesBadFilesAndWritesNothing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "antwoorden.xlsx")
	_ = os.WriteFile(p, append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...), 0o644)
	var stdout, stderr bytes.Buffer
	code := run([]string{"scan", "--src", "../..", "--responses", p, "--format", "json"}, &stdout, &stderr)
	if code != exitProblems || stdout.Len() != 0 || !strings.Contains(stderr.String(), "antwoorden.xlsx: this workbook is encrypted with a password") {
		t.Errorf("an encrypted workbook: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}

func contains(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}

// questions reads the knowledge base's questions through the logic.
func questions(t testing.TB) (*scan.Module, []corpus.Question) {
	t.Helper()
	m, err := scan.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := m.Call("ordered")
	var dets []struct {
		ID, Title, Question, Scale string
		Number                     int
	}
	_ = json.Unmarshal(raw, &dets)
	var qs []corpus.Question
	for _, d := range dets {
		qs = append(qs, corpus.Question{Number: d.Number, ID: d.ID, Title: d.Title, Text: d.Question, Scale: d.Scale})
	}
	return m, qs
}

// TestScanCommandMappingMustFitTheHeadings: --mapping applies a mapping to the export of the
// form it was made for, and refuses it, saying so, on a form with other headings that uses the
// same codes, instead of reading the answers as the wrong questions.
func TestScanCommandMappingMustFitTheHeadings(t *testing.T) {
	m, qs := questions(t)
	var first, second []corpus.Question
	columns := map[string]string{}
	for k := range qs {
		first = append(first, qs[(k*7)%len(qs)])
		columns[fmt.Sprintf("SQ%03d", k+1)] = qs[(k*7)%len(qs)].ID
	}
	for _, n := range []int{4, 8, 19, 21, 23, 25, 1, 2, 3, 5, 6, 7} {
		second = append(second, qs[n-1])
	}
	firstFile := corpus.RandomTeam(first, 40, 31).LimeSurveyCodes("SQ")
	z, _ := m.Unzip(firstFile)
	sheet, _ := m.CallPlain("readFile", scan.Bytes(firstFile), z)
	var read struct {
		Value json.RawMessage `json:"value"`
	}
	_ = json.Unmarshal(sheet, &read)
	marked, _ := m.CallPlain("forSheet", map[string]any{"fingerprint": "", "headings": []string{}, "columns": columns,
		"answers": map[string]any{"eens5": map[string]string{}, "janeeweetniet": map[string]string{}}, "groups": map[string]any{}}, read.Value)
	raw, _ := m.CallPlain("mappingJSON", marked)
	var text string
	_ = json.Unmarshal(raw, &text)
	dir := t.TempDir()
	mapping := filepath.Join(dir, "koppeling.json")
	_ = os.WriteFile(mapping, []byte(text), 0o644)
	next := filepath.Join(dir, "najaar.csv")
	_ = os.WriteFile(next, corpus.RandomTeam(first, 33, 34).LimeSurveyCodes("SQ"), 0o644)
	other := filepath.Join(dir, "twaalf-vragen.csv")
	_ = os.WriteFile(other, corpus.RandomTeam(second, 25, 32).LimeSurveyCodes("SQ"), 0o644)

	var stdout, stderr bytes.Buffer
	if code := run([]string{"scan", "--src", "../..", "--responses", next, "--mapping", mapping}, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "33 respondent(s)") {
		t.Errorf("the form's next export with its mapping: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	code := run([]string{"scan", "--src", "../..", "--responses", other, "--mapping", mapping}, &stdout, &stderr)
	if code != exitProblems || stdout.Len() != 0 || !strings.Contains(stderr.String(), "kennisbank scan: "+mapping+": the mapping was made for a file with other column headings") {
		t.Errorf("another form with the same codes: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}

// TestScanCommandJSONKeepsEveryoneUnrecognisable: what --format json prints follows the scan's
// privacy rule: counts per group of at least five, no group under five by name, no comment, no
// row per respondent; a column of comments or of FTE does not split the team into groups.
func TestScanCommandJSONKeepsEveryoneUnrecognisable(t *testing.T) {
	_, qs := questions(t)
	team := corpus.RandomTeam(qs, 40, 1)
	file := filepath.Join(t.TempDir(), "forms.xlsx")
	_ = os.WriteFile(file, team.MicrosoftFormsExtended(), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"scan", "--src", "../..", "--responses", file, "--format", "json", "--group", "Wat is je functie?"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	size := map[string]int{}
	for _, r := range team.Roles {
		size[r]++
	}
	for role, n := range size {
		if n < 5 && strings.Contains(out, role) {
			t.Errorf("the JSON names %s, a group of %d", role, n)
		}
	}
	for _, c := range team.Comments {
		if c != "" && strings.Contains(out, c[:15]) {
			t.Errorf("the JSON quotes the comment %q", c)
		}
	}
	if strings.Contains(out, `"0,8"`) || strings.Contains(out, "Start time\": \"") {
		t.Errorf("the JSON holds a respondent's own values:\n%.600s", out)
	}
	for _, column := range []string{"Opmerkingen", "FTE"} {
		stdout.Reset()
		stderr.Reset()
		if code := run([]string{"scan", "--src", "../..", "--responses", file, "--group", column}, &stdout, &stderr); code != exitProblems || !strings.Contains(stderr.String(), "not a few repeated ones") {
			t.Errorf("--group %s: exit %d, %s", column, code, stderr.String())
		}
	}
}

// TestScanCommandSaysWhichSheetItRead: in a workbook of several sheets the command reads the
// first with data and says so; --sheet reads another.
func TestScanCommandSaysWhichSheetItRead(t *testing.T) {
	_, qs := questions(t)
	rows := corpus.RandomTeam(qs, 12, 1).MicrosoftFormsRows()
	other := corpus.RandomTeam(qs, 20, 2).MicrosoftFormsRows()
	file := filepath.Join(t.TempDir(), "werkmap.xlsx")
	_ = os.WriteFile(file, corpus.XLSX{Sheet: "Voormeting", Rows: rows, Others: []corpus.Sheet{{Name: "Nameting", Rows: other}}}.Bytes(), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"scan", "--src", "../..", "--responses", file}, &stdout, &stderr); code != exitOK || !contains(stdout.String(), "12 respondent(s)", `read worksheet "Voormeting"; the workbook also has "Nameting"`) {
		t.Errorf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"scan", "--src", "../..", "--responses", file, "--sheet", "Nameting"}, &stdout, &stderr); code != exitOK || !contains(stdout.String(), "20 respondent(s)", `read worksheet "Nameting"`) {
		t.Errorf("--sheet Nameting: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"scan", "--src", "../..", "--responses", file, "--sheet", "Blad3"}, &stdout, &stderr); code != exitProblems || !strings.Contains(stderr.String(), `no worksheet "Blad3"; its worksheets: Voormeting, Nameting`) {
		t.Errorf("--sheet Blad3: exit %d, %s", code, stderr.String())
	}
}

// BenchmarkScanCommand2300 runs the built kennisbank binary, as a person does, on a Microsoft
// Forms workbook of 2,300 respondents: the whole command, from starting the process to the
// report (loading the knowledge base, bundling the logic, unzipping, reading, scoring, ranking).
// Goal: at most 200 ms. The knowledge base comes from the project (--src) or from a published
// site's data file (--kennisbank).
func BenchmarkScanCommand2300(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "kennisbank")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	_, qs := questions(b)
	file := filepath.Join(dir, "antwoorden.xlsx")
	kb := filepath.Join(dir, "kennisbank.json")
	data, err := generator.KnowledgeBaseJSON(generator.Options{Root: "../.."})
	if err != nil {
		b.Fatal(err)
	}
	if os.WriteFile(file, corpus.RandomTeam(qs, 2300, 1).MicrosoftForms(), 0o644) != nil || os.WriteFile(kb, data, 0o644) != nil {
		b.Fatal("cannot write the files")
	}
	for _, c := range []struct{ name, flag, value string }{{"project", "--src", "../.."}, {"published", "--kennisbank", kb}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				out, err := exec.Command(bin, "scan", c.flag, c.value, "--responses", file, "--format", "json").Output()
				if err != nil || !bytes.Contains(out, []byte(`"respondents": 2300`)) {
					b.Fatalf("%v\n%.300s", err, out)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
		})
	}
}
