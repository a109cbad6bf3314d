package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kennisbank/generator"
)

// project copies the repository's own site (content, templates, assets) into a temporary folder.
func project(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"content", "templates", "assets"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("..", "..", dir))); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body)
}

func TestServeKeepsLastGoodSiteAndShowsProblems(t *testing.T) {
	root := project(t)
	s := New(Options{Build: generator.Options{Root: root}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	code, body := get(t, s, "/strategieen/audit-en-feedback/")
	if code != 200 || !strings.Contains(body, "Audit en feedback") || !strings.Contains(body, "_kennisbank/reload.js") {
		t.Fatalf("strategy page: %d, reload script present: %v", code, strings.Contains(body, "_kennisbank/reload.js"))
	}
	file := filepath.Join(root, "content", "strategieen", "audit-en-feedback.md")
	data, _ := os.ReadFile(file)
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), "cluster = ", "clustre = ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild(); err == nil {
		t.Fatal("rebuild with an unknown key succeeded")
	}
	code, body = get(t, s, "/strategieen/audit-en-feedback/")
	if code != 500 || !strings.Contains(body, "content/strategieen/audit-en-feedback.md:") || !strings.Contains(body, `unknown key &#34;clustre&#34;`) {
		t.Errorf("the browser should show the problem with file and line; got %d:\n%s", code, body)
	}
	code, body = get(t, s, "/data/kennisbank.json")
	if code != 200 || !strings.Contains(body, `"audit-en-feedback"`) {
		t.Errorf("the last good site must still be served; data: %d", code)
	}
}

func TestServeRefusesPathTraversal(t *testing.T) {
	s := New(Options{Build: generator.Options{Root: project(t)}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/../content/site.toml", "/%2e%2e/content/site.toml", "/assets/..%2f..%2fgo.mod", "/a\\..\\b"} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path = strings.ReplaceAll(strings.ReplaceAll(p, "%2e", "."), "%2f", "/")
		req.URL.RawPath = p
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", p, rec.Code)
		}
	}
	if code, _ := get(t, s, "/bestaat-niet/"); code != http.StatusNotFound {
		t.Errorf("missing page: status %d, want 404", code)
	}
}
