// Package check finds the problems that need more than one file to see, or that a TOML decoder
// cannot: missing fields, values outside their list, duplicate numbers, links to strategies that
// do not exist. It reports every problem, not just the first.
package check

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"kennisbank/generator/cms"
	"kennisbank/generator/content"
	"kennisbank/generator/fold"
	"kennisbank/generator/problem"
)

// reservedRoots are top-level URL names that stand-alone pages may not take.
var reservedRoots = []string{"assets", "data", "scan", "zoeken", "matrix", "_kennisbank", cms.Dir}

// Check checks the whole content. all is everything loaded; built is the part that goes into
// the site (drafts left out unless requested), on which references are checked.
func Check(all, built *content.Content) problem.List {
	var p problem.List
	c := checker{probs: &p, site: &all.Site, built: built, all: all}
	c.checkSite()
	for _, spec := range content.Specs {
		for _, e := range spec.Entries(all) {
			c.fields(spec, e)
		}
	}
	for _, n := range all.Posts {
		c.post(n)
	}
	for _, pg := range all.Pages {
		if slices.Contains(reservedRoots, pg.ID) || slices.Contains(kindNames(), pg.ID) {
			p.Add(pg.File, 0, "page id %q is taken by the site itself (rename the file)", pg.ID)
		}
	}
	c.duplicateIDs()
	c.references()
	return p
}

// fields checks an item's top-level fields against the model: required fields, values from
// closed lists and the range of numbers. References to other items are checked by references.
func (c checker) fields(spec *content.Spec, e content.Entry) {
	it := e.Base()
	for i := range spec.Fields {
		f := &spec.Fields[i]
		if f.Required {
			c.required(it, f.Key)
		}
		v := f.Value(e)
		switch {
		case f.Values != "" && f.Type == content.TypeText:
			valid := c.site.Values(f.Values)
			for _, s := range textValues(v) {
				c.oneOf(it, f.Key, s, valid)
			}
		case f.Type == content.TypeNumber && f.Max > 0:
			if n := int(v.Int()); n != 0 && (n < f.Min || n > f.Max) {
				c.probs.Add(it.File, it.Keys.Line(f.Key), "field %q: %d is out of range (expected %d to %d)", f.Key, n, f.Min, f.Max)
			}
		}
	}
}

// textValues returns the text of a string or []string field.
func textValues(v reflect.Value) []string {
	if v.Kind() == reflect.String {
		return []string{v.String()}
	}
	out := make([]string, v.Len())
	for i := range out {
		out[i] = v.Index(i).String()
	}
	return out
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
			c.probs.Add(file, line, "cluster %q: unknown source %q (expected one of: %s)", cl.ID, cl.Bron, strings.Join(s.Values("bron"), ", "))
		}
	}
	c.checkAbbreviations()
	*c.probs = append(*c.probs, cms.Check(s)...)
}

// checkAbbreviations checks the [[afkorting]] tables: each an abbreviation of one word, given
// once, and what it stands for.
func (c checker) checkAbbreviations() {
	seen := map[string]bool{}
	for i, a := range c.site.Afkortingen {
		line := tableLine(c.site.Keys, "afkorting", i)
		words := fold.Words(a.Kort)
		if len(words) != 1 {
			c.probs.Add("content/site.toml", line, "[[afkorting]]: kort = %q must be one word of letters and digits (expected e.g. \"LVB\")", a.Kort)
			continue
		}
		if slices.ContainsFunc(a.Voluit, func(v string) bool { return len(fold.Words(v)) == 0 }) || len(a.Voluit) == 0 {
			c.probs.Add("content/site.toml", line, "[[afkorting]] %q needs voluit: what it stands for (expected e.g. voluit = [\"licht verstandelijke beperking\"])", a.Kort)
		}
		if seen[words[0]] {
			c.probs.Add("content/site.toml", line, "duplicate abbreviation %q", a.Kort)
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

func (c checker) required(it *content.Item, keys ...string) {
	for _, k := range keys {
		if _, ok := it.Keys.Top.Get(k); !ok {
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
	c.topLevelReferences()
}

// topLevelReferences checks the fields that name another item by its id (a factsheet's
// leernetwerk): the item must be in the site.
func (c checker) topLevelReferences() {
	for _, spec := range content.Specs {
		for i := range spec.Fields {
			f := &spec.Fields[i]
			if f.Ref == "" || f.Type != content.TypeText {
				continue
			}
			targets := content.SpecOf(f.Ref).Entries(c.built)
			valid := make(map[string]bool, len(targets))
			for _, t := range targets {
				valid[t.Base().ID] = true
			}
			for _, e := range spec.Entries(c.built) {
				for _, id := range textValues(f.Value(e)) {
					if id != "" && !valid[id] && !c.all.Unreadable[string(f.Ref)+"/"+id] {
						c.probs.Add(e.Base().File, e.Base().Keys.Line(f.Key), "%s", unknownValue(f.Key, id, ids(targets)))
					}
				}
			}
		}
	}
}

func (c checker) link(d *content.Determinant, i int, l content.Link, strategies, drafts map[string]bool) {
	keyLine := func(key string) int {
		if tk := d.Keys.TableKeys["strategie"]; i < len(tk) {
			if line, ok := tk[i].Get(key); ok {
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
	} else if valid := c.site.Values("sterkte"); !slices.Contains(valid, l.Strength) {
		c.probs.Add(d.File, keyLine("sterkte"), "%s", unknownValue("sterkte", l.Strength, valid))
	}
	if l.Source == "" {
		c.probs.Add(d.File, l.Line, "[[strategie]] %q without \"bron\": every link says where it comes from", l.Strategy)
	} else if valid := c.site.Values("bron"); !slices.Contains(valid, l.Source) {
		c.probs.Add(d.File, keyLine("bron"), "%s", unknownValue("bron", l.Source, valid))
	}
	if l.Source == "redactie" && strings.TrimSpace(l.Explanation) == "" {
		c.probs.Add(d.File, l.Line, "[[strategie]] %q: an editorial link (bron = \"redactie\") needs a \"toelichting\" with the reason", l.Strategy)
	}
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
