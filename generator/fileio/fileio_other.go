//go:build !unix

package fileio

import (
	"io/fs"
	"os"
)

// ReadFile returns the contents of the file at path.
func ReadFile(path string) ([]byte, error) { return os.ReadFile(path) }

// WriteFile writes data to the file at path, creating it with mode perm or emptying it first.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(path, data, perm)
}
