package generator

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

func build(t *testing.T, root string) (string, map[string]string) {
	t.Helper()
	out := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Out: out}); err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	return out, readSite(t, out)
}

func TestBuildRendersEveryKind(t *testing.T) {
	_, site := build(t, newProject(t, nil))
	pages := map[string][]string{
		"index.html":                                   {`<html lang="nl">`, "Testbank"},
		"determinanten/index.html":                     {"Coördinator", "De organisatie"},
		"determinanten/25-coordinator/index.html":      {"<h1>Coördinator</h1>", "Is er iemand aangewezen", "Ja, nee of weet niet", `href="../../strategieen/discussie/"`, "Praat samen over wie wat doet.", "Intervention Mapping (Kok 2016)"},
		"strategieen/index.html":                       {"Discussie", "Kennis vergroten"},
		"strategieen/discussie/index.html":             {"<h1>Discussie</h1>", "Werkt op deze determinanten", `href="../../determinanten/25-coordinator/"`, "kern"},
		"leernetwerken/integraal-werken/index.html":    {"Leernetwerk Integraal werken", "Jaarconferentie 2024", "Het LISO-framework"},
		"factsheets/liso-framework/index.html":         {`<img src="figuur.png"`, `href="factsheet.pdf"`},
		"nieuws/2024-06-27-jaarconferentie/index.html": {"27 juni 2024", "09.30", "14.00", "De Haagse Hogeschool"},
		"over/index.html":                              {"Over de kennisbank"},
		"404.html":                                     {"Pagina niet gevonden"},
	}
	for name, wants := range pages {
		html, ok := site[name]
		if !ok {
			t.Errorf("missing page %s", name)
			continue
		}
		mustContain(t, name, html, wants...)
		mustContain(t, name, html, "<!DOCTYPE html>", `<main id="inhoud"`)
	}
	for _, f := range []string{"factsheets/liso-framework/figuur.png", "factsheets/liso-framework/factsheet.pdf"} {
		if _, ok := site[f]; !ok {
			t.Errorf("bundle file %s was not copied next to its page", f)
		}
	}
	if strings.Contains(site["index.html"], "_kennisbank/reload.js") {
		t.Error("the live-reload script must only be in serve mode")
	}
}

func TestAssetsAreBundledWithHashedNames(t *testing.T) {
	_, site := build(t, newProject(t, nil))
	var css, js string
	for name := range site {
		if strings.HasPrefix(name, "assets/style-") && strings.HasSuffix(name, ".css") {
			css = name
		}
		if strings.HasPrefix(name, "assets/main-") && strings.HasSuffix(name, ".js") {
			js = name
		}
	}
	if css == "" || js == "" {
		t.Fatalf("no hashed style or script in the output: %v", keys(site))
	}
	if strings.Contains(site[css], "\n  ") {
		t.Error("the stylesheet is not minified")
	}
	mustContain(t, "strategy page", site["strategieen/discussie/index.html"], `href="../../`+css+`"`, `src="../../`+js+`"`)
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestHeadingAnchorsKeepDutchLetters(t *testing.T) {
	_, site := build(t, newProject(t, nil))
	mustContain(t, "determinant page", site["determinanten/25-coordinator/index.html"], `<h2 id="coördinatie-in-de-praktijk">`)
}

func TestKnowledgeBaseJSON(t *testing.T) {
	_, site := build(t, newProject(t, nil))
	var kb struct {
		Determinants []struct {
			ID, Category, Title, Question, Scale, URL string
			Number                                    int
			TitleEN                                   string `json:"title_en"`
			Links                                     []struct{ Strategy, Strength, Source string }
		}
		Strategies []struct {
			ID, Title, URL, Summary string
			Determinants            []string
		}
		Networks, Factsheets, Posts []struct{ ID, Title, URL, Date string }
	}
	if err := json.Unmarshal([]byte(site["data/kennisbank.json"]), &kb); err != nil {
		t.Fatal(err)
	}
	if len(kb.Determinants) != 1 || kb.Determinants[0].Number != 25 || kb.Determinants[0].TitleEN != "Coordinator" ||
		kb.Determinants[0].Scale != "janeeweetniet" || kb.Determinants[0].URL != "determinanten/25-coordinator/" {
		t.Errorf("determinants: %+v", kb.Determinants)
	}
	if l := kb.Determinants[0].Links; len(l) != 1 || l[0] != (struct{ Strategy, Strength, Source string }{"discussie", "kern", "im"}) {
		t.Errorf("links: %+v", l)
	}
	if len(kb.Strategies) != 1 || len(kb.Strategies[0].Determinants) != 1 || kb.Strategies[0].Determinants[0] != "25-coordinator" {
		t.Errorf("strategies must list the determinants that link to them: %+v", kb.Strategies)
	}
	if len(kb.Posts) != 1 || kb.Posts[0].Date != "2024-06-27" || len(kb.Networks) != 1 || len(kb.Factsheets) != 1 {
		t.Errorf("posts, networks, factsheets: %+v %+v %+v", kb.Posts, kb.Networks, kb.Factsheets)
	}
}

func TestCRLFAndByteOrderMarkBuild(t *testing.T) {
	crlf := "\ufeff" + strings.ReplaceAll(fixture["content/strategieen/discussie.md"], "\n", "\r\n")
	_, site := build(t, newProject(t, map[string]string{"content/strategieen/discussie.md": crlf}))
	mustContain(t, "strategy page", site["strategieen/discussie/index.html"], "<h1>Discussie</h1>", "Een gesprek in het team")
}

func TestDraftsOnlyWithFlag(t *testing.T) {
	draft := strings.Replace(fixture["content/paginas/over.md"], "+++\n", "+++\nconcept = true\n", 1)
	root := newProject(t, map[string]string{"content/paginas/over.md": draft})
	_, site := build(t, root)
	if _, ok := site["over/index.html"]; ok {
		t.Error("a concept page was published without --drafts")
	}
	out := filepath.Join(root, "with-drafts")
	if _, err := Build(Options{Root: root, Out: out, Drafts: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "over", "index.html")); err != nil {
		t.Error("--drafts did not publish the concept page")
	}
}

func TestLinkToDraftStrategyIsReported(t *testing.T) {
	draft := strings.Replace(fixture["content/strategieen/discussie.md"], "+++\n", "+++\nconcept = true\n", 1)
	_, err := Check(Options{Root: newProject(t, map[string]string{"content/strategieen/discussie.md": draft})})
	wantProblem(t, err, "content/determinanten/25-coordinator.md", 11, `veld "strategie.id": strategie "discussie" is nog een concept: publiceer die eerst (of bouw met --drafts)`)
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	root := newProject(t, nil)
	out, before := build(t, root)
	broken := strings.Replace(fixture["content/strategieen/discussie.md"], `cluster = "im-kennis"`, `cluster = "im-kennsi"`, 1)
	if err := os.WriteFile(filepath.Join(root, "content/strategieen/discussie.md"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Root: root, Out: out}); err == nil {
		t.Fatal("build with a bad cluster succeeded")
	}
	after := readSite(t, out)
	if len(after) != len(before) {
		t.Fatalf("output has %d files after the failed build, %d before", len(after), len(before))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed during a failed build", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(root, ".public.tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
}

func TestBaseURLGivesCanonicalLinks(t *testing.T) {
	root := newProject(t, nil)
	out := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Out: out, BaseURL: "https://example.org/kb/"}); err != nil {
		t.Fatal(err)
	}
	site := readSite(t, out)
	mustContain(t, "strategy page", site["strategieen/discussie/index.html"], `<link rel="canonical" href="https://example.org/kb/strategieen/discussie/">`)
}

// wantProblem asserts that err lists a problem in file at line whose message contains want.
func wantProblem(t *testing.T, err error, file string, line int, want string) {
	t.Helper()
	var probs problem.List
	if !errors.As(err, &probs) {
		t.Fatalf("expected content problems, got %v", err)
	}
	for _, p := range probs {
		if p.File == file && p.Line == line && strings.Contains(p.Message, want) {
			return
		}
	}
	t.Errorf("no problem %s:%d containing %q; got:\n%v", file, line, want, probs)
}

// The build says how many pages and files it wrote (kennisbank build prints it): the files are
// those the output folder holds, the files beside pages among them.
func TestBuildCountsWhatItWrote(t *testing.T) {
	root := newProject(t, nil)
	out := filepath.Join(root, "public")
	res, err := Build(Options{Root: root, Out: out, BaseURL: "https://example.org/kb/"})
	if err != nil {
		t.Fatal(err)
	}
	site := readSite(t, out)
	delete(site, output.Marker) // the build's own sign, not part of the site
	pages := 0
	for name := range site {
		if strings.HasSuffix(name, ".html") && !strings.HasPrefix(name, reserved.Admin+"/") {
			pages++
		}
	}
	if res.Files != len(site) || res.Pages != pages {
		t.Errorf("the build says %d pages and %d files; the site has %d pages and %d files", res.Pages, res.Files, pages, len(site))
	}
	if _, ok := site["factsheets/liso-framework/figuur.png"]; !ok {
		t.Error("the count is of a site without the files beside its pages")
	}
}
