// Package dutch knows the Dutch the search needs: Snowball's Dutch stemmer and its stop words.
//
// Stem is Snowball's Dutch stemming algorithm as Snowball 3 ships it: the Kraaij-Pohlmann
// stemmer with Snowball's exceptions (algorithms/dutch.sbl in github.com/snowballstem/snowball,
// described at https://snowballstem.org/algorithms/dutch/stemmer.html). It conflates the forms
// of a word: "herinneringen", "herinneren" and "herinnerde" all become "herinner", "informatie"
// and "informeren" both "informeer". The browser runs the same algorithm (assets/search/stem.ts);
// tests hold both to Snowball's own output for its 45,670-word Dutch vocabulary.
//
// The code follows the Snowball program step by step. Snowball works on a string with a cursor:
// the steps that remove endings run backwards from the end of the word (the cursor c moves left,
// bra and ket mark the ending found), the ones that remove the prefix "ge" run forwards.
package dutch

// Stem returns the stem of word, a lower-case Dutch word. The search stems folded words (no
// accents); the algorithm also handles the accented letters Dutch uses.
func Stem(word string) string {
	w := &stemmer{s: []rune(word)}
	w.limit = len(w.s)
	w.stem()
	return string(w.s[:w.limit])
}

// Letter classes of the algorithm.
const (
	vowelsE   = "eëéèê"
	vowelsAIO = "aäáàâiïíìîoöóòôuüúùû"
	vowels    = vowelsAIO + vowelsE + "y" // v
)

func in(set string, r rune) bool {
	for _, x := range set {
		if x == r {
			return true
		}
	}
	return false
}

// stemmer is Snowball's machine: the word, the cursor and its limits, the slice [bra, ket) that
// the last ending found covers, and the regions R1 and R2 (from p1 and p2 to the end).
type stemmer struct {
	s             []rune
	c, lb, limit  int
	bra, ket      int
	p1, p2        int
	stemmed       bool // some step changed the word (only then are double consonants undoubled)
	prefixRemoved bool // GE_removed: "ge" was just taken off
}

func (w *stemmer) stem() {
	w.measure()
	w.backward(func() {
		w.stemmed = w.step1() || w.stemmed
		w.atEnd()
		w.stemmed = w.step2() || w.stemmed
		w.atEnd()
		w.stemmed = w.step3() || w.stemmed
		w.atEnd()
		w.stemmed = w.step4() || w.stemmed
	})
	for _, lose := range []func() bool{w.losePrefix, w.loseInfix} {
		w.prefixRemoved = false
		w.c = w.lb
		if lose() {
			w.c = w.lb
			w.measure()
		}
		w.c = w.lb
		w.backward(func() {
			if w.prefixRemoved {
				w.stemmed = true
				w.step1c()
			}
		})
	}
	w.backward(func() {
		w.stemmed = w.step7() || w.stemmed
		w.atEnd()
		if w.stemmed {
			w.step6()
		}
	})
}

// backward runs steps from the end of the word back to its start, and puts the cursor back at
// the start afterwards.
func (w *stemmer) backward(steps func()) {
	w.lb = w.c
	w.c = w.limit
	steps()
	w.c = w.lb
}

// atEnd puts the cursor back at the end of the word, between backward steps.
func (w *stemmer) atEnd() { w.c = w.limit }

// measure sets R1 after the first non-vowel that follows a vowel, and R2 after the next such
// non-vowel ("ij" counts as a vowel); each is the end of the word when there is none.
func (w *stemmer) measure() {
	w.p1, w.p2 = w.limit, w.limit
	save := w.c
	defer func() { w.c = save }()
	for i := range 2 {
		for w.c < w.limit && !in(vowels, w.s[w.c]) {
			w.c++
		}
		n := 0
		for w.eqF("ij") || w.inF(vowels) {
			n++
		}
		if n == 0 || !w.outF(vowels) {
			return
		}
		if i == 0 {
			w.p1 = w.c
		} else {
			w.p2 = w.c
		}
	}
}

// Forward primitives: each tests at the cursor and moves it past what it matched.

func (w *stemmer) eqF(x string) bool {
	r := []rune(x)
	if w.limit-w.c < len(r) || string(w.s[w.c:w.c+len(r)]) != x {
		return false
	}
	w.c += len(r)
	return true
}

func (w *stemmer) inF(set string) bool {
	if w.c >= w.limit || !in(set, w.s[w.c]) {
		return false
	}
	w.c++
	return true
}

func (w *stemmer) outF(set string) bool {
	if w.c >= w.limit || in(set, w.s[w.c]) {
		return false
	}
	w.c++
	return true
}

// Backward primitives: each tests just before the cursor and moves it back over what it
// matched.

func (w *stemmer) eqB(x string) bool {
	r := []rune(x)
	if w.c-w.lb < len(r) || string(w.s[w.c-len(r):w.c]) != x {
		return false
	}
	w.c -= len(r)
	return true
}

func (w *stemmer) inB(set string) bool {
	if w.c <= w.lb || !in(set, w.s[w.c-1]) {
		return false
	}
	w.c--
	return true
}

func (w *stemmer) outB(set string) bool {
	if w.c <= w.lb || in(set, w.s[w.c-1]) {
		return false
	}
	w.c--
	return true
}

// ending finds the longest of the endings just before the cursor: it marks it as the slice
// [bra, ket), moves the cursor to its start and returns it; "" when none is there.
func (w *stemmer) ending(endings []string) string {
	best := ""
	for _, e := range endings {
		if len([]rune(e)) > len([]rune(best)) && w.endsWith(e) {
			best = e
		}
	}
	if best == "" {
		return ""
	}
	w.ket = w.c
	w.c -= len([]rune(best))
	w.bra = w.c
	return best
}

func (w *stemmer) endsWith(x string) bool {
	r := []rune(x)
	return w.c-w.lb >= len(r) && string(w.s[w.c-len(r):w.c]) == x
}

// mark saves the cursor as a distance from the end, which stays right when the word changes
// before it; back restores it.
func (w *stemmer) mark() int     { return w.limit - w.c }
func (w *stemmer) back(mark int) { w.c = w.limit - mark }

// Conditions, tested before the cursor without moving it.

func (w *stemmer) r1() bool { return w.p1 <= w.c }
func (w *stemmer) r2() bool { return w.p2 <= w.c }

// atStart is Snowball's atlimit in backward mode.
func (w *stemmer) atStart() bool { return w.c <= w.lb }

// vowelBefore is V: a vowel, or "ij", just before the cursor.
func (w *stemmer) vowelBefore() bool {
	return w.c > w.lb && in(vowels, w.s[w.c-1]) || w.endsWith("ij")
}

// vowelSkipOne is VX: a vowel, or "ij", one letter before the cursor.
func (w *stemmer) vowelSkipOne() bool {
	if w.c <= w.lb {
		return false
	}
	w.c--
	ok := w.vowelBefore()
	w.c++
	return ok
}

// consonantBefore is C: a non-vowel just before the cursor, which is not the j of "ij".
func (w *stemmer) consonantBefore() bool {
	return !w.endsWith("ij") && w.c > w.lb && !in(vowels, w.s[w.c-1])
}

// Changes to the word.

// replace puts x in place of s[from:to] and moves the limit, the cursor and the slice with it
// as Snowball does.
func (w *stemmer) replace(from, to int, x string) int {
	r := []rune(x)
	adjust := len(r) - (to - from)
	s := make([]rune, 0, len(w.s)+adjust)
	s = append(append(append(s, w.s[:from]...), r...), w.s[to:w.limit]...)
	w.s = s
	w.limit += adjust
	if w.c >= to {
		w.c += adjust
	} else if w.c > from {
		w.c = from
	}
	return adjust
}

// sliceFrom replaces the slice [bra, ket) with x.
func (w *stemmer) sliceFrom(x string) {
	w.replace(w.bra, w.ket, x)
	w.ket = w.bra + len([]rune(x))
}

func (w *stemmer) del() { w.sliceFrom("") }

// insert puts x at the cursor, before it; the cursor stays where it was.
func (w *stemmer) insert(x string) {
	c := w.c
	w.attach(x)
	w.c = c
}

// attach puts x at the cursor and leaves the cursor after it.
func (w *stemmer) attach(x string) {
	c := w.c
	adjust := w.replace(c, c, x)
	if c <= w.bra {
		w.bra += adjust
	}
	if c <= w.ket {
		w.ket += adjust
	}
}
