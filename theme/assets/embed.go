// Package assets holds the TypeScript the kennisbank binary carries: the implementatiescan's
// logic (scan/*.ts, not scan/page/, which draws the page) and the folding rule it shares with
// the search (_fold.ts). The scan page bundles them at build time; `kennisbank scan` runs the
// same code from any folder.
package assets

import "embed"

// Sources are the scan's logic (scan/logic.ts is the entry) and the modules it imports.
//
//go:embed scan/*.ts _fold.ts
var Sources embed.FS
