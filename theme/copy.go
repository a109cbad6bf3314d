package theme

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/fileio"
)

// ErrUnknown marks a name that is not a file of the built-in theme.
var ErrUnknown = errors.New("not a file of the built-in theme")

// Copy writes the built-in file name (templates/partials/chrome.html, also as problems name it:
// theme/templates/partials/chrome.html) into the project at root, as the start of the site's own
// version, and returns the path it wrote. It never replaces a file: when the site has one, it
// says so and changes nothing.
func Copy(root, name string) (string, error) {
	name = strings.TrimPrefix(path.Clean(filepath.ToSlash(name)), Prefix)
	info, err := fs.Stat(builtIn, name)
	if !inTheme(name) || name == "." || err != nil {
		return "", fmt.Errorf("%w: %q (kennisbank theme list shows them)", ErrUnknown, name)
	}
	if info.IsDir() {
		return "", fmt.Errorf("%w: %q is a folder; name one of its files (kennisbank theme list shows them)", ErrUnknown, name)
	}
	data, err := fs.ReadFile(builtIn, name)
	if err != nil {
		return "", err
	}
	target := filepath.Join(root, filepath.FromSlash(name))
	if err := fileio.WriteNew(target, data, 0o644); errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists: the site has its own version; it was not changed", target)
	} else if err != nil {
		return "", err
	}
	return target, nil
}

// Entry is a file of a site's theme.
type Entry struct {
	Name    string // templates/base.html
	BuiltIn bool   // the theme has it
	Own     bool   // the site has it: its own version, or a file of its own
}

// List lists the files of the theme of the project at root: the built-in ones and the site's
// own, sorted by name.
func List(root string) ([]Entry, error) {
	files := New(root)
	var out []Entry
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		_, inBuiltIn := fs.Stat(builtIn, name)
		out = append(out, Entry{Name: name, BuiltIn: inBuiltIn == nil, Own: files.Own(name)})
		return nil
	})
	return out, err
}
