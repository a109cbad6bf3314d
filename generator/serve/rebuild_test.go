package serve

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kennisbank/generator"
)

// BenchmarkRebuildAfterEditingOneStrategy measures what an editor waits for in `kennisbank
// serve`: one strategy file of the real site changes, and the site is rebuilt in memory
// (goal: at most 50 ms).
func BenchmarkRebuildAfterEditingOneStrategy(b *testing.B) {
	root := b.TempDir()
	for _, dir := range []string{"content", "templates", "assets"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("..", "..", dir))); err != nil {
			b.Fatal(err)
		}
	}
	s := New(Options{Build: generator.Options{Root: root}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(root, "content", "strategieen", "audit-en-feedback.md")
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		edited := append(append([]byte{}, original...), []byte("\nEen extra zin.\n")[:i%2*16]...)
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := s.Rebuild(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRebuildExecutesOnlyAffectedPages edits one strategy while serving: the rebuild must show the
// edit, on the strategy's page and on a determinant page that links to it, and must not execute
// unrelated pages again.
func TestRebuildExecutesOnlyAffectedPages(t *testing.T) {
	root := project(t)
	cache := generator.NewCache()
	s := New(Options{Build: generator.Options{Root: root, Cache: cache}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	all := cache.Executed
	file := filepath.Join(root, "content", "strategieen", "audit-en-feedback.md")
	data, _ := os.ReadFile(file)
	edited := strings.Replace(string(data), `titel = "Audit en feedback"`, `titel = "Audit en terugkoppeling"`, 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if cache.Executed == 0 || cache.Executed > all/3 {
		t.Errorf("editing one strategy executed %d of %d pages again", cache.Executed, all)
	}
	for _, page := range []string{"/strategieen/audit-en-feedback/", "/strategieen/", "/matrix/"} {
		if _, body := get(t, s, page); !strings.Contains(body, "Audit en terugkoppeling") {
			t.Errorf("%s does not show the edited title", page)
		}
	}
	linked := false
	for _, det := range []string{"05-aansluiting-bij-werkwijze", "14-beschrijvende-norm", "28-terugkoppeling-over-uitvoering"} {
		_, body := get(t, s, "/determinanten/"+det+"/")
		if strings.Contains(body, "audit-en-feedback/") {
			linked = true
			if !strings.Contains(body, "Audit en terugkoppeling") {
				t.Errorf("determinant %s links the strategy but shows its old title", det)
			}
		}
	}
	if !linked {
		t.Fatal("none of the determinants checked links to audit-en-feedback; pick others")
	}
	if _, body := get(t, s, "/leernetwerken/integraal-werken/"); !strings.Contains(body, "Integraal") {
		t.Error("an unaffected page is no longer served")
	}
}
