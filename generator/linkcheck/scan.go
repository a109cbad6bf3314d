package linkcheck

import (
	"bytes"

	"golang.org/x/net/html"
)

// References returns the values of every href and src attribute of the start tags in doc, in
// order, as the HTML tokenizer of golang.org/x/net/html reads them: comments, raw text of script
// and style, end tags, quoted and unquoted values, only the first of two equal attributes, and
// nothing of a tag cut off by the end of the input.
//
// It reads the bytes itself, without building tokens, which makes checking every page of a large
// site cheap. The few inputs whose reading needs more (a NUL byte, a character reference or a
// carriage return in a value, markup escaped inside a script) go to the tokenizer; FuzzReferences
// holds the two to the same answers.
func References(doc []byte) []string {
	if refs, ok := scan(doc); ok {
		return refs
	}
	return tokenize(doc)
}

// scan is the fast reading; ok is false when the input needs the tokenizer.
func scan(doc []byte) (refs []string, ok bool) {
	if bytes.IndexByte(doc, 0) >= 0 {
		return nil, false
	}
	i := 0
	for {
		lt := bytes.IndexByte(doc[i:], '<')
		if lt < 0 || i+lt+1 >= len(doc) {
			return refs, true
		}
		i += lt + 1
		switch c := doc[i]; {
		case isLetter(c):
			n := len(refs)
			var rawTag string
			var closed, decode bool
			i, rawTag, closed, decode = readTag(doc, i, &refs)
			if decode {
				return nil, false
			}
			if !closed {
				return refs[:n], true // cut off by the end: the tokenizer drops the tag
			}
			if rawTag != "" {
				if i = skipRawText(doc, i, rawTag); i < 0 {
					return nil, false
				}
			}
		case c == '/':
			switch {
			case i+1 >= len(doc):
				return refs, true
			case isLetter(doc[i+1]):
				i, _, _, _ = readTag(doc, i+1, nil)
			case doc[i+1] == '>':
				i += 2
			default:
				i = untilCloseAngle(doc, i+1)
			}
		case c == '!':
			if bytes.HasPrefix(doc[i+1:], []byte("--")) {
				i = afterComment(doc, i+3)
			} else {
				i = untilCloseAngle(doc, i+1)
			}
		case c == '?':
			i = untilCloseAngle(doc, i+1)
		}
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// readTag reads the tag whose name starts at i, adding its first href and src values to refs
// (nil for an end tag). It returns where reading goes on, the name when the tag starts raw text
// (script, style, title…), whether the tag was closed before the end of doc, and whether a value
// needs the tokenizer's decoding.
func readTag(doc []byte, i int, refs *[]string) (next int, rawTag string, closed, decode bool) {
	start := i
	for i < len(doc) && !isSpace(doc[i]) && doc[i] != '/' && doc[i] != '>' {
		i++
	}
	name := doc[start:i]
	if i < len(doc) && isSpace(doc[i]) {
		i++
	}
	var seenHref, seenSrc bool
	for {
		i = skipSpace(doc, i)
		if i >= len(doc) {
			return i, "", false, false
		}
		if doc[i] == '>' {
			i++
			break
		}
		// The attribute name; an = right at its start belongs to the name.
		keyStart := i
		i++
		if doc[keyStart] != '=' && isNameEnd(doc[keyStart]) {
			i = keyStart // '/' or a space: an empty name, reread below
		}
		for i < len(doc) && !isNameEnd(doc[i]) && doc[i] != '=' {
			i++
		}
		key := doc[keyStart:i]
		// The value, if an = follows.
		var val []byte
		i = skipSpace(doc, i)
		switch {
		case i >= len(doc):
		case doc[i] == '/':
			i++
		case doc[i] == '=':
			i = skipSpace(doc, i+1)
			if i >= len(doc) || doc[i] == '>' {
				break
			}
			if q := doc[i]; q == '"' || q == '\'' {
				end := bytes.IndexByte(doc[i+1:], q)
				if end < 0 {
					return len(doc), "", false, false
				}
				val, i = doc[i+1:i+1+end], i+end+2
			} else {
				end := i
				for end < len(doc) && !isSpace(doc[end]) && doc[end] != '>' {
					end++
				}
				val = doc[i:end]
				i = end
				if i < len(doc) && isSpace(doc[i]) {
					i++
				}
			}
		}
		if refs == nil || len(key) == 0 {
			continue
		}
		isHref, isSrc := asciiEqualFold(key, "href"), asciiEqualFold(key, "src")
		if isHref && seenHref || isSrc && seenSrc || !isHref && !isSrc {
			continue
		}
		seenHref, seenSrc = seenHref || isHref, seenSrc || isSrc
		if bytes.IndexByte(val, '&') >= 0 || bytes.IndexByte(val, '\r') >= 0 {
			return i, "", true, true
		}
		*refs = append(*refs, string(val))
	}
	if refs != nil {
		for _, raw := range rawTags {
			if asciiEqualFold(name, raw) {
				return i, raw, true, false
			}
		}
	}
	return i, "", true, false
}

// rawTags hold text, not markup, up to their end tag.
var rawTags = []string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"}

// asciiEqualFold compares as the tokenizer does: only A–Z fold to a–z.
func asciiEqualFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

func isNameEnd(c byte) bool { return isSpace(c) || c == '/' || c == '>' }

func skipSpace(doc []byte, i int) int {
	for i < len(doc) && isSpace(doc[i]) {
		i++
	}
	return i
}

func untilCloseAngle(doc []byte, i int) int {
	if end := bytes.IndexByte(doc[i:], '>'); end >= 0 {
		return i + end + 1
	}
	return len(doc)
}

// afterComment returns where the comment whose text starts at i ends: at "-->", "--!>", or a
// ">" right after "<!--" and dashes.
func afterComment(doc []byte, i int) int {
	dashes, beginning := 0, true
	for ; i < len(doc); i++ {
		switch doc[i] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return i + 1
			}
		case '!':
			if dashes >= 2 && i+1 < len(doc) {
				i++
				if doc[i] == '>' {
					return i + 1
				}
				if doc[i] == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return len(doc)
}

// skipRawText returns where the raw text that starts at i ends: at its end tag, which is then
// read as an ordinary tag. It returns -1 for a script with "<!--" in it, whose end the
// tokenizer finds through the escaped states of the HTML standard.
func skipRawText(doc []byte, i int, tag string) int {
	if tag == "plaintext" {
		return len(doc)
	}
	escaped := len(doc)
	if tag == "script" {
		if at := bytes.Index(doc[i:], []byte("<!--")); at >= 0 {
			escaped = i + at
		}
	}
	for j := i; ; {
		lt := bytes.Index(doc[j:], []byte("</"))
		if lt < 0 || j+lt > escaped {
			if escaped < len(doc) {
				return -1
			}
			return len(doc)
		}
		j += lt + 2
		if j+len(tag) < len(doc) && asciiEqualFold(doc[j:j+len(tag)], tag) {
			if c := doc[j+len(tag)]; isSpace(c) || c == '/' || c == '>' {
				return j - 2
			}
		}
	}
}

// tokenize is the slow, complete reading. The tokenizer itself leaves out repeated attributes.
func tokenize(doc []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			_, more := z.TagName()
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if ks := string(k); ks == "href" || ks == "src" {
					out = append(out, string(v))
				}
			}
		}
	}
}
