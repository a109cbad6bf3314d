// Package assets bundles and minifies the TypeScript and CSS of the theme's assets/ (a site's own
// laid over the built-in ones, package theme) with esbuild's Go API, so no Node.js is needed to
// build. Every top-level .ts and .css file is an entry point; files whose names start with "_"
// are only imported. Output names carry a content hash.
package assets

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// Dir is the name of the assets folder inside a project and in the theme, and of its place in
// the site.
const Dir = theme.Assets

// Bundle is the result of bundling.
type Bundle struct {
	Files []output.File     // by site path ("assets/main-ABC123.js"), made already
	Names map[string]string // entry name ("main.js") → site path
}

// Contents returns the contents of the bundled file at site path p, or nil when the bundle has
// none there.
func (b Bundle) Contents(p string) []byte {
	for _, f := range b.Files {
		if f.Path == p {
			data, _ := f.Make() // made already: never fails
			return data
		}
	}
	return nil
}

var hashSuffix = regexp.MustCompile(`-[A-Z0-9]{8}(\.[a-z]+)$`)

// Build bundles the assets of a site's theme: its own assets/ laid over the built-in ones (package
// theme), as one tree, so that a site's file takes the place of the theme's of that name also
// where another file imports it. Problems carry the file and line esbuild reports, named as
// theme.Files.Origin names them.
func Build(files *theme.Files) (Bundle, problem.List) {
	var probs problem.List
	b := Bundle{Names: map[string]string{}}
	entries, err := fs.ReadDir(files, Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return b, nil
	}
	if err != nil {
		probs.Add(Dir, 0, "de map assets is niet te lezen: %v", err)
		return b, probs
	}
	var points []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, "_") || strings.HasPrefix(n, ".") || strings.HasSuffix(n, ".test.ts") || strings.HasSuffix(n, ".d.ts") {
			continue
		}
		if ext := path.Ext(n); ext == ".ts" || ext == ".css" || ext == ".js" {
			points = append(points, path.Join(Dir, n))
		}
	}
	if len(points) == 0 {
		return b, nil
	}
	// The TypeScript settings that change the output ("strict" makes it strict mode), as esbuild
	// would read them from assets/tsconfig.json beside the files.
	tsconfig, _ := fs.ReadFile(files, path.Join(Dir, "tsconfig.json"))
	res := api.Build(api.BuildOptions{
		EntryPoints:       points,
		TsconfigRaw:       string(tsconfig),
		Bundle:            true,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Format:            api.FormatIIFE,
		Target:            api.ES2020,
		Outdir:            outDir,
		EntryNames:        "[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		Write:             false,
		LogLevel:          api.LogLevelSilent,
		Charset:           api.CharsetUTF8,
		Plugins:           []api.Plugin{sources(files)},
	})
	for _, m := range res.Errors {
		file, line := Dir, 0
		if m.Location != nil {
			file, line = files.Origin(sourcePath(m.Location.File)), m.Location.Line
		}
		probs.Add(file, line, "esbuild kan dit niet bundelen: %s", m.Text)
	}
	if len(probs) > 0 {
		return b, probs
	}
	for _, f := range res.OutputFiles {
		rel, err := filepath.Rel(outDir, f.Path)
		if err != nil || strings.HasPrefix(rel, "..") {
			probs.Add(Dir, 0, "esbuild schreef een onverwacht bestand: %s", f.Path)
			continue
		}
		site := path.Join(Dir, filepath.ToSlash(rel))
		b.Files = append(b.Files, output.Bytes(site, f.Contents))
		b.Names[hashSuffix.ReplaceAllString(path.Base(site), "$1")] = site
	}
	if len(b.Files) == 0 {
		probs.Add(Dir, 0, "esbuild maakte geen bestanden uit %d startbestanden", len(points))
	}
	return b, probs
}

// outDir is where esbuild would write, which it never does (Write is false): the bundle's files
// are named relative to it.
var outDir = func() string {
	dir, _ := filepath.Abs(filepath.Join(os.TempDir(), "kennisbank-assets"))
	return dir
}()
