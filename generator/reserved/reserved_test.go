package reserved_test

import (
	"slices"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/render"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// A page of the content named after a stand-alone page of the built-in theme would take its
// place: every one of them is reserved.
func TestTheThemesStandalonePagesAreReserved(t *testing.T) {
	tmpl, err := render.Load(theme.New(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	standalone := tmpl.Standalone()
	if len(standalone) == 0 {
		t.Fatal("the built-in theme has no stand-alone pages")
	}
	for _, name := range standalone {
		if !slices.Contains(reserved.Names, name) {
			t.Errorf("the theme's stand-alone page %s/ is not in reserved.Names: a page of the content could take its place", name)
		}
	}
}
