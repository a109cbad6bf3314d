package linkcheck

import (
	"os"
	"path/filepath"
	"slices"
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
