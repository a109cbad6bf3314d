package generator

import (
	"fmt"
	"slices"

	"kennisbank/generator/content"
	"kennisbank/generator/search"
)

// searchIndex is the site's search index, or why it could not be made.
type searchIndex struct {
	data []byte
	err  error
}

// indexSearch makes the search index beside the bodies: it reads each page's text as soon as
// the page's body is rendered, and lets the text go, so that a large site never holds all its
// texts at once. Call it after plan; renderBodies lets it go on.
func (s *siteBuild) indexSearch() <-chan searchIndex {
	out := make(chan searchIndex, 1)
	go func() { out <- s.makeSearchIndex() }()
	return out
}

func (s *siteBuild) makeSearchIndex() searchIndex {
	// A link's explanation shows on the pages of both its determinant and its strategy.
	explained := map[string][]string{}
	strategyURL := content.SpecOf(content.KindStrategy).URL
	for _, d := range s.g.Content.Determinants {
		for _, l := range d.Links {
			explained[d.URL()] = append(explained[d.URL()], l.Explanation)
			explained[strategyURL(l.Strategy)] = append(explained[strategyURL(l.Strategy)], l.Explanation)
		}
	}
	var memo *search.Memo
	if s.cache != nil {
		memo = s.cache.search
	}
	index := search.NewBuilder(memo, abbreviations(s.g.Content.Site.Afkortingen))
	for _, j := range s.jobs {
		if j.item == nil {
			if j.template != "home" && j.template != "404" && j.template != "zoeken" {
				index.Add(search.Doc{Title: j.title, URL: j.url, Kind: "Pagina"})
			}
			continue
		}
		<-j.rendered
		if s.bodiesFailed.Load() {
			return searchIndex{} // the build stops
		}
		d := searchDoc(j)
		d.Notes = explained[j.url]
		index.Add(d)
		j.body.Text = "" // read
	}
	data, err := index.Index().JSON()
	return searchIndex{data: data, err: err}
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
func searchDoc(j *job) search.Doc {
	spec := content.SpecOf(j.item.Kind)
	d := search.Doc{Title: j.item.Titel, URL: j.url, Kind: spec.Singular, Summary: j.item.Samenvatting,
		Terms: slices.Clone(j.item.Zoektermen), Text: j.body.Text}
	for _, h := range j.body.Headings {
		d.Headings = append(d.Headings, h.Text)
	}
	if v := spec.VariantOf(j.value); v != nil {
		d.Kind = v.Label
	}
	m := spec.Searched(j.value)
	if m.HasNumber {
		d.Title = fmt.Sprintf("%d. %s", m.Number, d.Title)
	}
	d.Terms, d.More = append(d.Terms, m.Terms...), append(d.More, m.More...)
	return d
}

// writeSearchIndex writes the index that indexSearch made.
func (s *siteBuild) writeSearchIndex() error {
	idx := <-s.searched
	if idx.err != nil {
		return idx.err
	}
	return s.w.WriteFile(search.Path, idx.data)
}
