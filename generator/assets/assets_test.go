package assets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// A mistake in a script is reported at its file and line, in esbuild's words framed in Dutch.
// The site's main.ts takes the place of the theme's.
func TestBundleProblemNamesFileAndLine(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, Dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.ts"), []byte("const a = 1;\nimport { x } from \"./_weg\";\nconsole.log(a, x);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs := Build(theme.New(root))
	if len(probs) != 1 {
		t.Fatalf("got %v, want one problem", probs)
	}
	got := probs[0].String()
	if want := `assets/main.ts:2: esbuild kan dit niet bundelen: Could not resolve "./_weg"`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// A site's file takes the place of the theme's also where another file imports it: the theme's
// style.css, bundled with the site's own _publish.css.
func TestSiteFileReplacesTheThemesInImports(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, Dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_publish.css"), []byte(".eigen-huisstijl { color: #123456; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, probs := Build(theme.New(root))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	css := string(b.Contents(b.Names["style.css"]))
	if !strings.Contains(css, ".eigen-huisstijl{color:#123456}") {
		t.Error("style.css lacks the site's own _publish.css")
	}
	if strings.Contains(css, ".cite-apa") {
		t.Error("style.css still has the theme's _publish.css")
	}
	if !strings.Contains(css, ".site-header") {
		t.Error("style.css lacks the theme's _header.css")
	}
	if b.Names["main.js"] == "" || b.Names["scan.js"] == "" {
		t.Errorf("the theme's scripts are missing: %v", b.Names)
	}
}
