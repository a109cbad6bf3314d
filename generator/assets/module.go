package assets

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Module bundles the TypeScript module entry of src, with the modules it imports from src, into
// one script that defines the global name global with the module's exports. It targets ES2017,
// which goja runs: the scan's logic runs so in `kennisbank scan`, and tests run the browser's
// code so beside the Go code that does the same work. Only relative imports that stay within
// src resolve; paths in messages are relative to src.
func Module(src fs.FS, entry, global string) ([]byte, error) {
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{entry},
		Bundle:      true,
		Format:      api.FormatIIFE,
		GlobalName:  global,
		Target:      api.ES2017,
		Charset:     api.CharsetUTF8,
		Plugins:     []api.Plugin{sources(src)},
		Write:       false,
		LogLevel:    api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		m := res.Errors[0]
		if m.Location != nil {
			return nil, fmt.Errorf("%s:%d: %s", sourcePath(m.Location.File), m.Location.Line, m.Text)
		}
		return nil, fmt.Errorf("%s: %s", entry, m.Text)
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("%s: esbuild wrote %d files, want 1", entry, len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}

// namespace is where the sources plugin puts the files it reads, apart from esbuild's own file
// system.
const namespace = "src"

// sources is an esbuild plugin that reads every file from src, an fs.FS, so that esbuild bundles
// a site's assets laid over the theme's (package theme) as one tree, and the binary's embedded
// files as well as files on disk. Entry points and imports are paths in src; an import is
// relative to its importer (./name, ../name) and stays within src. As esbuild does, an import
// without an extension finds name.ts, name.js, name.css or name/index.ts.
func sources(src fs.FS) api.Plugin {
	return api.Plugin{
		Name: "sources",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if a.Kind == api.ResolveEntryPoint {
					return api.OnResolveResult{Path: a.Path, Namespace: namespace}, nil
				}
				p := path.Join(path.Dir(a.Importer), a.Path)
				if !strings.HasPrefix(a.Path, "./") && !strings.HasPrefix(a.Path, "../") || strings.HasPrefix(p, "../") {
					return api.OnResolveResult{}, fmt.Errorf("%s imports %q: only modules beside it may be imported (./name, ../name)", a.Importer, a.Path)
				}
				for _, candidate := range []string{p, p + ".ts", p + ".js", p + ".css", p + "/index.ts"} {
					if info, err := fs.Stat(src, candidate); err == nil && !info.IsDir() {
						return api.OnResolveResult{Path: candidate, Namespace: namespace}, nil
					}
				}
				return api.OnResolveResult{}, fmt.Errorf("Could not resolve %q", a.Path)
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: namespace}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				data, err := fs.ReadFile(src, a.Path)
				if err != nil {
					return api.OnLoadResult{}, err
				}
				text := string(data)
				return api.OnLoadResult{Contents: &text, Loader: loaders[path.Ext(a.Path)]}, nil
			})
		},
	}
}

// loaders says how esbuild reads a file, by its extension; files of other kinds are refused.
var loaders = map[string]api.Loader{".ts": api.LoaderTS, ".js": api.LoaderJS, ".css": api.LoaderCSS,
	".svg": api.LoaderFile, ".woff2": api.LoaderFile}

// sourcePath is a path in src as esbuild names it in a message: without the namespace.
func sourcePath(file string) string { return strings.TrimPrefix(file, namespace+":") }
