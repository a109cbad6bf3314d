package main

import (
	"bytes"
	"io"
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
		{[]string{"new", "--src", t.TempDir(), "nieuws", "Iets"}, exitUsage, "not a Kennisbank project"},
		{[]string{"new", "nieuws", "Iets", "--src", t.TempDir()}, exitUsage, "not a Kennisbank project"}, // flags after the arguments count too
		{[]string{"new", "nieuws", "--src", t.TempDir(), "Iets", "--onbekend"}, exitUsage, "flag provided but not defined: --onbekend"},
		{[]string{"new", "--", "nieuws"}, exitUsage, "expected a kind and a title"},
		{[]string{"build", "content"}, exitUsage, `unexpected argument "content"`},
		{[]string{"check", "--src", t.TempDir()}, exitProblems, "content/site.toml ontbreekt"},
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

// An empty folder is no project: build says what is missing, once, and how to start one; not
// what a site.toml it does not have would lack.
func TestBuildOutsideAProjectSaysWhatIsMissing(t *testing.T) {
	empty := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "--src", empty, "--out", filepath.Join(t.TempDir(), "public")}, &stdout, &stderr)
	text := stderr.String()
	if code != exitProblems || !strings.Contains(text, "content/site.toml ontbreekt") || !strings.Contains(text, "kennisbank init") ||
		!strings.Contains(text, "kennisbank: 1 problem(s)") || strings.Contains(text, "titel") {
		t.Errorf("exit %d, stderr:\n%s", code, text)
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

// With --format github, every problem becomes a workflow annotation on stdout with its file and
// line, and the exit code still says that there were problems.
func TestCheckFormatGitHub(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content"} {
		copyDir(t, filepath.Join("..", "..", d), filepath.Join(root, d))
	}
	bad := "+++\ntitel = \"Proef\"\ncluster = \"evalueren-en-bijstellen\"\nfase = [\"adoptei\"]\n+++\nTekst.\n"
	if err := os.WriteFile(filepath.Join(root, "content", "strategieen", "proef.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--src", root, "--format", "github"}, &stdout, &stderr)
	want := `::error file=content/strategieen/proef.md,line=4::veld "fase": onbekende waarde "adoptei" (mogelijk zijn: verspreiding, adoptie, implementatie, borging); bedoel je "adoptie"?` + "\n"
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
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// A slip such as --out content (for --src content) must not delete the content: the build is
// refused with a usage error before anything is written, and says why.
func TestBuildRefusesAnOutputFolderItDidNotMake(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content"} {
		copyDir(t, filepath.Join("..", "..", d), filepath.Join(root, d))
	}
	mine := filepath.Join(t.TempDir(), "Documenten")
	if err := os.MkdirAll(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mine, "brief.docx"), []byte("mijn brief"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		filepath.Join(root, "content"):   "source folder content/",
		root:                             "project folder itself",
		filepath.Join(root, "templates"): "source folder templates/",
		mine:                             "an earlier build did not make",
	}
	for out, want := range cases {
		var stdout, stderr bytes.Buffer
		code := run([]string{"build", "--src", root, "--out", out}, &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), want) {
			t.Errorf("build --out %s: exit %d, want %d with %q; stderr:\n%s", out, code, exitUsage, want, stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(root, "content", "site.toml")); err != nil {
		t.Fatalf("content/ lost its files: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(mine, "brief.docx")); string(data) != "mijn brief" {
		t.Fatalf("the user's folder changed")
	}
	// Without --out the site goes to public/ in the project, from any working folder.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "--src", root}, &stdout, &stderr); code != exitOK {
		t.Fatalf("build --src %s: exit %d: %s", root, code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(root, "public", "index.html")); err != nil || !strings.Contains(stdout.String(), filepath.Join(root, "public")) {
		t.Errorf("the default output folder is not public/ in --src: %v; stdout: %s", err, stdout.String())
	}
}

// A template mistake that breaks every strategy page is one annotation, at the template's file
// and line.
func TestCheckFormatGitHubNamesTheTemplate(t *testing.T) {
	root := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "content"), filepath.Join(root, "content"))
	var copied bytes.Buffer
	if code := run([]string{"theme", "copy", "--src", root, "templates/strategie.html"}, &copied, &copied); code != exitOK {
		t.Fatalf("theme copy: exit %d: %s", code, copied.String())
	}
	tmpl := filepath.Join(root, "templates", "strategie.html")
	data, _ := os.ReadFile(tmpl)
	if err := os.WriteFile(tmpl, []byte(strings.Replace(string(data), "{{.Number}}. {{.Title}}", "{{.Number}}. {{.Titel}}", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--src", root, "--format", "github"}, &stdout, &stderr)
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if code != exitProblems || len(lines) != 1 || !strings.HasPrefix(lines[0], "::error file=templates/strategie.html,line=16::") {
		t.Errorf("exit %d, stdout:\n%s", code, stdout.String())
	}
}

// Help is asked for: it goes to stdout with exit 0, and writes flags as the synopsis does. A
// wrong flag goes to stderr with exit 2.
func TestHelpGoesToStdoutWithFlagsAsTheSynopsisWritesThem(t *testing.T) {
	for _, cmd := range []string{"build", "check", "serve", "new", "scan", "init", "theme"} {
		var stdout, stderr bytes.Buffer
		code := run([]string{cmd, "--help"}, &stdout, &stderr)
		flag := "  --src"
		if cmd == "init" {
			flag = "  --uitgever"
		}
		if code != exitOK || stderr.Len() > 0 || !strings.Contains(stdout.String(), "Usage: kennisbank "+cmd) || !strings.Contains(stdout.String(), flag) {
			t.Errorf("%s --help: exit %d\nstdout:\n%s\nstderr:\n%s", cmd, code, stdout.String(), stderr.String())
		}
		if strings.Contains(stdout.String(), "\n  -src") {
			t.Errorf("%s --help shows Go's single-dash flags:\n%s", cmd, stdout.String())
		}
		stdout.Reset()
		stderr.Reset()
		code = run([]string{cmd, "--bestaat-niet"}, &stdout, &stderr)
		if code != exitUsage || stdout.Len() > 0 || !strings.Contains(stderr.String(), "--bestaat-niet") || !strings.Contains(stderr.String(), "Usage:") {
			t.Errorf("%s --bestaat-niet: exit %d\nstdout:\n%s\nstderr:\n%s", cmd, code, stdout.String(), stderr.String())
		}
	}
	var stdout bytes.Buffer
	if code := run([]string{"version"}, &stdout, &stdout); code != exitOK || !strings.HasPrefix(stdout.String(), "kennisbank ") {
		t.Errorf("version: exit %d: %s", code, stdout.String())
	}
}

// A new item published with its placeholder lines left in gives warnings: check says where and
// exits 0, with --format github as ::warning annotations; build builds.
func TestWarningsDoNotStopTheBuild(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content"} {
		copyDir(t, filepath.Join("..", "..", d), filepath.Join(root, d))
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", "--src", root, "nieuws", "Open dag"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("new: exit %d: %s", code, stderr.String())
	}
	file := strings.TrimSpace(stdout.String())
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, bytes.Replace(text, []byte("concept = true"), []byte("concept = false"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(root, file)
	stdout.Reset()
	stderr.Reset()
	code := run([]string{"check", "--src", root, "--format", "github"}, &stdout, &stderr)
	if code != exitOK || !strings.Contains(stdout.String(), "::warning file="+filepath.ToSlash(rel)+",line=") ||
		!strings.Contains(stderr.String(), filepath.ToSlash(rel)+":") || !strings.Contains(stderr.String(), "waarschuwing: de voorbeeldregel") {
		t.Errorf("check: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"build", "--src", root, "--out", filepath.Join(root, "public")}, io.Discard, &stderr); code != exitOK || !strings.Contains(stderr.String(), "1 warning(s)") {
		t.Errorf("build: exit %d\n%s", code, stderr.String())
	}
}

// check --leesbaarheid prints, for a real factsheet, its Flesch-Douma score against the target of
// its kind and its long words; the notes are not problems: check still says there are none.
func TestCheckPrintsReadability(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--src", "../..", "--leesbaarheid"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"content/factsheets/liso-framework.md: leesbaarheid ",
		"(Flesch-Douma), het doel is 60 of hoger (ongeveer taalniveau B1)",
		"content/factsheets/liso-framework.md: ",
		"lange woorden (4 of meer lettergrepen)",
		"content/strategieen/audit-en-feedback.md: leesbaarheid ",
		"kennisbank: no problems",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check --leesbaarheid does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "onder het doel") {
		t.Errorf("a factsheet, news item or learning network of the real site is below the target:\n%s", out)
	}
}
