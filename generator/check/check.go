// Package check finds the problems that need more than one file to see, or that a TOML decoder
// cannot: missing fields, values outside their list, duplicate numbers, links to strategies that
// do not exist. It reports every problem, not just the first.
//
// The tables of site.toml that another package reads are checked by that package, which knows
// their rules: [cms] by package cms, [huisstijl] by package brand. The generator runs all three;
// check imports neither, so that it stays below everything that makes the site.
package check

import (
	"slices"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/fold"
	"github.com/werkplaats-jeugd/kennisbank/generator/parallel"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// Check checks the whole content. all is everything loaded; built is the part that goes into
// the site (drafts left out unless requested), on which references are checked.
//
// The site settings come first: the items are checked against them (sources, clusters), so
// while site.toml has a problem, Check reports only that, not what would follow from it.
func Check(all, built *content.Content) problem.List {
	var p problem.List
	c := newChecker(&p, all, built)
	if c.checkSite(); len(p) > 0 {
		return p
	}
	inBuild := map[*content.Item]bool{}
	for _, it := range built.Items() {
		inBuild[it] = true
	}
	for _, spec := range content.Specs {
		for _, e := range spec.Entries(all) {
			c.fields(spec, e, inBuild[e.Base()])
		}
	}
	for _, n := range all.Posts {
		c.post(n)
	}
	for _, pg := range all.Pages {
		if slices.Contains(reserved.Names, pg.ID) || slices.Contains(kindNames(), pg.ID) {
			p.Add(pg.File, 0, "pagina-id %q is al in gebruik door de site zelf (geef het bestand een andere naam)", pg.ID)
		}
	}
	c.duplicateIDs()
	c.references()
	return append(p, Outlines(built)...)
}

// Outlines warns about the texts of the built items that are not finished: a placeholder line of
// the model (content.Section) left in, or a heading with nothing under it. These are warnings:
// the site is right, but a reader would find a gap.
func Outlines(built *content.Content) problem.List {
	items := built.Items()
	found := make([]problem.List, len(items))
	parallel.For(len(items), func(i int) { found[i] = outline(items[i]) })
	var out problem.List
	for _, f := range found {
		out = append(out, f...)
	}
	return out
}

// outline checks one body, line by line (Markdown's # headings, which is what `new` and the CMS
// write). A heading is empty when the next text is a heading of the same or a higher level, or
// when nothing follows it; code blocks count as text.
func outline(it *content.Item) problem.List {
	var probs problem.List
	var open *heading // the last heading, while nothing has followed it
	fenced := false
	for i, raw := range strings.Split(string(it.Body), "\n") {
		line := strings.TrimSpace(raw)
		if fence := strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~"); fence || fenced {
			fenced, open = fenced != fence, nil
			continue
		}
		if line == "" {
			continue
		}
		h := atxHeading(line, it.BodyLine+i)
		if open != nil && (h == nil || h.level > open.level) {
			open = nil
		}
		if open != nil {
			probs.Warn(it.File, open.line, "onder de kop %q staat nog geen tekst (schrijf het stuk, of haal de kop weg)", open.text)
		}
		switch {
		case h != nil:
			open = h
		case content.IsPlaceholder(line):
			probs.Warn(it.File, it.BodyLine+i, "de voorbeeldregel %q staat nog in de tekst (schrijf daar je eigen tekst, of haal de regel weg)", line)
		}
	}
	if open != nil {
		probs.Warn(it.File, open.line, "onder de kop %q staat nog geen tekst (schrijf het stuk, of haal de kop weg)", open.text)
	}
	return probs
}

type heading struct {
	level, line int
	text        string
}

// atxHeading reads a line as a Markdown heading ("## Bron"), or returns nil.
func atxHeading(line string, at int) *heading {
	level := len(line) - len(strings.TrimLeft(line, "#"))
	if level == 0 || level > 6 || len(line) > level && line[level] != ' ' && line[level] != '\t' {
		return nil
	}
	return &heading{level: level, line: at, text: strings.TrimSpace(strings.TrimRight(line[level:], "# "))}
}

type checker struct {
	probs      *problem.List
	site       *content.Site
	all, built *content.Content
	byKind     map[content.Kind]*targets // the items references may name, by kind, as needed
	lists      map[string][]string       // the values of the closed lists, as needed
}

func newChecker(p *problem.List, all, built *content.Content) checker {
	return checker{probs: p, site: &all.Site, all: all, built: built, byKind: map[content.Kind]*targets{}, lists: map[string][]string{}}
}

func (c checker) checkSite() {
	s := c.site
	file := content.SiteFile
	if s.Titel == "" {
		c.probs.AddField(file, s.Keys.Line("titel"), "titel", "verplicht veld \"titel\" ontbreekt")
	}
	if s.BaseURL != "" && !strings.HasPrefix(s.BaseURL, "http://") && !strings.HasPrefix(s.BaseURL, "https://") {
		c.probs.AddField(file, s.Keys.Line("base_url"), "base_url", "veld \"base_url\": %q is geen volledig webadres (verwacht bijvoorbeeld https://example.org/kennisbank/)", s.BaseURL)
	}
	seen := map[string]bool{}
	for i, b := range s.Bronnen {
		line := tableLine(s.Keys, "bron", i)
		if b.ID == "" || b.Kort == "" || b.Citatie == "" {
			c.probs.Add(file, line, "[[bron]] mist id, kort of citatie (alle drie zijn verplicht)")
		}
		if seen[b.ID] {
			c.probs.Add(file, line, "bron-id %q komt twee keer voor", b.ID)
		}
		seen[b.ID] = true
	}
	seenCluster := map[string]bool{}
	for i, cl := range s.Clusters {
		line := tableLine(s.Keys, "cluster", i)
		if cl.ID == "" || cl.Titel == "" {
			c.probs.Add(file, line, "[[cluster]] mist id of titel (allebei verplicht)")
		}
		if seenCluster[cl.ID] {
			c.probs.Add(file, line, "cluster-id %q komt twee keer voor", cl.ID)
		}
		seenCluster[cl.ID] = true
		if cl.Bron != "" && !seen[cl.Bron] {
			c.probs.Add(file, line, "cluster %q: onbekende bron %q (mogelijk zijn: %s)", cl.ID, cl.Bron, strings.Join(s.Values("bron"), ", "))
		}
	}
	c.checkAbbreviations()
}

// checkAbbreviations checks the [[afkorting]] tables: each an abbreviation of one word, given
// once, and what it stands for.
func (c checker) checkAbbreviations() {
	seen := map[string]bool{}
	for i, a := range c.site.Afkortingen {
		line := tableLine(c.site.Keys, "afkorting", i)
		words := fold.Words(a.Kort)
		if len(words) != 1 {
			c.probs.Add(content.SiteFile, line, "[[afkorting]]: kort = %q moet één woord zijn van letters en cijfers (bijvoorbeeld \"LVB\")", a.Kort)
			continue
		}
		if slices.ContainsFunc(a.Voluit, func(v string) bool { return len(fold.Words(v)) == 0 }) || len(a.Voluit) == 0 {
			c.probs.Add(content.SiteFile, line, "[[afkorting]] %q mist voluit: waar de afkorting voor staat (bijvoorbeeld voluit = [\"licht verstandelijke beperking\"])", a.Kort)
		}
		if seen[words[0]] {
			c.probs.Add(content.SiteFile, line, "de afkorting %q staat er twee keer in", a.Kort)
		}
		seen[words[0]] = true
	}
}

func tableLine(k content.KeyLines, table string, i int) int {
	if hs := k.Tables[table]; i < len(hs) {
		return hs[i]
	}
	return k.First
}

func (c checker) post(n *content.Post) {
	if n.Eind != nil && n.Start == nil {
		c.probs.AddField(n.File, n.Keys.Line("eind"), "eind", "veld \"eind\" zonder \"start\": geef ook aan wanneer het agendapunt begint")
	}
	if n.Start != nil && n.Eind != nil && n.Eind.Before(*n.Start) {
		c.probs.AddField(n.File, n.Keys.Line("eind"), "eind", "veld \"eind\" (%s) is eerder dan \"start\" (%s)", n.Eind.Format("2006-01-02 15:04"), n.Start.Format("2006-01-02 15:04"))
	}
	if n.Start != nil && n.Locatie == "" {
		c.probs.AddField(n.File, n.Keys.Line("start"), "start", "agendapunt zonder \"locatie\" (schrijf waar het plaatsvindt, of \"online\")")
	}
}

// duplicateIDs catches x.md next to a bundle x/ of the same kind.
func (c checker) duplicateIDs() {
	seen := map[string]string{}
	for _, it := range c.all.Items() {
		key := string(it.Kind) + "/" + it.ID
		if first, ok := seen[key]; ok {
			c.probs.Add(it.File, 0, "id %q komt twee keer voor: %s heeft dezelfde id", it.ID, first)
			continue
		}
		seen[key] = it.File
	}
}

// references checks what the model's fields cannot say about the built determinants: each
// number once, and each link to a strategy once per source. (What a reference names is checked
// with the fields.)
func (c checker) references() {
	numbers := map[int]string{}
	for _, d := range c.built.Determinants {
		if first, ok := numbers[d.Nummer]; ok && d.Nummer != 0 {
			c.probs.AddField(d.File, d.Keys.Line("nummer"), "nummer", "veld \"nummer\": %d is al in gebruik door %s", d.Nummer, first)
		}
		numbers[d.Nummer] = d.File
		// The same strategy may be linked once per source, so that a publisher can add TNO's
		// links beside the editors' own without losing either.
		linked := map[[2]string]int{}
		for _, l := range d.Links {
			key := [2]string{l.Strategy, l.Source}
			if prev, ok := linked[key]; ok && l.Strategy != "" {
				c.probs.AddField(d.File, l.Line, "strategie", "strategie %q is twee keer gekoppeld met bron %q (eerst op regel %d); een koppeling schrijf je één keer per bron", l.Strategy, l.Source, prev)
			}
			linked[key] = l.Line
		}
	}
}

func kindNames() []string {
	out := make([]string, len(content.Kinds))
	for i, k := range content.Kinds {
		out[i] = string(k)
	}
	return out
}
