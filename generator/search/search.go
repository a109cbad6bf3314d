// Package search builds the site's search index at build time: an inverted index from folded
// words (lower case, accents removed: "coördinatie" → "coordinatie") to the pages they occur in,
// weighted by where they occur. The browser loads it only when someone searches, and matches
// query words as prefixes against the sorted term list.
package search

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Path is where the index lands in the site.
const Path = "data/zoekindex.json"

// Doc is one page to index.
type Doc struct {
	Title    string
	URL      string // relative to the site root
	Kind     string // a group name readers see, e.g. "Strategieën"
	Summary  string
	Headings []string
	Text     string // the body as plain text
}

// Weights of the places a word can occur; a page's weight for a word is the sum over places.
const (
	weightTitle   = 8
	weightHeading = 4
	weightSummary = 2
	weightBody    = 1
)

// Index is the JSON document. Terms is sorted; Postings[i] lists pairs (doc, weight) for Terms[i].
type Index struct {
	Kinds    []string `json:"kinds"` // group order for results
	Docs     []IDoc   `json:"docs"`
	Terms    []string `json:"terms"`
	Postings [][]int  `json:"postings"`
}

// IDoc is what a result shows.
type IDoc struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Kind    int    `json:"k"` // index into Kinds
	Summary string `json:"s,omitempty"`
}

// Build indexes docs; kinds gives the order of the result groups.
func Build(docs []Doc, kinds []string) Index {
	idx := Index{Kinds: kinds, Docs: make([]IDoc, len(docs))}
	kindNo := map[string]int{}
	for i, k := range kinds {
		kindNo[k] = i
	}
	weights := map[string]map[int]int{}
	add := func(doc int, text string, w int) {
		seen := map[string]bool{}
		for _, t := range Terms(text) {
			if seen[t] {
				continue
			}
			seen[t] = true
			if weights[t] == nil {
				weights[t] = map[int]int{}
			}
			weights[t][doc] += w
		}
	}
	for i, d := range docs {
		idx.Docs[i] = IDoc{Title: d.Title, URL: d.URL, Kind: kindNo[d.Kind], Summary: d.Summary}
		add(i, d.Title, weightTitle)
		add(i, strings.Join(d.Headings, " "), weightHeading)
		add(i, d.Summary, weightSummary)
		add(i, d.Text, weightBody)
	}
	idx.Terms = make([]string, 0, len(weights))
	for t := range weights {
		idx.Terms = append(idx.Terms, t)
	}
	slices.Sort(idx.Terms)
	idx.Postings = make([][]int, len(idx.Terms))
	for i, t := range idx.Terms {
		docsOf := make([]int, 0, len(weights[t]))
		for d := range weights[t] {
			docsOf = append(docsOf, d)
		}
		slices.Sort(docsOf)
		p := make([]int, 0, 2*len(docsOf))
		for _, d := range docsOf {
			p = append(p, d, weights[t][d])
		}
		idx.Postings[i] = p
	}
	return idx
}

// JSON encodes the index.
func (idx Index) JSON() ([]byte, error) { return json.Marshal(idx) }

// Terms splits text into folded search terms: lower case, accents removed, runs of a–z and 0–9.
// The browser folds queries with the same rule (assets/_search.ts).
func Terms(text string) []string {
	folded := Fold(text)
	return strings.FieldsFunc(folded, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
}

// Fold lower-cases s and removes accents.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
