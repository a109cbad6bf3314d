package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"go.yaml.in/yaml/v3"
)

// The deploy/ folder holds ready workflows. These tests lint them, check their shape, and run
// the kennisbank commands they run, on the real project, with the flags they pass: a workflow
// that would fail on its first push fails here.

const githubWorkflow = "../../deploy/github/pages.yml"

func TestGitHubWorkflowPassesActionlint(t *testing.T) {
	data, err := os.ReadFile(githubWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	linter, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.Lint("pages.yml", data, nil)
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
	var runs []string
	var uploaded, deployed bool
	for _, id := range []string{"check", "build", "deploy"} {
		for _, step := range wf.Jobs[id].Steps {
			switch e := step.Exec.(type) {
			case *actionlint.ExecRun:
				runs = append(runs, e.Run.Value)
			case *actionlint.ExecAction:
				uses := e.Uses.Value
				if strings.HasPrefix(uses, "actions/upload-pages-artifact@") {
					uploaded = e.Inputs["path"] != nil && e.Inputs["path"].Value.Value == "public"
				}
				deployed = deployed || strings.HasPrefix(uses, "actions/deploy-pages@")
			}
		}
	}
	if !uploaded || !deployed {
		t.Errorf("the build job must upload public/ (what build writes) and the deploy job publish it")
	}
	want := []string{"go run ./cmd/kennisbank check --format github", `go run ./cmd/kennisbank build --base-url "$BASE_URL/"`}
	if !slices.Equal(runs, want) {
		t.Fatalf("commands %q, want %q", runs, want)
	}
	runLikeCI(t, runs, map[string]string{"BASE_URL": "https://werkplaats.github.io/kennisbank"})
}

func TestGitLabPipeline(t *testing.T) {
	data, err := os.ReadFile("../../deploy/gitlab/.gitlab-ci.yml")
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
	var pipeline struct {
		Image  string   `yaml:"image"`
		Stages []string `yaml:"stages"`
		Check  job      `yaml:"check"`
		Pages  job      `yaml:"pages"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&pipeline); err != nil {
		t.Fatalf("not the YAML of a pipeline: %v", err)
	}
	// The Go image is the version go.mod asks for.
	mod, _ := os.ReadFile("../../go.mod")
	goLine := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(mod)
	if goLine == nil || pipeline.Image != "golang:"+string(goLine[1]) {
		t.Errorf("image %q, want golang:%s as in go.mod", pipeline.Image, goLine[1])
	}
	if !slices.Equal(pipeline.Stages, []string{"check", "deploy"}) || pipeline.Check.Stage != "check" || pipeline.Pages.Stage != "deploy" {
		t.Errorf("stages %v: check in %q, pages in %q", pipeline.Stages, pipeline.Check.Stage, pipeline.Pages.Stage)
	}
	// GitLab Pages publishes the public/ artifact of the job named pages, from the default branch.
	if !slices.Equal(pipeline.Pages.Artifacts.Paths, []string{"public"}) || len(pipeline.Pages.Rules) != 1 ||
		pipeline.Pages.Rules[0].If != "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" {
		t.Errorf("pages job: artifacts %v, rules %v", pipeline.Pages.Artifacts.Paths, pipeline.Pages.Rules)
	}
	runs := append(append([]string(nil), pipeline.Check.Script...), pipeline.Pages.Script...)
	want := []string{"go run ./cmd/kennisbank check", `go run ./cmd/kennisbank build --base-url "$CI_PAGES_URL/"`}
	if !slices.Equal(runs, want) {
		t.Fatalf("commands %q, want %q", runs, want)
	}
	runLikeCI(t, runs, map[string]string{"CI_PAGES_URL": "https://werkplaats.gitlab.io/kennisbank"})
}

// runLikeCI runs each `go run ./cmd/kennisbank …` command as the runner's shell would pass it,
// on the real project, and expects success; build writes into a temporary folder.
func runLikeCI(t *testing.T, commands []string, env map[string]string) {
	t.Helper()
	for _, c := range commands {
		args := shellWords(t, c, env)
		if len(args) < 3 || args[0] != "go" || args[1] != "run" || args[2] != "./cmd/kennisbank" {
			t.Fatalf("%q: not a kennisbank command", c)
		}
		args = append(args[3:], "--src", "../..")
		if args[0] == "build" {
			args = append(args, "--out", filepath.Join(t.TempDir(), "public"))
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitOK || strings.Contains(stdout.String(), "::error") {
			t.Errorf("%s: exit %d\n%s%s", c, code, stdout.String(), stderr.String())
		}
		if args[0] == "build" {
			if base := env["BASE_URL"] + env["CI_PAGES_URL"]; !strings.Contains(strings.Join(args, " "), base+"/") {
				t.Errorf("%s: the base URL %s/ did not arrive", c, base)
			}
		}
	}
}

// shellWords splits a command line as sh does for the simple lines the workflows use: words,
// double quotes, and $NAME expanded from env.
func shellWords(t *testing.T, line string, env map[string]string) []string {
	t.Helper()
	if strings.ContainsAny(line, "'`\\|;&<>") {
		t.Fatalf("%q: too much shell for this test", line)
	}
	line = regexp.MustCompile(`\$([A-Z_]+)`).ReplaceAllStringFunc(line, func(v string) string {
		value, ok := env[v[1:]]
		if !ok {
			t.Fatalf("%q: %s is not set in the test", line, v)
		}
		return value
	})
	var words []string
	var word strings.Builder
	quoted, inWord := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, word.String())
	}
	return words
}
