// Package readability says how easy a Dutch text is to read: the Flesch-Douma score, the
// sentences of more than 25 words and the long words. It helps editors who write for parents,
// young people and client councils to write plain language (B1, the level of Dutch government
// sites); its findings are notes, never errors.
//
//	r := readability.Report(body)
//	for _, line := range r.Notes() {
//		fmt.Println(line) // "Leesbaarheid: 64 (Flesch-Douma; …)", "Zin van 31 woorden …"
//	}
//
// Flesch-Douma is Flesch's reading ease with Douma's weights for Dutch (1960):
// 206.835 − 0.93 × (words per sentence) − 77 × (syllables per word). Higher is easier: 60 to 70
// is plain, the level most adults read without effort; below 50 is hard.
package readability

import (
	"strings"
	"unicode"

	"github.com/werkplaats-jeugd/kennisbank/generator/markdown"
)

// The limits the notes use.
const (
	Target              = 60 // the score plain texts should reach: about language level B1
	LongSentence        = 25 // a sentence of more words is long
	LongWordSyllables   = 4  // a word of this many syllables or more is long
	longSentenceExcerpt = 12 // words of a long sentence a note quotes
)

// sourceHeadings are the first words of the headings of lists of sources.
var sourceHeadings = map[string]bool{"bron": true, "bronnen": true, "literatuur": true, "publicaties": true, "referenties": true}

// Result is what Report found in a text.
type Result struct {
	Score         float64    // Flesch-Douma; 0 when the text has no sentences
	Words         int        // in running text (not headings, tables, code or the sources)
	Sentences     int        //
	Syllables     int        //
	LongSentences []Sentence // of more than LongSentence words, in order
	LongWords     []string   // the distinct words of LongWordSyllables or more, in order
	LongWordCount int        // how often long words occur
}

// Sentence is a long sentence: where it is and how long.
type Sentence struct {
	Line  int    // the line of its paragraph, 1-based within the body
	Words int    //
	Text  string // the sentence
}

// Report reads a Markdown body. It counts the running text: paragraphs and list items, not
// headings, tables or code, and not the lists of sources under a heading that starts with
// "Bron", "Bronnen", "Literatuur", "Publicaties" or "Referenties" (citations are not sentences). A paragraph or a list item ends a sentence, as do ., ! and ? before a
// word that begins with a capital letter or a digit, except after abbreviations ("bijv.", "o.a.")
// and initials ("M. A. H. Fleuren").
func Report(markdownBody string) Result {
	var r Result
	sourcesLevel := 0 // the level of a Bron heading whose section is being skipped
	for _, b := range markdown.Blocks([]byte(markdownBody)) {
		switch {
		case b.Heading > 0 && sourcesLevel > 0 && b.Heading > sourcesLevel:
			continue
		case b.Heading > 0:
			sourcesLevel = 0
			if first, _, _ := strings.Cut(strings.ToLower(b.Text), " "); sourceHeadings[first] {
				sourcesLevel = b.Heading
			}
			continue
		case sourcesLevel > 0 || b.Cell:
			continue
		}
		for _, s := range sentences(b.Text) {
			r.add(s, b.Line)
		}
	}
	if r.Words > 0 && r.Sentences > 0 {
		r.Score = 206.835 - 0.93*float64(r.Words)/float64(r.Sentences) - 77*float64(r.Syllables)/float64(r.Words)
	}
	return r
}

// add counts one sentence of the paragraph at line.
func (r *Result) add(sentence string, line int) {
	words := Words(sentence)
	if len(words) == 0 {
		return
	}
	r.Sentences++
	r.Words += len(words)
	for _, w := range words {
		n := Syllables(w)
		r.Syllables += n
		if n >= LongWordSyllables && !isNumber(w) {
			r.LongWordCount++
			if !contains(r.LongWords, strings.ToLower(w)) {
				r.LongWords = append(r.LongWords, strings.ToLower(w))
			}
		}
	}
	if len(words) > LongSentence {
		r.LongSentences = append(r.LongSentences, Sentence{Line: line, Words: len(words), Text: sentence})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Words splits text into words: runs of letters and digits, with the hyphens and apostrophes
// inside a word ("jeugd-ggz", "cliënt's") kept in it.
func Words(text string) []string {
	var out []string
	rs := []rune(text)
	start := -1
	for i := 0; i <= len(rs); i++ {
		inWord := i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]) ||
			start >= 0 && (rs[i] == '-' || rs[i] == '\'' || rs[i] == '’') && i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1])))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, string(rs[start:i]))
			start = -1
		}
	}
	return out
}
