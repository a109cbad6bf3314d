package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

func TestNewWritesDraftWithFrontMatterAndNeverOverwrites(t *testing.T) {
	now = func() time.Time { return time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	root := newSite(t)
	path, err := New(root, "nieuws", "Terugblik: Coördinatie in de wijk")
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, "content", "nieuws", "2026-03-05-terugblik-coordinatie-in-de-wijk.md")
	if path != want {
		t.Errorf("path %s, want %s", path, want)
	}
	data, _ := os.ReadFile(path)
	for _, s := range []string{`titel = "Terugblik: Coördinatie in de wijk"`, "datum = 2026-03-05", "concept = true"} {
		if !strings.Contains(string(data), s) {
			t.Errorf("new file lacks %q:\n%s", s, data)
		}
	}
	if err := os.WriteFile(path, []byte("mijn tekst"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(root, "nieuws", "Terugblik: Coördinatie in de wijk"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second New: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "mijn tekst" {
		t.Error("New overwrote an existing file")
	}
	if _, err := New(root, "blog", "x"); err == nil {
		t.Error("an unknown kind was accepted")
	}
}

func TestEveryKindScaffoldsLoadableContent(t *testing.T) {
	root := newSite(t)
	for kind := range kinds {
		if _, err := New(root, kind, "Nieuw "+kind); err != nil {
			t.Fatal(err)
		}
	}
	c, probs := content.Load(root)
	if len(probs) > 0 {
		t.Fatalf("scaffolded files do not load:\n%v", probs)
	}
	if len(c.Determinants) != 1 || len(c.Strategies) != 1 || len(c.Posts) != 2 || len(c.Pages) != 1 {
		t.Errorf("loaded %d determinants, %d strategies, %d posts, %d pages", len(c.Determinants), len(c.Strategies), len(c.Posts), len(c.Pages))
	}
}

// newSite is an empty project: content/site.toml and nothing else.
func newSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content", "site.toml"), []byte("titel = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// A new determinant takes the lowest number no determinant has, so the next check passes; when
// all 29 exist, new says so and writes nothing.
func TestNewDeterminantTakesTheLowestFreeNumber(t *testing.T) {
	root := newSite(t)
	dir := filepath.Join(root, "content", "determinanten")
	for _, want := range []string{"01-eerste", "02-tweede", "03-derde"} {
		path, err := New(root, "determinant", want[3:])
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		if filepath.Base(path) != want+".md" || !strings.Contains(string(data), "nummer = "+strings.TrimLeft(want[:2], "0")+" ") {
			t.Errorf("got %s:\n%s", filepath.Base(path), data)
		}
	}
	// A gap is filled first; a file whose nummer differs from its name takes both.
	if err := os.Remove(filepath.Join(dir, "02-tweede.md")); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "03-derde.md"))
	if err := os.WriteFile(filepath.Join(dir, "03-derde.md"), []byte(strings.Replace(string(data), "nummer = 3 ", "nummer = 2 ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if path, err := New(root, "determinant", "vierde"); err != nil || filepath.Base(path) != "04-vierde.md" {
		t.Errorf("with 1, 2 (in 03-derde.md) and 3 taken: %s, %v", path, err)
	}
	for n := 5; n <= 29; n++ {
		if _, err := New(root, "determinant", "nog een"+strings.Repeat(" x", n)); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.ReadDir(dir)
	_, err := New(root, "determinant", "dertigste")
	if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "1 to 29 are all taken") {
		t.Errorf("a 30th determinant: %v", err)
	}
	if after, _ := os.ReadDir(dir); len(after) != len(before) {
		t.Error("the 30th determinant was written")
	}
	if _, probs := content.Load(root); len(probs) > 0 {
		t.Errorf("the new determinants do not load: %v", probs)
	}
}

// Outside a project, new says what is missing and writes nothing.
func TestNewOutsideAProjectWritesNothing(t *testing.T) {
	root := t.TempDir()
	_, err := New(root, "nieuws", "Iets")
	if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), "content/site.toml") {
		t.Errorf("new outside a project: %v", err)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("new wrote %v", entries)
	}
}
