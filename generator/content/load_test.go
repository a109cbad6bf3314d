package content

import (
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/testfiles"
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
	testfiles.Write(t, root, files)
	_, probs := Load(root)
	if len(probs) != 1 || probs[0].File != "content/oud.png" || !strings.Contains(probs[0].Message, "onbekende naam") {
		t.Errorf("got %v, want one problem, at content/oud.png", probs)
	}
}
