package serve

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// BenchmarkRebuildAfterEditingOneStrategy measures what an editor waits for in `kennisbank
// serve`: one strategy file of the real site changes, and the site is rebuilt in memory
// (goal: at most 50 ms).
func BenchmarkRebuildAfterEditingOneStrategy(b *testing.B) {
	root := b.TempDir()
	for _, dir := range []string{"content"} { // the templates and assets are the built-in theme's
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
	s := New(Options{Build: generator.Options{Root: root}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	all := s.dev.Executed()
	file := filepath.Join(root, "content", "strategieen", "audit-en-feedback.md")
	data, _ := os.ReadFile(file)
	edited := strings.Replace(string(data), `titel = "Audit en feedback"`, `titel = "Audit en terugkoppeling"`, 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if n := s.dev.Executed(); n == 0 || n > all/3 {
		t.Errorf("editing one strategy executed %d of %d pages again", n, all)
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

// Asks that come while a rebuild runs fold into exactly one more rebuild.
func TestAsksDuringARebuildGiveExactlyOneMore(t *testing.T) {
	r := newRebuilder()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started, release := make(chan int, 10), make(chan struct{})
	var builds atomic.Int32
	go r.run(ctx, func() {
		started <- int(builds.Add(1))
		<-release
	})
	r.ask()
	if n := <-started; n != 1 {
		t.Fatalf("first rebuild is number %d", n)
	}
	for range 10 { // an editor saves ten times while the first rebuild runs
		r.ask()
	}
	release <- struct{}{}
	if n := <-started; n != 2 {
		t.Fatalf("second rebuild is number %d", n)
	}
	release <- struct{}{}
	select {
	case n := <-started:
		t.Errorf("ten asks during one rebuild gave %d rebuilds after it, want 1", n-1)
	case <-time.After(200 * time.Millisecond):
	}
}

// While files change under the watcher and rebuilds are also asked for directly, builds never
// overlap (the race detector watches the shared cache), and once the edits stop the site served
// is the build of the files as they are last: an older build never replaces a newer one.
func TestWatchedEditsEndWithTheNewestSite(t *testing.T) {
	root := project(t)
	s := New(Options{Build: generator.Options{Root: root}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	watching := make(chan error, 1)
	go func() { watching <- s.Watch(ctx) }()
	time.Sleep(100 * time.Millisecond) // let the watcher add its folders

	edits := 25
	if testing.Short() {
		edits = 5 // the race lane (./test race) makes all 25, under the detector
	}
	file := filepath.Join(root, "content", "strategieen", "audit-en-feedback.md")
	original, _ := os.ReadFile(file)
	var wg sync.WaitGroup
	editing := make(chan struct{})
	for range 2 { // rebuilds asked for directly meanwhile, as a second tab or a test would
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-editing:
					return
				default:
					_ = s.Rebuild()
				}
			}
		}()
	}
	last := ""
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(editing)
		for i := range edits {
			last = fmt.Sprintf("Audit en feedback, versie %d", i)
			edited := strings.Replace(string(original), `titel = "Audit en feedback"`, `titel = "`+last+`"`, 1)
			if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
				t.Error(err)
			}
			time.Sleep(time.Duration(20+i%4*30) * time.Millisecond)
		}
	}()
	wg.Wait()
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, body := get(t, s, "/strategieen/audit-en-feedback/")
		if strings.Contains(body, last) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the site never showed the last edit %q", last)
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(400 * time.Millisecond) // any rebuild still asked for has run by now
	cancel()
	if err := <-watching; err != nil {
		t.Fatal(err)
	}
	clean := output.NewMemory()
	if _, err := generator.NewDev().Generate(generator.Options{Root: root}, clean); err != nil {
		t.Fatal(err)
	}
	s.mu.RLock()
	served := s.site
	s.mu.RUnlock()
	if diff := output.Diff(served, clean); diff != "" {
		t.Errorf("the site served after the edits differs from a clean build: %s", diff)
	}
}

// A project that uses the built-in theme as it is has no templates/: the partial it copies while
// the server runs (kennisbank theme copy) and then edits shows on the site without a restart.
func TestWatchSeesANewOverride(t *testing.T) {
	root := project(t)
	s := New(Options{Build: generator.Options{Root: root}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = s.Watch(ctx) }()
	time.Sleep(100 * time.Millisecond) // let the watcher add its folders

	chrome, err := theme.Copy(root, "templates/partials/chrome.html")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(chrome)
	edited := strings.Replace(string(data), `<footer class="site-footer">`, `<footer class="site-footer"><p>Eigen voettekst</p>`, 1)
	if err := os.WriteFile(chrome, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, body := get(t, s, "/"); strings.Contains(body, "Eigen voettekst") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the site never showed the edit of the new templates/partials/chrome.html")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
