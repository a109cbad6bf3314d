package generator

import (
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/parallel"
	"github.com/werkplaats-jeugd/kennisbank/generator/readability"
)

// Readability says how easy the text of every published item is to read (package readability),
// for `kennisbank check --leesbaarheid`: notes, never problems. Items of a kind whose texts are
// for everyone (Plain in the content model: factsheets, news, learning networks) are held to
// readability.Target. Files that do not load are left out; check reports them.
func Readability(opts Options) []readability.Page {
	_, built, _ := load(opts)
	var items []*content.Item
	var targets []float64
	for _, spec := range content.Specs {
		for _, e := range spec.Entries(built) {
			items = append(items, e.Base())
			targets = append(targets, map[bool]float64{true: readability.Target}[spec.Plain])
		}
	}
	pages := make([]readability.Page, len(items))
	parallel.For(len(items), func(i int) {
		it := items[i]
		pages[i] = readability.Page{File: it.File, BodyLine: it.BodyLine, Target: targets[i], Result: readability.Report(string(it.Body))}
	})
	return pages
}
