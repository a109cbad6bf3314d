// Package brand applies a site's own colour and logo ([huisstijl] in site.toml) to the built-in
// theme without a template changing: a small style sheet that sets the theme's colour custom
// properties, and the logo in the header. It refuses what would make the site worse for a
// reader: a colour without the contrast WCAG 2.2 AA asks (with the ratio and a colour that does
// have it), and a logo that is not a plain image.
//
//	probs := brand.Check(root, &site)         // problems at content/site.toml, in Dutch
//	files, names, logo, err := brand.Build(root, &site) // assets/huisstijl-HASH.css, assets/logo-HASH.png
package brand

import (
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"path"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// The theme's colours that the main colour stands next to (theme/assets/style.css; a test holds
// these to it). The main colour is the header's background under white text and the focus ring,
// the buttons' background under white text, and on the white page the colour of accents and of
// the text in the header's white search button.
var (
	white = Colour{0xff, 0xff, 0xff} // --kb-color-bg, --kb-color-button-text, the header's text
	focus = Colour{0xff, 0xbf, 0x47} // --kb-color-focus: the focus ring, also on the header
)

// WCAG 2.2 AA: 4.5:1 for text (1.4.3), 3:1 for what is not text, such as a focus ring (1.4.11).
const (
	textContrast    = 4.5
	nonTextContrast = 3.0
)

// CSSName is the entry name of the style sheet Build writes, as templates ask for it:
// {{.Asset "huisstijl.css"}}.
const CSSName = "huisstijl.css"

// Check checks the [huisstijl] table of site: the colour's contrast and the logo file. root is
// the project folder, for the logo.
func Check(root string, site *content.Site) problem.List {
	var probs problem.List
	h := site.Huisstijl
	if h.Kleur != "" {
		if msg := checkColour(h.Kleur); msg != "" {
			probs.AddField(content.SiteFile, site.Keys.Line("huisstijl.kleur"), "huisstijl.kleur", "veld \"kleur\" in [huisstijl]: %s", msg)
		}
	}
	if h.Logo != "" {
		if _, err := readLogo(root, h.Logo); err != nil {
			probs.AddField(content.SiteFile, site.Keys.Line("huisstijl.logo"), "huisstijl.logo", "veld \"logo\" in [huisstijl]: %v", err)
		}
	}
	return probs
}

// checkColour says what is wrong with the main colour s, or "".
func checkColour(s string) string {
	c, ok := ParseColour(s)
	if !ok {
		return fmt.Sprintf("%q is geen kleur; schrijf een kleur als #rrggbb, bijvoorbeeld \"#00607a\"", s)
	}
	var fails []string
	if r := Contrast(white, c); r < textContrast {
		fails = append(fails, fmt.Sprintf("witte tekst erop (de kop en de knoppen) en tekst in deze kleur op de witte pagina halen %s, en WCAG 2.2 AA vraagt voor tekst minstens 4,5:1", ratio(r)))
	}
	if r := Contrast(focus, c); r < nonTextContrast {
		fails = append(fails, fmt.Sprintf("de gele focusrand (%s) op de kop haalt %s, en WCAG 2.2 AA vraagt daarvoor minstens 3:1", focus, ratio(r)))
	}
	if len(fails) == 0 {
		return ""
	}
	return fmt.Sprintf("%q heeft te weinig contrast: %s. Een donkerdere tint van dezelfde kleur die wel genoeg contrast heeft: %q", s, strings.Join(fails, "; "), suggest(c).String())
}

// passes reports whether c may be the main colour.
func passes(c Colour) bool {
	return Contrast(white, c) >= textContrast && Contrast(focus, c) >= nonTextContrast
}

// suggest returns the lightest darker shade of c that passes: both contrasts grow as the colour
// gets darker, and black passes them.
func suggest(c Colour) Colour {
	for step := 0.01; step < 1; step += 0.01 {
		if d := c.darker(step); passes(d) {
			return d
		}
	}
	return Colour{}
}

// Logo is the logo as the header shows it.
type Logo struct {
	Src           string // its path in the site, "" for none
	Width, Height int
}

// Build makes the files of the site's huisstijl: the logo and the style sheet, each named with a
// hash of its contents, and the style sheet's path in the site by its entry name CSSName (names).
// A site without [huisstijl] gets none. It assumes Check found no problem.
func Build(root string, site *content.Site) (files []output.File, names map[string]string, logo Logo, err error) {
	h := site.Huisstijl
	if h.Kleur == "" && h.Logo == "" {
		return nil, nil, Logo{}, nil
	}
	if h.Logo != "" {
		img, err := readLogo(root, h.Logo)
		if err != nil {
			return nil, nil, Logo{}, err
		}
		logo = Logo{Src: hashed(reserved.Assets+"/logo", img.ext, img.data), Width: img.width, Height: img.height}
		files = append(files, output.Bytes(logo.Src, img.data))
	}
	css := []byte(styleSheet(h.Kleur, logo.Src != ""))
	names = map[string]string{CSSName: hashed(reserved.Assets+"/huisstijl", ".css", css)}
	files = append(files, output.Bytes(names[CSSName], css))
	return files, names, logo, nil
}

// styleSheet sets the theme's colour properties to the main colour, and sizes the logo. Light
// mode takes the colour for the header, the buttons and the accents; dark mode keeps its own
// light accents (the main colour passes against white, not against a dark page) and takes the
// colour for the header only. The logo is about as high as the header's buttons, and the title
// goes under it when they do not fit side by side; a site's own style.css
// changes that with a more specific rule (.site-header .site-logo), as this sheet comes after it.
func styleSheet(kleur string, logo bool) string {
	var b strings.Builder
	b.WriteString("/* De huisstijl uit content/site.toml ([huisstijl]), gemaakt door kennisbank. */\n")
	if c, ok := ParseColour(kleur); ok {
		fmt.Fprintf(&b, "@media not all and (prefers-color-scheme: dark) {\n  :root { --kb-color-accent: %[1]s; --kb-color-header-bg: %[1]s; --kb-color-button-bg: %[1]s; }\n}\n", c)
		fmt.Fprintf(&b, "@media (prefers-color-scheme: dark) {\n  :root { --kb-color-header-bg: %s; }\n}\n", c)
	}
	if logo {
		b.WriteString(".site-title { display: inline-flex; flex-wrap: wrap; align-items: center; gap: var(--kb-space-1) var(--kb-space-2); }\n")
		b.WriteString(".site-logo { height: 2.5rem; width: auto; max-width: min(10rem, 35vw); object-fit: contain; object-position: left center; flex: none; }\n")
		// On a phone the title goes under a wide logo: a lower logo keeps the header within a
		// quarter of the screen.
		b.WriteString("@media (max-width: 47.99rem) {\n  .site-logo { height: 2rem; }\n}\n")
	}
	return b.String()
}

// hashed names a file by a hash of its contents, as esbuild names the bundle's: base-HASH.ext.
func hashed(base, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	return base + "-" + base32.StdEncoding.EncodeToString(sum[:])[:8] + ext
}

// inProject reports whether p is a clean path in the site's assets/ or content/.
func inProject(p string) bool {
	clean := path.Clean(p)
	return clean == p && (strings.HasPrefix(p, "assets/") || strings.HasPrefix(p, "content/"))
}
