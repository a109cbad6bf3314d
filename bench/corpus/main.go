// Command corpus writes the same generated knowledge base four times, for the two speed
// comparisons in bench/run:
//
//   - equal weight: kennisbank/ (content, the built-in theme, with its own empty "related"
//     partial) against hugo/ (layouts of equal weight); neither side searches for related items
//     per page;
//
//   - as shipped: kennisbank-full/ (the built-in theme as it is: related strategies,
//     matrix, search index, citations, link check) against hugo-minimal/ (a title and the text
//     per page, a list per section).
//
//     go run ./bench/corpus --pages 10000 --out /tmp/kb-bench/10000
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

func main() {
	pages := flag.Int("pages", 1000, "number of items to generate")
	out := flag.String("out", "", "folder to write kennisbank/ and hugo/ into (must not exist)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*pages, *out); err != nil {
		fmt.Fprintf(os.Stderr, "corpus: %v\n", err)
		os.Exit(1)
	}
}

// noRelated replaces the strategy page's "Verwante strategieën", a search over every strategy
// that shares a determinant: Hugo's layouts have no such search either.
const noRelated = `{{define "related"}}{{end}}
`

func run(pages int, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists; remove it first", out)
	}
	for _, name := range []string{"kennisbank", "kennisbank-full"} {
		if err := corpus.Write(filepath.Join(out, name), pages); err != nil {
			return err
		}
	}
	// The site's own partial takes the place of the theme's.
	related := filepath.Join(out, "kennisbank", "templates", "partials", "related.html")
	if err := os.MkdirAll(filepath.Dir(related), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(related, []byte(noRelated), 0o644); err != nil {
		return err
	}
	assets, err := fs.Sub(theme.BuiltIn(), theme.Assets)
	if err != nil {
		return err
	}
	if err := corpus.WriteHugo(filepath.Join(out, "hugo"), pages, assets); err != nil {
		return err
	}
	return corpus.WriteHugoMinimal(filepath.Join(out, "hugo-minimal"), pages)
}
