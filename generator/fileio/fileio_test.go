package fileio

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// The build reads every content file and writes every page through this package: it must give
// what package os gives, for every size, and the same errors.
func TestReadAndWriteAsPackageOSDoes(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 4096, 100_000} {
		data := bytes.Repeat([]byte("kennisbank "), size/11+1)[:size]
		p := filepath.Join(dir, "f")
		// A longer file in the way: writing must empty it first.
		if err := os.WriteFile(p, bytes.Repeat([]byte("x"), size+100), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(p, data, 0o644); err != nil {
			t.Fatalf("write %d bytes: %v", size, err)
		}
		want, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(want, data) {
			t.Fatalf("after WriteFile of %d bytes os.ReadFile gives %d bytes (%v)", size, len(want), err)
		}
		got, err := ReadFile(p)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("ReadFile of %d bytes gives %d bytes (%v)", size, len(got), err)
		}
	}
}

func TestNewFileGetsTheModeAsked(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix modes")
	}
	p := filepath.Join(t.TempDir(), "nieuw.html")
	if err := WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	// The umask may take bits away, never add them.
	if info.Mode().Perm()&^0o644 != 0 {
		t.Errorf("mode %v, want at most -rw-r--r--", info.Mode().Perm())
	}
}

// A file whose size the system does not know in advance (as in /proc) is read to its end.
func TestReadsFileWithoutKnownSize(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc")
	}
	got, err := ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 100 || !bytes.HasSuffix(got, []byte("\n")) {
		t.Errorf("read %d bytes of /proc/self/maps, ending %q", len(got), got[max(0, len(got)-20):])
	}
}

func TestErrorsNameThePathAsPackageOSDoes(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "weg.md")
	_, err := ReadFile(missing)
	_, osErr := os.ReadFile(missing)
	if !errors.Is(err, fs.ErrNotExist) || err == nil || err.Error() != osErr.Error() {
		t.Errorf("reading a missing file: %v, want %v (fs.ErrNotExist)", err, osErr)
	}
	into := filepath.Join(dir, "geen-map", "index.html")
	err = WriteFile(into, []byte("x"), 0o644)
	osErr = os.WriteFile(into, []byte("x"), 0o644)
	if !errors.Is(err, fs.ErrNotExist) || err == nil || err.Error() != osErr.Error() {
		t.Errorf("writing into a missing folder: %v, want %v", err, osErr)
	}
	if _, err := ReadFile(dir); err == nil {
		t.Error("reading a folder gave no error")
	}
}

// WriteNew writes a new file whole, and leaves a file that is already there as it was.
func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a", "b", "x.html")
	if err := WriteNew(p, []byte("eerste"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(p, []byte("tweede"), 0o644)
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("second write: %v, want fs.ErrExist", err)
	}
	if data, _ := os.ReadFile(p); string(data) != "eerste" {
		t.Errorf("the file holds %q after the refused write", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1 (no temporary file left)", len(entries))
	}
}
