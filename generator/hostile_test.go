package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/bundlefile"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/internal/htmlcheck"
)

// hostileBody is Markdown that tries every way we know to get script into a page.
const hostileBody = `## Kop <script>alert("kop")</script>

<script>alert("blok")</script>

<iframe src="https://example.org/"></iframe>

Een zin met <span onclick="alert('klik')">Klik</span> en <img src="x.png" onerror="alert('fout')"> erin.

<div onmouseover="alert('blok')">Een blok</div>

<a href="javascript:alert('html')">html-link</a>

[gewoon](javascript:alert('gewoon'))
[hoofdletters](JaVaScRiPt:alert('hoofdletters'))
[entiteit](javascript&colon;alert('entiteit'))
[numeriek](&#106;avascript:alert('numeriek'))
[hex](&#x6A;avascript:alert('hex'))
[vb](vbscript:msgbox('vb'))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![beeld](javascript:alert('beeld'))
<javascript:alert('autolink')>
`

// hostile changes the fixture so that titles, summaries and bodies carry script.
func hostile(t *testing.T, extra map[string]string) map[string]string {
	strat := "content/strategieen/discussie.md"
	changes := map[string]string{
		strat: strings.NewReplacer(
			`titel = "Discussie"`, `titel = "Discussie <script>alert('titel')</script>"`,
			`samenvatting = "Praat erover."`, `samenvatting = "\"><img src=x onerror=alert('samenvatting')></script><script>alert(2)</script>"`,
			"Een gesprek in het team over de innovatie.", hostileBody,
		).Replace(fixture[strat]),
	}
	if changes[strat] == fixture[strat] {
		t.Fatal("the fixture changed; hostile content was not placed")
	}
	for k, v := range extra {
		changes[k] = v
	}
	return changes
}

// Script in front matter is escaped by the templates and script in Markdown is dropped, on
// every page that shows it: the strategy itself, the list, the determinant that links to it.
func TestHostileContentCannotRunScript(t *testing.T) {
	_, site := build(t, newProject(t, hostile(t, nil)))
	pages := 0
	for name, page := range site {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, p := range htmlcheck.Page([]byte(page)) {
			t.Errorf("%s: %s", name, p)
		}
		// Text such as the label of a dropped autolink may still read "javascript:…"; what
		// must never appear is script markup, which htmlcheck also finds in attributes.
		if i := strings.Index(strings.ToLower(page), "<script>alert"); i >= 0 {
			t.Errorf("%s carries script from the content:\n%s", name, excerpt(page, page[i:i+13]))
		}
	}
	if pages < 8 {
		t.Fatalf("only %d pages built", pages)
	}
	strategy := site["strategieen/discussie/index.html"]
	// The reader still sees the title as text, and the harmless text around the raw HTML.
	mustContain(t, "strategy page", strategy,
		"<h1>Discussie &lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt;</h1>",
		`content="&#34;&gt;&lt;img src=x onerror=alert(&#39;samenvatting&#39;)&gt;&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"`,
		"Een zin met <!-- raw HTML omitted -->Klik<!-- raw HTML omitted --> en <!-- raw HTML omitted --> erin.", ">gewoon</a>", ">hoofdletters</a>", ">entiteit</a>", ">numeriek</a>")
	mustContain(t, "strategy list", site["strategieen/index.html"], "Discussie &lt;script&gt;")
	mustContain(t, "determinant page", site["determinanten/25-coordinator/index.html"], "Discussie &lt;script&gt;")
	for _, name := range []string{"data/kennisbank.json", "zoeken/index.json"} {
		if data, ok := site[name]; ok && strings.Contains(data, "<script>") {
			t.Errorf("%s holds an unescaped <script> (JSON must escape < for pages that embed it)", name)
		}
	}
}

// html_toestaan = true passes raw HTML through for sites whose editors are all trusted; the
// templates still escape the front matter.
func TestRawHTMLOnlyWhenTheSiteAllowsIt(t *testing.T) {
	body := "Druk op <kbd>Ctrl</kbd>+<kbd>C</kbd>.\n"
	strat := "content/strategieen/discussie.md"
	withBody := strings.Replace(fixture[strat], "Een gesprek in het team over de innovatie.", body, 1)
	_, site := build(t, newProject(t, map[string]string{strat: withBody}))
	if page := site["strategieen/discussie/index.html"]; strings.Contains(page, "<kbd>") || !strings.Contains(page, "Druk op") {
		t.Errorf("raw HTML passed through without html_toestaan:\n%s", excerpt(page, "Druk op"))
	}

	allowed := strings.Replace(fixture["content/site.toml"], `base_url = ""`, "base_url = \"\"\nhtml_toestaan = true", 1)
	_, site = build(t, newProject(t, hostile(t, map[string]string{"content/site.toml": allowed})))
	mustContain(t, "strategy page with html_toestaan", site["strategieen/discussie/index.html"],
		`<script>alert("blok")</script>`, "<h1>Discussie &lt;script&gt;")

	_, site = build(t, newProject(t, map[string]string{"content/site.toml": allowed, strat: withBody}))
	mustContain(t, "strategy page with html_toestaan", site["strategieen/discussie/index.html"], "<kbd>Ctrl</kbd>+<kbd>C</kbd>")

	wrong := strings.Replace(fixture["content/site.toml"], `base_url = ""`, "base_url = \"\"\nhtml_toestaan = \"ja\"", 1)
	_, err := Check(Options{Root: newProject(t, map[string]string{"content/site.toml": wrong})})
	wantProblem(t, err, "content/site.toml", 3, `veld "html_toestaan": verkeerde soort waarde: verwacht true of false, gevonden: tekst tussen aanhalingstekens`)
}

// excerpt returns the text around the first occurrence of sub, for failure messages.
func excerpt(s, sub string) string {
	i := strings.Index(s, sub)
	if i < 0 {
		return "(" + sub + " not found)"
	}
	return s[max(0, i-200):min(len(s), i+200)]
}

// Files beside a page go through the bundle-file rule (package bundlefile): every file of the
// hostile corpus is a problem at its own path, the build refuses, and the site built before
// stays as it was; no hostile file ever reaches the output. The inert corpus is published.
func TestHostileBundleFilesNeverReachTheSite(t *testing.T) {
	const bundle = "content/factsheets/liso-framework/"
	inert := corpusFiles(t, "inert")
	root := newProject(t, prefixed(bundle, inert))
	out, site := build(t, root)
	for name, data := range inert {
		if site["factsheets/liso-framework/"+name] != data {
			t.Errorf("the inert file %s was not published beside its page", name)
		}
	}

	bad := corpusFiles(t, "hostile")
	root = newProject(t, prefixed(bundle, bad))
	_, err := Check(Options{Root: root})
	probs := problem.AsList(err)
	for name, data := range bad {
		refusal := bundlefile.Check(name, []byte(data))
		switch {
		case strings.HasPrefix(name, "."):
			// Hidden files are not part of the site at all.
		case refusal == nil:
			t.Errorf("the rule accepts the hostile file %s", name)
		case !hasProblem(probs, bundle+name, refusal.Error()):
			t.Errorf("check does not report %s%s: %v", bundle, name, refusal)
		}
	}
	if len(probs) != len(bad)-1 { // all but .htaccess, one problem each
		t.Errorf("%d problems for %d hostile files, want one each:\n%v", len(probs), len(bad)-1, err)
	}
	if _, err := Build(Options{Root: root, Out: out}); err == nil {
		t.Fatal("the build with hostile files succeeded")
	}
	after := readSite(t, out)
	published := map[string]bool{}
	for _, data := range inert {
		published[data] = true
	}
	for path, data := range after {
		for name, hostileData := range bad {
			// zip-as.xlsx is a Word document by another name: its bytes are published as verslag.docx.
			if filepath.Base(path) == name || data == hostileData && !published[data] {
				t.Errorf("the site holds the hostile file %s as %s", name, path)
			}
		}
	}
	if len(after) != len(site) {
		t.Errorf("the failed build changed the site: %d files, before %d", len(after), len(site))
	}
}

// corpusFiles reads the bundle-file corpus (generator/bundlefile/testdata/<dir>) by name.
func corpusFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("bundlefile", "testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("bundlefile", "testdata", dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

func prefixed(prefix string, files map[string]string) map[string]string {
	out := map[string]string{}
	for name, data := range files {
		out[prefix+name] = data
	}
	return out
}

func hasProblem(probs problem.List, file, message string) bool {
	for _, p := range probs {
		if p.File == file && p.Message == message {
			return true
		}
	}
	return false
}

// A symbolic link in content/, for an entry or for a file beside a page, is one problem at its
// own path, and what it points at is never read into the site: a link to a file elsewhere on
// the machine cannot publish it. The pages that name the linked entry give no problem of their
// own (one cause, one problem).
func TestSymbolicLinksInContentPublishNothing(t *testing.T) {
	root := newProject(t, nil)
	out, _ := build(t, root)
	elsewhere := t.TempDir()
	network := "content/leernetwerken/integraal-werken.md"
	pdf := "content/factsheets/liso-framework/factsheet.pdf"
	for _, name := range []string{network, pdf} {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		secret := filepath.Join(elsewhere, filepath.Base(name))
		if err := os.WriteFile(secret, append(data, "\ngeheim-van-elders\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		if os.Remove(filepath.Join(root, name)) != nil || os.Symlink(secret, filepath.Join(root, name)) != nil {
			t.Fatal("cannot place the link")
		}
	}
	_, err := Check(Options{Root: root})
	probs := problem.AsList(err)
	for _, name := range []string{network, pdf} {
		if !hasProblem(probs, name, "is geen gewoon bestand (maar bijvoorbeeld een snelkoppeling naar een ander bestand); zet het bestand zelf hier neer") {
			t.Errorf("check does not refuse the link %s", name)
		}
	}
	if len(probs) != 2 {
		t.Errorf("%d problems for two links, want one each:\n%v", len(probs), err)
	}
	if _, err := Build(Options{Root: root, Out: out}); err == nil {
		t.Fatal("the build with links in content/ succeeded")
	}
	for name, data := range readSite(t, out) {
		if strings.Contains(data, "geheim-van-elders") {
			t.Errorf("the site publishes a linked file as %s", name)
		}
	}
}
