package search

import (
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/dutch"
	"github.com/werkplaats-jeugd/kennisbank/generator/fold"
)

// The fields a word can stand in, from the one that says least about a page to the one that
// says most. The browser weighs them (assets/search/rank.ts).
const (
	fieldBody = iota
	fieldHeadings
	fieldSummary // the summary, and more short text that says what the page is about
	fieldTerms   // the zoektermen, and other names readers search by
	fieldTitle
	fields
)

// counts says how often a word occurs in each field of a page, up to 255.
type counts [fields]uint8

// page is what the index keeps of a page between builds: its words in the order they first
// occur, with their counts (a site holds those of all its pages at once), and how many words
// each field has, for the ranking's length normalisation.
type page struct {
	words   []wordCount
	lengths [fields]int32
}

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
	lex    *lexicon
	ex     *expander      // nil without abbreviations
	at     map[string]int // a word's place in the page being analyzed, -1 for one left out
	recent []string       // the stems of the last words of the text being read, for ex
}

func newAnalyzer(lex *lexicon, ex *expander) *analyzer {
	return &analyzer{lex: lex, ex: ex, at: map[string]int{}}
}

// analyze cuts a page's text into words and counts them per field.
func (a *analyzer) analyze(d Doc) page {
	clear(a.at)
	var p page
	read := func(f int, texts ...string) {
		for _, text := range texts {
			a.recent = a.recent[:0]
			fold.Each(text, func(w string) {
				if a.count(&p, w, f) {
					p.lengths[f]++
				}
				a.expand(&p, w, f)
			})
		}
	}
	read(fieldTitle, d.Title)
	read(fieldTerms, d.Terms...)
	read(fieldSummary, d.Summary)
	read(fieldSummary, d.More...)
	read(fieldHeadings, d.Headings...)
	read(fieldBody, d.Text)
	read(fieldBody, d.Notes...)
	return p
}

// count counts w in field f, and reports whether it is indexed: stop words and single letters
// are not.
func (a *analyzer) count(p *page, w string, f int) bool {
	i, ok := a.at[w]
	if !ok {
		id, c := a.lex.add(w)
		i = -1
		if len(c) >= 2 && !dutch.IsStopWord(c) {
			i = len(p.words)
			p.words = append(p.words, wordCount{word: id})
		}
		a.at[c] = i
	}
	if i >= 0 && p.words[i].count[f] < 255 {
		p.words[i].count[f]++
	}
	return i >= 0
}

// expand counts, beside w, what the abbreviations add: the words an abbreviation stands for,
// and the abbreviation after the last word of what it stands for.
func (a *analyzer) expand(p *page, w string, f int) {
	if a.ex == nil {
		return
	}
	for _, long := range a.ex.longWords[w] {
		a.count(p, long, f)
	}
	s := a.ex.stemOf(w)
	if len(a.recent) == a.ex.longest {
		a.recent = append(a.recent[:0], a.recent[1:]...)
	}
	a.recent = append(a.recent, s)
	if s == "" {
		return
	}
	for _, ph := range a.ex.byLast[s] {
		if n := len(ph.stems); n <= len(a.recent) && equal(a.recent[len(a.recent)-n:], ph.stems) {
			a.count(p, ph.short, f)
		}
	}
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// Abbreviation is an abbreviation of the field and what it stands for: "LVB", "licht
// verstandelijke beperking". The index uses it both ways: a page that uses the abbreviation is
// also found by the words of its first full form, and a page that writes out any of its full
// forms (word for word, or with the same stems: "licht verstandelijk beperkte") is also found by
// the abbreviation.
type Abbreviation struct {
	Short string
	Long  []string
}

// expander holds the abbreviations as the analyzer reads them.
type expander struct {
	longWords map[string][]string // a folded abbreviation → the words of its first full form
	byLast    map[string][]phrase // the stem of a full form's last word → the full forms
	inPhrase  map[string]bool     // the stem keys of the words of every full form
	longest   int                 // the most words a full form has
	stems     map[string]string   // a word → its stem key when that is in a full form, else ""
}

// phrase is one full form, as the stems of its words, and its abbreviation.
type phrase struct {
	stems []string
	short string
}

func newExpander(abbr []Abbreviation) *expander {
	if len(abbr) == 0 {
		return nil
	}
	e := &expander{longWords: map[string][]string{}, byLast: map[string][]phrase{}, inPhrase: map[string]bool{}, stems: map[string]string{}}
	for _, ab := range abbr {
		words := fold.Words(ab.Short)
		if len(words) != 1 || len(ab.Long) == 0 {
			continue // package check reports it
		}
		short := words[0]
		e.longWords[short] = fold.Words(ab.Long[0])
		for _, long := range ab.Long {
			var stems []string
			for _, w := range fold.Words(long) {
				s := stemKey(w)
				stems = append(stems, s)
				e.inPhrase[s] = true
			}
			if len(stems) == 0 {
				continue
			}
			last := stems[len(stems)-1]
			e.byLast[last] = append(e.byLast[last], phrase{stems: stems, short: short})
			e.longest = max(e.longest, len(stems))
		}
	}
	return e
}

// stemOf returns the stem key of w when it is in a full form, else "".
func (e *expander) stemOf(w string) string {
	s, ok := e.stems[w]
	if !ok {
		s = stemKey(w)
		if !e.inPhrase[s] {
			s = ""
		}
		e.stems[strings.Clone(w)] = s
	}
	return s
}
