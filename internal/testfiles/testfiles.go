// Package testfiles writes the files a test starts from.
package testfiles

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes each file into dir, with the folders it needs; the keys are slash-separated paths
// inside dir.
func Write[T string | []byte](t testing.TB, dir string, files map[string]T) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
