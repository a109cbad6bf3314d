// Package output writes a built site. Dir builds into a temporary folder beside the target and
// swaps it into place only when the whole build succeeded, so a failed build leaves the last good
// site untouched. Memory keeps the site in memory for the development server.
package output

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Writer receives the files of a site. Paths are slash-separated and relative to the site root.
type Writer interface {
	WriteFile(name string, data []byte) error
	CopyFile(name, src string) error
}

// Dir writes into a temporary folder until Commit.
type Dir struct {
	final, tmp string
}

// NewDir prepares a build of the folder out.
func NewDir(out string) (*Dir, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("create temporary output folder: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Dir{final: out, tmp: tmp}, nil
}

func (d *Dir) path(name string) (string, error) {
	clean := path.Clean("/" + name)
	if clean == "/" || strings.Contains(name, "\\") {
		return "", fmt.Errorf("invalid output path %q", name)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(clean[1:]))
	return p, os.MkdirAll(filepath.Dir(p), 0o755)
}

// WriteFile writes one file of the site.
func (d *Dir) WriteFile(name string, data []byte) error {
	p, err := d.path(name)
	if err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// CopyFile copies src on disk to name in the site.
func (d *Dir) CopyFile(name, src string) error {
	p, err := d.path(name)
	if err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(p)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Commit swaps the new site into place and removes the old one.
func (d *Dir) Commit() error {
	var old string
	if _, err := os.Stat(d.final); err == nil {
		old = d.tmp + ".old"
		if err := os.Rename(d.final, old); err != nil {
			d.Abort()
			return fmt.Errorf("move old output aside: %w", err)
		}
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		if old != "" {
			_ = os.Rename(old, d.final)
		}
		d.Abort()
		return fmt.Errorf("move new output into place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort throws the unfinished build away.
func (d *Dir) Abort() { _ = os.RemoveAll(d.tmp) }

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
