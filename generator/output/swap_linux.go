package output

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps tmp and final in one system call (renameat2 with RENAME_EXCHANGE): at every
// moment final is either the whole old site or the whole new one, even when the build is killed.
// File systems without it get two renames.
func exchange(tmp, final string) (string, error) {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, final, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return swapByRenames(tmp, final)
	}
	if err != nil {
		return "", err
	}
	return tmp, nil // the old site is where the new one was
}
