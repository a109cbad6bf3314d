package markdown

import (
	"bytes"
	"net/url"
	"path"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"

	"github.com/werkplaats-jeugd/kennisbank/internal/htmlcheck"
)

// pages are page URLs of every shape the site has: home, a root page, an item, the 404 page.
var pages = []string{"", "over/", "strategieen/audit-en-feedback/", "factsheets/liso-framework/", "404.html"}

// elements goldmark may write for Markdown (with GFM) when raw HTML is off.
var elements = map[string]bool{"html": true, "head": true, "body": true, "p": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "a": true, "img": true, "em": true, "strong": true, "code": true,
	"pre": true, "blockquote": true, "ul": true, "ol": true, "li": true, "hr": true, "br": true, "table": true,
	"thead": true, "tbody": true, "tr": true, "th": true, "td": true, "del": true, "input": true,
	"div": true} // div: the scrolling region around a table

// checkSafeHTML fails when out contains anything that could run script or break the page's
// Content-Security-Policy: a script (or any raw) element, an event handler, a style attribute,
// or a link or image with a javascript:, vbscript:, file: or non-image data: URL.
func checkSafeHTML(t *testing.T, out []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output does not parse as HTML: %v", err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !elements[n.Data] {
				t.Fatalf("element <%s> in the output:\n%s", n.Data, out)
			}
			for _, a := range n.Attr {
				name := strings.ToLower(a.Key)
				if strings.HasPrefix(name, "on") || name == "style" || name == "srcdoc" || name == "formaction" {
					t.Fatalf("attribute %s=%q on <%s>:\n%s", a.Key, a.Val, n.Data, out)
				}
				if name == "href" || name == "src" {
					switch s := htmlcheck.Scheme(a.Val); s {
					case "javascript", "vbscript", "file":
						t.Fatalf("%s URL %q on <%s>:\n%s", s, a.Val, n.Data, out)
					case "data":
						// Raster images cannot run script; everything else (text/html, image/svg+xml) can.
						if v := strings.ToLower(a.Val); !strings.HasPrefix(v, "data:image/png") && !strings.HasPrefix(v, "data:image/gif") &&
							!strings.HasPrefix(v, "data:image/jpeg") && !strings.HasPrefix(v, "data:image/webp") {
							t.Fatalf("data URL %q on <%s>:\n%s", a.Val, n.Data, out)
						}
					}
				}
			}
			if n.Data == "input" && (htmlcheck.Attr(n, "type") != "checkbox" || !hasAttr(n, "disabled")) {
				t.Fatalf("an input other than a disabled task-list checkbox:\n%s", out)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if bytes.Contains(bytes.ToLower(out), []byte("<script")) {
		t.Fatalf("output contains <script:\n%s", out)
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// headingIDs lists the id of every h1–h6 in out, in order.
func headingIDs(t *testing.T, out []byte) []string {
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			ids = append(ids, htmlcheck.Attr(n, "id"))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return ids
}

// FuzzRender renders arbitrary Markdown with an arbitrary link destination, used as a link, an
// image and an autolink, on every kind of page, with every target existing. Besides not
// panicking: the HTML holds nothing that can run script or needs inline styles, heading ids are
// unique, valid and the ones Render reports, and Render never fails.
func FuzzRender(f *testing.F) {
	seeds := []struct{ md, dest string }{
		{"## Coördinatie in de praktijk\n\nTekst met *nadruk*.", "../../strategieen/discussie/"},
		{"<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>", "javascript:alert(1)"},
		{"<iframe src=\"https://example.org\"></iframe>", "JaVaScRiPt:alert(1)"},
		{"Tekst <span onclick=\"alert(1)\">klik</span>", "javascript&colon;alert(1)"},
		{"[a](<java\tscript:alert(1)>)", "&#106;avascript:alert(1)"},
		{"| a | b |\n| :-- | --: |\n| 1 | 2 |", "/strategieen/x/#kop"},
		{"- [x] klaar\n- [ ] nog niet", "vbscript:msgbox(1)"},
		{"# Kop\n# Kop\n# kop-1", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
		{"www.example.org en https://example.org", "data:image/png;base64,AAAA"},
		{"<javascript:alert(1)>", "/a:b/"},
		{"```html\n<script>x</script>\n```", "/strategieen/a\\_b/?x=1&amp;y=2"},
		{"![x](figuur.png \"titel\\\" onerror=\\\"alert(1)\")", "%2e%2e/%2e%2e/etc/passwd"},
		{"## İstanbul\n## ǅ", "file:///etc/passwd"},
	}
	for _, s := range seeds {
		f.Add(s.md, s.dest, uint8(0))
	}
	r := New()
	all := func(string) bool { return true }
	f.Fuzz(func(t *testing.T, md, dest string, page uint8) {
		pageURL := pages[int(page)%len(pages)]
		src := md + "\n\n[link](" + dest + ") ![beeld](" + dest + ")\n\n<" + dest + ">\n"
		res, err := r.Render([]byte(src), pageURL, all)
		if err != nil {
			t.Fatalf("Render failed: %v", err)
		}
		checkSafeHTML(t, res.HTML)
		ids := headingIDs(t, res.HTML)
		if len(ids) != len(res.Headings) {
			t.Fatalf("%d headings in the HTML, %d reported", len(ids), len(res.Headings))
		}
		seen := map[string]bool{}
		for i, id := range ids {
			if id == "" || seen[id] || id != res.Headings[i].ID {
				t.Fatalf("heading %d has id %q (reported %q; seen before: %v)", i, id, res.Headings[i].ID, seen[id])
			}
			if strings.IndexFunc(id, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && !unicode.Is(unicode.Mn, r)
			}) >= 0 {
				t.Fatalf("heading id %q has characters that are not letters, digits or hyphens", id)
			}
			seen[id] = true
		}
	})
}

// FuzzResolve checks link rewriting: a root-relative link ("/x/y/") that Render accepts is
// written as a relative URL without scheme or host that, read by a browser on the page, leads
// to the same path; a relative link is left as written; a link never climbs above the root.
func FuzzResolve(f *testing.F) {
	for _, d := range []string{"/strategieen/x/", "/", "/over", "/strategieen/x/#kop", "/a:b/", "/a%23b/", "/a%25b/", "/a&amp;b/",
		"/a\\_b/", "../../x/", "../../../x/", "x.png", "#kop", "//example.org/x", "https://example.org", "/x/../../y/", "/%2e%2e/x/", "?q=1", "/x/index.html"} {
		f.Add(d, uint8(0))
		f.Add(d, uint8(2))
	}
	f.Fuzz(func(t *testing.T, dest string, page uint8) {
		pageURL := pages[int(page)%len(pages)]
		var asked []string
		out, ok := resolve(dest, pageURL, func(p string) bool { asked = append(asked, p); return true })
		for _, p := range asked {
			if p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
				t.Fatalf("resolve(%q) asked about %q, outside the site", dest, p)
			}
		}
		if !ok {
			return
		}
		plain := string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(dest)))))
		if !strings.HasPrefix(plain, "/") || strings.HasPrefix(plain, "//") {
			if out != dest {
				t.Fatalf("resolve changed %q (not root-relative) into %q", dest, out)
			}
			return
		}
		u, err := url.Parse(plain)
		if err != nil {
			t.Fatalf("accepted %q, which does not parse: %v", dest, err)
		}
		// What the browser gets: goldmark's escaping of the destination.
		href := string(util.URLEscape([]byte(out), true))
		ref, err := url.Parse(href)
		if err != nil {
			t.Fatalf("resolve(%q) on %q = %q, written as %q, which does not parse: %v", dest, pageURL, out, href, err)
		}
		if ref.Scheme != "" || ref.Host != "" || strings.HasPrefix(href, "/") {
			t.Fatalf("resolve(%q) on %q = %q: not relative (scheme %q, host %q)", dest, pageURL, href, ref.Scheme, ref.Host)
		}
		base, _ := url.Parse("http://site.test/sub/" + pageURL)
		got := base.ResolveReference(ref)
		want := "/sub" + path.Clean(u.Path)
		if strings.HasSuffix(u.Path, "/") && want != "/sub/" {
			want += "/"
		}
		if got.Path != want {
			t.Fatalf("resolve(%q) on page /sub/%s = %q (written %q): the browser goes to %q, want %q", dest, pageURL, out, href, got.Path, want)
		}
	})
}

// FuzzHeadingID checks that anchor ids are non-empty runs of letters and digits joined by single
// hyphens, and that making an id of an id changes nothing, so a link to #id keeps working.
func FuzzHeadingID(f *testing.F) {
	for _, s := range []string{"Coördinatie in de praktijk", "Wat houdt het in?", "  -- ", "İstanbul", "ǅemal", "Ⅻ uur", "x\u0301", "日本語 テキスト", "ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id := HeadingID(s)
		if strings.HasPrefix(id, "-") || strings.HasSuffix(id, "-") || strings.Contains(id, "--") {
			t.Fatalf("HeadingID(%q) = %q: stray hyphens", s, id)
		}
		for _, r := range id {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				t.Fatalf("HeadingID(%q) = %q contains %q", s, id, r)
			}
		}
		if again := HeadingID(id); again != id {
			t.Fatalf("HeadingID(%q) = %q, HeadingID(%q) = %q", s, id, id, again)
		}
	})
}
