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
	for _, baseURL := range []string{"", "https://example.org/kb/"} {
		out := filepath.Join(t.TempDir(), "site")
		var stdout, stderr bytes.Buffer
		args := []string{"build", "--src", "../..", "--out", out}
		if baseURL != "" {
			args = append(args, "--base-url", baseURL)
		}
		if code := run(args, &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if !strings.Contains(stdout.String(), "pages") || !strings.Contains(stdout.String(), " ms ") {
			t.Errorf("summary line: %q", stdout.String())
		}
		if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
			t.Error(err)
		}
		// Without base_url the summary says so once, and what the site then lacks.
		note := strings.Count(stdout.String(), "base_url is not set")
		if baseURL == "" && (note != 1 || !strings.Contains(stdout.String(), "no sitemap.xml, no Atom feed (atom.xml), and no absolute links")) {
			t.Errorf("without base_url, the summary should say once what is left out:\n%s", stdout.String())
		}
		if baseURL != "" && note != 0 {
			t.Errorf("with --base-url the summary still says base_url is not set:\n%s", stdout.String())
		}
	}
}
