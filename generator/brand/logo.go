package brand

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the formats a logo may have
	_ "image/png"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp"

	"github.com/werkplaats-jeugd/kennisbank/generator/bundlefile"
)

// maxLogo is the largest logo accepted: it is on every page, so a large file slows every page.
const maxLogo = 1 << 20

// formats are the logo's allowed extensions and the format image.DecodeConfig must find in it;
// an SVG is read by svgSize, after the inert-SVG rule of page bundles' files (bundlefile).
var formats = map[string]string{".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".webp": "webp", ".svg": "svg"}

// logoFile is a logo read and checked.
type logoFile struct {
	data          []byte
	ext           string
	width, height int
}

// readLogo reads the logo at p (a path from the project folder root) and checks that it is what
// its extension says: a plain image of a known format, not too large. Its errors are in Dutch,
// for the problem at the logo's line.
func readLogo(root, p string) (logoFile, error) {
	p = filepath.ToSlash(p)
	if !inProject(p) {
		return logoFile{}, fmt.Errorf("%q ligt niet in assets/ of content/; zet het logo in een van die mappen en schrijf het pad vanaf de map van je kennisbank, bijvoorbeeld \"assets/logo.png\"", p)
	}
	ext := strings.ToLower(path.Ext(p))
	format, ok := formats[ext]
	if !ok {
		return logoFile{}, fmt.Errorf("%q is geen afbeelding die een logo kan zijn (mogelijk zijn: .png, .jpg, .jpeg, .webp, .svg)", p)
	}
	// Opened within the project: a symbolic link that leads out of it is refused.
	data, err := readInRoot(root, p)
	if errors.Is(err, fs.ErrNotExist) {
		return logoFile{}, fmt.Errorf("%q bestaat niet (gezocht naar %s)", p, filepath.Join(root, filepath.FromSlash(p)))
	}
	if err != nil {
		return logoFile{}, fmt.Errorf("%q is niet te lezen: %v", p, err)
	}
	if len(data) > maxLogo {
		return logoFile{}, fmt.Errorf("%q is %d kB; het logo staat op elke pagina, dus maak het kleiner dan %d kB", p, len(data)/1024, maxLogo/1024)
	}
	if format == "svg" {
		return readSVGLogo(p, data)
	}
	cfg, found, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || found != format {
		return logoFile{}, fmt.Errorf("%q is geen geldige %s-afbeelding", p, strings.ToUpper(strings.TrimPrefix(ext, ".")))
	}
	return logoFile{data: data, ext: ext, width: cfg.Width, height: cfg.Height}, nil
}

func readInRoot(root, p string) ([]byte, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.ReadFile(filepath.FromSlash(p))
}

// readSVGLogo checks an SVG logo by the rule for SVGs beside a page (no script, no link out) and
// reads its size from its viewBox, or its width and height.
func readSVGLogo(p string, data []byte) (logoFile, error) {
	if err := bundlefile.Check(path.Base(p), data); err != nil {
		return logoFile{}, fmt.Errorf("%q kan geen logo zijn: %v", p, err)
	}
	w, h, ok := svgSize(data)
	if !ok {
		return logoFile{}, fmt.Errorf("%q heeft geen maten: geef het svg-element een viewBox (bijvoorbeeld viewBox=\"0 0 200 60\") of een width en height", p)
	}
	return logoFile{data: data, ext: ".svg", width: w, height: h}, nil
}

// svgSize reads the size of an SVG's drawing from the root element: its viewBox, else its width
// and height in plain numbers or px.
func svgSize(data []byte) (int, int, bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0, false
		}
		root, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := map[string]string{}
		for _, a := range root.Attr {
			attr[a.Name.Local] = a.Value
		}
		if box := strings.Fields(strings.ReplaceAll(attr["viewBox"], ",", " ")); len(box) == 4 {
			w, errW := strconv.ParseFloat(box[2], 64)
			h, errH := strconv.ParseFloat(box[3], 64)
			if errW == nil && errH == nil && w > 0 && h > 0 {
				return int(math.Ceil(w)), int(math.Ceil(h)), true
			}
		}
		w, errW := strconv.ParseFloat(strings.TrimSuffix(attr["width"], "px"), 64)
		h, errH := strconv.ParseFloat(strings.TrimSuffix(attr["height"], "px"), 64)
		return int(math.Ceil(w)), int(math.Ceil(h)), errW == nil && errH == nil && w > 0 && h > 0
	}
}
