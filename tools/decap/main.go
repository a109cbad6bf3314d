// Command decap updates the vendored Decap CMS in generator/cms/decap: it downloads the npm
// package's tarball from the registry, checks it against its integrity hash, and copies
// dist/decap-cms.js, the chunks it loads when an editor needs them (the code highlighting of a
// code block), and its third-party licence notices into dist/, with their SHA-256 sums in
// SHA256SUMS. Building the site never needs it, nor Node.js.
//
//	go run ./tools/decap            # fetch the pinned version again and check it is the same
//	go run ./tools/decap 3.17.0     # move to another version
//
// The npm tarball holds no LICENSE file; generator/cms/decap/LICENSE is Decap CMS's MIT licence
// from its repository, and this command refuses a version whose package.json names another one.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/cms/decap"
)

const (
	dir      = "generator/cms/decap"
	registry = "https://registry.npmjs.org/decap-cms/"
)

// wanted reports whether a file of the package's dist/ is vendored: the script, its chunks and
// its notices. Left out: cms.js (the same application under another name), the source maps, and
// the WebP encoder's .wasm, which only image transformations use, and the site's configuration
// does not turn them on.
func wanted(name string) bool {
	return strings.HasSuffix(name, "decap-cms.js") || name == "decap-cms.js.LICENSE.txt"
}

// pin is what generator/cms/decap/PIN records.
type pin struct {
	Version, Tarball, Integrity string
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "decap:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) > 1 {
		return errors.New("usage: go run ./tools/decap [version]")
	}
	if _, err := os.Stat(filepath.Join(dir, "PIN")); err != nil {
		return fmt.Errorf("run this from the project folder (%s/PIN not found): %w", dir, err)
	}
	old, err := readPin(filepath.Join(dir, "PIN"))
	if err != nil {
		return err
	}
	want := old
	if len(args) == 1 && args[0] != old.Version {
		if want, err = lookUp(args[0]); err != nil {
			return err
		}
	}
	tgz, err := download(want.Tarball)
	if err != nil {
		return err
	}
	if got := integrity(tgz); got != want.Integrity {
		return fmt.Errorf("%s: integrity %s, expected %s: the download is not the published package", want.Tarball, got, want.Integrity)
	}
	contents, err := unpack(tgz)
	if err != nil {
		return err
	}
	sums := decap.Sums(contents)
	if want.Version == old.Version {
		if have, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS")); err == nil && string(have) != sums {
			return fmt.Errorf("the files of %s differ from the vendored ones (SHA256SUMS); nobody should have changed them", want.Version)
		}
	}
	dist := filepath.Join(dir, "dist")
	if err := os.RemoveAll(dist); err != nil {
		return err
	}
	if err := os.MkdirAll(dist, 0o755); err != nil {
		return err
	}
	for name, data := range contents {
		if err := os.WriteFile(filepath.Join(dist, name), data, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "SHA256SUMS"), []byte(sums), 0o644); err != nil {
		return err
	}
	if err := writePin(filepath.Join(dir, "PIN"), want); err != nil {
		return err
	}
	fmt.Printf("decap: Decap CMS %s in %s (%d files)\n", want.Version, dist, len(contents))
	return nil
}

// lookUp asks the registry for a version's tarball and integrity hash.
func lookUp(version string) (pin, error) {
	body, err := download(registry + version)
	if err != nil {
		return pin{}, err
	}
	var meta struct {
		Version string `json:"version"`
		License string `json:"license"`
		Dist    struct {
			Tarball   string `json:"tarball"`
			Integrity string `json:"integrity"`
		} `json:"dist"`
	}
	if err := json.Unmarshal(body, &meta); err != nil {
		return pin{}, fmt.Errorf("registry answer for %s: %w", version, err)
	}
	if meta.Version != version || !strings.HasPrefix(meta.Dist.Integrity, "sha512-") {
		return pin{}, fmt.Errorf("registry has no decap-cms %s with a sha512 integrity hash", version)
	}
	if meta.License != "MIT" {
		return pin{}, fmt.Errorf("decap-cms %s is licensed %q, not MIT: %s/LICENSE would be wrong", version, meta.License, dir)
	}
	return pin{Version: version, Tarball: meta.Dist.Tarball, Integrity: meta.Dist.Integrity}, nil
}

func download(url string) ([]byte, error) {
	client := &http.Client{Timeout: 5 * time.Minute}
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// integrity is npm's integrity string of data: sha512- and the base64 digest.
func integrity(data []byte) string {
	sum := sha512.Sum512(data)
	return "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
}

// unpack returns the vendored files of the tarball's dist/ by name, and checks that the
// package's own package.json still says MIT.
func unpack(tgz []byte) (map[string][]byte, error) {
	gz, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		name, inDist := strings.CutPrefix(h.Name, "package/dist/")
		if h.Name != "package/package.json" && !(inDist && !strings.Contains(name, "/") && wanted(name)) {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		if h.Name == "package/package.json" {
			var pkg struct{ License string }
			if err := json.Unmarshal(data, &pkg); err != nil || pkg.License != "MIT" {
				return nil, fmt.Errorf("package.json: licence %q, expected MIT (%v)", pkg.License, err)
			}
			continue
		}
		out[name] = data
	}
	if out["decap-cms.js"] == nil || out["decap-cms.js.LICENSE.txt"] == nil {
		return nil, errors.New("the package has no dist/decap-cms.js or dist/decap-cms.js.LICENSE.txt")
	}
	return out, nil
}

func readPin(path string) (pin, error) {
	f, err := os.Open(path)
	if err != nil {
		return pin{}, err
	}
	defer f.Close()
	var p pin
	fields := map[string]*string{"version": &p.Version, "tarball": &p.Tarball, "integrity": &p.Integrity}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), " ")
		if dst := fields[key]; ok && dst != nil {
			*dst = value
		}
	}
	if p.Version == "" || p.Tarball == "" || p.Integrity == "" {
		return pin{}, fmt.Errorf("%s: expected the lines version, tarball and integrity", path)
	}
	return p, sc.Err()
}

func writePin(path string, p pin) error {
	text := fmt.Sprintf(`# Decap CMS as vendored by "go run ./tools/decap"; change it with that command, not by hand.
version %s
tarball %s
integrity %s
`, p.Version, p.Tarball, p.Integrity)
	return os.WriteFile(path, []byte(text), 0o644)
}
