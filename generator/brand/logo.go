package brand

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the formats a logo may have
	_ "image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	_ "golang.org/x/image/webp"
)

// maxLogo is the largest logo accepted: it is on every page, so a large file slows every page.
const maxLogo = 1 << 20

// formats are the logo's allowed extensions and the format image.DecodeConfig must find in it.
// SVG is not among them yet: an SVG can hold a script, and it needs the inert-SVG rule that page
// bundles' files get before a logo may be one.
var formats = map[string]string{".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".webp": "webp"}

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
	if ext == ".svg" {
		return logoFile{}, fmt.Errorf("%q: een SVG kan nog geen logo zijn, omdat een SVG een script kan bevatten; gebruik een PNG, JPG of WebP", p)
	}
	if !ok {
		return logoFile{}, fmt.Errorf("%q is geen afbeelding die een logo kan zijn (mogelijk zijn: .png, .jpg, .jpeg, .webp)", p)
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
