package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kennisbank/generator"
	"kennisbank/generator/scan"
	"kennisbank/internal/corpus"
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
