package brand

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/testfiles"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// The contrast ratios of WCAG's own examples and of the theme's colours.
func TestContrast(t *testing.T) {
	black, _ := ParseColour("#000")
	grey, _ := ParseColour("#767676") // the lightest grey that passes 4.5:1 on white
	teal, _ := ParseColour("#00607A")
	cases := []struct {
		a, b Colour
		want string
	}{
		{black, white, "21,00:1"},
		{grey, white, "4,54:1"},
		{teal, white, "7,10:1"}, // 7.1086, computed apart with WCAG 2.2's formula
	}
	for _, c := range cases {
		if got := ratio(Contrast(c.a, c.b)); got != c.want {
			t.Errorf("contrast of %s and %s: %s, want %s", c.a, c.b, got, c.want)
		}
	}
	if _, ok := ParseColour("blauw"); ok {
		t.Error(`"blauw" parsed as a colour`)
	}
}

// A colour that fails is refused with its ratios, what WCAG asks, and a colour of the same hue
// that passes; that suggestion is itself accepted.
func TestColourWithoutContrastIsRefusedWithASuggestion(t *testing.T) {
	msg := checkColour("#4aa3c8")
	for _, want := range []string{`"#4aa3c8" heeft te weinig contrast`, "2,", ":1", "minstens 4,5:1", "donkerdere tint"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	suggested := regexp.MustCompile(`"(#[0-9a-f]{6})"$`).FindStringSubmatch(msg)
	if suggested == nil {
		t.Fatalf("no suggestion at the end of:\n%s", msg)
	}
	if again := checkColour(suggested[1]); again != "" {
		t.Errorf("the suggestion %s fails itself: %s", suggested[1], again)
	}
	if msg := checkColour("#00607a"); msg != "" {
		t.Errorf("the theme's own colour is refused: %s", msg)
	}
	if msg := checkColour("rood"); !strings.Contains(msg, "geen kleur") {
		t.Errorf("a word is not a colour: %q", msg)
	}
}

// The colours the check measures against are the theme's: the page, the text on buttons and the
// focus ring in theme/assets/style.css, light mode. Should the theme change them, this fails.
func TestCheckedAgainstTheThemesColours(t *testing.T) {
	css, err := fs.ReadFile(theme.BuiltIn(), "assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	root := regexp.MustCompile(`(?s):root \{(.*?)\}`).FindSubmatch(css) // the first: light mode
	if root == nil {
		t.Fatal("no :root in style.css")
	}
	for prop, want := range map[string]Colour{"--kb-color-bg": white, "--kb-color-button-text": white, "--kb-color-focus": focus} {
		m := regexp.MustCompile(regexp.QuoteMeta(prop) + `: (#[0-9a-fA-F]{3,6});`).FindSubmatch(root[1])
		if m == nil {
			t.Errorf("%s is not in style.css's :root", prop)
			continue
		}
		if got, _ := ParseColour(string(m[1])); got != want {
			t.Errorf("%s is %s in style.css, the check assumes %s", prop, m[1], want)
		}
	}
	for _, prop := range []string{"--kb-color-accent", "--kb-color-header-bg", "--kb-color-button-bg"} {
		if !bytes.Contains(root[1], []byte(prop+":")) {
			t.Errorf("style.css no longer sets %s, which the huisstijl sets", prop)
		}
	}
}

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{0, 0x60, 0x7a, 0xff})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func site(kleur, logo string) *content.Site {
	return &content.Site{Huisstijl: content.Huisstijl{Kleur: kleur, Logo: logo}}
}

// A logo is a plain image in assets/ or content/, that is what its name says; anything else is
// refused with the reason.
func TestLogoRules(t *testing.T) {
	root := t.TempDir()
	files := map[string][]byte{
		"assets/logo.png":     pngOf(t, 120, 40),
		"assets/logo.svg":     []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
		"assets/maatloos.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>`),
		"assets/goed.svg":     []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60.5"><rect width="10" height="10" fill="#00607a"/></svg>`),
		"assets/nep.png":      []byte("<html>geen png</html>"),
		"assets/groot.png":    append(pngOf(t, 1, 1), make([]byte, maxLogo)...),
		"content/logo.jpg":    pngOf(t, 10, 10), // a PNG by another name
		"elders/logo.png":     pngOf(t, 10, 10),
		"assets/document.pdf": []byte("%PDF-1.7"),
	}
	testfiles.Write(t, root, files)
	cases := map[string]string{
		"assets/logo.svg":        "kan geen logo zijn: ",
		"assets/maatloos.svg":    "heeft geen maten",
		"assets/nep.png":         "geen geldige PNG-afbeelding",
		"assets/groot.png":       "kleiner dan 1024 kB",
		"content/logo.jpg":       "geen geldige JPG-afbeelding",
		"elders/logo.png":        "ligt niet in assets/ of content/",
		"assets/../go.mod":       "ligt niet in assets/ of content/",
		"assets/document.pdf":    "geen afbeelding die een logo kan zijn",
		"assets/bestaatniet.png": "bestaat niet",
	}
	for logo, want := range cases {
		probs := Check(root, site("", logo))
		if len(probs) != 1 || !strings.Contains(probs[0].Message, want) || probs[0].File != content.SiteFile {
			t.Errorf("logo %q: %v, want one problem at %s with %q", logo, probs, content.SiteFile, want)
		}
	}
	if probs := Check(root, site("#00607a", "assets/logo.png")); len(probs) > 0 {
		t.Fatalf("a good logo and colour: %v", probs)
	}
	if _, _, logo, err := Build(root, site("", "assets/goed.svg")); err != nil || logo.Width != 200 || logo.Height != 61 || !strings.HasSuffix(logo.Src, ".svg") {
		t.Errorf("an inert SVG logo with a viewBox: %+v, %v", logo, err)
	}
	files2, names, logo, err := Build(root, site("#00607a", "assets/logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	if logo.Width != 120 || logo.Height != 40 || !regexp.MustCompile(`^assets/logo-[A-Z0-9]{8}\.png$`).MatchString(logo.Src) {
		t.Errorf("logo %+v", logo)
	}
	made, err := output.Make(files2)
	if err != nil {
		t.Fatal(err)
	}
	css := string(made[names[CSSName]])
	if !strings.Contains(css, "--kb-color-header-bg: #00607a") || !strings.Contains(css, ".site-logo") || len(files2) != 2 {
		t.Errorf("huisstijl.css:\n%s\nfiles %v", css, names)
	}
}
