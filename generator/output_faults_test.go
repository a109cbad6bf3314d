package generator

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// The child process of TestBuildKilledHalfwayLeavesThePreviousSite: it builds the project in
// $KENNISBANK_KILL_ROOT and is killed while it writes.
func TestHelperBuildToBeKilled(t *testing.T) {
	root := os.Getenv("KENNISBANK_KILL_ROOT")
	if root == "" {
		t.Skip("runs only as the child of TestBuildKilledHalfwayLeavesThePreviousSite")
	}
	_, err := Build(Options{Root: root})
	t.Logf("the build ended before it was killed: %v", err)
}

// A build killed with SIGKILL at any moment leaves the previous site exactly as it was, and the
// next build leaves no temporary folder behind.
func TestBuildKilledHalfwayLeavesThePreviousSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus of 1,000 pages several times")
	}
	root := t.TempDir() // the templates and assets are the built-in theme's
	if err := corpus.Write(root, 1000); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, DefaultOut)
	if _, err := Build(Options{Root: root}); err != nil {
		t.Fatal(err)
	}
	before := readSite(t, out)
	for _, atFiles := range []int{1, len(before) / 2, len(before) - 1} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuildToBeKilled$", "-test.v")
		cmd.Env = append(os.Environ(), "KENNISBANK_KILL_ROOT="+root)
		var log strings.Builder
		cmd.Stdout, cmd.Stderr = &log, &log
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ended := make(chan struct{})
		go func() { _ = cmd.Wait(); close(ended) }()
		killed := killWhenWritten(t, cmd, ended, root, atFiles)
		<-ended
		t.Logf("killed after %d files %s; the build said:\n%s", atFiles, killed, log.String())
		after := readSite(t, out)
		if len(after) != len(before) {
			t.Fatalf("killed after %d files (%v): the site has %d files, it had %d", atFiles, killed, len(after), len(before))
		}
		for name, data := range before {
			if after[name] != data {
				t.Fatalf("killed after %d files: %s changed", atFiles, name)
			}
		}
	}
	if _, err := Build(Options{Root: root}); err != nil {
		t.Fatalf("the build after the killed ones: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".public.*")); len(left) > 0 {
		t.Errorf("left behind after the next build: %v", left)
	}
}

// killWhenWritten sends SIGKILL once the build's temporary folder holds n files, or when the
// build ends first; it says when it killed.
func killWhenWritten(t *testing.T, cmd *exec.Cmd, ended <-chan struct{}, root string, n int) string {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		tmps, _ := filepath.Glob(filepath.Join(root, ".public.tmp-*"))
		for _, tmp := range tmps {
			if atLeast(tmp, n) {
				_ = cmd.Process.Signal(syscall.SIGKILL)
				return "while writing"
			}
		}
		select {
		case <-ended:
			return "after it ended"
		case <-time.After(2 * time.Millisecond):
		}
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	return "at the deadline"
}

// atLeast reports whether dir holds n files or more; it stops counting at n.
func atLeast(dir string, n int) bool {
	seen := 0
	_ = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			seen++
		}
		if seen >= n {
			return filepath.SkipAll
		}
		return nil
	})
	return seen >= n
}

// A refused output folder fails the build before anything is read or written, with a
// RefusedError that the command line turns into a usage error.
func TestBuildRefusesToReplaceSources(t *testing.T) {
	root := newProject(t, nil)
	before := readSite(t, filepath.Join(root, "content"))
	for _, out := range []string{"content", ".", "templates", "assets", "content/nieuws", ".."} {
		_, err := Build(Options{Root: root, Out: filepath.Join(root, out)})
		var refused *output.RefusedError
		if !errors.As(err, &refused) {
			t.Errorf("--out %s: %v, want a refusal", out, err)
		}
	}
	if after := readSite(t, filepath.Join(root, "content")); len(after) != len(before) {
		t.Fatalf("content/ has %d files after the refused builds, %d before", len(after), len(before))
	}
	if _, err := Build(Options{Root: root}); err != nil {
		t.Fatalf("the default output folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "public", "index.html")); err != nil {
		t.Errorf("the default output folder is not public/ in the project: %v", err)
	}
	if strings.Contains(Options{Root: root}.OutDir(), "..") {
		t.Error("OutDir climbs out of the project")
	}
}
