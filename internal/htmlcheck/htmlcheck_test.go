package htmlcheck

import (
	"strings"
	"testing"
)

const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">`

func page(head, body string) []byte {
	return []byte("<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>")
}

func TestSafePageHasNoProblems(t *testing.T) {
	p := page(csp+`<script src="assets/main.js" defer></script><script type="application/ld+json">{"@type":"Thing","name":"a \u003c b"}</script>`,
		`<a href="../x/">x</a><img src="data:image/png;base64,AA" alt=""><a href="https://example.org">e</a>`)
	if probs := Page(p); len(probs) != 0 {
		t.Fatalf("problems in a safe page: %v", probs)
	}
}

func TestEveryUnsafeThingIsFound(t *testing.T) {
	cases := map[string][]byte{
		"inline <script>":           page(csp, `<script>alert(1)</script>`),
		"event handler":             page(csp, `<img src="x.png" onerror="alert(1)">`),
		"style attribute":           page(csp, `<p style="color:red">x</p>`),
		`href=" JaVa`:               page(csp, "<a href=\" JaVa\tScRiPt:alert(1)\">x</a>"),
		"<iframe> element":          page(csp, `<iframe src="https://example.org"></iframe>`),
		"not valid JSON":            page(csp, `<script type="application/ld+json">{"a": </script><script>x</script>`),
		"0 Content-Security-Policy": page("", ""),
		"allows 'unsafe-inline'":    page(`<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'">`, ""),
		"without script-src":        page(`<meta http-equiv="Content-Security-Policy" content="style-src 'self'">`, ""),
		"with inline code":          page(csp, `<script src="a.js">alert(1)</script>`),
	}
	for want, p := range cases {
		probs := Page(p)
		if !strings.Contains(strings.Join(probs, "\n"), want) {
			t.Errorf("%s: problems %v, want one mentioning %q", p, probs, want)
		}
	}
}

func TestScheme(t *testing.T) {
	for in, want := range map[string]string{"javascript:x": "javascript", " \x01JAVA\tscript:x": "javascript", "../a:b": "", "./a:b": "",
		"a/b:c": "", "#x:y": "", "https://x": "https", "?a:b": "", "": ""} {
		if got := Scheme(in); got != want {
			t.Errorf("Scheme(%q) = %q, want %q", in, got, want)
		}
	}
}
