package search

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/dutch"
)

// A posting's value, as the browser reads it (assets/search/index.ts), says how often the term
// occurs in each field, smallest field first so that the most common value, once in the body,
// is 1:
//
//	bits 0–2    body, as a class: 0, 1, 2, 3, 4–5, 6–8, 9–15, 16 or more times
//	bits 3–4    headings, 0 to 3 (3: three or more times)
//	bits 5–6    summary, likewise
//	bits 7–8    zoektermen, likewise
//	bits 9–10   title, likewise
//	bits 11–15  bit 11+f: in field f as a part of a compound word
const (
	bodyBits  = 3
	fieldBits = 2
	partShift = bodyBits + (fields-1)*fieldBits
)

// bodyClasses are the smallest counts of the body's classes 1 to 7.
var bodyClasses = [...]uint8{1, 2, 3, 4, 6, 9, 16}

// value encodes the posting for the browser.
func (p posting) value() int {
	v := 0
	for c, least := range bodyClasses {
		if p.tf[fieldBody] >= least {
			v = c + 1
		}
	}
	shift := bodyBits
	for f := fieldBody + 1; f < fields; f++ {
		v |= int(min(p.tf[f], 3)) << shift
		shift += fieldBits
	}
	return v | int(p.parts)<<partShift
}

// stemOf writes the stem s of a term for the browser, which would otherwise stem every term when
// it loads the index (a quarter of a second on a slow phone): the number of letters to take off
// the end of the term when the stem is the start of the term, which it mostly is, or else the
// stem itself.
func stemOf(term, s string) any {
	if strings.HasPrefix(term, s) {
		return len(term) - len(s)
	}
	return s
}

// docJSON is a page as the browser shows it in a result, and the lengths of its fields.
type docJSON struct {
	Title   string        `json:"t"`
	URL     string        `json:"u"`
	Kind    int           `json:"k"` // index into kinds
	Summary string        `json:"s,omitempty"`
	Lengths [fields]int32 `json:"n"` // words in each field: body, headings, summary, zoektermen, title
}

// JSON writes the index. The postings, most of its bytes, are written directly: per term a
// string "doc,value,doc,value,…" with each doc as the difference from the one before, which
// gzip packs well. A string, because the browser reads the postings of the few terms a query
// finds, not those of every term, when it loads the index.
func (idx *Index) JSON() ([]byte, error) {
	kindNo := map[string]int{}
	for i, k := range idx.kinds {
		kindNo[k] = i
	}
	head := struct {
		Stop  []string              `json:"stop"`
		Abbr  map[string][][]string `json:"abbr"` // a folded abbreviation → the stems of its full forms
		Kinds []string              `json:"kinds"`
		Docs  []docJSON             `json:"docs"`
		Terms []string              `json:"terms"`
		Stems []any                 `json:"stems"` // per term: see stemOf
	}{Stop: dutch.StopWords, Abbr: idx.abbr, Kinds: idx.kinds, Docs: make([]docJSON, len(idx.docs)), Terms: idx.terms, Stems: make([]any, len(idx.terms))}
	if head.Kinds == nil {
		head.Kinds = []string{}
	}
	if head.Terms == nil {
		head.Terms = []string{}
	}
	for i, t := range idx.terms {
		head.Stems[i] = stemOf(t, idx.stems[i])
	}
	for i, d := range idx.docs {
		head.Docs[i] = docJSON{Title: d.Title, URL: d.URL, Kind: kindNo[d.Kind], Summary: d.Summary, Lengths: idx.lengths[i]}
	}
	total := 0
	for _, list := range idx.lists {
		total += len(list)
	}
	post := make([]byte, 0, 6*total) // about six bytes a posting: gaps are small, values too
	for i, list := range idx.lists {
		if i > 0 {
			post = append(post, ',')
		}
		post = append(post, '"')
		prev := 0
		for j, p := range list {
			if j > 0 {
				post = append(post, ',')
			}
			post = strconv.AppendInt(post, int64(int(p.doc)-prev), 10)
			post = append(post, ',')
			post = strconv.AppendInt(post, int64(p.value()), 10)
			prev = int(p.doc)
		}
		post = append(post, '"')
	}
	h, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(h)+len(post)+len(`,"postings":[]}`))
	out = append(append(out, h[:len(h)-1]...), `,"postings":[`...)
	out = append(out, post...)
	return append(out, "]}"...), nil
}
