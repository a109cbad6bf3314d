package brand

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Colour is an sRGB colour, 0–255 per channel.
type Colour struct{ R, G, B uint8 }

var hexColour = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// ParseColour reads "#rrggbb" or "#rgb".
func ParseColour(s string) (Colour, bool) {
	if !hexColour.MatchString(s) {
		return Colour{}, false
	}
	h := s[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	n, _ := strconv.ParseUint(h, 16, 32)
	return Colour{uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
}

// String writes the colour as CSS does: "#00607a".
func (c Colour) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// luminance is the colour's relative luminance as WCAG 2.2 defines it (0 black, 1 white).
func (c Colour) luminance() float64 {
	linear := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// Contrast is the WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white).
func Contrast(a, b Colour) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// ratio writes a contrast ratio as people read it in Dutch: "4,48:1". It is cut, never rounded
// up: WCAG's thresholds are exact, and 4.499 does not reach 4.5.
func ratio(r float64) string {
	return strings.Replace(strconv.FormatFloat(math.Floor(r*100)/100, 'f', 2, 64), ".", ",", 1) + ":1"
}

// darker returns c with its lightness lowered by step (0–1) of its own, keeping its hue: the
// colour a suggestion starts from.
func (c Colour) darker(step float64) Colour {
	f := 1 - step
	return Colour{uint8(math.Round(float64(c.R) * f)), uint8(math.Round(float64(c.G) * f)), uint8(math.Round(float64(c.B) * f))}
}
