// Package scan holds the implementatiescan's logic: the TypeScript modules in this folder (not
// page/, which draws the page). The scan page bundles them at build time; the kennisbank binary
// carries them through Sources, so `kennisbank scan` runs the same code from any folder.
package scan

import "embed"

// Sources are the logic's modules; logic.ts is the entry.
//
//go:embed *.ts
var Sources embed.FS
