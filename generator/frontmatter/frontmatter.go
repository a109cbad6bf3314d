// Package frontmatter splits a content file into its TOML front matter and its Markdown body.
//
// A content file starts with a line "+++", then TOML, then another "+++" line, then Markdown.
// A UTF-8 byte order mark and CRLF line endings are accepted and normalised away.
package frontmatter

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Document is a split content file.
type Document struct {
	FrontMatter []byte // the TOML between the two +++ lines, LF line endings
	Body        []byte // the Markdown after the closing +++ line
	BodyLine    int    // the 1-based line in the file where Body starts
}

// Error is a problem with the file's shape, at a 1-based line.
type Error struct {
	Line    int
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("regel %d: %s", e.Line, e.Message) }

const delimiter = "+++"

// Normalize removes a UTF-8 byte order mark and turns CRLF (and lone CR) line endings into LF.
func Normalize(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
}

// Split normalises data and splits it. The error, if any, is an *Error.
func Split(data []byte) (Document, error) {
	data = Normalize(data)
	if line, ok := firstInvalidUTF8(data); !ok {
		return Document{}, &Error{Line: line, Message: "het bestand is geen geldige UTF-8: sla het op als UTF-8"}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Document{}, &Error{Line: 1, Message: "het bestand is leeg (verwacht bovenaan de velden tussen twee regels \"+++\")"}
	}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != delimiter {
		return Document{}, &Error{Line: 1, Message: "geen velden bovenaan: het bestand moet beginnen met een regel \"+++\""}
	}
	line := 2
	offset := 0
	for offset <= len(rest) {
		end := bytes.IndexByte(rest[offset:], '\n')
		var current []byte
		next := len(rest) + 1
		if end >= 0 {
			current = rest[offset : offset+end]
			next = offset + end + 1
		} else {
			current = rest[offset:]
		}
		if string(bytes.TrimRight(current, " \t")) == delimiter {
			body := []byte{}
			if next <= len(rest) {
				body = rest[next:]
			}
			return Document{FrontMatter: rest[:offset], Body: body, BodyLine: line + 1}, nil
		}
		offset = next
		line++
	}
	return Document{}, &Error{Line: 1, Message: "de velden bovenaan zijn niet afgesloten: verwacht een tweede regel \"+++\" na de velden"}
}

func firstInvalidUTF8(data []byte) (line int, ok bool) {
	if utf8.Valid(data) {
		return 0, true
	}
	line = 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, false
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line, false
}
