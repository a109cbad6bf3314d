// Package sitetest holds the browser tests of the real site: it builds content/ once and drives
// headless Chromium through the pages as a reader would.
package sitetest
