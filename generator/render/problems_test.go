package render

import (
	"errors"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
)

// A template mistake is one problem however many pages it breaks; the message says on how many
// pages, and names one to look at.
func TestFoldCountsThePages(t *testing.T) {
	missing := problem.Problem{File: "templates/strategie.html", Line: 16, Message: `can't evaluate field Titel`}
	once := problem.Problem{File: "templates/home.html", Line: 3, Message: `can't evaluate field Nergens`}
	other := errors.New("write public/x: disk full")
	probs, err := Fold([]error{
		&PageError{Page: "strategieen/a/", Problem: missing},
		nil,
		&PageError{Page: "strategieen/b/", Problem: missing},
		other,
		&PageError{Page: "", Problem: once},
		&PageError{Page: "strategieen/c/", Problem: missing},
	})
	want := []string{
		`templates/strategie.html:16: can't evaluate field Titel (op 3 pagina's, zoals /strategieen/a/)`,
		`templates/home.html:3: can't evaluate field Nergens (op pagina /)`,
	}
	if len(probs) != len(want) {
		t.Fatalf("got %v, want %v", probs, want)
	}
	for i, p := range probs {
		if p.String() != want[i] {
			t.Errorf("got  %s\nwant %s", p, want[i])
		}
	}
	if !errors.Is(err, other) {
		t.Errorf("the error that is no page's is %v, want %v", err, other)
	}
}
