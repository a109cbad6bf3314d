package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rhysd/actionlint"
	"go.yaml.in/yaml/v3"

	"github.com/werkplaats-jeugd/kennisbank/internal/release"
)

// The deploy/ folder holds ready pipelines: two that check and publish a site with a released
// kennisbank, the script they install it with, and the one that makes a release. These tests
// lint them and check their shape; TestReleaseInstallsAndRunsThePipelines then builds a release
// for this system, serves it over HTTP, installs it with the script and runs what each pipeline
// runs, with the installed binary, on the real project: a pipeline that would fail on its first
// push fails here.

const (
	githubWorkflow  = "../../deploy/github/pages.yml"
	gitlabPipeline  = "../../deploy/gitlab/.gitlab-ci.yml"
	releaseWorkflow = "../../deploy/release/release.yml"
	installScript   = "../../deploy/install.sh"
)

// pipeline is what a publishing pipeline runs, in order, and the variables it sets.
type pipeline struct {
	runs []string
	env  map[string]string
}

// lintWorkflow runs actionlint on a GitHub workflow and parses it.
func lintWorkflow(t *testing.T, file string) *actionlint.Workflow {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	linter, err := actionlint.NewLinter(&bytes.Buffer{}, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.Lint(filepath.Base(file), data, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s", e.Error())
	}
	wf, perrs := actionlint.Parse(data)
	if len(perrs) > 0 {
		t.Fatal(perrs)
	}
	return wf
}

// runsOf lists the run: lines of the jobs' steps, in order.
func runsOf(wf *actionlint.Workflow, jobs ...string) []string {
	var runs []string
	for _, id := range jobs {
		for _, step := range wf.Jobs[id].Steps {
			if e, ok := step.Exec.(*actionlint.ExecRun); ok {
				runs = append(runs, e.Run.Value)
			}
		}
	}
	return runs
}

func githubPages(t *testing.T) pipeline {
	t.Helper()
	wf := lintWorkflow(t, githubWorkflow)
	needs := func(job string) []string {
		var out []string
		for _, n := range wf.Jobs[job].Needs {
			out = append(out, n.Value)
		}
		return out
	}
	if wf.Jobs["check"] == nil || !slices.Equal(needs("build"), []string{"check"}) || !slices.Equal(needs("deploy"), []string{"build"}) {
		t.Fatalf("expected the jobs check → build → deploy, got %v", wf.Jobs)
	}
	var uploaded, deployed bool
	for _, step := range wf.Jobs["build"].Steps {
		if e, ok := step.Exec.(*actionlint.ExecAction); ok && strings.HasPrefix(e.Uses.Value, "actions/upload-pages-artifact@") {
			uploaded = e.Inputs["path"] != nil && e.Inputs["path"].Value.Value == "public"
		}
	}
	for _, step := range wf.Jobs["deploy"].Steps {
		if e, ok := step.Exec.(*actionlint.ExecAction); ok {
			deployed = deployed || strings.HasPrefix(e.Uses.Value, "actions/deploy-pages@")
		}
	}
	if !uploaded || !deployed {
		t.Errorf("the build job must upload public/ (what build writes) and the deploy job publish it")
	}
	env := map[string]string{"BASE_URL": "https://werkplaats.github.io/kennisbank"}
	if wf.Env != nil {
		for _, v := range wf.Env.Vars {
			env[v.Name.Value] = v.Value.Value
		}
	}
	return pipeline{runs: runsOf(wf, "check", "build"), env: env}
}

func TestGitHubWorkflowPassesActionlint(t *testing.T) {
	p := githubPages(t)
	install := `sh deploy/install.sh "$KENNISBANK_VERSION" "$RUNNER_TEMP/bin"`
	want := []string{install, "kennisbank check --format github", install, `kennisbank build --base-url "$BASE_URL/"`}
	if !slices.Equal(p.runs, want) {
		t.Fatalf("commands %q, want %q", p.runs, want)
	}
}

func gitlabPages(t *testing.T) pipeline {
	t.Helper()
	data, err := os.ReadFile(gitlabPipeline)
	if err != nil {
		t.Fatal(err)
	}
	type rule struct {
		If string `yaml:"if"`
	}
	type job struct {
		Stage     string   `yaml:"stage"`
		Script    []string `yaml:"script"`
		Rules     []rule   `yaml:"rules"`
		Artifacts struct {
			Paths []string `yaml:"paths"`
		} `yaml:"artifacts"`
	}
	var pl struct {
		Image     string            `yaml:"image"`
		Variables map[string]string `yaml:"variables"`
		Stages    []string          `yaml:"stages"`
		Default   struct {
			BeforeScript []string `yaml:"before_script"`
		} `yaml:"default"`
		Check job `yaml:"check"`
		Pages job `yaml:"pages"`
	}
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&pl); err != nil {
		t.Fatalf("not the YAML of a pipeline: %v", err)
	}
	// A small image with a shell, wget, tar and sha256sum: the pipeline needs no Go.
	if !strings.HasPrefix(pl.Image, "alpine:") {
		t.Errorf("image %q, want alpine", pl.Image)
	}
	if !slices.Equal(pl.Stages, []string{"check", "deploy"}) || pl.Check.Stage != "check" || pl.Pages.Stage != "deploy" {
		t.Errorf("stages %v: check in %q, pages in %q", pl.Stages, pl.Check.Stage, pl.Pages.Stage)
	}
	// GitLab Pages publishes the public/ artifact of the job named pages, from the default branch.
	if !slices.Equal(pl.Pages.Artifacts.Paths, []string{"public"}) || len(pl.Pages.Rules) != 1 ||
		pl.Pages.Rules[0].If != "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" {
		t.Errorf("pages job: artifacts %v, rules %v", pl.Pages.Artifacts.Paths, pl.Pages.Rules)
	}
	var runs []string
	for _, j := range []job{pl.Check, pl.Pages} {
		runs = append(append(runs, pl.Default.BeforeScript...), j.Script...)
	}
	env := map[string]string{"CI_PAGES_URL": "https://werkplaats.gitlab.io/kennisbank"}
	for k, v := range pl.Variables {
		env[k] = v
	}
	return pipeline{runs: runs, env: env}
}

func TestGitLabPipeline(t *testing.T) {
	p := gitlabPages(t)
	install := `sh deploy/install.sh "$KENNISBANK_VERSION" /usr/local/bin`
	want := []string{install, "kennisbank check", install, `kennisbank build --base-url "$CI_PAGES_URL/"`}
	if !slices.Equal(p.runs, want) {
		t.Fatalf("commands %q, want %q", p.runs, want)
	}
}

// The release pipeline runs on a version tag and builds with tools/release, as a person does.
func TestReleaseWorkflowPassesActionlint(t *testing.T) {
	wf := lintWorkflow(t, releaseWorkflow)
	if wf.On == nil || len(wf.On) != 1 {
		t.Fatalf("on: %v, want a push of tags only", wf.On)
	}
	push, ok := wf.On[0].(*actionlint.WebhookEvent)
	if !ok || push.Hook.Value != "push" || push.Tags.IsEmpty() || len(push.Tags.Values) != 1 || push.Tags.Values[0].Value != "v*" || !push.Branches.IsEmpty() {
		t.Errorf("on: %#v, want push of tags v*", wf.On[0])
	}
	runs := strings.Join(runsOf(wf, "release"), "\n")
	for _, want := range []string{`go run ./tools/release --version "$GITHUB_REF_NAME" --out dist`, "SOURCE_DATE_EPOCH", `gh release create "$GITHUB_REF_NAME" dist/*`} {
		if !strings.Contains(runs, want) {
			t.Errorf("the release job does not run %q:\n%s", want, runs)
		}
	}
}

// versionOf is the kennisbank release both publishing pipelines install; they must agree.
func versionOf(t *testing.T, pipelines ...pipeline) string {
	t.Helper()
	v := pipelines[0].env["KENNISBANK_VERSION"]
	for _, p := range pipelines {
		if p.env["KENNISBANK_VERSION"] != v || v == "" {
			t.Fatalf("the pipelines install different releases: %q and %q", v, p.env["KENNISBANK_VERSION"])
		}
	}
	return v
}

// TestReleaseInstallsAndRunsThePipelines builds the release the pipelines pin, for this system
// (tools/release, as the release pipeline runs it), serves it as the Releases page would, and
// runs each publishing pipeline's lines in a shell, as its runner would: install.sh downloads and
// checks the archive and installs the binary, and the binary checks and builds a copy of the
// real project. An archive that does not match SHA256SUMS is not installed.
func TestReleaseInstallsAndRunsThePipelines(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release archive and runs both pipelines: -short leaves it out")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh on this system")
	}
	github, gitlab := githubPages(t), gitlabPages(t)
	version := versionOf(t, github, gitlab)
	dist := t.TempDir()
	names, err := release.Build(release.Options{Version: version, Out: dist, Module: "../..",
		Targets: []release.Target{release.Host}, Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	archive := release.ArchiveName(version, release.Host)
	sums, _ := os.ReadFile(filepath.Join(dist, release.SumsFile))
	data, _ := os.ReadFile(filepath.Join(dist, archive))
	sum := sha256.Sum256(data)
	if !slices.Equal(names, []string{archive}) || string(sums) != hex.EncodeToString(sum[:])+"  "+archive+"\n" {
		t.Fatalf("release files %v, SHA256SUMS:\n%s", names, sums)
	}
	releases := httptest.NewServer(http.StripPrefix("/"+version+"/", http.FileServer(http.Dir(dist))))
	defer releases.Close()

	for name, p := range map[string]pipeline{"github": github, "gitlab": gitlab} {
		t.Run(name, func(t *testing.T) {
			runner := newRunner(t, releases.URL, p.env)
			for _, line := range p.runs {
				out := runner.run(line)
				if strings.Contains(out, "::error") {
					t.Errorf("%s:\n%s", line, out)
				}
				if strings.HasPrefix(line, "sh deploy/install.sh") && !strings.Contains(out, "kennisbank "+version+", in ") {
					t.Errorf("%s: the installed binary does not say it is %s:\n%s", line, version, out)
				}
			}
			base := p.env["BASE_URL"] + p.env["CI_PAGES_URL"]
			home, err := os.ReadFile(filepath.Join(runner.checkout, "public", "index.html"))
			if err != nil || !strings.Contains(string(home), `<link rel="canonical" href="`+base+`/">`) {
				t.Errorf("the site built in the pipeline has no canonical link to %s/ (%v)", base, err)
			}
		})
	}

	// A release whose archive does not match its SHA256SUMS.
	tampered := t.TempDir()
	if err := os.WriteFile(filepath.Join(tampered, archive), append(data, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tampered, release.SumsFile), sums, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := httptest.NewServer(http.StripPrefix("/"+version+"/", http.FileServer(http.Dir(tampered))))
	defer bad.Close()
	runner := newRunner(t, bad.URL, gitlab.env)
	out, err := runner.try(gitlab.runs[0])
	if err == nil || !strings.Contains(out, "but SHA256SUMS says") {
		t.Errorf("a tampered archive: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(runner.bin, "kennisbank")); err == nil {
		t.Error("a tampered archive was installed")
	}
}

// runner runs a pipeline's lines as a CI runner would: in a checkout of the project, with the
// pipeline's variables, one shell per line. The GitHub runner adds what a step writes to
// GITHUB_PATH to the PATH of the steps after it; GitLab's alpine image runs as root with
// /usr/local/bin on its PATH, which here is a folder of the test's.
type runner struct {
	t                     *testing.T
	checkout, bin, ghPath string
	runnerTemp            string
	env                   map[string]string
	downloads             string // where install.sh finds the releases
}

func newRunner(t *testing.T, downloads string, env map[string]string) *runner {
	t.Helper()
	r := &runner{t: t, checkout: filepath.Join(t.TempDir(), "project"), bin: filepath.Join(t.TempDir(), "bin"),
		ghPath: filepath.Join(t.TempDir(), "github_path"), runnerTemp: t.TempDir(), env: env, downloads: downloads}
	copyDir(t, filepath.Join("..", "..", "content"), filepath.Join(r.checkout, "content"))
	script, err := os.ReadFile(installScript)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(r.checkout, "deploy"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(r.checkout, "deploy", "install.sh"), script, 0o755); err != nil {
		t.Fatal(err)
	}
	return r
}

// try runs line and returns what it printed.
func (r *runner) try(line string) (string, error) {
	line = strings.ReplaceAll(line, "/usr/local/bin", r.bin)
	path := os.Getenv("PATH")
	if added, err := os.ReadFile(r.ghPath); err == nil {
		for _, dir := range strings.Fields(string(added)) {
			path = dir + string(os.PathListSeparator) + path
		}
	}
	cmd := exec.Command("sh", "-c", line)
	cmd.Dir = r.checkout
	// RUNNER_TEMP is a folder of its own: what is installed in it is found only through GITHUB_PATH.
	cmd.Env = append(os.Environ(), "PATH="+r.bin+string(os.PathListSeparator)+path, "HOME="+r.t.TempDir(),
		"RUNNER_TEMP="+r.runnerTemp, "GITHUB_PATH="+r.ghPath, "KENNISBANK_DOWNLOAD_URL="+r.downloads)
	for k, v := range r.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (r *runner) run(line string) string {
	r.t.Helper()
	out, err := r.try(line)
	if err != nil {
		r.t.Fatalf("%s: %v\n%s", line, err, out)
	}
	return out
}
