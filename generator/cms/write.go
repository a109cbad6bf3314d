package cms

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/bundlefile"
)

// The local backend's writes. They hold Local.writing for the whole of one request, so that two
// saves never mix: the last one wins, whole. Every request is checked in full before the first
// byte is written, so a refused request changes nothing.

// persistEntry saves an entry (and, for a bundle, its new images), renaming it when its path
// changed.
func (l *Local) persistEntry(root *os.Root, p persistEntryParams) (any, error) {
	files := p.DataFiles
	if len(files) == 0 && p.Entry != nil {
		files = []dataFile{*p.Entry}
	}
	if len(files) == 0 {
		return nil, badRequest("opslaan zonder bericht")
	}
	l.writing.Lock()
	defer l.writing.Unlock()
	targets := make([]entryPath, len(files))
	bundles := map[string]bool{} // folders of the bundles saved now, which may take media
	for i, f := range files {
		to, err := target(root, f)
		if err != nil {
			return nil, err
		}
		targets[i] = to
		if to.bundle() {
			bundles[to.folder()] = true
		}
	}
	for _, a := range p.Assets {
		if _, err := checkAsset(root, a, bundles); err != nil {
			return nil, err
		}
	}
	saved := make([]string, len(files))
	for i, f := range files {
		if err := move(root, f.Path, targets[i]); err != nil {
			return nil, err
		}
		if err := writeAtomic(root, targets[i].rel, []byte(f.Raw)); err != nil {
			return nil, err
		}
		saved[i] = targets[i].path
	}
	for _, a := range p.Assets {
		if err := writeAsset(root, a, bundles); err != nil {
			return nil, err
		}
	}
	l.mu.Lock()
	l.saved, l.at = saved, time.Now()
	l.mu.Unlock()
	return message("entry persisted"), nil
}

// target is where an entry is saved: its path, or its new path when it is renamed. It applies
// the rules for fixed kinds and renames.
func target(root *os.Root, f dataFile) (entryPath, error) {
	from := f.Path
	_, err := root.Lstat(from.rel)
	exists := err == nil
	if from.spec.Fixed && !exists {
		return from, fixed(from)
	}
	if len(f.NewPath) == 0 || string(f.NewPath) == `""` || string(f.NewPath) == "null" {
		return from, nil
	}
	var to entryPath
	if err := json.Unmarshal(f.NewPath, &to); err != nil {
		var refused *apiError
		if errors.As(err, &refused) {
			return to, refused
		}
		return to, badRequest("nieuwe naam: %v", err)
	}
	switch {
	case to.rel == from.rel:
		return from, nil
	case from.spec.Fixed:
		return to, fixed(from)
	case to.spec != from.spec:
		return to, refuse("%s kan niet naar een andere soort (%s) verhuizen.", from.path, strings.ToLower(to.spec.ListTitle))
	case from.bundle() && !to.bundle():
		return to, refuse("%s heeft een eigen map met bestanden en blijft daarom een map: sla het op als %s/index.md.", from.path, path.Dir(to.path))
	}
	if _, err := root.Lstat(to.rel); err == nil {
		return to, refuse("Er bestaat al een %s met de naam %q. Kies een andere titel of datum.", strings.ToLower(to.spec.Label), to.id)
	}
	if to.bundle() && to.folder() != from.folder() {
		if _, err := root.Lstat(to.folder()); err == nil {
			return to, refuse("Er bestaat al een %s met de naam %q. Kies een andere titel of datum.", strings.ToLower(to.spec.Label), to.id)
		}
	}
	return to, nil
}

func fixed(e entryPath) error {
	return refuse("%s: de %s liggen vast. Je kunt ze aanpassen, maar niet toevoegen, hernoemen of verwijderen.", e.path, strings.ToLower(e.spec.ListTitle))
}

// move renames an entry from → to when they differ; a bundle's index.md takes its folder along.
func move(root *os.Root, from, to entryPath) error {
	if from.rel == to.rel {
		return nil
	}
	if _, err := root.Lstat(from.rel); errors.Is(err, fs.ErrNotExist) {
		return nil // a new entry: nothing to move
	}
	if from.bundle() && to.bundle() {
		return root.Rename(from.folder(), to.folder())
	}
	if err := root.MkdirAll(path.Dir(to.rel), 0o755); err != nil {
		return err
	}
	return root.Rename(from.rel, to.rel)
}

// checkAsset applies the rules for media: beside a bundle's index.md that exists or is saved in
// the same request, and of a type a page bundle may hold (bundlefile: the same rule check and
// build apply). It returns the file's bytes.
func checkAsset(root *os.Root, a asset, bundles map[string]bool) ([]byte, error) {
	if a.Encoding != "base64" {
		return nil, badRequest("%s: codering %q, verwacht base64", a.Path.path, a.Encoding)
	}
	if _, err := root.Stat(path.Join(a.Path.folder(), "index.md")); err != nil && !bundles[a.Path.folder()] {
		return nil, notBesideABundle(a.Path.path)
	}
	data, err := base64.StdEncoding.DecodeString(a.Content)
	if err != nil {
		return nil, badRequest("%s: het bestand is niet goed aangekomen (%v)", a.Path.path, err)
	}
	if err := bundlefile.Check(path.Base(a.Path.rel), data); err != nil {
		return nil, refuse("%s kan niet op de site: %v", path.Base(a.Path.rel), err)
	}
	return data, nil
}

// writeAsset writes an image or download beside a bundle's index.md.
func writeAsset(root *os.Root, a asset, bundles map[string]bool) error {
	data, err := checkAsset(root, a, bundles)
	if err != nil {
		return err
	}
	return writeAtomic(root, a.Path.rel, data)
}

// writeAtomic writes data to name whole: into a hidden temporary file beside it (the build skips
// names that start with a dot), synced, then renamed over it. A reader, the build among them,
// sees the old file or the new one, never a part.
func writeAtomic(root *os.Root, name string, data []byte) error {
	if err := root.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	var suffix [8]byte
	_, _ = rand.Read(suffix[:])
	tmp := path.Join(path.Dir(name), "."+path.Base(name)+"."+hex.EncodeToString(suffix[:])+".tmp")
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		_ = root.Remove(tmp)
	}
	return err
}

// deleteFiles deletes entries and media. A bundle's index.md takes the whole bundle with it, so
// that no folder is left without index.md; a kind's folder stays, even when empty.
func (l *Local) deleteFiles(root *os.Root, paths []deletablePath) error {
	l.writing.Lock()
	defer l.writing.Unlock()
	for _, p := range paths {
		if !p.media && p.spec.Fixed {
			return fixed(entryPath{p.place})
		}
	}
	for _, p := range paths {
		var err error
		switch {
		case !p.media && (entryPath{p.place}).bundle():
			err = root.RemoveAll(p.folder())
		default:
			err = root.Remove(p.rel)
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
