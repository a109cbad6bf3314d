// Package bundlefile says which files may live in a page bundle, beside an item's index.md: the
// one rule that check, build and the CMS's upload all apply. The site publishes these files on
// its own origin, where the CMS keeps the editor's Git token, so only inert files may go there:
// images, PDF, office documents, CSV and plain text, and SVG drawings without scripts or links
// out. A file must be what its extension says: HTML named .png or .txt, a PDF with a web page in
// front of it, an image with a Java archive behind it (a GIFAR) are all refused.
//
//	if err := bundlefile.Check("figuur.svg", data); err != nil {
//		// err.Error() is Dutch and says what was found, e.g.
//		// "de SVG bevat een script-element (<script>); …"
//	}
package bundlefile

import (
	"bytes"
	"fmt"
	"net/http"
	"path"
	"strings"
	"unicode/utf16"
)

// fileType is one kind of file a bundle may hold: its extensions, what it is called in a
// message, how it is built and the test its bytes must pass.
type fileType struct {
	exts  []string // lower case, without the dot
	name  string   // Dutch, for messages: "PNG-afbeelding"
	form  form
	check func(data []byte) error
}

// form is how a type is built, which decides what else is looked for beyond its own test.
type form int

const (
	binary  form = iota // an image or a PDF: no HTML in its head, no archive at its end
	archive             // a zip (office documents): no HTML in its head
	text                // text: its own test reads all of it
)

// types is the allow-list. The order is the order in which messages list them.
var types = []fileType{
	{[]string{"png"}, "PNG-afbeelding", binary, magic("image/png")},
	{[]string{"jpg", "jpeg"}, "JPEG-afbeelding", binary, magic("image/jpeg")},
	{[]string{"webp"}, "WebP-afbeelding", binary, magic("image/webp")},
	{[]string{"gif"}, "GIF-afbeelding", binary, magic("image/gif")},
	{[]string{"avif"}, "AVIF-afbeelding", binary, avif},
	{[]string{"pdf"}, "PDF", binary, magic("application/pdf")},
	{[]string{"docx"}, "Word-document", archive, office("word/", "Word-document")},
	{[]string{"xlsx"}, "Excel-werkmap", archive, office("xl/", "Excel-werkmap")},
	{[]string{"pptx"}, "PowerPoint-presentatie", archive, office("ppt/", "PowerPoint-presentatie")},
	{[]string{"odt"}, "OpenDocument-tekst", archive, openDocument("application/vnd.oasis.opendocument.text", "OpenDocument-tekst")},
	{[]string{"ods"}, "OpenDocument-rekenblad", archive, openDocument("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-rekenblad")},
	{[]string{"csv"}, "CSV-bestand", text, plainText},
	{[]string{"txt"}, "tekstbestand", text, plainText},
	{[]string{"svg"}, "SVG-tekening", text, inertSVG},
}

// Allowed lists the extensions a bundle file may have, for messages and help texts:
// "png, jpg, jpeg, …, txt en svg (zonder scripts)".
func Allowed() string {
	var exts []string
	for _, t := range types {
		exts = append(exts, t.exts...)
	}
	exts[len(exts)-1] += " (zonder scripts)"
	return strings.Join(exts[:len(exts)-1], ", ") + " en " + exts[len(exts)-1]
}

// Error is a refused file. Its text is Dutch and does not name the file, so that check can put
// the file's path before it and the CMS its name.
type Error struct {
	Found  string // what was found, e.g. `een script-element (<script>)`
	Advice string // what to do instead
}

func (e *Error) Error() string {
	if e.Advice == "" {
		return e.Found
	}
	return e.Found + "; " + e.Advice
}

func refuse(advice, format string, args ...any) *Error {
	return &Error{Found: fmt.Sprintf(format, args...), Advice: advice}
}

// Check tells whether a file named name (a path in the bundle, or just its name) with contents
// data may be published beside a page. It returns nil, or an *Error that says what was found.
func Check(name string, data []byte) error {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(base), "."))
	if ext == "" || ext == strings.ToLower(strings.TrimPrefix(base, ".")) {
		return refuse("geef het bestand een van de toegestane extensies: "+Allowed(),
			"een bestand zonder extensie kan niet bij een pagina staan")
	}
	for _, t := range types {
		for _, e := range t.exts {
			if e == ext {
				return checkType(t, data)
			}
		}
	}
	return refuse("bij een pagina kunnen alleen deze soorten bestanden staan: "+Allowed(),
		"een bestand van het type .%s kan niet bij een pagina staan%s", ext, whyRefused(ext))
}

// whyRefused explains the refusal of types editors are likely to try.
func whyRefused(ext string) string {
	switch ext {
	case "html", "htm", "xhtml", "shtml", "xht", "mht", "mhtml":
		return " (een webpagina kan code uitvoeren op de site)"
	case "js", "mjs", "cjs", "wasm":
		return " (het is code)"
	case "svgz":
		return " (een ingepakte SVG kan niet gecontroleerd worden; sla hem op als gewone .svg)"
	case "jpe", "jfif", "tif", "tiff", "bmp", "heic":
		return " (sla de afbeelding op als PNG, JPEG of WebP)"
	case "doc", "xls", "ppt", "docm", "xlsm", "pptm", "rtf":
		return " (sla het op als .docx, .xlsx, .pptx of als PDF)"
	}
	return ""
}

func checkType(t fileType, data []byte) error {
	if err := t.check(data); err != nil {
		return err
	}
	if t.form == text {
		return nil
	}
	if tag := markupAt(head(data)); tag != "" {
		return refuse("sla het bestand opnieuw op vanuit het programma waarmee het gemaakt is",
			"het bestand is een %s, maar bevat aan het begin ook HTML (%s), zodat een browser het als webpagina kan openen", t.name, tag)
	}
	if t.form == binary && hasZipTail(data) {
		return refuse("sla het bestand opnieuw op vanuit het programma waarmee het gemaakt is",
			"achter de %s zit een zip- of Java-archief verstopt", t.name)
	}
	return nil
}

// head is the part of a file that browsers and old versions of Internet Explorer look at when
// they guess what a file is; Acrobat also finds a PDF's header anywhere in it.
func head(data []byte) []byte {
	if len(data) > 1024 {
		return data[:1024]
	}
	return data
}

// markupTags are what makes a browser take bytes for a web page, or runs code once it does.
var markupTags = []string{"<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<object", "<embed",
	"<meta", "<style", "<img", "<a ", "<?xml-stylesheet", "<x:script", "<xsl:"}

// markupAt returns the first HTML tag found in data (in any letter case), or "".
func markupAt(data []byte) string {
	lower := bytes.ToLower(data)
	for _, tag := range markupTags {
		if bytes.Contains(lower, []byte(tag)) {
			return strings.TrimSpace(tag)
		}
	}
	return ""
}

// hasZipTail reports whether a zip archive's end record sits in the last 64 KiB of data: a file
// that is also a Java archive or a zip, which Java and archive tools open from its end.
func hasZipTail(data []byte) bool {
	tail := data
	if len(tail) > 65557 { // the end record (22 bytes) and the longest comment it may have
		tail = tail[len(tail)-65557:]
	}
	return bytes.Contains(tail, []byte("PK\x05\x06"))
}

// magic checks that the bytes are of the MIME type their extension says, by the signatures
// browsers use (the WHATWG MIME Sniffing standard, which net/http implements).
func magic(want string) func([]byte) error {
	return func(data []byte) error {
		if http.DetectContentType(data) != want {
			return mismatch(describe(want), data)
		}
		return nil
	}
}

// mismatch says that a file is not the kind of file its extension says (want, in Dutch), and
// what it seems to be.
func mismatch(want string, data []byte) *Error {
	return refuse("geef het bestand de extensie die bij de inhoud past, of sla het opnieuw op als "+want,
		"de inhoud past niet bij de extensie: het is geen %s maar %s", want, seems(data))
}

// seems says in Dutch what data looks like.
func seems(data []byte) string {
	got := http.DetectContentType(data)
	if strings.HasPrefix(got, "text/") {
		switch {
		case bytes.Contains(bytes.ToLower(head(data)), []byte("<svg")):
			return "een SVG-tekening"
		case markupAt(head(data)) != "":
			return describe("text/html")
		}
	}
	if len(data) == 0 {
		return "een leeg bestand"
	}
	return describe(got)
}

// describe names a MIME type in Dutch.
func describe(mime string) string {
	mime, _, _ = strings.Cut(mime, ";")
	names := map[string]string{
		"image/png": "PNG-afbeelding", "image/jpeg": "JPEG-afbeelding", "image/gif": "GIF-afbeelding",
		"image/webp": "WebP-afbeelding", "image/avif": "AVIF-afbeelding", "image/bmp": "BMP-afbeelding",
		"image/x-icon": "pictogram", "application/pdf": "PDF", "application/zip": "zip-archief",
		"application/x-gzip": "gzip-archief", "application/x-rar-compressed": "RAR-archief",
		"text/html": "HTML (een webpagina)", "text/xml": "XML", "text/plain": "tekst",
		"application/octet-stream": "onbekende binaire gegevens", "application/ogg": "Ogg-bestand",
		"application/wasm": "WebAssembly (code)", "application/javascript": "JavaScript (code)",
		"application/postscript": "PostScript", "font/woff": "lettertype", "font/woff2": "lettertype",
		"video/mp4": "video", "video/webm": "video", "audio/mpeg": "geluid", "audio/wave": "geluid",
	}
	if n, ok := names[mime]; ok {
		return n
	}
	return mime
}

// avif checks the ISO media file header of an AVIF image: an ftyp box whose brands name avif.
func avif(data []byte) error {
	if len(data) >= 16 && string(data[4:8]) == "ftyp" {
		size := int(data[0])<<24 | int(data[1])<<16 | int(data[2])<<8 | int(data[3])
		if size >= 16 && size <= len(data) {
			for i := 8; i+4 <= size; i += 4 {
				if b := string(data[i : i+4]); b == "avif" || b == "avis" {
					return nil
				}
			}
		}
	}
	return mismatch("AVIF-afbeelding", data)
}

// plainText checks that a .txt or .csv file is text and not a web page: browsers do not take
// text for HTML, but a host that sends no type may leave the guess to them.
func plainText(data []byte) error {
	if got := http.DetectContentType(data); !strings.HasPrefix(got, "text/plain") {
		return mismatch("tekst", data)
	}
	if tag := markupAt(decodeText(data)); tag != "" {
		return refuse("haal de HTML uit het bestand, of maak er een PDF van",
			"het tekstbestand bevat HTML (%s), zodat een browser het als webpagina kan openen", tag)
	}
	return nil
}

// decodeText returns text as UTF-8: UTF-16 with a byte order mark is decoded, so that markup in
// it is found; other text is returned as it is.
func decodeText(data []byte) []byte {
	if len(data) < 2 || !(data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		return data
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		if data[0] == 0xff {
			units = append(units, uint16(data[i])|uint16(data[i+1])<<8)
		} else {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		}
	}
	return []byte(string(utf16.Decode(units)))
}
