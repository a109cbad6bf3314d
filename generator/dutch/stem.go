// Package dutch knows the Dutch the search needs: Snowball's Dutch stemmer and its stop words.
//
// Stem is Snowball's Dutch stemming algorithm as Snowball 3 ships it: the Kraaij-Pohlmann
// stemmer with Snowball's exceptions (https://snowballstem.org/algorithms/dutch/stemmer.html).
// It conflates the forms of a word: "herinneringen", "herinneren" and "herinnerde" all become
// "herinner", "informatie" and "informeren" both "informeer". Its code is not written by hand:
// tools/snowball/generate.sh generates it from Snowball's own algorithms/dutch.sbl with
// Snowball's compiler, at a pinned version, into internal/stemmer (with Snowball's Go runtime in
// internal/snowball), and the browser's copy into assets/search/snowball. Tests hold both to
// Snowball's own output for its 45,670-word Dutch vocabulary.
package dutch

//go:generate ../../tools/snowball/generate.sh

import (
	"sync"

	"github.com/werkplaats-jeugd/kennisbank/generator/dutch/internal/snowball"
	"github.com/werkplaats-jeugd/kennisbank/generator/dutch/internal/stemmer"
)

// Stem returns the stem of word, a lower-case Dutch word. The search stems folded words (no
// accents); the algorithm also handles the accented letters Dutch uses. It is safe for
// concurrent use.
func Stem(word string) string {
	env := envs.Get().(*snowball.Env)
	env.SetCurrent(word)
	stemmer.Stem(env)
	s := env.Current()
	envs.Put(env)
	return s
}

// envs keeps Snowball's machines (the word, its cursor and limits) for reuse: a build stems
// many words, and Snowball's Go README measures reuse as faster than a new one per word.
var envs = sync.Pool{New: func() any { return snowball.NewEnv("") }}
