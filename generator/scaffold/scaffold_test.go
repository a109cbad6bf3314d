package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kennisbank/generator/content"
)

func TestNewWritesDraftWithFrontMatterAndNeverOverwrites(t *testing.T) {
	now = func() time.Time { return time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	root := t.TempDir()
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
	root := t.TempDir()
	for kind := range kinds {
		if _, err := New(root, kind, "Nieuw "+kind); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "content", "site.toml"), []byte("titel = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, probs := content.Load(root)
	if len(probs) > 0 {
		t.Fatalf("scaffolded files do not load:\n%v", probs)
	}
	if len(c.Determinants) != 1 || len(c.Strategies) != 1 || len(c.Posts) != 2 || len(c.Pages) != 1 {
		t.Errorf("loaded %d determinants, %d strategies, %d posts, %d pages", len(c.Determinants), len(c.Strategies), len(c.Posts), len(c.Pages))
	}
}
