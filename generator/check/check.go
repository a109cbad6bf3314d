// Package check finds the problems that need more than one file to see, or that a TOML decoder
// cannot: missing fields, values outside their list, duplicate numbers, links to strategies that
// do not exist. It reports every problem, not just the first.
package check

import (
	"fmt"
	"slices"
	"strings"

	"kennisbank/generator/content"
	"kennisbank/generator/problem"
)

// DeterminantCount is the number of MIDI determinants.
const DeterminantCount = 29

// reservedRoots are top-level URL names that stand-alone pages may not take.
var reservedRoots = []string{"assets", "data", "scan", "zoeken", "matrix", "_kennisbank"}

// Check checks the whole content. all is everything loaded; built is the part that goes into
// the site (drafts left out unless requested), on which references are checked.
func Check(all, built *content.Content) problem.List {
	var p problem.List
	c := checker{probs: &p, site: &all.Site, built: built, all: all}
	c.checkSite()
	for _, d := range all.Determinants {
		c.required(&d.Item, "titel", "nummer", "categorie", "titel_en", "vraag", "schaal")
		c.oneOf(&d.Item, "categorie", d.Categorie, categoryIDs())
		c.oneOf(&d.Item, "schaal", d.Schaal, content.Scales)
		if d.Nummer != 0 && (d.Nummer < 1 || d.Nummer > DeterminantCount) {
			p.Add(d.File, d.Keys.Line("nummer"), "field \"nummer\": %d is out of range (expected 1 to %d)", d.Nummer, DeterminantCount)
		}
		c.sources(&d.Item, "bronnen", d.Bronnen)
	}
	for _, s := range all.Strategies {
		c.required(&s.Item, "titel", "cluster")
		c.oneOf(&s.Item, "cluster", s.Cluster, clusterIDs(all.Site))
		c.sources(&s.Item, "bronnen", s.Bronnen)
		for _, f := range s.Fase {
			c.oneOf(&s.Item, "fase", f, content.Phases)
		}
	}
	for _, n := range all.Networks {
		c.required(&n.Item, "titel")
	}
	for _, f := range all.Factsheets {
		c.required(&f.Item, "titel")
	}
	for _, n := range all.Posts {
		c.required(&n.Item, "titel", "datum")
		c.post(n)
	}
	for _, pg := range all.Pages {
		c.required(&pg.Item, "titel")
		if slices.Contains(reservedRoots, pg.ID) || slices.Contains(kindNames(), pg.ID) {
			p.Add(pg.File, 0, "page id %q is taken by the site itself (rename the file)", pg.ID)
		}
	}
	c.duplicateIDs()
	c.references()
	return p
}

type checker struct {
	probs      *problem.List
	site       *content.Site
	all, built *content.Content
}

func (c checker) checkSite() {
	s := c.site
	file := "content/site.toml"
	if s.Titel == "" {
		c.probs.Add(file, s.Keys.Line("titel"), "missing required field \"titel\"")
	}
	if s.BaseURL != "" && !strings.HasPrefix(s.BaseURL, "http://") && !strings.HasPrefix(s.BaseURL, "https://") {
		c.probs.Add(file, s.Keys.Line("base_url"), "field \"base_url\": %q is not an absolute URL (expected e.g. https://example.org/kennisbank/)", s.BaseURL)
	}
	seen := map[string]bool{}
	for i, b := range s.Bronnen {
		line := tableLine(s.Keys, "bron", i)
		if b.ID == "" || b.Kort == "" || b.Citatie == "" {
			c.probs.Add(file, line, "[[bron]] needs id, kort and citatie")
		}
		if seen[b.ID] {
			c.probs.Add(file, line, "duplicate source id %q", b.ID)
		}
		seen[b.ID] = true
	}
	seenCluster := map[string]bool{}
	for i, cl := range s.Clusters {
		line := tableLine(s.Keys, "cluster", i)
		if cl.ID == "" || cl.Titel == "" {
			c.probs.Add(file, line, "[[cluster]] needs id and titel")
		}
		if seenCluster[cl.ID] {
			c.probs.Add(file, line, "duplicate cluster id %q", cl.ID)
		}
		seenCluster[cl.ID] = true
		if cl.Bron != "" && !seen[cl.Bron] {
			c.probs.Add(file, line, "cluster %q: unknown source %q (expected one of: %s)", cl.ID, cl.Bron, strings.Join(sourceIDs(*s), ", "))
		}
	}
}

func tableLine(k content.KeyLines, table string, i int) int {
	if hs := k.Tables[table]; i < len(hs) {
		return hs[i]
	}
	return k.First
}

func (c checker) required(it *content.Item, keys ...string) {
	for _, k := range keys {
		if _, ok := it.Keys.Top[k]; !ok {
			c.probs.Add(it.File, it.Keys.First, "missing required field %q", k)
		}
	}
}

// oneOf reports a value outside its list, suggesting the nearest valid value.
func (c checker) oneOf(it *content.Item, key, value string, valid []string) {
	if value == "" || slices.Contains(valid, value) {
		return
	}
	c.probs.Add(it.File, it.Keys.Line(key), "%s", unknownValue(key, value, valid))
}

func unknownValue(key, value string, valid []string) string {
	msg := fmt.Sprintf("field %q: unknown value %q (expected one of: %s)", key, value, strings.Join(valid, ", "))
	if s := content.Suggest(value, valid); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return msg
}

func (c checker) sources(it *content.Item, key string, ids []string) {
	for _, id := range ids {
		c.oneOf(it, key, id, sourceIDs(*c.site))
	}
}

func (c checker) post(n *content.Post) {
	if n.Eind != nil && n.Start == nil {
		c.probs.Add(n.File, n.Keys.Line("eind"), "field \"eind\" without \"start\": an agenda item needs a start")
	}
	if n.Start != nil && n.Eind != nil && n.Eind.Before(*n.Start) {
		c.probs.Add(n.File, n.Keys.Line("eind"), "field \"eind\" (%s) is before \"start\" (%s)", n.Eind.Format("2006-01-02 15:04"), n.Start.Format("2006-01-02 15:04"))
	}
	if n.Start != nil && n.Locatie == "" {
		c.probs.Add(n.File, n.Keys.Line("start"), "agenda item without \"locatie\" (write where it takes place, or \"online\")")
	}
}

// duplicateIDs catches x.md next to a bundle x/ of the same kind.
func (c checker) duplicateIDs() {
	seen := map[string]string{}
	for _, it := range c.all.Items() {
		key := string(it.Kind) + "/" + it.ID
		if first, ok := seen[key]; ok {
			c.probs.Add(it.File, 0, "duplicate id %q: %s has the same id", it.ID, first)
			continue
		}
		seen[key] = it.File
	}
}

// references checks what points from one built item to another.
func (c checker) references() {
	strategies := map[string]bool{}
	for _, s := range c.built.Strategies {
		strategies[s.ID] = true
	}
	drafts := map[string]bool{}
	for _, s := range c.all.Strategies {
		if !strategies[s.ID] {
			drafts[s.ID] = true
		}
	}
	networks := map[string]bool{}
	for _, n := range c.built.Networks {
		networks[n.ID] = true
	}
	numbers := map[int]string{}
	for _, d := range c.built.Determinants {
		if first, ok := numbers[d.Nummer]; ok && d.Nummer != 0 {
			c.probs.Add(d.File, d.Keys.Line("nummer"), "duplicate \"nummer\" %d: %s has it too", d.Nummer, first)
		}
		numbers[d.Nummer] = d.File
		// The same strategy may be linked once per source, so that a publisher can add TNO's
		// links beside the editors' own without losing either.
		linked := map[[2]string]int{}
		for i, l := range d.Links {
			c.link(d, i, l, strategies, drafts)
			key := [2]string{l.Strategy, l.Source}
			if prev, ok := linked[key]; ok && l.Strategy != "" {
				c.probs.Add(d.File, l.Line, "strategy %q is linked twice with source %q (first at line %d); a link is written once per source", l.Strategy, l.Source, prev)
			}
			linked[key] = l.Line
		}
	}
	checkNetwork := func(it *content.Item, id string) {
		if id != "" && !networks[id] && !c.all.Unreadable[string(content.KindNetwork)+"/"+id] {
			c.probs.Add(it.File, it.Keys.Line("leernetwerk"), "%s", unknownValue("leernetwerk", id, ids(c.built.Networks)))
		}
	}
	for _, f := range c.built.Factsheets {
		checkNetwork(&f.Item, f.Leernetwerk)
	}
	for _, n := range c.built.Posts {
		checkNetwork(&n.Item, n.Leernetwerk)
	}
}

func (c checker) link(d *content.Determinant, i int, l content.Link, strategies, drafts map[string]bool) {
	keyLine := func(key string) int {
		if tk := d.Keys.TableKeys["strategie"]; i < len(tk) {
			if line, ok := tk[i][key]; ok {
				return line
			}
		}
		return l.Line
	}
	switch {
	case l.Strategy == "":
		c.probs.Add(d.File, l.Line, "[[strategie]] without \"id\" (expected the id of a strategy, its file name without .md)")
	case drafts[l.Strategy]:
		c.probs.Add(d.File, keyLine("id"), "link to strategy %q, which is a concept (draft): build with --drafts, or publish the strategy", l.Strategy)
	case !strategies[l.Strategy] && c.all.Unreadable[string(content.KindStrategy)+"/"+l.Strategy]:
		// Its own problems are reported with its file.
	case !strategies[l.Strategy]:
		msg := fmt.Sprintf("link to strategy %q, which does not exist (expected a file content/strategieen/%s.md)", l.Strategy, l.Strategy)
		if s := content.Suggest(l.Strategy, ids(c.built.Strategies)); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		c.probs.Add(d.File, keyLine("id"), "%s", msg)
	}
	if l.Strength == "" {
		c.probs.Add(d.File, l.Line, "[[strategie]] %q without \"sterkte\" (expected kern or aanvullend)", l.Strategy)
	} else if !slices.Contains(content.Strengths, l.Strength) {
		c.probs.Add(d.File, keyLine("sterkte"), "%s", unknownValue("sterkte", l.Strength, content.Strengths))
	}
	if l.Source == "" {
		c.probs.Add(d.File, l.Line, "[[strategie]] %q without \"bron\": every link says where it comes from", l.Strategy)
	} else if !slices.Contains(sourceIDs(*c.site), l.Source) {
		c.probs.Add(d.File, keyLine("bron"), "%s", unknownValue("bron", l.Source, sourceIDs(*c.site)))
	}
	if l.Source == "redactie" && strings.TrimSpace(l.Explanation) == "" {
		c.probs.Add(d.File, l.Line, "[[strategie]] %q: an editorial link (bron = \"redactie\") needs a \"toelichting\" with the reason", l.Strategy)
	}
}

func categoryIDs() []string {
	out := make([]string, len(content.Categories))
	for i, c := range content.Categories {
		out[i] = c.ID
	}
	return out
}

func clusterIDs(s content.Site) []string {
	out := make([]string, len(s.Clusters))
	for i, c := range s.Clusters {
		out[i] = c.ID
	}
	return out
}

func sourceIDs(s content.Site) []string {
	out := make([]string, len(s.Bronnen))
	for i, b := range s.Bronnen {
		out[i] = b.ID
	}
	return out
}

func kindNames() []string {
	out := make([]string, len(content.Kinds))
	for i, k := range content.Kinds {
		out[i] = string(k)
	}
	return out
}

type identified interface{ Base() *content.Item }

func ids[T identified](list []T) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.Base().ID
	}
	return out
}
