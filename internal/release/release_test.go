package release

import (
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const moduleRoot = "../.."

// Every target compiles: building six binaries takes minutes, so this test type-checks, for each
// target, the packages of the module whose files differ from this system's (build constraints
// such as _unix.go, _linux.go). The release pipeline builds them all for real
// (deploy/release/release.yml); the host's binary is built and run by cmd/kennisbank's
// TestReleaseInstallsAndRunsThePipelines.
func TestEveryTargetTypeChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks every package for every target: -short leaves it out")
	}
	dirs := packageDirs(t)
	checked := 0
	for _, target := range Targets {
		ctx := build.Default
		ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = target.OS, target.Arch, false
		host := build.Default
		host.CgoEnabled = false
		for _, dir := range dirs {
			mine, errMine := host.ImportDir(dir, 0)
			theirs, err := ctx.ImportDir(dir, 0)
			if err != nil {
				t.Errorf("%s: %s has no files for it: %v", target, dir, err)
				continue
			}
			if errMine == nil && slices.Equal(mine.GoFiles, theirs.GoFiles) {
				continue // the same files as here, which this build compiles
			}
			typeCheck(t, ctx, dir, theirs)
			checked++
		}
	}
	if checked == 0 {
		t.Error("no package differs between the targets: the test checked nothing (did the build constraints go?)")
	}
}

// typeCheck type-checks the package in dir as the target of ctx builds it, from source.
func typeCheck(t *testing.T, ctx build.Context, dir string, pkg *build.Package) {
	t.Helper()
	saved := build.Default
	build.Default = ctx // the source importer reads the context from here
	defer func() { build.Default = saved }()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil).(types.ImporterFrom)}
	if _, err := conf.Check(pkg.ImportPath, fset, files, nil); err != nil {
		t.Errorf("%s/%s: %s: %v", ctx.GOOS, ctx.GOARCH, dir, err)
	}
}

// packageDirs lists the folders of the module that hold Go files of a package (not only tests).
func packageDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(moduleRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		name := d.Name()
		if p != moduleRoot && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
			return filepath.SkipDir
		}
		matches, _ := filepath.Glob(filepath.Join(p, "*.go"))
		for _, m := range matches {
			if !strings.HasSuffix(m, "_test.go") {
				dirs = append(dirs, p)
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}
