// Package theme is the built-in theme: the html/template layouts (templates/) and the TypeScript
// and CSS (assets/) that every kennisbank binary carries, and the one rule by which a site's own
// files take their place. A site's templates/ and assets/ override the theme file by file, the
// site first and then the theme, as Hugo looks up its layouts: a site changes one partial by
// having only that file, and a new site needs neither folder.
//
//	files := theme.New(root)
//	data, err := fs.ReadFile(files, "templates/base.html") // root/templates/base.html, or the theme's
//	files.Origin("templates/base.html")                    // "templates/base.html" or "theme/templates/base.html"
package theme

import (
	"embed"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

// The folders a site may override, by their names in the site and in the theme.
const (
	Templates = "templates"
	Assets    = "assets"
)

// Folders are the theme's folders, in the order they are listed.
var Folders = []string{Templates, Assets}

// Prefix is how problems name a built-in file: theme/templates/scan.html. In this repository
// that is where the file is; in a site, `kennisbank theme copy templates/scan.html` makes the
// site's own copy.
const Prefix = "theme/"

// builtIn holds the theme. "all:" keeps the files whose names start with "_" (partials of the
// style sheet and modules that are only imported).
//
//go:embed all:templates all:assets
var builtIn embed.FS

// BuiltIn returns the theme as the binary carries it, with the folders templates/ and assets/.
func BuiltIn() fs.FS { return builtIn }

// Files is a site's theme: its own templates/ and assets/ laid over the built-in ones. Only names
// in those two folders exist in it. It is an fs.FS; a folder lists the files of both.
type Files struct {
	root   string // the project folder
	layers [2]fs.FS
}

// New returns the theme of the project at root.
func New(root string) *Files {
	return &Files{root: root, layers: [2]fs.FS{os.DirFS(root), builtIn}}
}

// Root is the project folder whose templates/ and assets/ come first.
func (f *Files) Root() string { return f.root }

// Own reports whether name is the site's own file rather than the theme's.
func (f *Files) Own(name string) bool {
	if !inTheme(name) || name == "." {
		return false
	}
	info, err := fs.Stat(f.layers[0], name)
	return err == nil && !info.IsDir()
}

// Origin is how problems name the file name: as it is in the site (templates/x.html) when the
// site has it, otherwise with Prefix (theme/templates/x.html).
func (f *Files) Origin(name string) string {
	if f.Own(name) {
		return name
	}
	return Prefix + name
}

// inTheme reports whether name lies in one of the theme's folders (or is the root).
func inTheme(name string) bool {
	if name == "." {
		return true
	}
	top, _, _ := strings.Cut(name, "/")
	return slices.Contains(Folders, top)
}

// Open opens name from the first layer that has it. A folder is opened as the union of the
// layers' folders of that name.
func (f *Files) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) || !inTheme(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	for _, layer := range f.layers {
		info, err := fs.Stat(layer, name)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			return layer.Open(name)
		}
		entries, err := f.ReadDir(name)
		if err != nil {
			return nil, err
		}
		return &folder{info: info, entries: entries}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir lists a folder: the entries of every layer, the first layer's where two have one name,
// sorted by name.
func (f *Files) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) || !inTheme(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, layer := range f.layers {
		entries, err := fs.ReadDir(layer, name)
		if err != nil {
			continue
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] && inTheme(path.Join(name, e.Name())) {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// folder is an opened folder of Files: its listing was made when it was opened.
type folder struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	read    int
}

func (d *folder) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *folder) Close() error               { return nil }
func (d *folder) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: fs.ErrInvalid}
}

// ReadDir returns the next n entries, as fs.ReadDirFile says.
func (d *folder) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.read += len(rest)
	return rest, nil
}
