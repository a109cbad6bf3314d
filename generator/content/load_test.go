package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// content/ holds site.toml and a folder per kind; the logo that [huisstijl] names may stand there
// too. Anything else is named as unknown.
func TestContentFolderAcceptsTheLogoAndNothingElse(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"content/site.toml": "titel = \"Proef\"\n[huisstijl]\nlogo = \"content/logo.png\"\n",
		"content/logo.png":  "PNG",
		"content/oud.png":   "PNG",
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, probs := Load(root)
	if len(probs) != 1 || probs[0].File != "content/oud.png" || !strings.Contains(probs[0].Message, "onbekende naam") {
		t.Errorf("got %v, want one problem, at content/oud.png", probs)
	}
}
