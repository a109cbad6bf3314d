package readability

import (
	"strings"
	"unicode"
)

// vowelUnits are the spellings of one Dutch vowel sound with more than one letter, longest
// first: a run of vowel letters is cut into these, and every other vowel letter is a sound of
// its own ("sociaal" is so-ci-aal, "video" vi-de-o). "ai" is here for the loanwords Dutch uses
// (trainen, detail, e-mail).
var vowelUnits = []string{"aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "ei", "eu", "oe", "ou", "au", "ui", "ai"}

// Syllables counts the syllables of a Dutch word by its vowel sounds: each run of vowel letters
// is cut into the vowels and diphthongs above, a vowel with a diaeresis starts a new syllable
// ("coördinator" has five, "financiële" five), and "ij" is the vowel i before a consonant j. A
// number counts a syllable per digit; a word without vowels (an abbreviation such as ggz) one per
// letter; the parts of a word with hyphens are counted apart (jeugd-ggz has four), and an
// apostrophe adds nothing (collega's has three). This is the usual way to count for Flesch-Douma; English loanwords (team, coach) come
// out a syllable long now and then.
func Syllables(word string) int {
	n := 0
	word = strings.NewReplacer("'", "", "’", "").Replace(word) // collega's, foto's: the s adds no syllable
	for _, part := range strings.Split(word, "-") {
		n += partSyllables(part)
	}
	return max(n, 1)
}

// partSyllables counts the syllables of a word without hyphens.
func partSyllables(word string) int {
	if isNumber(word) {
		return len(word)
	}
	n, letters := 0, 0
	var run []rune
	flush := func() {
		n += vowelSounds(run)
		run = run[:0]
	}
	for _, r := range strings.ToLower(word) {
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		letters++
		base, diaeresis := vowel(r)
		switch {
		case base == 0:
			flush()
		case diaeresis:
			flush()
			run = append(run, base)
		default:
			run = append(run, base)
		}
	}
	flush()
	if n == 0 {
		return max(letters, 1)
	}
	return n
}

// vowelSounds counts the sounds in a run of vowel letters.
func vowelSounds(run []rune) int {
	n := 0
	s := string(run)
	for s != "" {
		n++
		step := 1
		for _, u := range vowelUnits {
			if strings.HasPrefix(s, u) {
				step = len(u)
				break
			}
		}
		s = s[step:]
	}
	return n
}

// vowel returns the plain vowel r stands for (0 for a consonant), and whether it has a diaeresis.
func vowel(r rune) (rune, bool) {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return r, false
	case 'ä':
		return 'a', true
	case 'ë':
		return 'e', true
	case 'ï':
		return 'i', true
	case 'ö':
		return 'o', true
	case 'ü':
		return 'u', true
	case 'á', 'à', 'â':
		return 'a', false
	case 'é', 'è', 'ê':
		return 'e', false
	case 'í', 'ì', 'î':
		return 'i', false
	case 'ó', 'ò', 'ô':
		return 'o', false
	case 'ú', 'ù', 'û':
		return 'u', false
	}
	return 0, false
}

func isNumber(word string) bool {
	for _, r := range word {
		if r < '0' || r > '9' {
			return false
		}
	}
	return word != ""
}
