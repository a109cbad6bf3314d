//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockFolder takes an exclusive lock on dir, so that one build at a time writes there, and
// returns its release. The kernel releases it when the process ends, also when it is killed, so
// a build that finds the lock free knows every leftover temporary folder is abandoned.
func lockFolder(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another build is writing in %s; wait until it has finished", dir)
		}
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	return func() { f.Close() }, nil
}
