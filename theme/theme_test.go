package theme

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// A site's file takes the place of the theme's of the same name; the theme's other files stay,
// and a folder lists both.
func TestSiteFilesComeFirst(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "templates", "partials", "chrome.html"), "eigen kop")
	write(t, filepath.Join(root, "templates", "eigen.html"), "eigen pagina")
	write(t, filepath.Join(root, "content", "site.toml"), "titel = \"x\"")
	files := New(root)

	if got := read(t, files, "templates/partials/chrome.html"); got != "eigen kop" {
		t.Errorf("the site's partial: got %q", got)
	}
	theirs, _ := fs.ReadFile(builtIn, "templates/base.html")
	if got := read(t, files, "templates/base.html"); got != string(theirs) {
		t.Error("base.html should come from the theme")
	}
	if o := files.Origin("templates/partials/chrome.html"); o != "templates/partials/chrome.html" {
		t.Errorf("origin of the site's file: %q", o)
	}
	if o := files.Origin("templates/base.html"); o != "theme/templates/base.html" {
		t.Errorf("origin of the theme's file: %q", o)
	}
	pages, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pages, "templates/eigen.html") || !slices.Contains(pages, "templates/strategie.html") {
		t.Errorf("templates/*.html: %v", pages)
	}
	// Only the theme's folders exist: the rest of the project is not the theme.
	if _, err := fs.Stat(files, "content/site.toml"); err == nil {
		t.Error("content/ should not be part of the theme")
	}
	if err := fstest.TestFS(files, "templates/eigen.html", "templates/partials/chrome.html", "templates/base.html", "assets/style.css", "assets/scan/logic.ts"); err != nil {
		t.Fatal(err)
	}
}

// A site without templates/ or assets/ has the theme as it is.
func TestEmptySiteHasTheTheme(t *testing.T) {
	files := New(t.TempDir())
	if err := fstest.TestFS(files, "templates/base.html", "assets/main.ts", "assets/_fold.ts"); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Copy starts the site's own version of a built-in file, also from the name a problem gives it,
// and never replaces the site's file.
func TestCopyStartsAnOverride(t *testing.T) {
	root := t.TempDir()
	got, err := Copy(root, "theme/templates/partials/chrome.html")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "templates", "partials", "chrome.html"); got != want {
		t.Errorf("wrote %s, want %s", got, want)
	}
	theirs, _ := fs.ReadFile(builtIn, "templates/partials/chrome.html")
	if mine, _ := os.ReadFile(got); string(mine) != string(theirs) {
		t.Error("the copy differs from the built-in file")
	}
	write(t, got, "eigen kop")
	if _, err := Copy(root, "templates/partials/chrome.html"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second copy: %v, want a refusal", err)
	}
	if mine, _ := os.ReadFile(got); string(mine) != "eigen kop" {
		t.Errorf("the site's file was changed: %q", mine)
	}
	for _, bad := range []string{"content/site.toml", "templates/bestaat-niet.html", "templates", "../go.mod"} {
		if _, err := Copy(root, bad); !errors.Is(err, ErrUnknown) {
			t.Errorf("Copy(%q): %v, want ErrUnknown", bad, err)
		}
	}
	list, err := List(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if own := e.Name == "templates/partials/chrome.html"; e.Own != own || !e.BuiltIn {
			t.Errorf("%+v", e)
		}
	}
}
