// Command zoeken measures the site's search against Pagefind on the same built site, with the
// queries in bench/zoeken/queries.txt, in headless Chromium: the site's search as readers get it
// (the zoeken/ page, its own script and index) and Pagefind's JavaScript API over the index
// Pagefind writes for the same pages. It reports hit@5 (a fitting page among the first five) and
// the mean reciprocal rank of the first fitting page (within the first ten), and the bytes the
// first search fetches from each.
//
//	go run ./bench/zoeken                    # the content of this repository
//	go run ./bench/zoeken -v                 # with the ranks per query
//	go run ./bench/zoeken -src /other/project
//
// Pagefind comes from the npm registry at the version pinned in bench/zoeken/pagefind (installed
// with npm ci on first use); it is only for this comparison and never part of the site.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator"
)

// query is one line of the query file.
type query struct {
	text     string
	relevant []string // paths relative to the site root
}

func main() {
	src := flag.String("src", ".", "the project to build (its content/, and templates/ or assets/ where it changes the theme)")
	queries := flag.String("queries", "bench/zoeken/queries.txt", "the query file the ranking was tuned on")
	reader := flag.String("reader", "bench/zoeken/queries-reader.txt", "the reader-side query file, split into a tuning part and a held-out part (\"\" for none)")
	verbose := flag.Bool("v", false, "print the ranks per query")
	flag.Parse()
	if err := run(*src, *queries, *reader, *verbose); err != nil {
		fmt.Fprintf(os.Stderr, "zoeken: %v\n", err)
		os.Exit(1)
	}
}

// querySet is a set of queries reported on its own.
type querySet struct {
	name    string
	queries []query
}

func run(src, queryFile, readerFile string, verbose bool) error {
	sets, err := querySets(queryFile, readerFile)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(tmpRoot(), "kennisbank-zoeken-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	site := filepath.Join(tmp, "public")
	if _, err := generator.Build(generator.Options{Root: src, Out: site}); err != nil {
		return fmt.Errorf("build %s: %w", src, err)
	}
	if err := checkTargets(site, sets); err != nil {
		return err
	}
	if err := runPagefind(site); err != nil {
		return err
	}
	b, err := newBrowser(site)
	if err != nil {
		return err
	}
	defer b.close()

	engines := []engine{{"Kennisbank", b.siteSearch}, {"Pagefind", b.pagefindSearch}}
	fmt.Printf("\nsite built from %s\n\n", src)
	fmt.Printf("| queries | n | engine | hit@5 | MRR@10 |\n| --- | --- | --- | --- | --- |\n")
	for _, set := range sets {
		scores, err := measure(set, engines, verbose)
		if err != nil {
			return err
		}
		for i, e := range engines {
			fmt.Printf("| %s | %d | %s | %.1f%% (%d/%d) | %.3f |\n", set.name, scores[i].n, e.name, 100*scores[i].hitRate(), scores[i].hits, scores[i].n, scores[i].mrr())
		}
	}
	fmt.Println()
	return b.reportFirstSearch(site)
}

// querySets reads the query files: the first whole, the second (when given) split into the part
// the ranking was tuned on and the part held out, every third query.
func querySets(queryFile, readerFile string) ([]querySet, error) {
	qs, err := readQueries(queryFile)
	if err != nil {
		return nil, err
	}
	sets := []querySet{{filepath.Base(queryFile), qs}}
	if readerFile == "" {
		return sets, nil
	}
	reader, err := readQueries(readerFile)
	if err != nil {
		return nil, err
	}
	tuning, heldOut := splitHeldOut(reader)
	name := filepath.Base(readerFile)
	return append(sets, querySet{name + ", tuning part", tuning}, querySet{name + ", held out", heldOut}), nil
}

// checkTargets reports the fitting pages of queries that the built site does not have: such a
// query could never be answered.
func checkTargets(site string, sets []querySet) error {
	var missing []string
	for _, set := range sets {
		for _, q := range set.queries {
			for _, r := range q.relevant {
				if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(r), "index.html")); err != nil {
					missing = append(missing, fmt.Sprintf("%q: %s", q.text, r))
				}
			}
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("pages the queries expect are not in the site:\n  %s", strings.Join(missing, "\n  "))
	}
	return nil
}

// splitHeldOut holds out every third query (the 3rd, 6th, …), decided before any result was seen.
func splitHeldOut(qs []query) (tuning, heldOut []query) {
	for i, q := range qs {
		if i%3 == 2 {
			heldOut = append(heldOut, q)
		} else {
			tuning = append(tuning, q)
		}
	}
	return tuning, heldOut
}

// measure runs the queries of set through every engine.
func measure(set querySet, engines []engine, verbose bool) ([]score, error) {
	scores := make([]score, len(engines))
	if verbose {
		fmt.Printf("%s:\n", set.name)
	}
	for _, q := range set.queries {
		line := fmt.Sprintf("%-40s", q.text)
		for i, e := range engines {
			urls, err := e.search(q.text)
			if err != nil {
				return nil, fmt.Errorf("%s, %q: %w", e.name, q.text, err)
			}
			rank := firstRelevant(urls, q.relevant)
			scores[i].add(rank)
			line += fmt.Sprintf("  %-10s %s", e.name, rankText(rank))
		}
		if verbose {
			fmt.Println(line)
		}
	}
	return scores, nil
}

type engine struct {
	name   string
	search func(string) ([]string, error)
}

// score sums the results of the queries.
type score struct {
	n, hits int
	rr      float64
}

// add counts one query whose first relevant page came at rank (1-based; 0 for none in the first
// ten).
func (s *score) add(rank int) {
	s.n++
	if rank > 0 && rank <= 5 {
		s.hits++
	}
	if rank > 0 && rank <= 10 {
		s.rr += 1 / float64(rank)
	}
}

func (s score) hitRate() float64 { return float64(s.hits) / float64(s.n) }
func (s score) mrr() float64     { return s.rr / float64(s.n) }

func rankText(rank int) string {
	if rank == 0 || rank > 10 {
		return "-"
	}
	return fmt.Sprint(rank)
}

// firstRelevant returns the 1-based rank of the first url that is relevant, or 0.
func firstRelevant(urls, relevant []string) int {
	for i, u := range urls {
		for _, r := range relevant {
			if u == r {
				return i + 1
			}
		}
	}
	return 0
}

func readQueries(path string) ([]query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var qs []query
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		text, pages, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(pages) == "" {
			return nil, fmt.Errorf("%s:%d: expected a query, a tab and the relevant pages", path, n)
		}
		qs = append(qs, query{text: strings.TrimSpace(text), relevant: strings.Fields(pages)})
	}
	return qs, sc.Err()
}

// runPagefind indexes the built site with Pagefind, installing it first when needed. Pagefind
// reads each page's <main>, as the site's own index reads only the content, not the header and
// footer every page shares.
func runPagefind(site string) error {
	dir := filepath.Join("bench", "zoeken", "pagefind")
	bin := filepath.Join(dir, "node_modules", ".bin", "pagefind")
	if _, err := os.Stat(bin); err != nil {
		install := exec.Command("npm", "ci", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error")
		install.Stdout, install.Stderr = os.Stderr, os.Stderr
		if err := install.Run(); err != nil {
			return fmt.Errorf("install Pagefind (npm ci --prefix %s): %w", dir, err)
		}
	}
	cmd := exec.Command(bin, "--site", site, "--root-selector", "main", "--silent")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pagefind: %w", err)
	}
	return nil
}

// tmpRoot prefers memory over the disk for the built site.
func tmpRoot() string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		return "/dev/shm"
	}
	return ""
}
