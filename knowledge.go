// Package kennisbank is the knowledge this repository publishes, as the kennisbank binary carries
// it: the 29 MIDI determinants, the implementation strategies with the links between them, the
// page on using the implementatiescan, and the site settings their sources, clusters and menu
// come from. `kennisbank init` gives a new site copies of them as its own editable files, so that
// another workplace starts from the same knowledge (package generator/newsite).
package kennisbank

import "embed"

// Knowledge holds content/site.toml, content/determinanten/, content/strategieen/ and
// content/paginas/scan-uitleg.md as they are in this repository.
//
//go:embed content/site.toml content/determinanten content/strategieen content/paginas/scan-uitleg.md
var Knowledge embed.FS
