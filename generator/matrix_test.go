package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/werkplaats-jeugd/kennisbank/internal/htmlcheck"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

// TestMatrixShowsEveryLinkWithItsStrength reads the matrix page of the real site back: each
// strategy's row has, under each determinant's column, the strongest link between the two (kern
// over aanvullend) as class and as text, and nothing where they are not linked.
func TestMatrixShowsEveryLinkWithItsStrength(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: "..", Out: out}); err != nil {
		t.Fatal(err)
	}
	all, _ := content.Load("..")
	want := map[[2]string]string{} // strategy id, determinant id → strength
	for _, d := range all.Determinants {
		for _, l := range d.Links {
			k := [2]string{l.Strategy, d.ID}
			if want[k] == "" || l.Strength == "kern" {
				want[k] = l.Strength
			}
		}
	}

	f, err := os.Open(filepath.Join(out, "matrix", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var columns []string // determinant ids, in the order of the columns
	rows, cells := 0, 0
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "tr" {
			continue
		}
		var strategy string
		var row []*html.Node
		for c := range n.ChildNodes() {
			if c.Type != html.ElementNode {
				continue
			}
			href := linkIn(c)
			switch {
			case c.Data == "th" && strings.Contains(htmlcheck.Attr(c, "class"), "m-det"):
				columns = append(columns, idOf(href))
			case c.Data == "th" && htmlcheck.Attr(c, "scope") == "row":
				strategy = idOf(href)
			case c.Data == "td" && strategy != "":
				row = append(row, c)
			}
		}
		if strategy == "" {
			continue
		}
		rows++
		if len(row) != len(columns) {
			t.Fatalf("row %s has %d cells for %d determinants", strategy, len(row), len(columns))
		}
		for i, td := range row {
			strength := want[[2]string{strategy, columns[i]}]
			class, text := htmlcheck.Attr(td, "class"), textOf(td)
			switch strength {
			case "kern":
				if class != "m-kern" || !strings.HasPrefix(text, "K") {
					t.Errorf("%s × %s: class %q, text %q; want kern (K)", strategy, columns[i], class, text)
				}
			case "aanvullend":
				if class != "m-aanvullend" || !strings.HasPrefix(text, "A") {
					t.Errorf("%s × %s: class %q, text %q; want aanvullend (A)", strategy, columns[i], class, text)
				}
			default:
				if class != "" || text != "" {
					t.Errorf("%s × %s: class %q, text %q; they are not linked", strategy, columns[i], class, text)
				}
			}
			if strength != "" {
				cells++
			}
		}
	}
	if rows != len(all.Strategies) || len(columns) != len(all.Determinants) || cells != len(want) {
		t.Errorf("matrix has %d rows, %d columns and %d links; the knowledge base %d strategies, %d determinants and %d linked pairs",
			rows, len(columns), cells, len(all.Strategies), len(all.Determinants), len(want))
	}
}

// linkIn returns the href of the first link inside n.
func linkIn(n *html.Node) string {
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && c.Data == "a" {
			return htmlcheck.Attr(c, "href")
		}
	}
	return ""
}

// idOf returns the last folder of a page link: "../strategieen/x/" → "x".
func idOf(href string) string {
	parts := strings.Split(strings.TrimSuffix(href, "/"), "/")
	return parts[len(parts)-1]
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
