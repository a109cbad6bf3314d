package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Another workplace starts its own knowledge base: init into an empty folder, from another working
// folder; the new site builds with the built-in theme alone; it changes one partial of the theme
// and sees it; it changes its name and colour and adds a logo; check finds nothing. The real site
// of this repository is built the same way: it has no templates/ or assets/ of its own either.
func TestAnotherWorkplaceStartsItsOwnSite(t *testing.T) {
	site := t.TempDir()
	t.Chdir(t.TempDir()) // somewhere else: init and build must not need this repository
	kb := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitOK {
			t.Fatalf("kennisbank %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	edit := func(name, old, new string) {
		t.Helper()
		text := read(name)
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		if err := os.WriteFile(filepath.Join(site, filepath.FromSlash(name)), []byte(strings.Replace(text, old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	kb("init", "--titel", "Kennisbank Noord", "--uitgever", "Werkplaats Noord", site)
	for _, theirs := range []string{"templates", "assets"} {
		if _, err := os.Stat(filepath.Join(site, theirs)); err == nil {
			t.Fatalf("the new site has %s/", theirs)
		}
	}
	kb("build", "--src", site)
	home := read("public/index.html")
	if !strings.Contains(home, "<title>Kennisbank Noord</title>") || !strings.Contains(home, `class="site-header"`) {
		t.Fatalf("the new site's home page:\n%s", home)
	}
	for _, page := range []string{"public/determinanten/01-procedurele-helderheid/index.html", "public/scan/index.html", "public/scan-uitleg/index.html", "public/toegankelijkheid/index.html"} {
		read(page)
	}

	// One partial of the theme, changed.
	if got := kb("theme", "copy", "--src", site, "templates/partials/chrome.html"); !strings.Contains(got, filepath.Join("templates", "partials", "chrome.html")) {
		t.Errorf("theme copy printed %q", got)
	}
	edit("templates/partials/chrome.html", `<footer class="site-footer">`, `<footer class="site-footer"><p class="noord">Een kennisbank van het noorden</p>`)

	// A new name, a colour of its own, and a logo.
	edit("content/site.toml", `titel = "Kennisbank Noord"`, `titel = "Kennisbank Jeugd Noord"`)
	edit("content/site.toml", "# [huisstijl]\n# kleur = \"#00607a\"\n# logo = \"assets/logo.png\"", "[huisstijl]\nkleur = \"#5b2a86\"\nlogo = \"assets/logo.png\"")
	var logo bytes.Buffer
	if err := png.Encode(&logo, image.NewRGBA(image.Rect(0, 0, 160, 48))); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(site, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "assets", "logo.png"), logo.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	if got := kb("check", "--src", site); !strings.Contains(got, "no problems") {
		t.Errorf("check: %s", got)
	}
	kb("build", "--src", site)
	for _, page := range []string{"public/index.html", "public/strategieen/audit-en-feedback/index.html"} {
		html := read(page)
		if !strings.Contains(html, `<p class="noord">Een kennisbank van het noorden</p>`) {
			t.Errorf("%s lacks the site's own footer", page)
		}
		if !strings.Contains(html, "Kennisbank Jeugd Noord</a>") || strings.Contains(html, ">Kennisbank Noord<") {
			t.Errorf("%s does not show the new name", page)
		}
		if !regexp.MustCompile(`<img class="site-logo" src="(\.\./)*assets/logo-[A-Z0-9]{8}\.png" alt="Werkplaats Noord" width="160" height="48">`).MatchString(html) {
			t.Errorf("%s has no logo in its header", page)
		}
	}
	css := regexp.MustCompile(`href="(assets/huisstijl-[A-Z0-9]{8}\.css)"`).FindStringSubmatch(read("public/index.html"))
	if css == nil || !strings.Contains(read("public/"+css[1]), "--kb-color-header-bg: #5b2a86") {
		t.Errorf("the home page links no style sheet with the colour (%v)", css)
	}

	// A colour without enough contrast is refused, with its ratio and a colour that passes.
	edit("content/site.toml", `kleur = "#5b2a86"`, `kleur = "#7fb8d0"`)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--src", site}, &stdout, &stderr); code != exitProblems ||
		!regexp.MustCompile(`content/site.toml:\d+: veld "kleur" in \[huisstijl\]: "#7fb8d0" heeft te weinig contrast: .* \d,\d\d:1.*minstens 4,5:1`).MatchString(stderr.String()) {
		t.Errorf("check of a pale colour: exit %d\n%s", code, stderr.String())
	}
}

// The real site uses the same mechanism: no templates/ or assets/ of its own, the built-in theme.
func TestTheRealSiteUsesTheBuiltInTheme(t *testing.T) {
	for _, theirs := range []string{"templates", "assets"} {
		if _, err := os.Stat(filepath.Join("..", "..", theirs)); err == nil {
			t.Errorf("the repository has %s/ at its root: the real site changes nothing of the theme, so it should have none (the theme is theme/%s)", theirs, theirs)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "--src", "../..", "--out", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !strings.Contains(string(home), `class="site-header"`) || strings.Contains(string(home), "huisstijl") {
		t.Errorf("the real site's home page (%v):\n%s", err, home)
	}
}
