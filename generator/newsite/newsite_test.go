package newsite

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

// A new site holds the knowledge's determinants and strategies as its own files, its own name
// and publisher, and one draft in each folder the workplace fills itself.
func TestNewSiteHasTheKnowledgeAsItsOwnFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "noord")
	sum, err := Write(Options{Dir: dir, Titel: "Kennisbank \"Noord\"", Uitgever: "Werkplaats Noord"})
	if err != nil {
		t.Fatal(err)
	}
	all, probs := content.Load(dir)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if all.Site.Titel != `Kennisbank "Noord"` || all.Site.Uitgever != "Werkplaats Noord" {
		t.Errorf("site: %q by %q", all.Site.Titel, all.Site.Uitgever)
	}
	if len(all.Determinants) != 29 || sum.Determinants != 29 || len(all.Strategies) != sum.Strategies || sum.Strategies < 100 {
		t.Errorf("%d determinants, %d strategies (summary %+v)", len(all.Determinants), len(all.Strategies), sum)
	}
	for _, kind := range []content.Kind{content.KindNetwork, content.KindFactsheet, content.KindPost} {
		entries := content.SpecOf(kind).Entries(all)
		if len(entries) != 1 || !entries[0].Base().Concept {
			t.Errorf("%s: want one example draft, got %d", kind, len(entries))
		}
	}
	published := all.Published()
	if len(published.Networks)+len(published.Factsheets)+len(published.Posts) != 0 {
		t.Error("an example is published; they must be drafts")
	}
	for _, page := range []string{"over", "colofon", "toegankelijkheid", "scan-uitleg"} {
		data, err := os.ReadFile(filepath.Join(dir, "content", "paginas", page+".md"))
		if err != nil {
			t.Fatal(err)
		}
		if page != "scan-uitleg" && page != "over" && !strings.Contains(string(data), "Werkplaats Noord") {
			t.Errorf("%s.md does not name the publisher", page)
		}
	}
	for _, theirs := range []string{"templates", "assets"} {
		if _, err := os.Stat(filepath.Join(dir, theirs)); err == nil {
			t.Errorf("a new site has %s/: it should use the built-in theme", theirs)
		}
	}
}

// init never writes into a folder that holds something, and leaves it as it was.
func TestRefusesAFolderThatIsNotEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notities.txt"), []byte("mijn"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Write(Options{Dir: dir})
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("got %v, want ErrNotEmpty", err)
	}
	if !strings.Contains(err.Error(), "holds notities.txt;") {
		t.Errorf("the refusal names what the folder holds wrongly: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d entries after the refusal, want 1", len(entries))
	}
	parent, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range parent {
		if strings.HasPrefix(e.Name(), ".kennisbank-init-") {
			t.Errorf("a temporary folder was left: %s", e.Name())
		}
	}
	// An empty folder is fine, and gets the site.
	empty := t.TempDir()
	if _, err := Write(Options{Dir: empty}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(empty, "content", "site.toml")); err != nil {
		t.Error(err)
	}
}
