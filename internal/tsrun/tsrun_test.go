package tsrun

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A module's console.assert passes when its condition holds and throws when it does not, so that
// a test notices what a browser would only log.
func TestConsoleAssertThrows(t *testing.T) {
	root := t.TempDir()
	src := `export function check(ok: boolean): string { console.assert(ok); return "checked"; }`
	if err := os.WriteFile(filepath.Join(root, "check.ts"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := Load(root, "check.ts")
	if err != nil {
		t.Fatal(err)
	}
	if v, err := m.Call("check", true); err != nil || v.String() != "checked" {
		t.Errorf("check(true) = %v, %v; want \"checked\"", v, err)
	}
	if _, err := m.Call("check", false); err == nil || !strings.Contains(err.Error(), "console.assert") {
		t.Errorf("check(false) gave error %v, want a failed console.assert", err)
	}
}
