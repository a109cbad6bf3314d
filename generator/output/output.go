// Package output writes a built site. Dir builds into a temporary folder beside the target and
// swaps it into place only when the whole build succeeded, so a failed build leaves the last good
// site untouched. Memory keeps the site in memory for the development server; Discard keeps
// nothing (kennisbank check). Count counts the files that pass to any of them.
//
// File is a file of the site and how to make it: the packages that make files besides the pages
// list theirs as Files, and the build plans and writes from those lists (WriteFiles).
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/werkplaats-jeugd/kennisbank/generator/fileio"
)

// Writer receives the files of a site. Paths are slash-separated and relative to the site root.
type Writer interface {
	WriteFile(name string, data []byte) error
	CopyFile(name, src string) error
}

// Dir writes into a temporary folder beside the output folder until Commit. It is safe for
// concurrent use.
//
// Files are written in the background by a few goroutines, so that the pipeline goes on
// rendering while the file system works: WriteFile keeps data (do not change it afterwards)
// and returns at once; a write that fails makes Commit fail.
//
// While a Dir is open it holds a lock on the output folder's parent, so that two builds never
// write beside each other; a build that was killed leaves its temporary folder, which the next
// build removes.
type Dir struct {
	final, tmp string
	disk       disk
	unlock     func()
	made       sync.Map // folders already created, so each is made once

	start   sync.Once
	queue   chan write
	writers sync.WaitGroup
	mu      sync.Mutex
	err     error // the first failed write
}

// disk is what a Dir does to the file system; tests put one that fails in its place.
type disk interface {
	writeFile(path string, data []byte) error
	copyFile(path, src string) error
	mkdir(path, base string) error // make path and the folders above it up to base, which must exist
}

// osDisk is the real file system.
type osDisk struct{}

func (osDisk) writeFile(path string, data []byte) error { return fileio.WriteFile(path, data, 0o644) }

func (osDisk) mkdir(path, base string) error {
	// Most folders are new and their parent exists: one mkdir, where MkdirAll would first stat
	// the folder and its parent.
	err := os.Mkdir(path, 0o755)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	// Never make base itself again: when it is gone, the build's files are gone with it.
	if _, err := os.Stat(base); err != nil {
		return err
	}
	return os.MkdirAll(path, 0o755)
}

func (osDisk) copyFile(path, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// write is one file for the background writers: data, or a copy of the file src.
type write struct {
	name string
	data []byte
	src  string
}

// NewDir prepares a build of the folder out for the project p. It refuses an output folder that
// CheckOut refuses, with a *RefusedError.
func NewDir(out string, p Project) (*Dir, error) {
	return newDir(out, p, osDisk{})
}

func newDir(out string, p Project, disk disk) (*Dir, error) {
	if err := CheckOut(out, p); err != nil {
		return nil, err
	}
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent: %w", err)
	}
	unlock, err := lockFolder(parent)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	restoreAside(out)
	removeLeftovers(out)
	tmp, err := os.MkdirTemp(parent, tmpPrefix(out))
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err == nil {
		err = fileio.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644)
	}
	if err != nil {
		_ = os.RemoveAll(tmp)
		unlock()
		return nil, fmt.Errorf("create temporary output folder: %w", err)
	}
	return &Dir{final: out, tmp: tmp, disk: disk, unlock: sync.OnceFunc(unlock)}, nil
}

// tmpPrefix is how the temporary folders of a build of out begin: hidden, beside out.
func tmpPrefix(out string) string { return "." + filepath.Base(out) + ".tmp-" }

// removeLeftovers removes the temporary folders of builds of out that ended without cleaning up
// (killed, or the machine stopped). The caller holds the lock, so none of them is in use.
func removeLeftovers(out string) {
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(out), tmpPrefix(out)+"*"))
	for _, dir := range old {
		_ = os.RemoveAll(dir)
	}
}

func (d *Dir) path(name string) (string, error) {
	clean := path.Clean("/" + name)
	if clean == "/" || strings.Contains(name, "\\") || clean == "/"+Marker {
		return "", fmt.Errorf("invalid output path %q", name)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(clean[1:]))
	folder := filepath.Dir(p)
	if _, ok := d.made.Load(folder); ok {
		return p, nil
	}
	if err := d.disk.mkdir(folder, d.tmp); err != nil {
		return "", err
	}
	d.made.Store(folder, true)
	return p, nil
}

// WriteFile writes one file of the site, in the background.
func (d *Dir) WriteFile(name string, data []byte) error {
	return d.enqueue(write{name: name, data: data})
}

// CopyFile copies src on disk to name in the site, in the background.
func (d *Dir) CopyFile(name, src string) error {
	return d.enqueue(write{name: name, src: src})
}

func (d *Dir) enqueue(w write) error {
	if err := d.failed(); err != nil {
		return err
	}
	d.start.Do(func() {
		queue := make(chan write, 256) // bounded: at most this many pages wait in memory
		d.queue = queue
		for range max(2, runtime.GOMAXPROCS(0)) {
			d.writers.Add(1)
			go func() {
				defer d.writers.Done()
				for w := range queue {
					if err := d.do(w); err != nil {
						d.mu.Lock()
						if d.err == nil {
							d.err = fmt.Errorf("write %s: %w", w.name, err)
						}
						d.mu.Unlock()
					}
				}
			}()
		}
	})
	d.queue <- w
	return nil
}

func (d *Dir) failed() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

// wait lets the background writers finish and returns the first write that failed.
func (d *Dir) wait() error {
	d.start.Do(func() {}) // nothing was written: no writers to wait for
	if d.queue != nil {
		close(d.queue)
		d.queue = nil
	}
	d.writers.Wait()
	return d.failed()
}

func (d *Dir) do(w write) error {
	p, err := d.path(w.name)
	if err != nil {
		return err
	}
	if w.src == "" {
		return d.disk.writeFile(p, w.data)
	}
	return d.disk.copyFile(p, w.src)
}

// Commit waits for the files to be written and puts the new site in the place of the old one in
// one step (see swap), then removes the old one. When a write failed, nothing is swapped and the
// error says which file.
func (d *Dir) Commit() error {
	defer d.unlock()
	if err := d.wait(); err != nil {
		_ = os.RemoveAll(d.tmp)
		return err
	}
	if _, err := os.Stat(filepath.Join(d.tmp, Marker)); err != nil {
		return fmt.Errorf("the new site vanished while it was built: %w", err)
	}
	old, err := swap(d.tmp, d.final)
	if err != nil {
		_ = os.RemoveAll(d.tmp)
		return fmt.Errorf("put the new site in place of %s: %w", d.final, err)
	}
	syncFolder(filepath.Dir(d.final))
	if old != "" {
		// A failure here leaves a hidden folder that the next build removes.
		_ = os.RemoveAll(old)
	}
	return nil
}

// Abort throws the unfinished build away.
func (d *Dir) Abort() {
	defer d.unlock()
	_ = d.wait()
	_ = os.RemoveAll(d.tmp)
}

// Memory holds a site in memory. It is safe for concurrent use.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory site.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores a file.
func (m *Memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[path.Clean(name)] = data
	return nil
}

// CopyFile reads src and stores it under name.
func (m *Memory) CopyFile(name, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return m.WriteFile(name, data)
}

// File returns a stored file.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.files[path.Clean(name)]
	return data, ok
}

// Len returns the number of files.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files)
}

// Diff describes how two in-memory sites differ, file by file ("" when they are the same): the
// files only one has and the files whose bytes differ, at most ten of each.
func Diff(a, b *Memory) string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	b.mu.RLock()
	defer b.mu.RUnlock()
	var only, differ []string
	for name, data := range a.files {
		other, ok := b.files[name]
		switch {
		case !ok:
			only = append(only, name+" (only in the first)")
		case !bytes.Equal(data, other):
			differ = append(differ, name)
		}
	}
	for name := range b.files {
		if _, ok := a.files[name]; !ok {
			only = append(only, name+" (only in the second)")
		}
	}
	if len(only)+len(differ) == 0 {
		return ""
	}
	slices.Sort(only)
	slices.Sort(differ)
	return fmt.Sprintf("%d files in one only: %v; %d files differ: %v",
		len(only), only[:min(10, len(only))], len(differ), differ[:min(10, len(differ))])
}
