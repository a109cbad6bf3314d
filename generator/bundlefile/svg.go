package bundlefile

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// svgAdvice is what an editor can do about a refused SVG.
const svgAdvice = "een SVG bij een pagina mag alleen een tekening zijn: sla hem op zonder scripts, " +
	"links naar buiten en ingebedde bestanden (zet een foto als los bestand naast de pagina), of gebruik PNG"

func svgRefused(format string, args ...any) *Error {
	return refuse(svgAdvice, "de SVG bevat "+format, args...)
}

const xhtmlNS = "http://www.w3.org/1999/xhtml"

// activeElements run code, show a web page or load one, whatever their namespace or letter case.
var activeElements = map[string]string{
	"script":        "een script-element (<%s>)",
	"foreignobject": "een foreignObject-element (<%s>), dat een stuk webpagina in de tekening zet",
	"iframe":        "een iframe-element (<%s>), dat een webpagina laadt",
	"embed":         "een embed-element (<%s>), dat een ander bestand laadt",
	"object":        "een object-element (<%s>), dat een ander bestand laadt",
	"handler":       "een handler-element (<%s>), dat code uitvoert",
	"listener":      "een listener-element (<%s>), dat code uitvoert",
}

// animations can change an attribute, a link's address among them.
var animations = map[string]bool{"set": true, "animate": true, "animatemotion": true, "animatetransform": true, "discard": true}

// inertSVG checks that an SVG is a drawing and nothing more. It reads the file as XML tokens, so
// that entities and character references are what a browser would see, and refuses: script and
// other active elements, HTML elements, event-handler attributes (on…), javascript:, data: and
// other schemes in links, links to other hosts, @import and url() to other hosts in CSS (in
// <style>, style="" and presentation attributes such as fill), animations of a link, entity
// definitions, processing instructions such as xml-stylesheet, and whatever does not parse.
// Names are compared in any letter case.
func inertSVG(data []byte) error {
	// A script element anywhere in the bytes, also in CDATA or a comment: a parser that reads the
	// file another way (as HTML, when a host sends the wrong type) could find it.
	if bytes.Contains(bytes.ToLower(data), []byte("<script")) {
		return svgRefused("een script-element (<script>)")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var r svgReader
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return unparsable(err)
		}
		if err := r.token(tok); err != nil {
			return err
		}
	}
	if !svgRoot(data) {
		return refuse(svgAdvice, "het bestand is geen SVG-tekening (het begint niet met <svg>)")
	}
	return nil
}

// svgReader checks an SVG token by token.
type svgReader struct {
	inStyle int             // how many <style> elements are open
	style   strings.Builder // their text so far: CDATA sections and comments split it into tokens
}

func (r *svgReader) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		if err := svgElement(t); err != nil {
			return err
		}
		if strings.EqualFold(t.Name.Local, "style") {
			r.inStyle++
		}
	case xml.EndElement:
		if strings.EqualFold(t.Name.Local, "style") {
			r.inStyle--
			if r.inStyle == 0 {
				text := r.style.String()
				r.style.Reset()
				return checkCSS(text, "<style>")
			}
		}
	case xml.CharData:
		if r.inStyle > 0 {
			r.style.Write(t)
		}
	case xml.ProcInst:
		if t.Target != "xml" {
			return svgRefused("een verwerkingsinstructie (<?%s …?>)", t.Target)
		}
	case xml.Directive:
		if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
			return svgRefused("een entiteitsdefinitie (<!ENTITY …>), waarmee tekst ongezien een link kan worden")
		}
	}
	return nil
}

// svgRoot reports whether the first element of data is svg.
func svgRoot(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		if t, ok := tok.(xml.StartElement); ok {
			return strings.EqualFold(t.Name.Local, "svg")
		}
	}
}

func unparsable(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return refuse(svgAdvice, "de SVG is geen geldig XML en kan dus niet gecontroleerd worden (regel %d: %s)", se.Line, se.Msg)
	}
	return refuse(svgAdvice, "de SVG kan niet gelezen worden en dus niet gecontroleerd worden (%v)", err)
}

func svgElement(t xml.StartElement) error {
	name := strings.ToLower(t.Name.Local)
	if what, ok := activeElements[name]; ok {
		return svgRefused(what, t.Name.Local)
	}
	if t.Name.Space == xhtmlNS {
		return svgRefused("een HTML-element (<%s>)", t.Name.Local)
	}
	for _, a := range t.Attr {
		if animations[name] && strings.EqualFold(a.Name.Local, "attributeName") && strings.Contains(strings.ToLower(a.Value), "href") {
			return svgRefused("een animatie die een link verandert (<%s attributeName=%q>)", t.Name.Local, a.Value)
		}
		if err := svgAttr(a); err != nil {
			return err
		}
	}
	return nil
}

func svgAttr(a xml.Attr) error {
	local := strings.ToLower(a.Name.Local)
	if a.Name.Space == "xmlns" || a.Name.Space == "" && local == "xmlns" {
		return nil // a namespace declaration names a namespace, it links nowhere
	}
	name := a.Name.Local
	if a.Name.Space != "" {
		name = prefixOf(a.Name.Space) + name
	}
	if strings.HasPrefix(local, "on") {
		return svgRefused("een event-handler (%s=\"…\"), die code uitvoert", name)
	}
	if s := squash(a.Value); strings.Contains(s, "javascript:") || strings.Contains(s, "vbscript:") {
		return svgRefused("een javascript:-link (in %s)", name)
	}
	if local == "href" || local == "src" || local == "base" {
		if err := checkURL(a.Value, name); err != nil {
			return err
		}
	}
	return checkCSS(a.Value, name)
}

// prefixOf gives a namespaced attribute the prefix it usually has, for messages.
func prefixOf(space string) string {
	switch space {
	case "http://www.w3.org/1999/xlink", "xlink":
		return "xlink:"
	case "http://www.w3.org/XML/1998/namespace", "xml":
		return "xml:"
	}
	return ""
}

// squash is a value as a URL parser reads it: without the white space and control characters
// it skips (java&#9;script: is javascript:), in lower case, with \ read as /.
func squash(v string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(v) {
		switch {
		case r <= ' ' || r == 0x7f || r == 0xa0:
		case r == '\\':
			b.WriteByte('/')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var scheme = regexp.MustCompile(`^[a-z][a-z0-9+.\-]*:`)

// checkURL allows links within the drawing (#name) and to files of the site, and nothing else.
func checkURL(v, where string) error {
	s := squash(v)
	switch m := scheme.FindString(s); {
	case s == "" || strings.HasPrefix(s, "#"):
		return nil
	case strings.HasPrefix(s, "//") || m == "http:" || m == "https:":
		return svgRefused("een verwijzing naar een andere site (%s in %s)", shorten(strings.TrimSpace(v)), where)
	case m == "data:":
		return svgRefused("een data:-link (in %s), een ingebed bestand dat niet te controleren is", where)
	case m != "":
		return svgRefused("een link met %s (in %s)", m, where)
	}
	return nil
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:57]) + "…"
}

// legacyCSS ran code in old browsers; nothing in a drawing needs it.
var legacyCSS = []string{"expression(", "-moz-binding", "behavior:"}

// checkCSS checks style sheet text (a <style> element, a style attribute, a presentation
// attribute such as fill="url(#verloop)"): no @import, no code, and url() and quoted strings only
// to the drawing itself or the site.
func checkCSS(text, where string) error {
	css := strings.ToLower(decodeCSS(text))
	if strings.Contains(css, "@import") {
		return svgRefused("@import in CSS (in %s), dat een ander bestand laadt", where)
	}
	for _, l := range legacyCSS {
		if strings.Contains(squash(css), l) {
			return svgRefused("CSS die code uitvoert (%s in %s)", strings.TrimSuffix(l, "("), where)
		}
	}
	for _, target := range cssTargets(css) {
		if err := checkURL(target, where); err != nil {
			return err
		}
	}
	return nil
}

var (
	cssURL    = regexp.MustCompile(`url\(\s*("[^"]*"|'[^']*'|[^)]*)`)
	cssString = regexp.MustCompile(`"[^"]*"|'[^']*'`)
)

// cssTargets returns the arguments of url() and every quoted string (image-set("…") takes
// addresses without url()).
func cssTargets(css string) []string {
	var out []string
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		out = append(out, strings.Trim(strings.TrimSpace(m[1]), `"'`))
	}
	for _, m := range cssString.FindAllString(css, -1) {
		out = append(out, m[1:len(m)-1])
	}
	return out
}

// decodeCSS removes comments and resolves escapes (\69 is i), so that @\69mport is @import.
func decodeCSS(s string) string {
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + s[i+2+j+2:]
	}
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		j := i + 1
		for j < len(s) && j < i+7 && isHex(s[j]) {
			j++
		}
		if j == i+1 { // \ before any other character stands for that character
			if s[j] != '\n' {
				b.WriteByte(s[j])
			}
			i = j
			continue
		}
		n, _ := strconv.ParseUint(s[i+1:j], 16, 32)
		b.WriteString(fmt.Sprintf("%c", rune(n)))
		if j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		i = j - 1
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
