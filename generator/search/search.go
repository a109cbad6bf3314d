// Package search builds the site's search index at build time. Each page's text is cut into
// folded words (package fold), stop words left out (package dutch); compound words also count
// for their parts (Split). For every term the index lists the pages it occurs in, with where it
// occurs: in the title, in the zoektermen (and other names), in the summary or in the body, as a
// whole word or as a part.
//
// The browser does the rest (assets/search/): it stems the terms with the same Dutch stemmer,
// splits query words with the same compound rule, and ranks. Two files are written: the full
// index for the zoeken/ page, and a small one of titles and zoektermen for the suggestions the
// header's search box shows while someone types, so that the first keystrokes fetch little.
package search

import (
	"crypto/sha256"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"

	"kennisbank/generator/dutch"
	"kennisbank/generator/fold"
)

// Where the two indexes land in the site.
const (
	Path        = "data/zoekindex.json"
	SuggestPath = "data/zoeksuggesties.json"
)

// Doc is one page to index.
type Doc struct {
	Title   string
	URL     string // relative to the site root
	Kind    string // what readers see beside the result: "Strategie"
	Summary string
	Terms   []string // the zoektermen, and other names readers search by (the English title)
	More    []string // more short text that says what the page is about (a question): weighs as the summary
	Text    string   // the body as plain text
	Notes   []string // more text that weighs as the body (the explanations of a page's links)
}

// The places a word can stand, from the one that says least about a page to the one that says
// most. A posting's value says where a term stands on a page, as bits: 1<<f for field f as a
// whole word, 1<<(4+f) as a part of a compound word, and in bits 8 and 9 how often it occurs in
// the body (0: once or never, 1: two or three times, 2: four to seven, 3: more), so that the most
// common value, once in the body, is 1.
const (
	fieldBody = iota
	fieldSummary
	fieldTerms
	fieldTitle
	fields
)

// counts says how often a word occurs in each field of a page, up to 255 (a posting tells no
// more than "eight or more").
type counts [fields]uint8

// pageWords is a page's words, in the order they first occur, with their counts: eight bytes a
// word, as a site holds those of all its pages at once.
type pageWords []wordCount

type wordCount struct {
	word  int32 // in the lexicon
	count counts
}

// lexicon numbers words, and keeps one copy of each.
type lexicon struct {
	ids   map[string]int32
	words []string
}

func newLexicon() *lexicon { return &lexicon{ids: map[string]int32{}} }

// add returns the number of w, and its copy; w may be in a buffer that is reused.
func (v *lexicon) add(w string) (int32, string) {
	if id, ok := v.ids[w]; ok {
		return id, v.words[id]
	}
	c := strings.Clone(w)
	id := int32(len(v.words))
	v.ids[c] = id
	v.words = append(v.words, c)
	return id, c
}

// analyzer cuts pages into words, numbered in its lexicon. It keeps scratch space it reuses
// from page to page. Use it from one goroutine.
type analyzer struct {
	lex *lexicon
	at  map[string]int // a word's place in the page being analyzed, -1 for one left out
}

func newAnalyzer(lex *lexicon) *analyzer {
	return &analyzer{lex: lex, at: map[string]int{}}
}

// analyze cuts a page's text into words and counts them per field.
func (a *analyzer) analyze(d Doc) pageWords {
	clear(a.at)
	var pw pageWords
	add := func(text string, f int) {
		fold.Each(text, func(w string) {
			i, ok := a.at[w]
			if !ok {
				id, c := a.lex.add(w)
				i = -1 // a stop word, or one letter: not indexed
				if len(c) >= 2 && !dutch.IsStopWord(c) {
					i = len(pw)
					pw = append(pw, wordCount{word: id})
				}
				a.at[c] = i
			}
			if i >= 0 && pw[i].count[f] < 255 {
				pw[i].count[f]++
			}
		})
	}
	add(d.Title, fieldTitle)
	for _, t := range d.Terms {
		add(t, fieldTerms)
	}
	add(d.Summary, fieldSummary)
	for _, t := range d.More {
		add(t, fieldSummary)
	}
	add(d.Text, fieldBody)
	for _, t := range d.Notes {
		add(t, fieldBody)
	}
	return pw
}

// Memo remembers the words of each page between builds, so that a rebuild only reads the text of
// pages that changed, and the stems of the words, which splitting compounds asks for again. It is
// safe for concurrent use.
type Memo struct {
	mu    sync.Mutex
	pages map[[32]byte]pageWords
	lex   *lexicon // numbers the words of pages, for as long as the memo keeps them
	stems stems
}

// NewMemo returns an empty memo.
func NewMemo() *Memo {
	return &Memo{pages: map[[32]byte]pageWords{}, lex: newLexicon(), stems: stems{}}
}

// stems remembers the stem of each word it was asked for (dutch.Stem is a pure function).
type stems map[string]string

func (s stems) of(word string) string {
	st, ok := s[word]
	if !ok {
		st = dutch.Stem(word)
		s[word] = st
	}
	return st
}

// Builder indexes pages one at a time, so that a caller can let go of each page's text once it
// is added: the words of a page take less room than its text. Use it from one goroutine.
type Builder struct {
	memo  *Memo // may be nil
	a     *analyzer
	docs  []Doc // without their texts
	pages []pageWords
	seen  map[[32]byte]bool // the pages of this build, in memo
}

// NewBuilder starts an index; memo may be nil.
func NewBuilder(memo *Memo) *Builder {
	if memo == nil {
		return &Builder{a: newAnalyzer(newLexicon())}
	}
	return &Builder{memo: memo, a: newAnalyzer(memo.lex), seen: map[[32]byte]bool{}}
}

// Add analyzes a page, or takes its words from the memo.
func (b *Builder) Add(d Doc) {
	b.docs = append(b.docs, Doc{Title: d.Title, URL: d.URL, Kind: d.Kind, Summary: d.Summary})
	if b.memo == nil {
		b.pages = append(b.pages, b.a.analyze(d))
		return
	}
	key := d.key()
	b.memo.mu.Lock()
	defer b.memo.mu.Unlock()
	b.seen[key] = true
	pw, ok := b.memo.pages[key]
	if !ok {
		pw = b.a.analyze(d)
		b.memo.pages[key] = pw
	}
	b.pages = append(b.pages, pw)
}

// Build indexes docs. memo may be nil.
func Build(docs []Doc, memo *Memo) *Index {
	b := NewBuilder(memo)
	for _, d := range docs {
		b.Add(d)
	}
	return b.Index()
}

func (d Doc) key() [32]byte {
	h := sha256.New()
	for _, s := range slices.Concat([]string{d.Title, d.Summary, d.Text}, d.Terms, []string{"\x01"}, d.More, []string{"\x02"}, d.Notes) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// Index is the search index of a set of pages, ready to be written as the two files.
type Index struct {
	docs  []Doc
	kinds []string
	terms []string // sorted
	lists [][]posting
}

// posting says where a term stands on one page. A site has one for every distinct word of every
// page: it is kept small.
type posting struct {
	doc          int32
	whole, parts uint8 // bit f: in field f as a whole word, as a part of a compound word
	count        uint8 // in the body, as either; 255 stands for more (value needs up to 8)
}

// value encodes the posting for the browser (see fieldBody).
func (p posting) value() int {
	bucket := 0
	switch {
	case p.count >= 8:
		bucket = 3
	case p.count >= 4:
		bucket = 2
	case p.count >= 2:
		bucket = 1
	}
	return int(p.whole) | int(p.parts)<<4 | bucket<<8
}

// Index returns the index of the pages added.
func (b *Builder) Index() *Index {
	idx := &Index{docs: b.docs}
	pages, lex := b.pages, b.a.lex
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
	parts := compoundParts(pages, lex, cache)
	number := map[string]int{}
	kindNo := map[string]int{}
	for _, d := range idx.docs {
		if _, ok := kindNo[d.Kind]; !ok {
			kindNo[d.Kind] = len(idx.kinds)
			idx.kinds = append(idx.kinds, d.Kind)
		}
	}
	var lists [][]posting
	add := func(doc int, term string, c counts, part bool) {
		n, ok := number[term]
		if !ok {
			n = len(idx.terms)
			number[term] = n
			idx.terms = append(idx.terms, term)
			lists = append(lists, nil)
		}
		if l := lists[n]; len(l) == 0 || l[len(l)-1].doc != int32(doc) {
			lists[n] = append(l, posting{doc: int32(doc)})
		}
		p := &lists[n][len(lists[n])-1]
		for f := range fields {
			if c[f] > 0 && part {
				p.parts |= 1 << f
			} else if c[f] > 0 {
				p.whole |= 1 << f
			}
		}
		p.count = uint8(min(int(p.count)+int(c[fieldBody]), 255))
	}
	for doc, pw := range pages {
		for _, wc := range pw {
			w := lex.words[wc.word]
			add(doc, w, wc.count, false)
			for _, p := range parts[w] {
				add(doc, p, wc.count, true)
			}
		}
	}
	order := make([]int, len(idx.terms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(idx.terms[a], idx.terms[b]) })
	terms := make([]string, len(order))
	idx.lists = make([][]posting, len(order))
	for i, n := range order {
		terms[i], idx.lists[i] = idx.terms[n], lists[n]
	}
	idx.terms = terms
	return idx
}

// compoundParts splits every word of the pages that is a compound by the rule of Split, against
// the pages' own words; a part that is a compound itself counts for its parts too.
func compoundParts(pages []pageWords, lex *lexicon, stem stems) map[string][]string {
	vocab := map[string]bool{}
	for _, pw := range pages {
		for _, wc := range pw {
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

// Full is the index for the zoeken/ page: every page with its summary, every term.
func (idx *Index) Full() ([]byte, error) {
	return idx.json(true, func(posting) bool { return true })
}

// Suggestions is the small index for the header's suggestions: titles and kinds, and the terms
// of the titles and zoektermen.
func (idx *Index) Suggestions() ([]byte, error) {
	const titleOrTerms = 1<<fieldTitle | 1<<fieldTerms
	return idx.json(false, func(p posting) bool { return (p.whole|p.parts)&titleOrTerms != 0 })
}

// docJSON is a page as the browser shows it in a result.
type docJSON struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Kind    int    `json:"k"` // index into kinds
	Summary string `json:"s,omitempty"`
}

// json writes an index with the postings keep accepts (and the terms it keeps any of). The postings, most of its bytes, are written directly: [doc, value, doc, value, …] with
// each doc as the difference from the one before, which gzip packs well.
func (idx *Index) json(summaries bool, keep func(posting) bool) ([]byte, error) {
	kindNo := map[string]int{}
	for i, k := range idx.kinds {
		kindNo[k] = i
	}
	head := struct {
		Stop  []string  `json:"stop"`
		Kinds []string  `json:"kinds"`
		Docs  []docJSON `json:"docs"`
		Terms []string  `json:"terms"`
	}{Stop: dutch.StopWords, Kinds: idx.kinds, Docs: make([]docJSON, len(idx.docs)), Terms: []string{}}
	for i, d := range idx.docs {
		head.Docs[i] = docJSON{Title: d.Title, URL: d.URL, Kind: kindNo[d.Kind]}
		if summaries {
			head.Docs[i].Summary = d.Summary
		}
	}
	total := 0
	for _, list := range idx.lists {
		total += len(list)
	}
	post := make([]byte, 0, 6*total) // about six bytes a posting: gaps are small, values too
	for i, list := range idx.lists {
		n := len(post)
		post = append(post, ",["...)
		prev, any := 0, false
		for _, p := range list {
			if !keep(p) {
				continue
			}
			if any {
				post = append(post, ',')
			}
			post = strconv.AppendInt(post, int64(int(p.doc)-prev), 10)
			post = append(post, ',')
			post = strconv.AppendInt(post, int64(p.value()), 10)
			prev, any = int(p.doc), true
		}
		if !any {
			post = post[:n]
			continue
		}
		post = append(post, ']')
		head.Terms = append(head.Terms, idx.terms[i])
	}
	h, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(h)+len(post)+len(`,"postings":[]}`))
	out = append(append(out, h[:len(h)-1]...), `,"postings":[`...)
	if len(post) > 0 {
		out = append(out, post[1:]...)
	}
	return append(out, "]}"...), nil
}
