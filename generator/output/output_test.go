package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/testfiles"
)

// newProject makes a project folder with its source folders, and returns it with its output
// folder path (not created).
func newProject(t *testing.T) (Project, string) {
	t.Helper()
	root := t.TempDir()
	p := Project{Root: root, Sources: []string{"content", "templates", "assets"}}
	for _, s := range p.Sources {
		if err := os.MkdirAll(filepath.Join(root, s), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return p, filepath.Join(root, "public")
}

func TestDirWritesEverythingBeforeCommitReturns(t *testing.T) {
	p, out := newProject(t)
	d, err := NewDir(out, p)
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
	for _, name := range []string{"p/x/index.html", "p/xxxxxxx/index.html", "p/a/figuur.png", "p/f/figuur.png", Marker} {
		if data, err := os.ReadFile(filepath.Join(out, name)); err != nil || len(data) == 0 {
			t.Errorf("%s after Commit: %q, %v", name, data, err)
		}
	}
}

// oldSite puts a site built before into out and returns a function that fails the test unless
// out still holds exactly that site, and nothing but out is left in its parent.
func oldSite(t *testing.T, out string) (assertUnchanged func(when string)) {
	t.Helper()
	files := map[string]string{Marker: markerText, "index.html": "oud", "a/index.html": "oude pagina a", "assets/x.css": "body{}"}
	testfiles.Write(t, out, files)
	return func(when string) {
		t.Helper()
		got := map[string]string{}
		_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(out, p)
				got[filepath.ToSlash(rel)] = string(data)
			}
			return nil
		})
		if fmt.Sprint(got) != fmt.Sprint(files) {
			t.Errorf("%s: the previous site changed: %v", when, got)
		}
		assertNoLeftovers(t, out, when)
	}
}

func assertNoLeftovers(t *testing.T, out, when string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(out)+".") {
			t.Errorf("%s: temporary folder left behind: %s", when, e.Name())
		}
	}
}

// A write that fails in the background still fails the build, and the last good site stays.
func TestDirFailedWriteLeavesOldSite(t *testing.T) {
	p, out := newProject(t)
	unchanged := oldSite(t, out)
	d, err := NewDir(out, p)
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
	unchanged("after failed writes")
}

// failingDisk writes like the real disk until n files have been written, then fails every
// write with err: a full disk (ENOSPC), a folder made read-only (EROFS, EACCES).
type failingDisk struct {
	osDisk
	n       int64
	written atomic.Int64
	err     error
}

func (f *failingDisk) writeFile(path string, data []byte) error {
	if f.written.Add(1) > f.n {
		return &os.PathError{Op: "write", Path: path, Err: f.err}
	}
	return f.osDisk.writeFile(path, data)
}

func (f *failingDisk) copyFile(path, src string) error { return f.writeFile(path, []byte("copy")) }

func TestAFaultAfterAnyNumberOfFilesLeavesThePreviousSite(t *testing.T) {
	for _, fault := range []error{syscall.ENOSPC, syscall.EROFS, syscall.EACCES, syscall.EIO} {
		for _, n := range []int64{0, 1, 7, 99} {
			t.Run(fmt.Sprintf("%v after %d", fault, n), func(t *testing.T) {
				p, out := newProject(t)
				unchanged := oldSite(t, out)
				d, err := newDir(out, p, &failingDisk{n: n, err: fault})
				if err != nil {
					t.Fatal(err)
				}
				for i := range 100 {
					if d.WriteFile(fmt.Sprintf("p%d/index.html", i), []byte("nieuw")) != nil {
						break // the build stops at the first failed write it hears of
					}
				}
				err = d.Commit()
				if !errors.Is(err, fault) {
					t.Fatalf("Commit: %v, want %v", err, fault)
				}
				unchanged("after " + fault.Error())
			})
		}
	}
}

// The user removes the output folder, or its parent, while a build runs.
func TestOutputFolderVanishingDuringTheBuild(t *testing.T) {
	t.Run("the output folder", func(t *testing.T) {
		p, out := newProject(t)
		oldSite(t, out)
		d, err := NewDir(out, p)
		if err != nil {
			t.Fatal(err)
		}
		_ = d.WriteFile("index.html", []byte("nieuw"))
		if err := os.RemoveAll(out); err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatalf("Commit: %v", err)
		}
		if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "nieuw" {
			t.Errorf("index.html = %q, want the new site", data)
		}
		assertNoLeftovers(t, out, "after commit")
	})
	t.Run("its parent", func(t *testing.T) {
		parent := t.TempDir()
		p := Project{Root: t.TempDir(), Sources: []string{"content"}}
		out := filepath.Join(parent, "site", "public")
		d, err := NewDir(out, p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(filepath.Join(parent, "site")); err != nil {
			t.Fatal(err)
		}
		_ = d.WriteFile("index.html", []byte("nieuw"))
		if err := d.Commit(); err == nil {
			t.Fatal("Commit succeeded into a folder that is gone")
		}
		if entries, _ := os.ReadDir(parent); len(entries) != 0 {
			t.Errorf("left behind: %v", entries)
		}
	})
}

func TestLeftoversOfAKilledBuildAreRemovedByTheNext(t *testing.T) {
	p, out := newProject(t)
	oldSite(t, out)
	for _, name := range []string{".public.tmp-123", ".public.tmp-456/p"} {
		if err := os.MkdirAll(filepath.Join(filepath.Dir(out), name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	d, err := NewDir(out, p)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	assertNoLeftovers(t, out, "after the next build")
}

// A build cut off between the two renames of swapByRenames (where there is no atomic exchange)
// leaves the old site aside and no output folder: the next build puts it back first.
func TestASiteLeftAsideIsPutBack(t *testing.T) {
	p, out := newProject(t)
	unchanged := oldSite(t, out)
	aside := filepath.Join(filepath.Dir(out), oldPrefix(out)+"789")
	if err := os.Rename(out, aside); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(out, p)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	unchanged("after the next build aborted")
}

func TestOneBuildAtATimeWritesBesideAFolder(t *testing.T) {
	p, out := newProject(t)
	first, err := NewDir(out, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewDir(out, p); err == nil || !strings.Contains(err.Error(), "another build") {
		t.Errorf("a second build while the first runs: %v", err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	second, err := NewDir(out, p)
	if err != nil {
		t.Fatalf("a build after the first finished: %v", err)
	}
	second.Abort()
}

func TestSwapByRenamesPutsTheNewSiteInPlace(t *testing.T) {
	p, out := newProject(t)
	oldSite(t, out)
	d, err := NewDir(out, p)
	if err != nil {
		t.Fatal(err)
	}
	_ = d.WriteFile("index.html", []byte("nieuw"))
	if err := d.wait(); err != nil {
		t.Fatal(err)
	}
	old, err := swapByRenames(d.tmp, d.final)
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "nieuw" {
		t.Errorf("index.html = %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(old, "index.html")); string(data) != "oud" {
		t.Errorf("the old site aside: index.html = %q", data)
	}
	d.unlock()
}
