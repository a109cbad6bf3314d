//go:build !unix

package output

// lockFolder does nothing where there is no flock; Windows refuses to remove a folder with an
// open file in it, which keeps a running build's temporary folder from being removed.
func lockFolder(string) (func(), error) { return func() {}, nil }
