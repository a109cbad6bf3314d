package bundlefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostile maps every file in testdata/hostile to what the refusal must name.
var hostile = map[string]string{
	".htaccess":                  "zonder extensie",
	"LEESMIJ":                    "zonder extensie",
	"animate-xlink.svg":          "animatie die een link verandert",
	"backslash-host.svg":         "andere site",
	"broken.svg":                 "geen geldig XML",
	"code.js":                    "type .js",
	"damaged.docx":               "beschadigd",
	"data-href.svg":              "data:-link (in href)",
	"data-xlink-html.svg":        "data:-link (in xlink:href)",
	"entity-external.svg":        "<!ENTITY",
	"entity-javascript.svg":      "<!ENTITY",
	"entity-laughs.svg":          "<!ENTITY",
	"external-image.svg":         "andere site (https://example.org/teller.png in href)",
	"external-link.svg":          "andere site (https://example.org/ in href)",
	"external-xlink-http.svg":    "andere site (http://example.org/teller.png in xlink:href)",
	"figuur.png.html":            "type .html",
	"fill-url-external.svg":      "andere site (https://example.org/p.svg#g in fill)",
	"foreignobject-case.svg":     "foreignObject-element (<FOREIGNOBJECT>)",
	"foreignobject.svg":          "foreignObject-element (<foreignObject>)",
	"foto.bmp":                   "type .bmp",
	"gegevens.xml":               "type .xml",
	"gifar.gif":                  "zip- of Java-archief",
	"handler.svg":                "handler-element",
	"href-javascript-case.svg":   "javascript:-link (in href)",
	"href-javascript-entity.svg": "javascript:-link (in href)",
	"href-javascript-tab.svg":    "javascript:-link (in href)",
	"html-as.avif":               "geen AVIF-afbeelding maar HTML",
	"html-as.csv":                "geen tekst maar HTML",
	"html-as.docx":               "geen Word-document maar HTML",
	"html-as.gif":                "geen GIF-afbeelding maar HTML",
	"html-as.jpg":                "geen JPEG-afbeelding maar HTML",
	"html-as.odt":                "geen OpenDocument-tekst maar HTML",
	"html-as.pdf":                "geen PDF maar HTML",
	"html-as.png":                "geen PNG-afbeelding maar HTML",
	"html-as.txt":                "geen tekst maar HTML",
	"html-as.webp":               "geen WebP-afbeelding maar HTML",
	"html-entities.svg":          "geen geldig XML",
	"html-named.svg":             "HTML-element (<html>)",
	"html-no-doctype-as.png":     "geen PNG-afbeelding maar HTML",
	"html-pdf-polyglot.pdf":      "geen PDF maar HTML",
	"iframe.svg":                 "iframe-element",
	"img-onerror.csv":            "HTML (<img)",
	"jpeg-jar.jpg":               "zip- of Java-archief",
	"macro.docm":                 "type .docm",
	"mailto.svg":                 "link met mailto:",
	"not-svg-root.svg":           "geen SVG-tekening",
	"onbegin-animate.svg":        "event-handler (onbegin=",
	"onclick-rect.svg":           "event-handler (onclick=",
	"onload-upper.svg":           "event-handler (ONLOAD=",
	"onload.svg":                 "event-handler (onload=",
	"pagina.htm":                 "type .htm",
	"pagina.html":                "type .html",
	"pagina.xhtml":               "type .xhtml",
	"pdf-html-polyglot.pdf":      "PDF, maar bevat aan het begin ook HTML",
	"pdf-zip.pdf":                "zip- of Java-archief",
	"png-html-chunk.png":         "PNG-afbeelding, maar bevat aan het begin ook HTML",
	"png-zip.png":                "zip- of Java-archief",
	"protocol-relative.svg":      "andere site (//example.org/vormen.svg#vorm in href)",
	"script-cdata.svg":           "script-element",
	"script-in-cdata-text.svg":   "script-element",
	"script-in.txt":              "HTML (<script)",
	"script-prefixed.svg":        "script-element",
	"script-upper.svg":           "script-element",
	"script.svg":                 "script-element",
	"set-href.svg":               "animatie die een link verandert",
	"stijl.css":                  "type .css",
	"style-attr-url.svg":         "andere site (//example.org/p.svg#g in style)",
	"style-expression.svg":       "CSS die code uitvoert",
	"style-image-set.svg":        "andere site (https://example.org/x.png in <style>)",
	"style-import-cdata.svg":     "@import",
	"style-import-comment.svg":   "@import",
	"style-import-escaped.svg":   "@import",
	"style-import-local.svg":     "@import",
	"style-import-split.svg":     "@import",
	"style-import.svg":           "@import",
	"style-url-escaped.svg":      "andere site (https://example.org/p.svg#g in <style>)",
	"style-url-external.svg":     "andere site (https://example.org/p.svg#g in <style>)",
	"svg-as.png":                 "geen PNG-afbeelding maar een SVG-tekening",
	"tekening.svgz":              "type .svgz",
	"tekst.md":                   "type .md",
	"utf16-html.txt":             "HTML (<script)",
	"utf16.svg":                  "geen geldig XML",
	"wrong-mimetype.odt":         "geen OpenDocument-tekst",
	"xhtml-element.svg":          "HTML-element (<div>)",
	"xlink-javascript.svg":       "javascript:-link (in xlink:href)",
	"xml-base.svg":               "andere site (https://example.org/ in xml:base)",
	"xml-stylesheet.svg":         "verwerkingsinstructie (<?xml-stylesheet",
	"zip-as.docx":                "geen Word-document",
	"zip-as.xlsx":                "geen Excel-werkmap",
}

// Every hostile file is refused, and the message names what was found.
func TestHostileFilesAreRefused(t *testing.T) {
	names := corpus(t, "hostile")
	for _, name := range names {
		want, ok := hostile[name]
		if !ok {
			t.Errorf("testdata/hostile/%s: add what its refusal must name to the table", name)
			continue
		}
		err := Check(name, read(t, "hostile", name))
		var refused *Error
		switch {
		case err == nil:
			t.Errorf("%s was accepted", name)
		case !errors.As(err, &refused):
			t.Errorf("%s: error %T, want *Error", name, err)
		case !strings.Contains(err.Error(), want):
			t.Errorf("%s: %q does not name %q", name, err, want)
		case strings.Contains(err.Error(), name):
			t.Errorf("%s: the message names the file itself, which its reader adds: %q", name, err)
		}
	}
	if len(names) != len(hostile) {
		t.Errorf("%d files in testdata/hostile, %d in the table", len(names), len(hostile))
	}
}

// Every inert file passes: real images, documents, text, and SVG drawings as Inkscape and
// Illustrator save them (metadata with http:// addresses, gradients, <style>, links within).
func TestInertFilesPass(t *testing.T) {
	names := corpus(t, "inert")
	if len(names) < 15 {
		t.Fatalf("only %d inert files", len(names))
	}
	for _, name := range names {
		if err := Check(name, read(t, "inert", name)); err != nil {
			t.Errorf("%s was refused: %v", name, err)
		}
		if err := Check("bijlagen/"+name, read(t, "inert", name)); err != nil {
			t.Errorf("bijlagen/%s (in a folder of the bundle) was refused: %v", name, err)
		}
	}
}

// The messages are written for editors: Dutch, with "je" rather than "u", and they list the
// types that may be used when the type is the problem.
func TestMessagesAreDutch(t *testing.T) {
	err := Check("pagina.html", []byte("<p>x</p>"))
	if err == nil || !strings.Contains(err.Error(), Allowed()) {
		t.Errorf("refusing .html does not list what is allowed: %v", err)
	}
	if got := Allowed(); !strings.HasPrefix(got, "png, jpg, jpeg, webp, gif, avif, pdf, docx, xlsx, pptx, odt, ods, csv, txt en svg") {
		t.Errorf("Allowed() = %q", got)
	}
	for _, dir := range []string{"hostile"} {
		for _, name := range corpus(t, dir) {
			msg := " " + Check(name, read(t, dir, name)).Error() + " "
			for _, english := range []string{" the ", " is not ", " invalid ", " u ", " uw "} {
				if strings.Contains(strings.ToLower(msg), english) && !strings.Contains(msg, "regel ") {
					t.Errorf("%s: %q is not plain Dutch with je (found %q)", name, msg, english)
				}
			}
		}
	}
}

func corpus(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func read(t testing.TB, dir, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
