package readability

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// Syllables as a Dutch dictionary splits the words (Van Dale's hyphenation): diphthongs and long
// vowels are one sound, a diaeresis starts a new one, vowels that meet are two.
func TestSyllables(t *testing.T) {
	cases := map[string]int{
		"de": 1, "huis": 1, "je": 1, "jeugdzorg": 2, "uitvoerder": 3, "leernetwerk": 3, "bijeenkomst": 3,
		"nieuw": 1, "eeuw": 1, "mooi": 1, "haai": 1, "moeite": 2, "ouder": 2, "auto": 2, "zee": 1, "baby": 2,
		"sociaal": 3, "video": 3, "ideaal": 3, "januari": 4, "informatie": 4, "organisatie": 5,
		"coördinator": 5, "financiële": 5, "knieën": 2, "ruïne": 3, "België": 3, "geïnteresseerd": 5,
		"één": 1, "café": 2, "implementatiestrategie": 8, "jeugd-ggz": 4, "JGZ": 3, "2024": 4, "7": 1,
		"trainen": 2, "Werkplaats": 2, "ervaringsdeskundigen": 7, "collega's": 3, "regio's": 3, "baby's": 2,
	}
	for word, want := range cases {
		if got := Syllables(word); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", word, got, want)
		}
	}
}

// A sentence ends at ., ! or ? before a capital or a digit, not after an abbreviation or an
// initial; a paragraph or list item always ends one.
func TestSentences(t *testing.T) {
	text := `Zie bijv. de site van het NJi. Daarna volgt het werk van M. A. H. Fleuren e.a. uit 2014. Klaar! Of niet? 2024 was druk. Dat kost o.a. Tijd.`
	want := []string{"Zie bijv. de site van het NJi.", "Daarna volgt het werk van M. A. H. Fleuren e.a. uit 2014.", "Klaar!", "Of niet?", "2024 was druk.", "Dat kost o.a. Tijd."}
	if got := sentences(text); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
	if got := Words("De jeugd-ggz en de cliënt's ouders, in 2020-2024: 56%."); fmt.Sprint(got) != "[De jeugd-ggz en de cliënt's ouders in 2020-2024 56]" {
		t.Errorf("Words: %q", got)
	}
}

// Report counts only running text (not headings, tables, code, or the sources), computes
// Flesch-Douma from the counts, and finds the long sentences with their lines and the long words.
func TestReport(t *testing.T) {
	long := strings.Repeat("We gaan met de groep ", 5) + "verder." // 26 words
	body := "## Wat is het\n\nDe ouders praten mee. De groep luistert goed.\n\n" +
		"| kop | cel |\n| --- | --- |\n| organisatie | implementatie |\n\n" +
		"- Een lijst met drie punten\n- Nog een punt\n\n```\ncode die niet telt\n```\n\n" + long + "\n\n" +
		"De coördinator regelt de informatie.\n\n## Bronnen\n\n- Fleuren, M. A. H. (2014). Determinanten van innovaties. TNO.\n" +
		"\n## Publicaties in het plan\n\n- Kuiper, C. (2018). Actieonderzoek als leidraad om te transformeren? Tijdschrift voor Gezondheidswetenschappen.\n"
	r := Report(body)
	// Sentences: "De ouders praten mee." 4 words, 1+2+2+1 syllables; "De groep luistert goed."
	// 4 words, 1+1+2+1; "Een lijst met drie punten" 5, 6; "Nog een punt" 3, 3; the long one 26,
	// 25 + 2 (verder); "De coördinator regelt de informatie." 5 words, 1+5+2+1+4 = 13.
	words, sentences, syllables := 4+4+5+3+26+5, 6, 6+5+6+3+27+13
	if r.Words != words || r.Sentences != sentences || r.Syllables != syllables {
		t.Fatalf("counted %d words, %d sentences, %d syllables; want %d, %d, %d", r.Words, r.Sentences, r.Syllables, words, sentences, syllables)
	}
	want := 206.835 - 0.93*float64(words)/float64(sentences) - 77*float64(syllables)/float64(words)
	if math.Abs(r.Score-want) > 1e-9 {
		t.Errorf("score %.3f, want %.3f", r.Score, want)
	}
	if len(r.LongSentences) != 1 || r.LongSentences[0].Line != 16 || r.LongSentences[0].Words != 26 {
		t.Errorf("long sentences: %+v (want one of 26 words at line 16)", r.LongSentences)
	}
	if fmt.Sprint(r.LongWords) != "[coördinator informatie]" || r.LongWordCount != 2 {
		t.Errorf("long words %v (%d), want coördinator and informatie", r.LongWords, r.LongWordCount)
	}
}

// The notes are Dutch, say the target when the text has one, and quote a long sentence's start.
func TestNotes(t *testing.T) {
	hard := Report("De implementatiestrategie van de organisatie vereist coördinatie en evaluatie. " +
		strings.Repeat("Een heel lange zin ", 7) + "hier.")
	notes := hard.Notes(Target)
	if len(notes) != 3 || !strings.Contains(notes[0].Text, "onder het doel van 60 of hoger") ||
		!strings.HasPrefix(notes[1].Text, "zin van 29 woorden (meer dan 25): “Een heel lange zin Een heel lange zin Een heel lange zin …”") ||
		!strings.HasPrefix(notes[2].Text, "4 lange woorden (4 of meer lettergrepen), 11% van de woorden: implementatiestrategie, organisatie, coördinatie, evaluatie") {
		t.Errorf("notes: %+v", notes)
	}
	easy := Report("Je leest dit goed. Het is kort.")
	if n := easy.Notes(Target); len(n) != 1 || !strings.Contains(n[0].Text, "het doel is 60 of hoger") {
		t.Errorf("easy text: %+v (score %.0f)", n, easy.Score)
	}
	if n := easy.Notes(0); strings.Contains(n[0].Text, "doel") {
		t.Errorf("a text without a target: %+v", n)
	}
	page := Page{File: "content/nieuws/x.md", BodyLine: 6, Target: Target, Result: hard}
	if lines := page.Lines(); !strings.HasPrefix(lines[0], "content/nieuws/x.md: leesbaarheid ") || !strings.HasPrefix(lines[1], "content/nieuws/x.md:6: zin van 29 woorden") {
		t.Errorf("lines: %q", lines)
	}
}
