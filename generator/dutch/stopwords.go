package dutch

import "strings"

// StopWords are words so common that a page's containing them says nothing about what it is
// about, and that a query's containing them says nothing about what the reader looks for:
// Snowball's Dutch stop words (algorithms/dutch/stop.txt on snowballstem.org), the personal
// pronouns of the same kind that list lacks (niemand beside iemand), words of quantity beside
// its veel and meer (weinig, minder, genoeg), and the question words, helper verbs and fillers
// that readers put around what they ask ("waarom kun je eigenlijk …"). The index leaves them
// out, and so does the search from a query that has other words.
var StopWords = strings.Fields(`
	de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem
	dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb
	hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel
	meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt
	wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
	we wij jij jou jouw jullie onze hen niemand weinig minder genoeg
	waarom wanneer welke welk waar waardoor waarmee waarvoor waarover hoeveel hoelang
	kun kunt mag mogen moeten willen wilt zullen zult ga gaat gaan doe doet hebt
	eigenlijk gewoon even graag precies echt heel`)

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
