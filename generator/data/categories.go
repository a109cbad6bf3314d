package data

import "kennisbank/generator/content"

func contentCategories() []content.Category { return content.Categories }
