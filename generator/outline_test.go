package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/scaffold"
)

// A new item starts with a placeholder line under each heading (`kennisbank new` and the CMS
// write the same skeleton). Published with the placeholders left in, or with a heading that has
// nothing under it, it gives warnings at their lines: check passes and build builds.
func TestUnfinishedTextIsAWarning(t *testing.T) {
	root := newProject(t, map[string]string{
		"content/nieuws/2024-06-27-jaarconferentie.md": strings.Replace(fixture["content/nieuws/2024-06-27-jaarconferentie.md"],
			"De jaarconferentie blikt terug op vier jaar.", "De jaarconferentie blikt terug op vier jaar.\n\n## Programma\n\n## Aanmelden\n\nMeld je aan bij de werkplaats.\n\n## Na afloop", 1),
	})
	file, err := scaffold.New(root, "strategie", "Samen oefenen")
	if err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(file)
	published := strings.Replace(string(text), "concept = true", "concept = false", 1)
	published = strings.NewReplacer(`cluster = "evalueren-en-bijstellen"`, `cluster = "im-kennis"`, `bronnen = ["eric"]`, `bronnen = ["im"]`).Replace(published)
	if err := os.WriteFile(file, []byte(published), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Check(Options{Root: root})
	if err != nil {
		t.Fatalf("check failed on warnings alone:\n%v", err)
	}
	rel, _ := filepath.Rel(root, file)
	rel = filepath.ToSlash(rel)
	lines := strings.Split(published, "\n")
	strategy := content.SpecNamed("strategie")
	for _, sec := range strategy.Outline {
		line := indexOf(lines, sec.Placeholder) + 1
		if line == 0 {
			t.Fatalf("the new strategy lacks the placeholder %q:\n%s", sec.Placeholder, published)
		}
		if !hasWarning(res.Warnings, rel, line, "de voorbeeldregel") {
			t.Errorf("no warning for the placeholder at %s:%d; warnings:\n%v", rel, line, res.Warnings)
		}
	}
	post := "content/nieuws/2024-06-27-jaarconferentie.md"
	for _, w := range []struct {
		line    int
		heading string
	}{{11, "Programma"}, {17, "Na afloop"}} {
		if !hasWarning(res.Warnings, post, w.line, `onder de kop "`+w.heading+`" staat nog geen tekst`) {
			t.Errorf("no warning for the empty section %q at %s:%d; warnings:\n%v", w.heading, post, w.line, res.Warnings)
		}
	}
	if len(res.Warnings) != len(strategy.Outline)+2 {
		t.Errorf("%d warnings, want %d:\n%v", len(res.Warnings), len(strategy.Outline)+2, res.Warnings)
	}
	out, site := build(t, root)
	if _, ok := site["strategieen/samen-oefenen/index.html"]; !ok {
		t.Errorf("the build with warnings did not write the new strategy into %s", out)
	}
}

func indexOf(lines []string, s string) int {
	for i, l := range lines {
		if l == s {
			return i
		}
	}
	return -1
}

func hasWarning(ws problem.List, file string, line int, sub string) bool {
	for _, w := range ws {
		if w.Warning && w.File == file && w.Line == line && strings.Contains(w.Message, sub) {
			return true
		}
	}
	return false
}
