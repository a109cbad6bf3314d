package codehealth

import (
	"path/filepath"
	"strings"
	"testing"
)

// MaxLines is the longest a function may be: about 80 lines, as the project's rules say, with a
// little room for a signature or a closing line.
const MaxLines = 85

var repo = filepath.Join("..", "..")

// TestLargestFunctions fails for a function, in Go or in TypeScript, longer than MaxLines, and
// prints the largest ones of each language (run with -v).
func TestLargestFunctions(t *testing.T) {
	goFuncs, err := GoFuncs(repo)
	if err != nil {
		t.Fatal(err)
	}
	tsFuncs, err := TSFuncs(filepath.Join(repo, "theme", "assets"))
	if err != nil {
		t.Fatal(err)
	}
	for lang, funcs := range map[string][]Func{"Go": goFuncs, "TypeScript": tsFuncs} {
		if len(funcs) == 0 {
			t.Fatalf("no %s functions found", lang)
		}
		for i, f := range funcs[:min(5, len(funcs))] {
			t.Logf("%s #%d: %d lines, %s", lang, i+1, f.Lines, f.Name)
		}
		for _, f := range funcs {
			if f.Lines > MaxLines {
				t.Errorf("%s function %s has %d lines (at most %d): split it into functions a reader can hold in their head", lang, f.Name, f.Lines, MaxLines)
			}
		}
	}
}

// The TypeScript reader finds functions of every form and is not misled by braces in strings,
// template literals, regular expressions and comments.
func TestTSFunctionsAreFound(t *testing.T) {
	src := `// a { comment
function a(x: number): number {
  const s = "}" + '{' + ` + "`x ${ {y: 1}.y } }`" + `;
  const r = /[}{]/g; // }
  return x;
}
const b = async (x: string) => {
  if (x) {
    return x.split("}");
  }
};
class C {
  method<T>(v: T): void {
    for (const k of [1]) { void k; }
  }
}
`
	got := tsFunctions(src)
	want := []span{{2, 6}, {7, 11}, {13, 15}}
	if len(got) != len(want) {
		t.Fatalf("found %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("function %d spans %v, want %v (all: %v)", i, got[i], want[i], got)
		}
	}
	if strings.Contains(blankLiterals(src), "split(\"}\")") {
		t.Error("string contents were not blanked")
	}
}
