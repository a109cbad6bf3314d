package browsertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserRendersServedPage(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="nl"><head><title>Proef</title></head><body><p id="x">Coördinatie</p></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := New(t)
	var text string
	if err := chromedp.Run(ctx, chromedp.Navigate(Serve(t, dir, "/sub/")), chromedp.Text("#x", &text)); err != nil {
		t.Fatal(err)
	}
	if text != "Coördinatie" {
		t.Errorf("text %q", text)
	}
}
