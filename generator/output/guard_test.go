package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every output folder that would replace what the user wrote is refused before anything is
// written, and says why.
func TestCheckOutRefusesWhatABuildMayNotReplace(t *testing.T) {
	p, out := newProject(t)
	root := p.Root
	if err := os.WriteFile(filepath.Join(root, "content", "site.toml"), []byte("titel = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(t.TempDir(), "Documenten")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "brief.docx"), []byte("mijn brief"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link-naar-content")
	if err := os.Symlink(filepath.Join(root, "content"), link); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "notities.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused := map[string]string{
		root:                                     "project folder itself",
		filepath.Join(root, "content"):           "content/",
		filepath.Join(root, "content", "nieuws"): "content/",
		filepath.Join(root, "templates"):         "templates/",
		filepath.Join(root, "assets", "public"):  "assets/",
		filepath.Dir(root):                       "contains the project",
		"/":                                      "contains the project",
		link:                                     "content/",
		filepath.Join(link, "x"):                 "content/",
		filepath.Join(root, "content", "..", "."): "project folder itself",
		docs: "an earlier build did not make",
		file: "a file",
	}
	for out, want := range refused {
		err := CheckOut(out, p)
		var r *RefusedError
		if !errors.As(err, &r) || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckOut(%s) = %v, want a refusal that says %q", out, err, want)
		}
	}
	for _, ok := range []string{out, filepath.Join(root, "site", "public"), filepath.Join(t.TempDir(), "leeg")} {
		if err := CheckOut(ok, p); err != nil {
			t.Errorf("CheckOut(%s) = %v, want nil", ok, err)
		}
	}
}

// A refused output folder is never touched: NewDir fails before it makes anything.
func TestNewDirTouchesNothingItRefuses(t *testing.T) {
	p, _ := newProject(t)
	before, _ := os.ReadDir(p.Root)
	if _, err := NewDir(filepath.Join(p.Root, "content"), p); err == nil {
		t.Fatal("NewDir accepted content/")
	}
	if after, _ := os.ReadDir(p.Root); len(after) != len(before) {
		t.Errorf("NewDir left %d entries in the project, it had %d", len(after), len(before))
	}
	if entries, _ := os.ReadDir(filepath.Join(p.Root, "content")); len(entries) != 0 {
		t.Errorf("content/ changed: %v", entries)
	}
}

// A folder an earlier build made holds the marker, and is replaced; so is an empty one.
func TestCheckOutAcceptsAnEarlierBuild(t *testing.T) {
	p, out := newProject(t)
	d, err := NewDir(out, p)
	if err != nil {
		t.Fatal(err)
	}
	_ = d.WriteFile("index.html", []byte("x"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := CheckOut(out, p); err != nil {
		t.Errorf("a folder made by a build: %v", err)
	}
	if err := os.Remove(filepath.Join(out, Marker)); err != nil {
		t.Fatal(err)
	}
	if err := CheckOut(out, p); err == nil {
		t.Error("a non-empty folder without the marker was accepted")
	}
}
