package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator"
)

// project copies the repository's own site (content, templates, assets) into a temporary folder.
func project(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"content"} { // the templates and assets are the built-in theme's
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

// After a save that breaks the build, every file of the last good site is still served, the
// pages with a Dutch notice of what is wrong and where, and admin/ opens as before; the next
// good build takes the notice away.
func TestServeKeepsLastGoodSiteAndShowsProblems(t *testing.T) {
	root := project(t)
	s := New(Options{Build: generator.Options{Root: root}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	good := map[string]string{}
	for _, p := range []string{"/", "/strategieen/audit-en-feedback/", "/data/kennisbank.json", "/admin/", "/admin/config.yml", "/404.html"} {
		code, body := get(t, s, p)
		if code != 200 || strings.Contains(body, "kb-bouwfout") {
			t.Fatalf("%s before the broken save: %d, notice: %v", p, code, strings.Contains(body, "kb-bouwfout"))
		}
		good[p] = body
	}
	file := filepath.Join(root, "content", "strategieen", "audit-en-feedback.md")
	data, _ := os.ReadFile(file)
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), "cluster = ", "clustre = ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild(); err == nil {
		t.Fatal("rebuild with an unknown key succeeded")
	}
	for p, before := range good {
		code, body := get(t, s, p)
		switch {
		case code != 200:
			t.Errorf("%s after the broken save: %d, want 200", p, code)
		case strings.HasPrefix(p, "/admin/") || strings.HasSuffix(p, ".json"):
			if body != before {
				t.Errorf("%s changed after the broken save", p)
			}
		case !strings.Contains(body, "Je laatste wijziging staat nog niet op de site") ||
			!strings.Contains(body, "<code>content/strategieen/audit-en-feedback.md</code>, regel ") || !strings.Contains(body, "clustre"):
			t.Errorf("%s does not carry the notice with file, line and problem:\n%s", p, body[:min(len(body), 3000)])
		}
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if code, body := get(t, s, "/strategieen/audit-en-feedback/"); code != 200 || strings.Contains(body, "kb-bouwfout") {
		t.Errorf("after the fix: %d, notice still there: %v", code, strings.Contains(body, "kb-bouwfout"))
	}
}

// Before any build succeeded there is no site to show, but admin/ opens, so that an editor can
// fix the entry that breaks the build; only a site.toml that cannot be read keeps it closed,
// and the page says why.
func TestAdminOpensWhatEverTheContentBuildDid(t *testing.T) {
	root := project(t)
	file := filepath.Join(root, "content", "nieuws", "kapot.md")
	if err := os.WriteFile(file, []byte("+++\ntitel = \"Kapot\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Build: generator.Options{Root: root}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err == nil {
		t.Fatal("a news item without datum built")
	}
	if code, body := get(t, s, "/"); code != 500 || !strings.Contains(body, "content/nieuws/kapot.md") {
		t.Errorf("home before any good build: %d\n%s", code, body)
	}
	code, body := get(t, s, "/admin/")
	if code != 200 || !strings.Contains(body, "decap-cms") {
		t.Fatalf("admin/ before any good build: %d\n%s", code, body)
	}
	for _, ref := range []string{"config.yml"} {
		if code, _ := get(t, s, "/admin/"+ref); code != 200 {
			t.Errorf("admin/%s: %d", ref, code)
		}
	}
	for _, m := range regexp.MustCompile(`(?:src|href)="\.\./([^"]+)"`).FindAllStringSubmatch(body, -1) {
		if code, _ := get(t, s, "/"+m[1]); code != 200 {
			t.Errorf("admin/ loads %s, which answers %d", m[1], code)
		}
	}
	site := filepath.Join(root, "content", "site.toml")
	if err := os.WriteFile(site, []byte("taal = nl\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := New(Options{Build: generator.Options{Root: root}, Log: io.Discard, Out: io.Discard})
	_ = fresh.Rebuild()
	if code, body := get(t, fresh, "/admin/"); code != 500 || !strings.Contains(body, "content/site.toml</code>, regel 1") {
		t.Errorf("admin/ with a site.toml that cannot be read: %d\n%s", code, body)
	}
	// The server that had a good admin/ keeps it.
	_ = s.Rebuild()
	if code, _ := get(t, s, "/admin/"); code != 200 {
		t.Errorf("admin/ after site.toml broke: %d, want the last admin/ that worked", code)
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
