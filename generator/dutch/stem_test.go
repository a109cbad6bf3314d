package dutch

import (
	"sync"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/snowballdata"
)

// snowballVocabulary reads Snowball's Dutch words and their stems (package snowball).
func snowballVocabulary(t testing.TB) (words, stems []string) {
	words, stems, err := snowballdata.Vocabulary("../..")
	if err != nil {
		t.Fatal(err)
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

// Stem is called from the build's goroutines at once: each call has its own machine (run with
// -race).
func TestStemConcurrently(t *testing.T) {
	words, stems := snowballVocabulary(t)
	var wg sync.WaitGroup
	bad := make([]int, 4)
	for g := range bad {
		wg.Go(func() {
			for i := g; i < len(words); i += 7 {
				if Stem(words[i]) != stems[i] {
					bad[g]++
				}
			}
		})
	}
	wg.Wait()
	for g, n := range bad {
		if n > 0 {
			t.Errorf("goroutine %d: %d words stem differently from Snowball", g, n)
		}
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

// BenchmarkStem stems Snowball's whole Dutch vocabulary (45,670 words) once per operation, as a
// build stems the words of every page; it reports the time per word too.
func BenchmarkStem(b *testing.B) {
	words, _ := snowballVocabulary(b)
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
