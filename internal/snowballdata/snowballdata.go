// Package snowballdata reads Snowball's test data for Dutch, which the Go stemmer (package dutch) and
// the browser's (assets/search/stem.ts) are both held to.
package snowballdata

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File is the data, relative to the repository: every word of Snowball's Dutch vocabulary with
// the stem Snowball's own implementation gives it. From github.com/snowballstem/snowball-data,
// dutch/voc.txt and dutch/output.txt at ba91f32 (BSD licence: COPYING.snowball-data beside it).
const File = "generator/dutch/testdata/snowball-dutch.tsv.gz"

// Vocabulary reads File below the repository root: the words and their stems, in order.
func Vocabulary(root string) (words, stems []string, err error) {
	f, err := os.Open(filepath.Join(root, File))
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, err
	}
	sc := bufio.NewScanner(z)
	for sc.Scan() {
		word, stem, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, nil, fmt.Errorf("%s: bad line %q", File, sc.Text())
		}
		words, stems = append(words, word), append(stems, stem)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	if len(words) < 45000 {
		return nil, nil, fmt.Errorf("%s: only %d words in Snowball's vocabulary", File, len(words))
	}
	return words, stems, nil
}
