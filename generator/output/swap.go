package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// swap puts the folder tmp in the place of final and returns where the old final is now ("" when
// there was none), for the caller to remove.
func swap(tmp, final string) (old string, err error) {
	if _, err := os.Lstat(final); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, final)
	}
	return exchange(tmp, final)
}

// swapByRenames moves final aside and tmp into its place: two renames, for systems without an
// atomic exchange. A build killed between them leaves no final; the next build finds the old
// site aside (oldPrefix) and puts it back before it starts (restoreAside).
func swapByRenames(tmp, final string) (string, error) {
	aside, err := os.MkdirTemp(filepath.Dir(final), oldPrefix(final))
	if err != nil {
		return "", err
	}
	if err := os.Remove(aside); err != nil {
		return "", err
	}
	if err := os.Rename(final, aside); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, final); err != nil {
		_ = os.Rename(aside, final)
		return "", err
	}
	return aside, nil
}

func oldPrefix(out string) string { return "." + filepath.Base(out) + ".old-" }

// restoreAside undoes a swapByRenames that was cut off: when out is missing, the old site it
// moved aside goes back. Other folders left aside are removed. The caller holds the lock.
func restoreAside(out string) {
	aside, _ := filepath.Glob(filepath.Join(filepath.Dir(out), oldPrefix(out)+"*"))
	for _, dir := range aside {
		if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) && os.Rename(dir, out) == nil {
			continue
		}
		_ = os.RemoveAll(dir)
	}
}

// syncFolder makes a rename in dir durable; where the system cannot, it is left as it is.
func syncFolder(dir string) {
	f, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = f.Sync()
	_ = f.Close()
}
