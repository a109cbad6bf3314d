package search

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"kennisbank/generator/content"
)

func TestDebugSplits(t *testing.T) {
	if os.Getenv("KB_SPLITS") == "" {
		t.Skip()
	}
	c, _ := content.Load("../..")
	var docs []Doc
	for _, spec := range content.Specs {
		for _, e := range spec.Entries(c) {
			it := e.Base()
			docs = append(docs, Doc{Title: it.Titel, Summary: it.Samenvatting, Text: string(it.Body)})
		}
	}
	parts := compoundParts(analyzeAll(docs, nil))
	var ws []string
	for w := range parts {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	for _, w := range ws {
		fmt.Println(w, parts[w])
	}
}
