package dutch

import "strings"

// StopWords are Snowball's Dutch stop words (algorithms/dutch/stop.txt on snowballstem.org),
// with the personal pronouns of the same kind that list lacks (we, wij, jij, jou, jouw, jullie,
// onze, hen): words so common that a page's containing them says nothing about what it is about.
// The index leaves them out, and so does the search from a query that has other words.
var StopWords = strings.Fields(`
	de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem
	dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb
	hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel
	meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt
	wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
	we wij jij jou jouw jullie onze hen`)

var stopSet, stopMax = func() (map[string]bool, int) {
	m := make(map[string]bool, len(StopWords))
	longest := 0
	for _, w := range StopWords {
		m[w] = true
		longest = max(longest, len(w))
	}
	return m, longest
}()

// IsStopWord reports whether w (folded) is one of the StopWords.
func IsStopWord(w string) bool { return len(w) <= stopMax && stopSet[w] }
