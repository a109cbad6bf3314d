package bundlefile

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzInertSVG feeds the SVG rule what the corpus holds and what the fuzzer makes of it. It must
// never panic, and a drawing it lets through holds no script element and no attribute that
// names javascript:, data: or another host once the XML is decoded, in any letter case.
func FuzzInertSVG(f *testing.F) {
	for _, dir := range []string{"hostile", "inert"} {
		for _, name := range corpus(f, dir) {
			if strings.HasSuffix(name, ".svg") {
				f.Add(read(f, dir, name))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if Check("tekening.svg", data) != nil {
			return
		}
		if bytes.Contains(bytes.ToLower(data), []byte("<script")) {
			t.Fatalf("accepted a script element: %q", data)
		}
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			tok, err := d.Token()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				t.Fatalf("accepted a file the XML decoder cannot read (%v): %q", err, data)
			}
			el, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			if strings.EqualFold(el.Name.Local, "script") || strings.EqualFold(el.Name.Local, "foreignObject") {
				t.Fatalf("accepted <%s>: %q", el.Name.Local, data)
			}
			for _, a := range el.Attr {
				v := squash(a.Value)
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") && a.Name.Space != "xmlns" ||
					strings.Contains(v, "javascript:") || a.Name.Space != "xmlns" && a.Name.Local != "xmlns" &&
					(strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "//") || strings.HasPrefix(v, "http")) && isLink(a.Name.Local) {
					t.Fatalf("accepted %s=%q: %q", a.Name.Local, a.Value, data)
				}
			}
		}
	})
}

func isLink(local string) bool {
	l := strings.ToLower(local)
	return l == "href" || l == "src" || l == "base"
}
