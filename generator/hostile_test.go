package generator

import (
	"strings"
	"testing"

	"kennisbank/internal/htmlcheck"
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
