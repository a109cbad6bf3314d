package content

import "github.com/werkplaats-jeugd/kennisbank/generator/fold"

// Slug turns a title into an id: its folded words (package fold: lower case a-z and 0-9, accents
// removed) joined by single hyphens ("Coördinatie" → "coordinatie").
func Slug(title string) string {
	return fold.Join(title, "-")
}
