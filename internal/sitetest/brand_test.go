package sitetest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/werkplaats-jeugd/kennisbank/generator"
	"github.com/werkplaats-jeugd/kennisbank/generator/newsite"
	"github.com/werkplaats-jeugd/kennisbank/internal/browsertest"
)

// brandColour is a colour of another workplace's own, dark enough for white text on it.
const brandColour = "#5b2a86"

// brandedSite makes a new site (kennisbank init) with a colour and a wide logo of its own, and
// builds it. Its pages are those of the real site's kinds that a new site has.
func brandedSite(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "noord")
	if _, err := newsite.Write(newsite.Options{Dir: root, Titel: "Kennisbank Jeugdzorg Noord-Nederland", Uitgever: "Werkplaats Noord"}); err != nil {
		t.Fatal(err)
	}
	// A white logo with a band in the colour, wider than the header has room for on a phone.
	logo := image.NewRGBA(image.Rect(0, 0, 600, 150))
	for x := range 600 {
		for y := range 150 {
			c := color.RGBA{0xff, 0xff, 0xff, 0xff}
			if y > 50 && y < 100 && x > 30 && x < 570 {
				c = color.RGBA{0x5b, 0x2a, 0x86, 0xff}
			}
			logo.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, logo); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "assets", "logo.png"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(root, "content", "site.toml")
	data, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, fmt.Sprintf("\n[huisstijl]\nkleur = %q\nlogo = \"assets/logo.png\"\n", brandColour)...)
	if err := os.WriteFile(settings, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	if _, err := generator.Build(generator.Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	return out
}

// brandReport is what a reader sees of the huisstijl on a page.
type brandReport struct {
	HeaderBg   string  `json:"headerBg"`
	ButtonBg   string  `json:"buttonBg"` // --kb-color-button-bg
	Accent     string  `json:"accent"`   // --kb-color-accent
	LogoHeight float64 `json:"logoHeight"`
	LogoAlt    string  `json:"logoAlt"`
	LinkName   string  `json:"linkName"`
	Overlap    string  `json:"overlap"` // what the title runs into, or ""
}

const readBrand = `(() => {
  const logo = document.querySelector(".site-logo");
  const root = getComputedStyle(document.documentElement);
  return {
    headerBg: getComputedStyle(document.querySelector(".site-header")).backgroundColor,
    buttonBg: root.getPropertyValue("--kb-color-button-bg").trim(),
    accent: root.getPropertyValue("--kb-color-accent").trim(),
    logoHeight: logo ? logo.getBoundingClientRect().height : 0,
    logoAlt: logo ? logo.alt : "(no logo)",
    linkName: document.querySelector(".site-title").textContent.trim() + "|" + (logo ? logo.alt : ""),
    overlap: (() => {
      const title = document.querySelector(".site-title");
      const t = title.getBoundingClientRect();
      // The title's text as laid out: a range over it, which overflow does not clip.
      const range = document.createRange();
      range.selectNodeContents(title);
      const text = range.getBoundingClientRect();
      if (text.right > t.right + 0.5) return "the title's text runs out of its link, to " + Math.round(text.right) + " px";
      for (const other of document.querySelectorAll(".header-toggles, .header-search")) {
        const o = other.getBoundingClientRect();
        if (o.width > 0 && o.height > 0 && text.left < o.right && text.right > o.left && text.top < o.bottom && text.bottom > o.top) return "the title runs under ." + other.className.split(" ").join(".");
      }
      return "";
    })(),
  };
})()`

// TestBrandedSiteInChromium: a new site with its own colour and a wide logo, on a phone and a
// laptop, in light and dark mode. The header takes the colour in both modes (the buttons in light
// mode only; dark mode keeps its light accents), the logo shows at the header's height with the
// publisher as its text, nothing scrolls sideways, the header stays within a quarter of the
// screen, targets keep their size, and axe-core finds nothing. Screenshots are left in
// test-artefacts/huisstijl/.
func TestBrandedSiteInChromium(t *testing.T) {
	browsertest.SkipShort(t)
	axe := axeSource(t)
	base := browsertest.Serve(t, brandedSite(t), "/")
	shots := filepath.Join(repoRoot, "test-artefacts", "huisstijl")
	if err := os.RemoveAll(shots); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := []string{"", "determinanten/01-procedurele-helderheid/", "strategieen/", "scan/", "zoeken/?q=feedback"}
	for _, scheme := range []string{"light", "dark"} {
		for _, s := range []screen{screens[0], screens[3]} {
			t.Run(fmt.Sprintf("%s/%d", scheme, s.Width), func(t *testing.T) {
				ctx := browsertest.NewFor(t, roundBudget)
				budget := math.Floor(headerShare * float64(s.Height))
				for _, page := range pages {
					var rep layoutReport
					var brand brandReport
					var found []violation
					var shot []byte
					err := chromedp.Run(ctx, visit(base, page, s, scheme),
						eval(measureLayout, &rep), eval(readBrand, &brand),
						chromedp.Evaluate(axe+"\n;true", nil), runAxe(&found, nil),
						fullScreenshot(&shot))
					if err != nil {
						t.Fatalf("/%s: %v", page, err)
					}
					_ = os.WriteFile(filepath.Join(shots, shotName(s.Width, scheme, page)), shot, 0o644)
					if brand.HeaderBg != "rgb(91, 42, 134)" {
						t.Errorf("/%s: the header's background is %s, want the site's colour %s", page, brand.HeaderBg, brandColour)
					}
					want := brandColour // light mode: the buttons and accents take the colour
					if scheme == "dark" {
						want = "#6fd1e8" // dark mode: the theme's own light accents, which pass on a dark page
					}
					if brand.ButtonBg != want || brand.Accent != want {
						t.Errorf("/%s: buttons %s and accents %s, want %s", page, brand.ButtonBg, brand.Accent, want)
					}
					logoHeight := 40.0 // 2.5rem; 2rem on a phone
					if s.Width < 768 {
						logoHeight = 32
					}
					if math.Abs(brand.LogoHeight-logoHeight) > 0.5 || brand.LogoAlt != "Werkplaats Noord" || !strings.HasPrefix(brand.LinkName, "Kennisbank Jeugdzorg Noord-Nederland|") {
						t.Errorf("/%s: logo %+v; want %.0f px high, with the publisher as its text, in the link with the title", page, brand, logoHeight)
					}
					if brand.Overlap != "" {
						t.Errorf("/%s: %s", page, brand.Overlap)
					}
					if rep.ScrollWidth > rep.Viewport {
						t.Errorf("/%s scrolls sideways: %d px; sticking out: %s", page, rep.ScrollWidth, strings.Join(rep.TooWide, "; "))
					}
					if rep.Header > budget {
						t.Errorf("/%s: the header is %.0f px high; the budget is %.0f px", page, rep.Header, budget)
					}
					for _, f := range rep.Small {
						t.Errorf("/%s: target too small (WCAG 2.5.8): %s", page, f)
					}
					reportViolations(t, "/"+page, found)
				}
			})
		}
	}
}
