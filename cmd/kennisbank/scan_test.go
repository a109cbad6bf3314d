package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		{[]string{"scan"}, exitUsage, "--responses FILE.csv is required"},
		{[]string{"scan", "--responses", good, "--threshold", "20"}, exitUsage, "at most 1"},
		{[]string{"scan", "--responses", good, "--threshold", "0"}, exitUsage, "above 0"},
		{[]string{"scan", "--responses", good, "--format", "xml"}, exitUsage, "text or json"},
		{[]string{"scan", "--responses", good, "extra"}, exitUsage, "unexpected argument"},
		{[]string{"scan", "--help"}, exitOK, "--threshold"},
		{[]string{"scan", "--src", "../..", "--responses", bad}, exitProblems, "row 3, column 2 (1): \"zes\""},
		{[]string{"scan", "--src", "../..", "--responses", filepath.Join(t.TempDir(), "nope.csv")}, exitProblems, "nope.csv"},
		{[]string{"scan", "--src", "../..", "--responses", good}, exitOK, "Barriers (1)"},
		{[]string{"help"}, exitOK, "kennisbank scan --responses"},
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
