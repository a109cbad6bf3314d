package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator"
)

// rawGet sends path exactly as given, unnormalised, over a real connection, as an attacker's
// tool would, and returns the status code and body.
func rawGet(t *testing.T, addr, path string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// Requests that try to leave the site, sent through net/http as they arrive from the network,
// never return a file from outside the built site: not the project's files, not the system's.
func TestServeOverHTTPRefusesPathTraversal(t *testing.T) {
	root := project(t)
	// Files an attacker would like to read: beside the site in the project, and above it.
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module geheim\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Build: generator.Options{Root: root}, Log: io.Discard, Out: io.Discard})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	if code, body := rawGet(t, addr, "/strategieen/audit-en-feedback/"); code != 200 || !strings.Contains(body, "Audit en feedback") {
		t.Fatalf("a normal page: %d", code)
	}
	secrets := []string{"module geheim", "root:x:0:0", "titel = ", "+++"}
	for _, p := range []string{
		"/../go.mod", "/../../../../etc/passwd", "/..%2fgo.mod", "/..%2f..%2fgo.mod", "/%2e%2e/go.mod", "/%2e%2e%2fgo.mod",
		"/.%2e/go.mod", "/%2E%2E/%2E%2E/etc/passwd", "/assets/..%2f..%2fgo.mod", "/assets/%2e%2e/%2e%2e/go.mod",
		"//etc/passwd", "///etc/passwd", "/..\\go.mod", "/..%5cgo.mod", "/%5c..%5c..%5cgo.mod", "/%00/../go.mod",
		"/content/site.toml", "/content/strategieen/audit-en-feedback.md", "/./../go.mod", "/strategieen/../../go.mod",
	} {
		code, body := rawGet(t, addr, p)
		if code == 200 {
			t.Errorf("GET %s: status 200, want 400 or 404", p)
		}
		for _, secret := range secrets {
			if strings.Contains(body, secret) {
				t.Errorf("GET %s: the answer contains %q from outside the site", p, secret)
			}
		}
	}
	// The 404 page is the site's own, so a reader who mistyped can find their way.
	if code, body := rawGet(t, addr, "//etc/passwd"); code != 404 || !strings.Contains(body, "Pagina niet gevonden") {
		t.Errorf("GET //etc/passwd: %d, want the site's 404 page", code)
	}
}
