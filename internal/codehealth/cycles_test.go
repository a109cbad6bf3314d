package codehealth

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Imports run one way, in Go and in TypeScript: no package or module imports, through others,
// one that imports it.
func TestNoImportCycles(t *testing.T) {
	goImports, err := GoImports(repo)
	if err != nil {
		t.Fatal(err)
	}
	tsImports, err := TSImports(filepath.Join(repo, "theme", "assets"))
	if err != nil {
		t.Fatal(err)
	}
	for lang, g := range map[string]Imports{"Go": goImports, "TypeScript": tsImports} {
		if len(g) < 10 {
			t.Fatalf("found only %d %s modules: %v", len(g), lang, g)
		}
		for _, c := range Cycles(g) {
			t.Errorf("%s import cycle: %s", lang, strings.Join(c, " → "))
		}
	}
	// The reader sees the imports: the scan's command imports the comparison.
	if !slices.Contains(tsImports["scan/report.ts"], "scan/compare.ts") || !slices.Contains(goImports["github.com/werkplaats-jeugd/kennisbank/generator/check"], "github.com/werkplaats-jeugd/kennisbank/generator/content") {
		t.Errorf("imports were not read: report.ts imports %v, check imports %v", tsImports["scan/report.ts"], goImports["github.com/werkplaats-jeugd/kennisbank/generator/check"])
	}
}

// The detector finds a cycle of three TypeScript files, through every form of import (a
// specifier over several lines, a re-export, a type import, a dynamic import), and not an
// import in a comment.
func TestImportCycleIsFound(t *testing.T) {
	g, err := TSImports(filepath.Join("testdata", "cycle"))
	if err != nil {
		t.Fatal(err)
	}
	want := Imports{"a.ts": {"b.ts"}, "b.ts": {"sub/c.ts"}, "sub/c.ts": {"shape.ts", "shape.ts", "a.ts"}, "shape.ts": {}}
	for m, deps := range want {
		if !slices.Equal(g[m], deps) {
			t.Errorf("%s imports %v, want %v", m, g[m], deps)
		}
	}
	cycles := Cycles(g)
	if len(cycles) != 1 || strings.Join(cycles[0], " → ") != "a.ts → b.ts → sub/c.ts → a.ts" {
		t.Errorf("cycles %v, want a.ts → b.ts → sub/c.ts → a.ts", cycles)
	}
}

// Cycles reports each tangle once, as the shortest way round from its first module, and a
// package that imports itself; modules that only share a dependency are no cycle.
func TestCycles(t *testing.T) {
	g := Imports{
		"app":   {"model", "view"},
		"view":  {"model"},
		"model": {"store"},
		"store": {"cache", "model"},
		"cache": {"model"},
		"self":  {"self"},
	}
	got := Cycles(g)
	want := [][]string{{"cache", "model", "store", "cache"}, {"self", "self"}}
	if len(got) != len(want) {
		t.Fatalf("cycles %v, want %v", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("cycle %v, want %v", got[i], want[i])
		}
	}
	delete(g, "self")
	g["store"] = []string{"cache"}
	g["cache"] = nil
	if c := Cycles(g); len(c) != 0 {
		t.Errorf("one-way imports gave cycles %v", c)
	}
}

// A relative import that names no file is an error, not a missing edge.
func TestUnresolvedImportIsAnError(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.ts"), []byte(`import { x } from "./gone";`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := TSImports(dir); err == nil || !strings.Contains(err.Error(), `a.ts imports "./gone"`) {
		t.Errorf("error %v", err)
	}
}
