// Package htmlcheck finds what in a built page could run script other than the site's own
// files, or that the page's Content-Security-Policy would block: inline scripts, event handler
// attributes, style attributes, javascript: URLs, embedded frames, and a missing or weakened
// policy. Tests use it on every page they build.
package htmlcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// Page returns one message per problem found in the HTML page; none means the page is safe.
func Page(page []byte) []string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{fmt.Sprintf("does not parse as HTML: %v", err)}
	}
	var probs []string
	csp := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				probs = append(probs, script(n)...)
			case "iframe", "frame", "object", "embed":
				probs = append(probs, fmt.Sprintf("<%s> element", n.Data))
			case "meta":
				if strings.EqualFold(Attr(n, "http-equiv"), "Content-Security-Policy") {
					csp++
					probs = append(probs, policy(Attr(n, "content"))...)
				}
			}
			for _, a := range n.Attr {
				name := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(name, "on"):
					probs = append(probs, fmt.Sprintf("event handler %s=%q on <%s>", a.Key, a.Val, n.Data))
				case name == "style":
					probs = append(probs, fmt.Sprintf("style attribute on <%s> (blocked by style-src 'self')", n.Data))
				case name == "href" || name == "src" || name == "action" || name == "formaction" || name == "srcdoc":
					if s := Scheme(a.Val); s == "javascript" || s == "vbscript" || name == "srcdoc" {
						probs = append(probs, fmt.Sprintf("%s=%q on <%s>", a.Key, a.Val, n.Data))
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if csp != 1 {
		probs = append(probs, fmt.Sprintf("%d Content-Security-Policy meta elements, want 1", csp))
	}
	return probs
}

// script accepts a script that loads a file, and a JSON-LD data block that is valid JSON.
func script(n *html.Node) []string {
	if Attr(n, "src") != "" {
		if n.FirstChild != nil {
			return []string{"<script src> with inline code as well"}
		}
		return nil
	}
	if strings.EqualFold(Attr(n, "type"), "application/ld+json") {
		var text strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text.WriteString(c.Data)
		}
		if !json.Valid([]byte(text.String())) {
			return []string{fmt.Sprintf("JSON-LD block is not valid JSON: %.80q", text.String())}
		}
		return nil
	}
	return []string{"inline <script> without src"}
}

// policy checks that scripts may only come from the site itself.
func policy(content string) []string {
	directives := map[string]string{}
	for _, d := range strings.Split(content, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		if name != "" {
			directives[strings.ToLower(name)] = value
		}
	}
	src, ok := directives["script-src"]
	if !ok {
		src, ok = directives["default-src"]
	}
	if !ok {
		return []string{"Content-Security-Policy without script-src or default-src"}
	}
	var probs []string
	for _, v := range strings.Fields(src) {
		if v == "'unsafe-inline'" || v == "'unsafe-eval'" || v == "*" || v == "data:" || v == "http:" || v == "https:" {
			probs = append(probs, "Content-Security-Policy script-src allows "+v)
		}
	}
	return probs
}

// Scheme returns the scheme of a URL attribute as a browser reads it: leading and trailing
// spaces and control characters are ignored, tabs and newlines removed, letters compared in
// lower case. It returns "" for a relative URL.
func Scheme(v string) string {
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	i := strings.IndexAny(v, ":/?#")
	if i <= 0 || v[i] != ':' {
		return ""
	}
	return strings.ToLower(v[:i])
}

// Attr returns the value of n's attribute key, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
