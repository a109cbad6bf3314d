package linkcheck

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzReferences holds the fast reading to the tokenizer's answers on any input: a link the
// fast reading missed would go unchecked, one it made up would be reported as broken.
func FuzzReferences(f *testing.F) {
	for _, s := range []string{
		`<a href="x/">x</a><img src='y.png'><link href=z.css>`,
		`<A HREF="x" href="y" Src=z>`, `<a =href="x" href = "y" / src=>`, `<a href`, `<a href="x`, `<a href=x`,
		`<!-- <a href="x"> --><!--> <a href=y><!---> <a href=z>`, `<!-- --!> <a href=w> --!x <a href=v>`,
		`<!DOCTYPE html><? <a href=x> ?><a href=y>`, `</a href=">"><a href=x></><a href=z></ b href=y>`,
		`<script>"<a href=x>"</script ><a href=y>`, `<script><!-- </script><a href=x> --></script>`,
		`<title><a href=x></title><a href=y>`, `<style/><a href=x></STYLE><a href=y>`, `<plaintext><a href=x>`,
		`<textarea></textareax><a href=x></textarea/><a href=y>`, `<a href="?a=1&amp;b=2">`, "<a href='x\r\ny'>",
		"<a\x00 href=x>", `<<a href=x><1 <a href=y>`, `<a/href=x/src=y>`, `<a href=ſrc src=x ſrc=y>`,
	} {
		f.Add([]byte(s))
	}
	page, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(page)
	f.Fuzz(func(t *testing.T, doc []byte) {
		if got, want := References(doc), tokenize(doc); !slices.Equal(got, want) {
			t.Fatalf("References(%q)\n = %q\nwant %q (the tokenizer's)", doc, got, want)
		}
	})
}

// FuzzJoin holds the quick resolution of plain links to the full one.
func FuzzJoin(f *testing.F) {
	for _, s := range [][2]string{{"strategieen/x/", "../../determinanten/d01/"}, {"strategieen/x/", "citeer.bib"},
		{"", "zoeken/"}, {"404.html", "assets/a.css"}, {"a/b/", "../"}, {"a/b/", "../../"}, {"a/b/", "../../../x/"},
		{"a/", "./x"}, {"a/", "x/../y"}, {"a/", "x//y"}, {"nieuws/n.html", "../x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, ref string) {
		if strings.HasPrefix(from, "/") || strings.Contains(from, "//") || strings.Contains(from, "/.") || strings.HasPrefix(from, ".") {
			return // pages are clean paths relative to the root
		}
		if ref == "" {
			return // resolve takes an empty link as this page
		}
		c := New(func(string) bool { return true }, "", "")
		got, ok := join(from, ref)
		if !ok {
			return
		}
		u, err := url.Parse(ref)
		if err != nil || u.Path != ref {
			t.Fatalf("join took %q, which is no plain path", ref)
		}
		want, reason := c.resolveURL(ref, from)
		if reason != "" || got != want {
			t.Fatalf("join(%q, %q) = %q, full reading %q (%s)", from, ref, got, want, reason)
		}
	})
}
