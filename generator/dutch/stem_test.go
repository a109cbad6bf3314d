package dutch

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"testing"
)

// snowballVocabulary reads Snowball's test data for Dutch: every word of its vocabulary with the
// stem Snowball's own implementation gives it. From github.com/snowballstem/snowball-data,
// dutch/voc.txt and dutch/output.txt at ba91f32 (BSD licence: testdata/COPYING.snowball-data).
func snowballVocabulary(t testing.TB) (words, stems []string) {
	f, err := os.Open("testdata/snowball-dutch.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(z)
	for sc.Scan() {
		word, stem, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("bad line %q", sc.Text())
		}
		words, stems = append(words, word), append(stems, stem)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(words) < 45000 {
		t.Fatalf("only %d words in Snowball's vocabulary", len(words))
	}
	return words, stems
}

func TestStemGivesSnowballsOutput(t *testing.T) {
	words, stems := snowballVocabulary(t)
	bad := 0
	for i, w := range words {
		if got := Stem(w); got != stems[i] {
			if bad++; bad <= 30 {
				t.Errorf("Stem(%q) = %q, Snowball gives %q", w, got, stems[i])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d words stem differently from Snowball", bad, len(words))
	}
}

func TestStemConflatesTheFormsReadersType(t *testing.T) {
	for _, group := range [][]string{
		{"herinneringen", "herinneren", "herinnering", "herinnerde"},
		{"implementatie", "implementeren"},
		{"betrekken", "betrekking", "betrekt"},
		{"trainingen", "training"},
		{"regels", "regel"},
		{"cliënten", "cliënt"},
	} {
		want := Stem(group[0])
		for _, w := range group[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, but Stem(%q) = %q", w, got, group[0], want)
			}
		}
	}
}
