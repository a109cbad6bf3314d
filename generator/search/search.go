// Package search builds the site's search index at build time. Each page's text is cut into
// folded words (package fold), stop words left out (package dutch); compound words also count
// for their parts (Split), and the field's abbreviations for what they stand for and the other
// way round (Abbreviation). For every term the index lists the pages it occurs in, with how
// often it occurs in each field (title, zoektermen, summary, headings, body) as a whole word,
// and in which fields as a part of a compound word; for every page it gives how many words each
// field has.
//
// The browser does the rest (assets/search/): it stems the terms with the same Dutch stemmer,
// splits query words with the same compound rule, reads a full form of an abbreviation in a
// query as the abbreviation, and ranks. The header's suggestions and the
// zoeken/ page read the same index with the same ranking, so they give the same order.
package search

import (
	"crypto/sha256"
	"slices"
	"strings"
	"sync"

	"github.com/werkplaats-jeugd/kennisbank/generator/dutch"
	"github.com/werkplaats-jeugd/kennisbank/generator/fold"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// Path is where the index lands in the site.
const Path = reserved.Data + "/zoekindex.json"

// Doc is one page to index.
type Doc struct {
	Title    string
	URL      string // relative to the site root
	Kind     string // what readers see beside the result: "Strategie"
	Summary  string
	Terms    []string // the zoektermen, and other names readers search by (the English title)
	More     []string // more short text that says what the page is about (a question): weighs as the summary
	Headings []string // the headings of the body
	Text     string   // the body as plain text
	Notes    []string // more text that weighs as the body (the explanations of a page's links)
}

// Memo remembers the words of each page between builds, so that a rebuild only reads the text of
// pages that changed, and the stems of the words, which splitting compounds asks for again. It is
// safe for concurrent use.
type Memo struct {
	mu    sync.Mutex
	pages map[[32]byte]page
	lex   *lexicon // numbers the words of pages, for as long as the memo keeps them
	stems stems
}

// NewMemo returns an empty memo.
func NewMemo() *Memo {
	return &Memo{pages: map[[32]byte]page{}, lex: newLexicon(), stems: stems{}}
}

// stems remembers the stem key of each word it was asked for (stemKey is a pure function).
type stems map[string]string

func (s stems) of(word string) string {
	st, ok := s[word]
	if !ok {
		st = stemKey(word)
		s[word] = st
	}
	return st
}

// stemKey is what the search compares when it compares words by their stems: the stem
// (package dutch), with its doubled vowels written single. The stemmer lengthens a vowel when it
// takes an ending off ("coordinatoren" → "coordinatoor") and keeps a doubled one in some forms
// ("evalueert" → "evalueer", "evalueren" → "evaluer"), so that two forms of one word can have
// stems that differ only there. assets/search/index.ts (stemKey) does the same.
func stemKey(word string) string {
	s := dutch.Stem(word)
	var b []byte
	for i := 0; i < len(s); i++ {
		if i+1 < len(s) && s[i] == s[i+1] && strings.IndexByte("aeou", s[i]) >= 0 {
			if b == nil {
				b = append(make([]byte, 0, len(s)), s[:i]...)
			}
			b = append(b, s[i])
			i++
			continue
		}
		if b != nil {
			b = append(b, s[i])
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// Builder indexes pages one at a time, so that a caller can let go of each page's text once it
// is added: the words of a page take less room than its text. Use it from one goroutine.
type Builder struct {
	memo  *Memo // may be nil
	a     *analyzer
	abbr  []Abbreviation
	salt  []byte // what decides a page's words besides its text: the abbreviations
	docs  []Doc  // without their texts
	pages []page
	seen  map[[32]byte]bool // the pages of this build, in memo
}

// NewBuilder starts an index of pages that use the abbreviations abbr; memo may be nil.
func NewBuilder(memo *Memo, abbr []Abbreviation) *Builder {
	h := sha256.New()
	for _, ab := range abbr {
		h.Write([]byte(strings.Join(append([]string{ab.Short}, ab.Long...), "\x00") + "\x01"))
	}
	ex := newExpander(abbr)
	if memo == nil {
		return &Builder{a: newAnalyzer(newLexicon(), ex), abbr: abbr, salt: h.Sum(nil)}
	}
	return &Builder{memo: memo, a: newAnalyzer(memo.lex, ex), abbr: abbr, salt: h.Sum(nil), seen: map[[32]byte]bool{}}
}

// Add analyzes a page, or takes its words from the memo.
func (b *Builder) Add(d Doc) {
	b.docs = append(b.docs, Doc{Title: d.Title, URL: d.URL, Kind: d.Kind, Summary: d.Summary})
	if b.memo == nil {
		b.pages = append(b.pages, b.a.analyze(d))
		return
	}
	key := d.key(b.salt)
	b.memo.mu.Lock()
	defer b.memo.mu.Unlock()
	b.seen[key] = true
	p, ok := b.memo.pages[key]
	if !ok {
		p = b.a.analyze(d)
		b.memo.pages[key] = p
	}
	b.pages = append(b.pages, p)
}

// Build indexes docs, which use the abbreviations abbr. memo may be nil.
func Build(docs []Doc, abbr []Abbreviation, memo *Memo) *Index {
	b := NewBuilder(memo, abbr)
	for _, d := range docs {
		b.Add(d)
	}
	return b.Index()
}

func (d Doc) key(salt []byte) [32]byte {
	h := sha256.New()
	h.Write(salt)
	parts := slices.Concat([]string{d.Title, d.Summary, d.Text}, d.Terms, []string{"\x01"}, d.More, []string{"\x02"}, d.Notes, []string{"\x03"}, d.Headings)
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// Index is the search index of a set of pages, ready to be written.
type Index struct {
	abbr    map[string][][]string // a folded abbreviation → its full forms, as the stems of their words
	docs    []Doc
	lengths [][fields]int32 // per doc
	kinds   []string
	terms   []string // sorted
	stems   []string // the stem key of each term
	lists   [][]posting
}

// posting says where a term stands on one page. A site has one for every distinct word of every
// page: it is kept small.
type posting struct {
	doc   int32
	tf    counts // how often the term occurs in each field as a whole word
	parts uint8  // bit f: in field f as a part of a compound word
}

// Index returns the index of the pages added.
func (b *Builder) Index() *Index {
	idx := &Index{docs: b.docs, abbr: map[string][][]string{}}
	cache := stems{}
	if b.memo != nil {
		b.memo.mu.Lock()
		defer b.memo.mu.Unlock()
		for k := range b.memo.pages {
			if !b.seen[k] {
				delete(b.memo.pages, k) // a page that changed or went away
			}
		}
		cache = b.memo.stems
	}
	for _, ab := range b.abbr {
		if w := fold.Words(ab.Short); len(w) == 1 {
			for _, long := range ab.Long {
				var st []string
				for _, lw := range fold.Words(long) {
					st = append(st, cache.of(lw))
				}
				idx.abbr[w[0]] = append(idx.abbr[w[0]], st)
			}
		}
	}
	kindNo := map[string]bool{}
	for i, d := range idx.docs {
		if !kindNo[d.Kind] {
			kindNo[d.Kind] = true
			idx.kinds = append(idx.kinds, d.Kind)
		}
		idx.lengths = append(idx.lengths, b.pages[i].lengths)
	}
	terms, lists := postings(b.pages, b.a.lex, compoundParts(b.pages, b.a.lex, cache))
	order := make([]int, len(terms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(terms[a], terms[b]) })
	idx.terms = make([]string, len(order))
	idx.lists = make([][]posting, len(order))
	idx.stems = make([]string, len(order))
	for i, n := range order {
		idx.terms[i], idx.lists[i], idx.stems[i] = terms[n], lists[n], cache.of(terms[n])
	}
	return idx
}

// postings lists, for every word of the pages and every part of their compound words, the
// pages it is on, in the order of the pages; terms come in the order they are first met.
func postings(pages []page, lex *lexicon, parts map[string][]string) ([]string, [][]posting) {
	var terms []string
	var lists [][]posting
	number := map[string]int{}
	add := func(doc int, term string, c counts, part bool) {
		n, ok := number[term]
		if !ok {
			n = len(terms)
			number[term] = n
			terms = append(terms, term)
			lists = append(lists, nil)
		}
		if l := lists[n]; len(l) == 0 || l[len(l)-1].doc != int32(doc) {
			lists[n] = append(l, posting{doc: int32(doc)})
		}
		p := &lists[n][len(lists[n])-1]
		for f := range fields {
			switch {
			case c[f] == 0:
			case part:
				p.parts |= 1 << f
			default:
				p.tf[f] = uint8(min(int(p.tf[f])+int(c[f]), 255))
			}
		}
	}
	for doc, pg := range pages {
		for _, wc := range pg.words {
			w := lex.words[wc.word]
			add(doc, w, wc.count, false)
			for _, p := range parts[w] {
				add(doc, p, wc.count, true)
			}
		}
	}
	return terms, lists
}

// compoundParts splits every word of the pages that is a compound by the rule of Split, against
// the pages' own words; a part that is a compound itself counts for its parts too.
func compoundParts(pages []page, lex *lexicon, stem stems) map[string][]string {
	vocab := map[string]bool{}
	for _, pg := range pages {
		for _, wc := range pg.words {
			vocab[lex.words[wc.word]] = true
		}
	}
	stemmed := make(map[string]bool, len(vocab))
	for w := range vocab {
		stemmed[stem.of(w)] = true
	}
	known := func(w string) bool { return vocab[w] }
	knownStem := func(w string) bool { return stemmed[stem.of(w)] }
	parts := map[string][]string{}
	var all func(w string, into []string) []string
	all = func(w string, into []string) []string {
		for _, p := range Split(w, known, knownStem) {
			if !slices.Contains(into, p) {
				into = all(p, append(into, p))
			}
		}
		return into
	}
	for w := range vocab {
		if p := all(w, nil); p != nil {
			parts[w] = p
		}
	}
	return parts
}
