// Package release builds the files of a kennisbank release: for every target a static binary
// (CGO_ENABLED=0, -trimpath, the version in main.version), in an archive named for its version
// and system, and SHA256SUMS over the archives. The release pipeline (deploy/release/release.yml)
// and a person run the same thing, `go run ./tools/release --version v1.0.0`; deploy/install.sh
// downloads an archive by the same name and checks it against SHA256SUMS.
package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"
)

// Target is a system a release has a binary for.
type Target struct{ OS, Arch string }

func (t Target) String() string { return t.OS + "/" + t.Arch }

// Targets are the systems of a release: Linux, macOS and Windows on amd64 and arm64.
var Targets = []Target{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// Host is the system this program runs on.
var Host = Target{runtime.GOOS, runtime.GOARCH}

// SumsFile is the name of the checksum file, in the format of sha256sum.
const SumsFile = "SHA256SUMS"

// Package is the command a release builds.
const Package = "./cmd/kennisbank"

var versionPattern = regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`)

// Options say what to build.
type Options struct {
	Version string    // v1.2.3, as the tag
	Out     string    // the folder the archives and SHA256SUMS are written to; made if missing
	Module  string    // the module's folder (go.mod); "." when empty
	Targets []Target  // Targets when empty
	Date    time.Time // the time the archives' files carry; fixed, so that a release can be made again alike
	Log     io.Writer // where each step is told; may be nil
}

// ArchiveName is the name of the archive for target: kennisbank_v1.2.3_linux_amd64.tar.gz, .zip
// for Windows.
func ArchiveName(version string, t Target) string {
	ext := ".tar.gz"
	if t.OS == "windows" {
		ext = ".zip"
	}
	return fmt.Sprintf("kennisbank_%s_%s_%s%s", version, t.OS, t.Arch, ext)
}

// Build builds every target's archive into opts.Out and writes SHA256SUMS; it returns the
// archives' names.
func Build(opts Options) ([]string, error) {
	if !versionPattern.MatchString(opts.Version) {
		return nil, fmt.Errorf("version %q: want a tag such as v1.2.3 (or v1.2.3-rc.1)", opts.Version)
	}
	if opts.Module == "" {
		opts.Module = "."
	}
	if len(opts.Targets) == 0 {
		opts.Targets = Targets
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp("", "kennisbank-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	readme, err := os.ReadFile(filepath.Join(opts.Module, "README.md"))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, t := range opts.Targets {
		fmt.Fprintf(opts.Log, "release: building %s\n", t)
		bin, err := compile(opts, t, work)
		if err != nil {
			return nil, err
		}
		name := ArchiveName(opts.Version, t)
		if err := writeArchive(filepath.Join(opts.Out, name), t, bin, readme, opts.Date); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		names = append(names, name)
	}
	return names, writeSums(opts.Out, names)
}

// compile builds the binary for t and returns its contents.
func compile(opts Options, t Target, work string) ([]byte, error) {
	out := filepath.Join(work, t.OS+"-"+t.Arch)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -X main.version="+opts.Version, "-o", out, Package)
	cmd.Dir = opts.Module
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = opts.Log, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build for %s: %w\n%s", t, err, stderr.String())
	}
	return os.ReadFile(out)
}

// writeArchive writes the binary (kennisbank, kennisbank.exe on Windows) and the README into a
// tar.gz or, for Windows, a zip, every file with the same time.
func writeArchive(name string, t Target, bin, readme []byte, date time.Time) error {
	exe := "kennisbank"
	if t.OS == "windows" {
		exe += ".exe"
	}
	files := []struct {
		name string
		mode int64
		data []byte
	}{{exe, 0o755, bin}, {"README.md", 0o644, readme}}
	var buf bytes.Buffer
	if t.OS == "windows" {
		zw := zip.NewWriter(&buf)
		for _, f := range files {
			h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: date}
			h.SetMode(os.FileMode(f.mode))
			w, err := zw.CreateHeader(h)
			if err == nil {
				_, err = w.Write(f.data)
			}
			if err != nil {
				return err
			}
		}
		if err := zw.Close(); err != nil {
			return err
		}
	} else {
		gz := gzip.NewWriter(&buf)
		tw := tar.NewWriter(gz)
		for _, f := range files {
			h := &tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.data)), ModTime: date, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
			if err := tw.WriteHeader(h); err != nil {
				return err
			}
			if _, err := tw.Write(f.data); err != nil {
				return err
			}
		}
		if err := tw.Close(); err != nil {
			return err
		}
		if err := gz.Close(); err != nil {
			return err
		}
	}
	return os.WriteFile(name, buf.Bytes(), 0o644)
}

// writeSums writes SHA256SUMS for the archives in dir, in sha256sum's format, sorted by name.
func writeSums(dir string, names []string) error {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	var b strings.Builder
	for _, n := range sorted {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), n)
	}
	return os.WriteFile(filepath.Join(dir, SumsFile), []byte(b.String()), 0o644)
}
