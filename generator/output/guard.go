package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file every build writes at the top of its output folder. It is the sign that
// kennisbank made the folder, and so may replace it as a whole.
const Marker = ".kennisbank-build"

const markerText = "Deze map is gemaakt door kennisbank build en wordt bij elke build in zijn geheel vervangen.\n" +
	"This folder was made by kennisbank build; every build replaces it as a whole.\n"

// Project is what a build reads: the project folder and its source folders (content/,
// templates/, assets/), by their names inside it.
type Project struct {
	Root    string
	Sources []string
}

// RefusedError is an output folder a build will not replace, and why. It is a mistake in the
// command, not in the content.
type RefusedError struct {
	Out    string
	Reason string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("output folder %s: %s", e.Out, e.Reason)
}

// CheckOut says whether a build may replace the folder out with a new site. A build replaces
// its output folder as a whole, so these are the rules of that door, all of them:
//
//  1. out is not the project folder nor one of its source folders, does not lie inside a
//     source folder, and does not contain the project (out may lie inside the project:
//     public/ does).
//  2. out does not exist, or is a folder.
//  3. out is empty, or holds the marker of an earlier build (Marker): a folder kennisbank did not
//     make is never replaced.
//
// Paths are compared after following symbolic links.
func CheckOut(out string, p Project) error {
	refuse := func(format string, args ...any) error {
		return &RefusedError{Out: out, Reason: fmt.Sprintf(format, args...)}
	}
	abs, err := resolve(out)
	if err != nil {
		return refuse("cannot resolve the path: %v", err)
	}
	root, err := resolve(p.Root)
	if err != nil {
		return refuse("cannot resolve the project folder %s: %v", p.Root, err)
	}
	switch {
	case abs == root:
		return refuse("that is the project folder itself; a build would replace your content (use --out public, the default)")
	case within(root, abs):
		return refuse("it contains the project folder %s; a build would replace your content (use --out public, the default)", p.Root)
	}
	for _, name := range p.Sources {
		src := filepath.Join(root, name)
		if abs == src || within(abs, src) || within(src, abs) {
			return refuse("it is, contains or lies inside the source folder %s/, which a build would replace (use --out public, the default)", name)
		}
	}
	return checkExisting(out, abs, refuse)
}

func checkExisting(out, abs string, refuse func(string, ...any) error) error {
	info, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return refuse("%v", err)
	case !info.IsDir():
		return refuse("it is a file, not a folder")
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return refuse("cannot read it: %v", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Lstat(filepath.Join(abs, Marker)); err == nil {
		return nil
	}
	return refuse("it is not empty, and an earlier build did not make it (it has no %s); "+
		"a build replaces its output folder as a whole, so choose a new or empty folder, or empty or remove %s yourself if nothing in it is yours",
		Marker, out)
}

// within reports whether path lies strictly inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve makes p absolute and follows symbolic links in the part of it that exists.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}
