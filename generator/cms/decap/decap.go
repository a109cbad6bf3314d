// Package decap holds the vendored Decap CMS (npm decap-cms, MIT): the browser application the
// site serves at admin/, as published, with the chunks it loads on demand. The files are updated
// with "go run ./tools/decap"; PIN records the version and the tarball's integrity hash, and
// SHA256SUMS the sum of every file.
package decap

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

//go:embed dist
var dist embed.FS

// License is Decap CMS's own licence (MIT). The npm package holds none; this is the one of its
// repository, github.com/decaporg/decap-cms.
//
//go:embed LICENSE
var License []byte

//go:embed PIN
var pin string

//go:embed SHA256SUMS
var sums string

// Version is the pinned version of Decap CMS.
var Version = Pinned("version")

// Script is the name of the application's entry file; it loads the others itself, from beside it.
const Script = "decap-cms.js"

// Files returns the vendored files by name: decap-cms.js, its chunks and its licence notices.
// The map and its contents are shared by every caller: read them, do not change them.
var Files = sync.OnceValue(func() map[string][]byte {
	out := map[string][]byte{}
	entries, err := fs.ReadDir(dist, "dist")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	for _, e := range entries {
		data, err := fs.ReadFile(dist, "dist/"+e.Name())
		if err != nil {
			panic(err)
		}
		out[e.Name()] = data
	}
	return out
})

// Pinned returns a value recorded in PIN: version, tarball or integrity.
func Pinned(key string) string {
	for _, line := range strings.Split(pin, "\n") {
		if k, v, ok := strings.Cut(line, " "); ok && k == key {
			return v
		}
	}
	return ""
}

// Sums lists files with their SHA-256 sums, as sha256sum writes them: the form of SHA256SUMS
// ("cd generator/cms/decap/dist && sha256sum -c ../SHA256SUMS" checks them by hand).
func Sums(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		sum := sha256.Sum256(files[name])
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	return b.String()
}
