package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDirWritesEverythingBeforeCommitReturns(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	d, err := NewDir(out)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "figuur.png")
	if err := os.WriteFile(src, []byte("PNG"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range 600 {
		name := filepath.ToSlash(filepath.Join("p", strings.Repeat("x", i%7+1), "index.html"))
		if i%100 == 0 {
			name = "p/" + string(rune('a'+i/100)) + "/figuur.png"
			if err := d.CopyFile(name, src); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := d.WriteFile(name, []byte(name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"p/x/index.html", "p/xxxxxxx/index.html", "p/a/figuur.png", "p/f/figuur.png"} {
		if data, err := os.ReadFile(filepath.Join(out, name)); err != nil || len(data) == 0 {
			t.Errorf("%s after Commit: %q, %v", name, data, err)
		}
	}
}

// A write that fails in the background still fails the build, and the last good site stays.
func TestDirFailedWriteLeavesOldSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("oud"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(out)
	if err != nil {
		t.Fatal(err)
	}
	_ = d.WriteFile("index.html", []byte("nieuw"))
	_ = d.WriteFile("x", []byte("a file"))
	_ = d.WriteFile("x/y.html", []byte("a file inside the file x"))
	_ = d.CopyFile("z.png", filepath.Join(t.TempDir(), "does-not-exist.png"))
	if err := d.Commit(); err == nil || !strings.Contains(err.Error(), "write ") {
		t.Fatalf("Commit after failed writes: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "oud" {
		t.Errorf("the old site was replaced: index.html = %q", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary folders left behind: %v", entries)
	}
}
