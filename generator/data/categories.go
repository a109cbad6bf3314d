package data

import "github.com/werkplaats-jeugd/kennisbank/generator/content"

func contentCategories() []content.Category { return content.Categories }
