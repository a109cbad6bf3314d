// Package assets bundles and minifies the TypeScript and CSS in assets/ with esbuild's Go API,
// so no Node.js is needed to build. Every top-level .ts and .css file is an entry point; files
// whose names start with "_" are only imported. Output names carry a content hash.
package assets

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"kennisbank/generator/problem"
)

// Dir is the name of the assets folder inside a project, and of its place in the site.
const Dir = "assets"

// Bundle is the result of bundling.
type Bundle struct {
	Files map[string][]byte // site path ("assets/main-ABC123.js") → contents
	Names map[string]string // entry name ("main.js") → site path
}

var hashSuffix = regexp.MustCompile(`-[A-Z0-9]{8}(\.[a-z]+)$`)

// Build bundles root/assets. Problems carry the file and line esbuild reports.
func Build(root string) (Bundle, problem.List) {
	var probs problem.List
	b := Bundle{Files: map[string][]byte{}, Names: map[string]string{}}
	dir := filepath.Join(root, Dir)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
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
			points = append(points, filepath.Join(dir, n))
		}
	}
	if len(points) == 0 {
		return b, nil
	}
	absOut, _ := filepath.Abs(filepath.Join(root, ".assets-out"))
	res := api.Build(api.BuildOptions{
		EntryPoints:       points,
		Bundle:            true,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Format:            api.FormatIIFE,
		Target:            api.ES2020,
		Outdir:            absOut,
		EntryNames:        "[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		Write:             false,
		LogLevel:          api.LogLevelSilent,
		Charset:           api.CharsetUTF8,
		Loader:            map[string]api.Loader{".svg": api.LoaderFile, ".woff2": api.LoaderFile},
	})
	for _, m := range res.Errors {
		file, line := Dir, 0
		if m.Location != nil {
			file = filepath.ToSlash(path.Join(Dir, relTo(dir, m.Location.File)))
			line = m.Location.Line
		}
		probs.Add(file, line, "esbuild kan dit niet bundelen: %s", m.Text)
	}
	if len(probs) > 0 {
		return b, probs
	}
	for _, f := range res.OutputFiles {
		rel, err := filepath.Rel(absOut, f.Path)
		if err != nil {
			probs.Add(Dir, 0, "esbuild schreef een onverwacht bestand: %s", f.Path)
			continue
		}
		site := path.Join(Dir, filepath.ToSlash(rel))
		b.Files[site] = f.Contents
		b.Names[hashSuffix.ReplaceAllString(path.Base(site), "$1")] = site
	}
	if len(b.Files) == 0 {
		probs.Add(Dir, 0, "esbuild maakte geen bestanden uit %d startbestanden", len(points))
	}
	return b, probs
}

// relTo returns file, as esbuild names it (relative to the working directory, or absolute),
// relative to the assets folder dir.
func relTo(dir, file string) string {
	absDir, errDir := filepath.Abs(dir)
	absFile, errFile := filepath.Abs(file)
	if errDir == nil && errFile == nil {
		if r, err := filepath.Rel(absDir, absFile); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(file), "assets/")
}
