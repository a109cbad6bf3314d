package generator

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/cms"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/headers"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/render"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// The build writes _headers for hosts that read it (Netlify, Cloudflare Pages). Read as those
// hosts read it (every rule whose path matches counts, and values of one header are joined),
// every file of the site gets nosniff and exactly one Content-Security-Policy: the pages' (the
// one their <meta> carries) everywhere, the CMS's own in admin/, where the pages' would stop
// Decap CMS. The file is planned like every other (the link check knows it), but it is no page.
func TestHeadersFileGivesEveryFileOnePolicy(t *testing.T) {
	withCMS := strings.Replace(fixture["content/site.toml"], `base_url = ""`,
		"base_url = \"\"\n\n[cms]\nbackend = \"github\"\nrepo = \"werkplaats/kennisbank\"\n", 1)
	root := newProject(t, map[string]string{"content/site.toml": withCMS})
	_, site := build(t, root)
	file, ok := site[headers.Path]
	if !ok {
		t.Fatal("the build wrote no _headers")
	}
	rules := parseHeaders(t, file)
	all, _ := content.Load(root)
	admin := cms.Policy(&all.Site, false)
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	for name, body := range site {
		if name == output.Marker {
			continue // the build's mark, not a file of the site's own: nosniff is all it needs
		}
		want := render.PagePolicy
		if strings.HasPrefix(name, reserved.Admin+"/") {
			want = admin + "; frame-ancestors 'none'"
		}
		for _, request := range requests(name) {
			got := matching(rules, request)
			if got["X-Content-Type-Options"] != "nosniff" {
				t.Errorf("%s: X-Content-Type-Options %q", request, got["X-Content-Type-Options"])
			}
			if got["Content-Security-Policy"] != want {
				t.Errorf("%s: Content-Security-Policy %q, want %q", request, got["Content-Security-Policy"], want)
			}
		}
		if m := meta.FindStringSubmatch(body); m != nil && !strings.HasPrefix(name, reserved.Admin+"/") && html.UnescapeString(m[1]) != render.PagePolicy {
			t.Errorf("%s: the <meta> policy %q is not the one _headers sends", name, m[1])
		}
	}
	if !strings.Contains(site["index.html"], `http-equiv="Content-Security-Policy"`) {
		t.Error("the home page has no <meta> policy")
	}
	for name, body := range site {
		if strings.HasSuffix(name, ".html") && strings.Contains(body, headers.Path) {
			t.Errorf("%s names %s: it is for the host, not for readers", name, headers.Path)
		}
	}
}

// parseHeaders reads _headers as Netlify documents it: a path at the start of a line, its
// headers indented below it, # for comments.
func parseHeaders(t *testing.T, file string) map[string]map[string]string {
	rules := map[string]map[string]string{}
	var current map[string]string
	for i, line := range strings.Split(file, "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			if rules[line] != nil {
				t.Errorf("_headers:%d: path %q twice", i+1, line)
			}
			current = map[string]string{}
			rules[line] = current
		default:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok || current == nil {
				t.Fatalf("_headers:%d: %q is no header", i+1, line)
			}
			current[name] = value
		}
	}
	return rules
}

// requests are the addresses a file of the site is asked for by: its path, and its folder for
// an index.html.
func requests(name string) []string {
	out := []string{"/" + name}
	if folder, ok := strings.CutSuffix(name, "index.html"); ok {
		out = append(out, "/"+folder)
	}
	return out
}

// matching joins the headers of every rule whose path matches the request p, as both hosts do.
func matching(rules map[string]map[string]string, p string) map[string]string {
	out := map[string]string{}
	for path, hs := range rules {
		prefix, splat := strings.CutSuffix(path, "*")
		if !(splat && strings.HasPrefix(p, prefix) || !splat && p == path) {
			continue
		}
		for k, v := range hs {
			if out[k] != "" {
				v = out[k] + ", " + v
			}
			out[k] = v
		}
	}
	return out
}

// The README gives nginx the headers _headers gives the hosts that read it: the same policies.
func TestREADMEGivesNginxTheBuildsPolicies(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	github := &content.Site{CMS: &content.CMS{Backend: cms.GitHub, Repo: "werkplaats/kennisbank"}}
	for _, policy := range []string{render.PagePolicy, cms.Policy(github, false) + "; frame-ancestors 'none'"} {
		if line := `add_header Content-Security-Policy "` + policy + `" always;`; !strings.Contains(string(readme), line) {
			t.Errorf("README.md lacks the nginx line\n%s", line)
		}
	}
}
