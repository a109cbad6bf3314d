package assets

import (
	"os"
	"path/filepath"
	"testing"
)

// A mistake in a script is reported at its file and line, in esbuild's words framed in Dutch.
func TestBundleProblemNamesFileAndLine(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, Dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.ts"), []byte("const a = 1;\nimport { x } from \"./_weg\";\nconsole.log(a, x);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs := Build(root)
	if len(probs) != 1 {
		t.Fatalf("got %v, want one problem", probs)
	}
	got := probs[0].String()
	if want := `assets/main.ts:2: esbuild kan dit niet bundelen: Could not resolve "./_weg"`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
