// Package search builds the site's search index at build time: an inverted index from folded
// words (lower case, accents removed: "coördinatie" → "coordinatie") to the pages they occur in,
// weighted by where they occur. The browser loads it only when someone searches, and matches
// query words as prefixes against the sorted term list.
package search

import (
	"crypto/sha256"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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

// Memo remembers the weighted terms of each document between builds, so that a rebuild only
// folds the text of pages that changed. Use one Memo from one goroutine at a time.
type Memo struct {
	terms map[[32]byte]map[string]int
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{terms: map[[32]byte]map[string]int{}} }

// Build indexes docs; kinds gives the order of the result groups. memo may be nil.
func Build(docs []Doc, kinds []string, memo *Memo) Index {
	idx := Index{Kinds: kinds, Docs: make([]IDoc, len(docs))}
	kindNo := map[string]int{}
	for i, k := range kinds {
		kindNo[k] = i
	}
	postings := map[string][]int{} // term → pairs (doc, weight), in the order of docs
	var seen map[[32]byte]bool
	if memo != nil {
		seen = map[[32]byte]bool{}
	}
	for i, d := range docs {
		idx.Docs[i] = IDoc{Title: d.Title, URL: d.URL, Kind: kindNo[d.Kind], Summary: d.Summary}
		var terms map[string]int
		if memo != nil {
			key := d.key()
			seen[key] = true
			if terms = memo.terms[key]; terms == nil {
				terms = d.terms()
				memo.terms[key] = terms
			}
		} else {
			terms = d.terms()
		}
		for t, w := range terms {
			postings[t] = append(postings[t], i, w)
		}
	}
	if memo != nil {
		for k := range memo.terms {
			if !seen[k] {
				delete(memo.terms, k) // a page that changed or went away
			}
		}
	}
	idx.Terms = make([]string, 0, len(postings))
	for t := range postings {
		idx.Terms = append(idx.Terms, t)
	}
	slices.Sort(idx.Terms)
	idx.Postings = make([][]int, len(idx.Terms))
	for i, t := range idx.Terms {
		idx.Postings[i] = postings[t]
	}
	return idx
}

// terms returns the document's terms, each with the sum of the weights of the places it is in.
func (d Doc) terms() map[string]int {
	out := map[string]int{}
	seen := map[string]bool{}
	add := func(text string, w int) {
		clear(seen)
		eachTerm(Fold(text), func(t string) {
			if !seen[t] {
				seen[t] = true
				out[t] += w
			}
		})
	}
	add(d.Title, weightTitle)
	add(strings.Join(d.Headings, " "), weightHeading)
	add(d.Summary, weightSummary)
	add(d.Text, weightBody)
	return out
}

func (d Doc) key() [32]byte {
	h := sha256.New()
	for _, s := range append([]string{d.Title, d.Summary, d.Text}, d.Headings...) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// JSON encodes the index.
func (idx Index) JSON() ([]byte, error) { return json.Marshal(idx) }

// Terms splits text into folded search terms: lower case, accents removed, runs of a–z and 0–9.
// The browser folds queries with the same rule (assets/_search.ts).
func Terms(text string) []string {
	folded := Fold(text)
	return strings.FieldsFunc(folded, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
}

// eachTerm calls f for every run of a–z and 0–9 in folded text, as Terms splits it.
func eachTerm(folded string, f func(string)) {
	start := -1
	for i := 0; i <= len(folded); i++ {
		if i < len(folded) && (folded[i] >= 'a' && folded[i] <= 'z' || folded[i] >= '0' && folded[i] <= '9') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(folded[start:i])
			start = -1
		}
	}
}

// Fold lower-cases s (valid UTF-8) and removes accents: it decomposes s (NFD), drops the combining marks and
// lower-cases what is left. Runs of ASCII, which decomposition leaves alone, skip the Unicode
// tables; decomposing the rest run by run gives the same result, because no decomposition or
// reordering reaches across an ASCII character.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		i := 0
		for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
		s = s[i:]
		i = 0
		for i < len(s) && s[i] >= utf8.RuneSelf {
			i++
		}
		for _, r := range norm.NFD.String(s[:i]) {
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		}
		s = s[i:]
	}
	return b.String()
}
