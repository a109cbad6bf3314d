package bundlefile

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"strings"
)

// office checks an Office Open XML file (docx, xlsx, pptx): a zip archive with a
// [Content_Types].xml and the folder of its application (word/, xl/, ppt/).
func office(folder, noun string) func([]byte) error {
	return func(data []byte) error {
		r, err := openZip(data, noun)
		if err != nil {
			return err
		}
		types, inFolder := false, false
		for _, f := range r.File {
			types = types || f.Name == "[Content_Types].xml"
			inFolder = inFolder || strings.HasPrefix(f.Name, folder)
		}
		if !types || !inFolder {
			return refuse("sla het document opnieuw op vanuit Word, Excel of PowerPoint",
				"het zip-archief is geen %s (%s ontbreekt)", noun, missing(types, "[Content_Types].xml", folder))
		}
		return nil
	}
}

func missing(types bool, typesName, folder string) string {
	if !types {
		return typesName
	}
	return "de map " + folder
}

// openDocument checks an OpenDocument file (odt, ods): a zip archive whose first file,
// mimetype, names the document's type.
func openDocument(mime, noun string) func([]byte) error {
	return func(data []byte) error {
		r, err := openZip(data, noun)
		if err != nil {
			return err
		}
		if len(r.File) > 0 && r.File[0].Name == "mimetype" && r.File[0].UncompressedSize64 < 256 {
			if f, err := r.File[0].Open(); err == nil {
				got, _ := io.ReadAll(io.LimitReader(f, 256))
				f.Close()
				if string(got) == mime {
					return nil
				}
			}
		}
		return refuse("sla het document opnieuw op vanuit LibreOffice of een ander kantoorprogramma",
			"het zip-archief is geen %s (het bestand mimetype zegt niet %s)", noun, mime)
	}
}

// openZip reads data, a document of the kind noun names, as a zip archive.
func openZip(data []byte, noun string) (*zip.Reader, error) {
	if got := http.DetectContentType(data); got != "application/zip" {
		return nil, mismatch(noun, data)
	}
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, refuse("sla het document opnieuw op", "het %s is beschadigd (geen leesbaar zip-archief)", noun)
	}
	return r, nil
}
