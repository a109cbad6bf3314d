// Command corpus writes the same generated knowledge base twice, for the speed comparison in
// bench/run: as a Kennisbank project (content, plus the repository's templates and assets) and
// as a Hugo project with layouts of equal weight. The comparison leaves out the per-page search
// for related items on both sides, so the Kennisbank project gets an empty "related" partial.
//
//	go run ./bench/corpus --pages 10000 --out /tmp/kb-bench/10000
//
// writes /tmp/kb-bench/10000/kennisbank and /tmp/kb-bench/10000/hugo.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"kennisbank/internal/corpus"
)

func main() {
	pages := flag.Int("pages", 1000, "number of items to generate")
	out := flag.String("out", "", "folder to write kennisbank/ and hugo/ into (must not exist)")
	repo := flag.String("repo", ".", "the Kennisbank repository, for its templates and assets")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*pages, *out, *repo); err != nil {
		fmt.Fprintf(os.Stderr, "corpus: %v\n", err)
		os.Exit(1)
	}
}

// noRelated replaces the strategy page's "Verwante strategieën", a search over every strategy
// that shares a determinant: Hugo's layouts have no such search either.
const noRelated = `{{define "related"}}{{end}}
`

func run(pages int, out, repo string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists; remove it first", out)
	}
	kb := filepath.Join(out, "kennisbank")
	for _, dir := range []string{"templates", "assets"} {
		if err := os.CopyFS(filepath.Join(kb, dir), os.DirFS(filepath.Join(repo, dir))); err != nil {
			return err
		}
	}
	related := filepath.Join(kb, "templates", "partials", "related.html")
	if err := os.WriteFile(related, []byte(noRelated), 0o644); err != nil {
		return err
	}
	if err := corpus.Write(kb, pages); err != nil {
		return err
	}
	return corpus.WriteHugo(filepath.Join(out, "hugo"), pages, filepath.Join(repo, "assets"))
}
