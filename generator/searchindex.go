package generator

import (
	"fmt"
	"slices"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
	"github.com/werkplaats-jeugd/kennisbank/generator/markdown"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/search"
)

// indexText is the document of one item's page for the search index, its text among it, and the
// place of the page in the plan.
type indexText struct {
	at  int
	doc search.Doc
}

// writeSearchIndex makes the search index beside the bodies and writes it; indexed says it did. It
// reads the pages in the order of the plan, and takes each item's text from texts as soon as the
// bodies send it, so that a large site never holds all its texts at once. When texts closes
// before every text came, the bodies failed and say why; the index then stops without an error,
// and without changing the development server's memo.
func writeSearchIndex(site *plan, texts <-chan indexText, cache *buildCache, w output.Writer) (indexed bool, err error) {
	var memo *search.Memo
	if cache != nil {
		memo = cache.search
	}
	index := search.NewBuilder(memo, abbreviations(site.g.Site().Afkortingen))
	explained := explanations(site.g)
	early := map[int]search.Doc{} // texts that came before their turn: the bodies are made in any order
	for i, pg := range site.pages {
		if pg.item == nil {
			if pg.template != "home" && pg.template != "404" && pg.template != "zoeken" {
				index.Add(search.Doc{Title: pg.title, URL: pg.url, Kind: "Pagina"})
			}
			continue
		}
		d, ok := early[i]
		for !ok {
			t, open := <-texts
			if !open {
				return false, nil
			}
			if t.at == i {
				d, ok = t.doc, true
			} else {
				early[t.at] = t.doc
			}
		}
		delete(early, i)
		d.Notes = explained[pg.url]
		index.Add(d)
	}
	data, err := index.Index().JSON()
	if err != nil {
		return false, fmt.Errorf("%s: %w", search.Path, err)
	}
	return true, w.WriteFile(search.Path, data)
}

// explanations are the explanations of the determinant → strategy links by the pages that show
// them: a link's explanation shows on the pages of both its determinant and its strategy.
func explanations(g *graph.Graph) map[string][]string {
	explained := map[string][]string{}
	strategyURL := content.SpecOf(content.KindStrategy).URL
	for _, d := range g.Content.Determinants {
		for _, l := range d.Links {
			explained[d.URL()] = append(explained[d.URL()], l.Explanation)
			explained[strategyURL(l.Strategy)] = append(explained[strategyURL(l.Strategy)], l.Explanation)
		}
	}
	return explained
}

func abbreviations(list []content.Abbreviation) []search.Abbreviation {
	out := make([]search.Abbreviation, len(list))
	for i, a := range list {
		out[i] = search.Abbreviation{Short: a.Kort, Long: a.Voluit}
	}
	return out
}

// searchDoc is what the search indexes of an item's page: its title, summary, zoektermen and
// text, and the fields the model marks for the search.
func searchDoc(pg *page, body markdown.Result) search.Doc {
	spec := content.SpecOf(pg.item.Kind)
	d := search.Doc{Title: pg.item.Titel, URL: pg.url, Kind: spec.Singular, Summary: pg.item.Samenvatting,
		Terms: slices.Clone(pg.item.Zoektermen), Text: body.Text}
	for _, h := range body.Headings {
		d.Headings = append(d.Headings, h.Text)
	}
	if v := spec.VariantOf(pg.value); v != nil {
		d.Kind = v.Label
	}
	m := spec.Searched(pg.value)
	if m.HasNumber {
		d.Title = fmt.Sprintf("%d. %s", m.Number, d.Title)
	}
	d.Terms, d.More = append(d.Terms, m.Terms...), append(d.More, m.More...)
	return d
}
