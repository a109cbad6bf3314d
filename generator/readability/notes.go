package readability

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end in a full stop that ends no sentence (in lower case).
var abbreviations = map[string]bool{
	"bijv.": true, "bv.": true, "o.a.": true, "e.a.": true, "d.w.z.": true, "m.a.w.": true, "enz.": true,
	"etc.": true, "zgn.": true, "z.d.": true, "ca.": true, "vs.": true, "dr.": true, "drs.": true, "mr.": true,
	"prof.": true, "ir.": true, "ing.": true, "nr.": true, "blz.": true, "p.": true, "pp.": true, "e.g.": true,
	"i.e.": true, "jl.": true, "resp.": true, "incl.": true, "excl.": true, "evt.": true, "mevr.": true,
	"dhr.": true, "st.": true, "m.b.t.": true, "t.a.v.": true, "i.p.v.": true, "n.a.v.": true, "o.b.v.": true,
	"t.o.v.": true, "a.s.": true, "ed.": true, "eds.": true, "vol.": true,
}

// sentences cuts the text of one paragraph into sentences.
func sentences(text string) []string {
	var out, current []string
	fields := strings.Fields(text)
	for i, f := range fields {
		current = append(current, f)
		if i+1 < len(fields) && endsSentence(f, fields[i+1]) {
			out = append(out, strings.Join(current, " "))
			current = nil
		}
	}
	if len(current) > 0 {
		out = append(out, strings.Join(current, " "))
	}
	return out
}

// endsSentence reports whether word ends a sentence, given the word after it.
func endsSentence(word, next string) bool {
	w := strings.TrimRight(word, `"'”’)*_»`)
	if !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, "!") && !strings.HasSuffix(w, "?") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(next, `"'“‘(*_«`))
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if !strings.HasSuffix(w, ".") {
		return true
	}
	w = strings.TrimLeft(w, `"'“‘(*_«`)
	if abbreviations[strings.ToLower(w)] {
		return false
	}
	letter := []rune(strings.TrimSuffix(w, "."))
	return len(letter) != 1 || !unicode.IsUpper(letter[0]) // an initial: "M." in "M. Fleuren"
}

// Note is one finding, in Dutch.
type Note struct {
	Line int // 1-based within the body; 0 for the text as a whole
	Text string
}

// Notes are the findings, for the CMS banner and the command line: the score (with the target,
// when the text has one: 0 for none), each long sentence, and the long words.
func (r Result) Notes(target float64) []Note {
	notes := []Note{{Text: r.scoreNote(target)}}
	for _, s := range r.LongSentences {
		notes = append(notes, Note{Line: s.Line, Text: fmt.Sprintf("zin van %d woorden (meer dan %d): “%s”", s.Words, LongSentence, excerpt(s.Text))})
	}
	if r.LongWordCount > 0 {
		shown := r.LongWords
		if len(shown) > 8 {
			shown = shown[:8]
		}
		more := ""
		if len(r.LongWords) > len(shown) {
			more = ", …"
		}
		notes = append(notes, Note{Text: fmt.Sprintf("%d lange woorden (%d of meer lettergrepen), %d%% van de woorden: %s%s",
			r.LongWordCount, LongWordSyllables, int(math.Round(100*float64(r.LongWordCount)/float64(r.Words))), strings.Join(shown, ", "), more)})
	}
	return notes
}

func (r Result) scoreNote(target float64) string {
	switch {
	case r.Sentences == 0:
		return "leesbaarheid: geen lopende tekst om te meten"
	case target == 0:
		return fmt.Sprintf("leesbaarheid %.0f (Flesch-Douma; %d of hoger is ongeveer taalniveau B1)", r.Score, Target)
	case r.Score < target:
		return fmt.Sprintf("leesbaarheid %.0f (Flesch-Douma), onder het doel van %.0f of hoger (ongeveer taalniveau B1): maak zinnen korter en kies kortere woorden", r.Score, target)
	}
	return fmt.Sprintf("leesbaarheid %.0f (Flesch-Douma), het doel is %.0f of hoger (ongeveer taalniveau B1)", r.Score, target)
}

// excerpt quotes the start of a long sentence.
func excerpt(s string) string {
	words := strings.Fields(s)
	if len(words) <= longSentenceExcerpt {
		return s
	}
	return strings.Join(words[:longSentenceExcerpt], " ") + " …"
}

// Page is the report of one content file, for `kennisbank check --leesbaarheid`.
type Page struct {
	File     string  // the path, as the editor knows it
	BodyLine int     // the line of the file where the body starts
	Target   float64 // the score its kind should reach; 0 when it has none
	Result
}

// Lines are the notes as file:line: text.
func (p Page) Lines() []string {
	var out []string
	for _, n := range p.Notes(p.Target) {
		if n.Line > 0 {
			out = append(out, fmt.Sprintf("%s:%d: %s", p.File, p.BodyLine+n.Line-1, n.Text))
		} else {
			out = append(out, fmt.Sprintf("%s: %s", p.File, n.Text))
		}
	}
	return out
}
