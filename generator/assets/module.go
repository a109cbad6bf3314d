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
	sources := api.Plugin{
		Name: "sources",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if a.Kind == api.ResolveEntryPoint {
					return api.OnResolveResult{Path: a.Path, Namespace: "src"}, nil
				}
				p := path.Join(path.Dir(a.Importer), a.Path)
				if !strings.HasPrefix(a.Path, "./") && !strings.HasPrefix(a.Path, "../") || strings.HasPrefix(p, "../") {
					return api.OnResolveResult{}, fmt.Errorf("%s imports %q: only modules beside it may be imported (./name, ../name)", a.Importer, a.Path)
				}
				if !strings.HasSuffix(p, ".ts") && !strings.HasSuffix(p, ".js") {
					p += ".ts"
				}
				return api.OnResolveResult{Path: p, Namespace: "src"}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: "src"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				data, err := fs.ReadFile(src, a.Path)
				if err != nil {
					return api.OnLoadResult{}, err
				}
				text := string(data)
				loader := api.LoaderTS
				if strings.HasSuffix(a.Path, ".js") {
					loader = api.LoaderJS // generated JavaScript (assets/search/snowball)
				}
				return api.OnLoadResult{Contents: &text, Loader: loader}, nil
			})
		},
	}
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{entry},
		Bundle:      true,
		Format:      api.FormatIIFE,
		GlobalName:  global,
		Target:      api.ES2017,
		Charset:     api.CharsetUTF8,
		Plugins:     []api.Plugin{sources},
		Write:       false,
		LogLevel:    api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		m := res.Errors[0]
		if m.Location != nil {
			return nil, fmt.Errorf("%s:%d: %s", m.Location.File, m.Location.Line, m.Text)
		}
		return nil, fmt.Errorf("%s: %s", entry, m.Text)
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("%s: esbuild wrote %d files, want 1", entry, len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}
