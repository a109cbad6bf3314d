// Package search builds the site's search index at build time: an inverted index from folded
// words (lower case, accents removed: "coördinatie" → "coordinatie") to the pages they occur in,
// weighted by where they occur. The browser loads it only when someone searches, and matches
// query words as prefixes against the sorted term list.
package search

import (
	"crypto/sha256"
	"encoding/json"
	"slices"
	"strconv"
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

// Weights of the places a word can occur. Each is a power of two, so that a page's weight for a
// word, the sum over the places it occurs in, is the OR of their weights.
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
	terms map[[32]byte][]weighted
}

type weighted struct {
	term   string
	weight int
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{terms: map[[32]byte][]weighted{}} }

// Build indexes docs; kinds gives the order of the result groups. memo may be nil.
func Build(docs []Doc, kinds []string, memo *Memo) Index {
	idx := Index{Kinds: kinds, Docs: make([]IDoc, len(docs))}
	kindNo := map[string]int{}
	for i, k := range kinds {
		kindNo[k] = i
	}
	var p postings
	p.number = map[string]int{}
	var seen map[[32]byte]bool
	if memo != nil {
		seen = map[[32]byte]bool{}
	}
	for i, d := range docs {
		idx.Docs[i] = IDoc{Title: d.Title, URL: d.URL, Kind: kindNo[d.Kind], Summary: d.Summary}
		if memo == nil {
			d.eachTerm(func(t string, w int) { p.add(i, t, w) })
			continue
		}
		key := d.key()
		seen[key] = true
		terms, ok := memo.terms[key]
		if !ok {
			terms = d.weighted()
			memo.terms[key] = terms
		}
		for _, t := range terms {
			p.add(i, t.term, t.weight)
		}
	}
	if memo != nil {
		for k := range memo.terms {
			if !seen[k] {
				delete(memo.terms, k) // a page that changed or went away
			}
		}
	}
	order := make([]int, len(p.terms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(p.terms[a], p.terms[b]) })
	idx.Terms = make([]string, len(order))
	idx.Postings = make([][]int, len(order))
	for i, n := range order {
		idx.Terms[i], idx.Postings[i] = p.terms[n], p.lists[n]
	}
	return idx
}

// postings collects, per term, pairs (doc, weight) in the order of the docs.
type postings struct {
	number map[string]int // term → its position in terms
	terms  []string
	lists  [][]int
	last   []int // per term, 1 + the last doc added to its list
}

// add records that term occurs in doc with weight; a term already recorded for the doc gets the
// weight ORed into its pair.
func (p *postings) add(doc int, term string, weight int) {
	n, ok := p.number[term]
	if !ok {
		term = strings.Clone(term) // not the whole folded text it was cut from
		n = len(p.terms)
		p.number[term] = n
		p.terms = append(p.terms, term)
		p.lists = append(p.lists, nil)
		p.last = append(p.last, 0)
	}
	if p.last[n] == doc+1 {
		p.lists[n][len(p.lists[n])-1] |= weight
		return
	}
	p.last[n] = doc + 1
	p.lists[n] = append(p.lists[n], doc, weight)
}

// eachTerm calls f for every term of the document with the weight of the place it is in.
func (d Doc) eachTerm(f func(term string, weight int)) {
	place := func(text string, w int) { eachTerm(Fold(text), func(t string) { f(t, w) }) }
	place(d.Title, weightTitle)
	for _, h := range d.Headings {
		place(h, weightHeading)
	}
	place(d.Summary, weightSummary)
	place(d.Text, weightBody)
}

// weighted returns the document's terms, each once with its weight.
func (d Doc) weighted() []weighted {
	at := map[string]int{}
	var out []weighted
	d.eachTerm(func(t string, w int) {
		if i, ok := at[t]; ok {
			out[i].weight |= w
			return
		}
		at[t] = len(out)
		out = append(out, weighted{strings.Clone(t), w})
	})
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

// JSON encodes the index. The postings, most of its bytes, are written directly: they are only
// numbers, and encoding/json takes several times as long over them.
func (idx Index) JSON() ([]byte, error) {
	head, err := json.Marshal(struct {
		Kinds []string `json:"kinds"`
		Docs  []IDoc   `json:"docs"`
		Terms []string `json:"terms"`
	}{idx.Kinds, idx.Docs, idx.Terms})
	if err != nil {
		return nil, err
	}
	out := append(head[:len(head)-1], `,"postings":`...)
	if idx.Postings == nil {
		return append(out, "null}"...), nil
	}
	out = append(out, '[')
	for i, list := range idx.Postings {
		if i > 0 {
			out = append(out, ',')
		}
		if list == nil {
			out = append(out, "null"...)
			continue
		}
		out = append(out, '[')
		for j, n := range list {
			if j > 0 {
				out = append(out, ',')
			}
			out = strconv.AppendInt(out, int64(n), 10)
		}
		out = append(out, ']')
	}
	return append(out, "]}"...), nil
}

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
// reordering reaches across an ASCII character. Runs of Latin letters with accents (ë, é, ï:
// U+0080 to U+017F) are looked up letter by letter: each of these is a starter, so no reordering
// reaches across it either.
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
		latin := true
		for i < len(s) && s[i] >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			latin = latin && r < latinEnd
			i += n
		}
		if latin {
			for _, r := range s[:i] {
				b.WriteString(latinFolds[r-utf8.RuneSelf])
			}
		} else {
			foldRun(&b, s[:i])
		}
		s = s[i:]
	}
	return b.String()
}

// latinEnd ends the runes whose folds are kept in latinFolds, from utf8.RuneSelf on.
const latinEnd = 0x180

var latinFolds = func() []string {
	out := make([]string, latinEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < latinEnd; r++ {
		var b strings.Builder
		foldRun(&b, string(r))
		out[r-utf8.RuneSelf] = b.String()
	}
	return out
}()

// foldRun writes the fold of s: decomposed, without combining marks, in lower case.
func foldRun(b *strings.Builder, s string) {
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
}
