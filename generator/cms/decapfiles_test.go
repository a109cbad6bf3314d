package cms_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator"
)

// copyInto copies the files under from into to, keeping their paths.
func copyInto(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// testdata/decap holds files exactly as Decap CMS wrote them in Chromium, through its forms
// (recorded by internal/sitetest's CMS tests with KENNISBANK_RECORD_DECAP=1): its key order,
// its quoting, its arrays of tables, its dates as quoted strings, a page bundle with an image.
// Put into the real project, they load and build, and the site shows them.
func TestFilesAsDecapWritesThemBuild(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"content"} {
		copyInto(t, filepath.Join("..", "..", dir), filepath.Join(root, dir))
	}
	copyInto(t, filepath.Join("testdata", "decap"), root)
	news, err := os.ReadFile(filepath.Join("testdata", "decap", "content", "nieuws", "2027-03-04-werkplaatsdag-in-zwolle", "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	// What makes these files Decap's and not ours: dates as quoted strings.
	if !strings.Contains(string(news), `datum = "2027-03-04"`) || !strings.Contains(string(news), `start = "2027-03-18T09:30:00"`) {
		t.Fatalf("the recorded news item is not in Decap's form:\n%s", news)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Root: root, Out: out}); err != nil {
		t.Fatalf("files as Decap CMS writes them do not build: %v", err)
	}
	read := func(p string) string {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for page, want := range map[string][]string{
		"nieuws/2027-03-04-werkplaatsdag-in-zwolle/index.html": {"Werkplaatsdag in Zwolle", "4 maart 2027", "Zwolle"},
		"factsheets/werken-met-de-midi/index.html":             {`<img src="schema.png" alt="Schema van de MIDI">`},
		"strategieen/audit-en-feedback/index.html":             {"determinanten/01-procedurele-helderheid/"},
		"nieuws/agenda.ics":                                    {"DTSTART;TZID=Europe/Amsterdam:20270318T093000", "DTEND;TZID=Europe/Amsterdam:20270318T120000"},
	} {
		text := read(page)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "factsheets", "werken-met-de-midi", "schema.png")); err != nil {
		t.Errorf("the image beside the factsheet was not published: %v", err)
	}
}

// With a [cms] table the site gets admin/: the CMS, its configuration and licences, but no page
// of the site: not in the sitemap, the search index, the feed or the open data, and the link
// check of the pages leaves it alone.
func TestAdminIsNoPartOfTheSite(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"content"} {
		copyInto(t, filepath.Join("..", "..", dir), filepath.Join(root, dir))
	}
	siteToml := filepath.Join(root, "content", "site.toml")
	settings, err := os.ReadFile(siteToml)
	if err != nil {
		t.Fatal(err)
	}
	settings = append(settings, "\n[cms]\nbackend = \"gitlab\"\nrepo = \"werkplaats/kennisbank\"\napp_id = \"123\"\n"...)
	if err := os.WriteFile(siteToml, settings, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Root: root, Out: out, BaseURL: "https://example.org/kb/"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"admin/index.html", "admin/config.yml", "admin/decap-cms.js", "admin/LICENSE.txt"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the build did not write %s", f)
		}
	}
	for _, f := range []string{"sitemap.xml", "data/zoekindex.json", "atom.xml", "data/kennisbank.json", "index.html"} {
		data, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "admin/") {
			t.Errorf("%s mentions admin/", f)
		}
	}
	cfg, _ := os.ReadFile(filepath.Join(out, "admin", "config.yml"))
	if !strings.Contains(string(cfg), "name: gitlab") || !strings.Contains(string(cfg), "site_url: https://example.org/kb/") {
		t.Errorf("config.yml:\n%s", cfg)
	}
}
