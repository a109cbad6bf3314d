package codehealth

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Imports maps each module (a Go package's import path, a TypeScript file's path) to the modules
// of the same code base it imports.
type Imports map[string][]string

// Cycles returns the import cycles of g: for each group of modules that import each other
// (a strongly connected component, by Tarjan's algorithm), one cycle through its first module,
// as the modules along it with the first one again at the end. Imports must run one way, so
// a code base without cycles has none.
func Cycles(g Imports) [][]string {
	t := tarjan{g: g, index: map[string]int{}, low: map[string]int{}, on: map[string]bool{}}
	for _, m := range sortedKeys(g) {
		if _, seen := t.index[m]; !seen {
			t.visit(m)
		}
	}
	var out [][]string
	for _, group := range t.groups {
		if len(group) > 1 || slices.Contains(g[group[0]], group[0]) {
			out = append(out, cycleThrough(g, group))
		}
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

type tarjan struct {
	g          Imports
	next       int
	index, low map[string]int
	stack      []string
	on         map[string]bool
	groups     [][]string
}

func (t *tarjan) visit(m string) {
	t.index[m], t.low[m] = t.next, t.next
	t.next++
	t.stack = append(t.stack, m)
	t.on[m] = true
	for _, dep := range t.g[m] {
		if _, seen := t.index[dep]; !seen {
			t.visit(dep)
			t.low[m] = min(t.low[m], t.low[dep])
		} else if t.on[dep] {
			t.low[m] = min(t.low[m], t.index[dep])
		}
	}
	if t.low[m] != t.index[m] {
		return
	}
	var group []string
	for {
		top := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		t.on[top] = false
		group = append(group, top)
		if top == m {
			break
		}
	}
	slices.Sort(group)
	t.groups = append(t.groups, group)
}

// cycleThrough finds the shortest way from the group's first module back to itself, through
// modules of the group (breadth first, so that the cycle shown is one a reader can follow).
func cycleThrough(g Imports, group []string) []string {
	start := group[0]
	from := map[string]string{}
	queue := []string{start}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		for _, dep := range g[m] {
			if dep == start {
				cycle := []string{start}
				for at := m; at != start; at = from[at] {
					cycle = append(cycle, at)
				}
				slices.Reverse(cycle[1:])
				return append(cycle, start)
			}
			if _, seen := from[dep]; !seen && slices.Contains(group, dep) {
				from[dep] = m
				queue = append(queue, dep)
			}
		}
	}
	return group // not reached: every module of a group reaches every other
}

func sortedKeys(g Imports) []string {
	keys := make([]string, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// GoImports lists the packages of the Go module at root and which of the module's packages each
// imports (test files left out: an external test package may import what imports its package),
// as `go list` reports them.
func GoImports(root string) (Imports, error) {
	cmd := exec.Command("go", "list", "-f", `{{.Module.Path}} {{.ImportPath}} {{join .Imports " "}}`, "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list in %s: %w: %s", root, err, stderr.String())
	}
	g := Imports{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("go list in %s: unexpected line %q", root, line)
		}
		module, pkg := fields[0], fields[1]
		g[pkg] = nil
		for _, dep := range fields[2:] {
			if dep == module || strings.HasPrefix(dep, module+"/") {
				g[pkg] = append(g[pkg], dep)
			}
		}
	}
	return g, nil
}

// tsImport finds the module specifiers of static imports and re-exports (`import … from "x"`,
// `import "x"`, `export … from "x"`, also over several lines) and of dynamic ones (`import("x")`).
var tsImport = regexp.MustCompile(`(?m)(?:^[ \t]*(?:import|export)\b[^;"'` + "`" + `]*?\bfrom[ \t]*|^[ \t]*import[ \t]*|\bimport\([ \t]*)["']([^"'\n]+)["']`)

// TSImports lists the TypeScript files under dir, by their path relative to dir, and the files
// under dir each imports by a relative specifier ("./kb", "../_fold"). A relative import that
// names no file is an error, so that no edge is missed.
func TSImports(dir string) (Imports, error) {
	g := Imports{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".ts") || strings.HasSuffix(p, ".d.ts") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		g[rel] = []string{}
		for _, spec := range importSpecifiers(string(src)) {
			if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") {
				continue
			}
			target, err := resolveTS(dir, path.Join(path.Dir(rel), spec))
			if err != nil {
				return fmt.Errorf("%s imports %q: %w", rel, spec, err)
			}
			g[rel] = append(g[rel], target)
		}
		return nil
	})
	return g, err
}

// importSpecifiers returns what src imports, in order; comments are left out first, so that an
// import written in one is not counted.
func importSpecifiers(src string) []string {
	var out []string
	for _, m := range tsImport.FindAllStringSubmatch(withoutComments(src), -1) {
		out = append(out, m[1])
	}
	return out
}

var tsComment = regexp.MustCompile(`(?s:/\*.*?\*/)|(?m:^[ \t]*//[^\n]*)`)

// withoutComments blanks block comments and whole-line comments. A comment after code on the
// same line is kept; an import statement cannot start there.
func withoutComments(src string) string {
	return tsComment.ReplaceAllStringFunc(src, func(c string) string {
		return strings.Repeat("\n", strings.Count(c, "\n"))
	})
}

// resolveTS finds the file a relative specifier names, as the bundler (esbuild) and tsc do: the
// path itself, with .ts added, or its index.ts.
func resolveTS(dir, spec string) (string, error) {
	for _, candidate := range []string{spec, spec + ".ts", strings.TrimSuffix(spec, ".js") + ".ts", spec + "/index.ts"} {
		if info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(candidate))); err == nil && !info.IsDir() {
			return candidate, nil
		}
	}
	return "", fmt.Errorf("no file %s(.ts) under %s", spec, dir)
}
