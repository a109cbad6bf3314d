package content

import (
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
)

// decode relies on every front-matter and site.toml key being lower case to skip the check for
// keys in other letter case ("Titel"); a new field with another tag must not slip past it.
func TestEveryKeyIsLowerCase(t *testing.T) {
	for _, v := range []any{&Site{}, &Determinant{}, &Strategy{}, &Network{}, &Factsheet{}, &Post{}, &Page{}} {
		var names []string
		collectKeys(deref(reflect.TypeOf(v)), &names)
		for _, table := range []string{"strategie", "menu", "bron", "cluster", "cms"} {
			names = append(names, tomlKeys(v, table+".x")...)
		}
		if len(names) == 0 {
			t.Fatalf("%T has no keys", v)
		}
		for _, n := range names {
			if !lowerKey(toml.Key{n}) {
				t.Errorf("%T: key %q is not lower case", v, n)
			}
		}
	}
}
