package frontmatter

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzSplit feeds arbitrary files to Split. Whatever the input, Split must not panic, and:
//   - an error is an *Error whose line exists in the file;
//   - a split file starts with a "+++" line, its front matter holds no "+++" line (the first
//     one closes it), front matter and body are valid UTF-8 without CR or BOM, and BodyLine is
//     the line of the file where the body starts, so that problems in the body point at the
//     right line.
func FuzzSplit(f *testing.F) {
	f.Add([]byte("+++\ntitel = \"x\"\n+++\nBody\n"))
	f.Add([]byte("\xef\xbb\xbf+++\r\ntitel = \"x\"\r\n+++\r\n## Kop\r\n\r\nTekst\r\n"))
	f.Add([]byte("+++ \t\ntitel = \"x\"\n+++  \n"))
	f.Add([]byte("+++\n+++"))
	f.Add([]byte("+++\ntitel = \"x\"\n"))
	f.Add([]byte("titel = \"x\"\n+++\n"))
	f.Add([]byte("+++\rtitel = 'a'\r+++\rBody"))
	f.Add([]byte("+++\nx = \"\xff\"\n+++\n"))
	f.Add([]byte(" \n\t\n"))
	f.Add([]byte("+++\n++++\n+++\n+++\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Split(data)
		norm := Normalize(data)
		lines := bytes.Count(norm, []byte("\n")) + 1
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("error is %T, want *Error: %v", err, err)
			}
			if fe.Line < 1 || fe.Line > lines {
				t.Fatalf("error at line %d of a file with %d lines: %v", fe.Line, lines, err)
			}
			if fe.Message == "" {
				t.Fatal("error without a message")
			}
			return
		}
		first, _, _ := bytes.Cut(norm, []byte("\n"))
		if string(bytes.TrimRight(first, " \t")) != delimiter {
			t.Fatalf("split a file that does not start with +++: %q", first)
		}
		for _, l := range bytes.Split(doc.FrontMatter, []byte("\n")) {
			if string(bytes.TrimRight(l, " \t")) == delimiter {
				t.Fatalf("front matter contains a delimiter line: %q", doc.FrontMatter)
			}
		}
		for name, part := range map[string][]byte{"front matter": doc.FrontMatter, "body": doc.Body} {
			if !utf8.Valid(part) || bytes.ContainsRune(part, '\r') || bytes.HasPrefix(part, []byte("\xef\xbb\xbf")) {
				t.Fatalf("%s is not normalised UTF-8: %q", name, part)
			}
		}
		// The front matter starts on line 2 and the closing delimiter follows it.
		if !bytes.HasPrefix(norm[len(first)+1:], doc.FrontMatter) {
			t.Fatalf("front matter %q is not the text after the first line", doc.FrontMatter)
		}
		closing := 2 + bytes.Count(doc.FrontMatter, []byte("\n"))
		if doc.BodyLine != closing+1 {
			t.Fatalf("BodyLine %d, but the closing +++ is on line %d", doc.BodyLine, closing)
		}
		if !bytes.HasSuffix(norm, doc.Body) {
			t.Fatalf("body %q is not the end of the file", doc.Body)
		}
		if len(doc.Body) > 0 {
			before := norm[:len(norm)-len(doc.Body)]
			if got := bytes.Count(before, []byte("\n")) + 1; got != doc.BodyLine {
				t.Fatalf("body starts on line %d of the file, BodyLine says %d", got, doc.BodyLine)
			}
		}
	})
}
