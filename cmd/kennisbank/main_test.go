package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitCodes(t *testing.T) {
	cases := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{}, exitUsage, "Usage:"},
		{[]string{"bouw"}, exitUsage, `unknown command "bouw"`},
		{[]string{"build", "--nope"}, exitUsage, "flag provided but not defined"},
		{[]string{"build", "--help"}, exitOK, "--base-url"},
		{[]string{"new", "strategie"}, exitUsage, "expected a kind and a title"},
		{[]string{"check", "--src", t.TempDir()}, exitProblems, "no content folder"},
		{[]string{"check", "--src", "../.."}, exitOK, "no problems"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		code := run(c.args, &out, &out)
		if code != c.code || !strings.Contains(out.String(), c.out) {
			t.Errorf("kennisbank %s: exit %d, want %d; output:\n%s", strings.Join(c.args, " "), code, c.code, out.String())
		}
	}
}

func TestBuildPrintsSummary(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "--src", "../..", "--out", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "pages") || !strings.Contains(stdout.String(), " ms ") {
		t.Errorf("summary line: %q", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

// With --format github, every problem becomes a workflow annotation on stdout with its file and
// line, and the exit code still says that there were problems.
func TestCheckFormatGitHub(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content", "templates", "assets"} {
		copyDir(t, filepath.Join("..", "..", d), filepath.Join(root, d))
	}
	bad := "+++\ntitel = \"Proef\"\ncluster = \"evalueren-en-bijstellen\"\nfase = [\"adoptei\"]\n+++\nTekst.\n"
	if err := os.WriteFile(filepath.Join(root, "content", "strategieen", "proef.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--src", root, "--format", "github"}, &stdout, &stderr)
	want := `::error file=content/strategieen/proef.md,line=4::field "fase": unknown value "adoptei" (expected one of: verspreiding, adoptie, implementatie, borging); did you mean "adoptie"?` + "\n"
	if code != exitProblems || stdout.String() != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s", code, stdout.String(), want)
	}
	if !strings.Contains(stderr.String(), "1 problem(s)") {
		t.Errorf("stderr: %s", stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"check", "--src", "../..", "--format", "github"}, &stdout, &stderr); code != exitOK || strings.Contains(stdout.String(), "::error") {
		t.Errorf("the real site: exit %d, annotations %q", code, stdout.String())
	}
	if code := run([]string{"check", "--format", "xml"}, &stdout, &stderr); code != exitUsage {
		t.Errorf("--format xml: exit %d, want %d", code, exitUsage)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
