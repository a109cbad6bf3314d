//go:build !linux

package output

func exchange(tmp, final string) (string, error) { return swapByRenames(tmp, final) }
