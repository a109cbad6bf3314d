// Package browsertest runs page tests in a real headless Chromium (Debian's chromium package)
// through chromedp, against a built site served on loopback.
//
// Without Chromium the tests are skipped, except under CI (CI set), where they fail: CI must
// never pass by not testing. Under go test -short they are skipped too: the quick lane
// (./test unit) runs no browser, and ./test browser runs these tests alone, as they measure
// paint times that other work on the machine would disturb.
package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Chromium returns the path of the browser, or "" when none is installed.
func Chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless browser for the test and returns a context for one tab, which ends
// after 90 seconds. The browser makes no requests of its own (no updates, no sync, no
// background networking).
func New(t testing.TB) context.Context {
	t.Helper()
	return NewFor(t, 90*time.Second)
}

// NewFor is New with another time budget, for a test that goes through every kind of page.
func NewFor(t testing.TB, budget time.Duration) context.Context {
	t.Helper()
	SkipShort(t)
	path := Chromium()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium is not installed; ./test installs it (apt-get install chromium)")
		}
		t.Skip("Chromium is not installed; skipping browser test")
	}
	// Chromium may still write to its profile while it shuts down, so the folder is removed
	// after the browser has gone, and a failure to remove it is not the test's concern.
	profile, err := os.MkdirTemp("", "kennisbank-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, budget)
	t.Cleanup(func() {
		cancelTimeout()
		_ = chromedp.Cancel(ctx)
		cancelTab()
		cancelAlloc()
		_ = os.RemoveAll(profile)
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// SkipShort skips a browser test under go test -short. New does it; a test that builds a site
// of its own before it starts the browser calls it first, so as not to build for nothing.
func SkipShort(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("a browser test: -short leaves it out (./test browser runs it)")
	}
}

// Serve serves dir under prefix ("/" or "/sub/") on loopback and returns the site's base URL,
// ending in "/".
func Serve(t testing.TB, dir, prefix string) string {
	t.Helper()
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}
