package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
)

// Fields checks one item that goes into the site against its kind's model, as Check does for
// every such item: all, to find the items its references name, and built, the part of all that
// goes into the site.
func Fields(spec *content.Spec, e content.Entry, all, built *content.Content) problem.List {
	var p problem.List
	newChecker(&p, all, built).fields(spec, e, true)
	return p
}

// fields checks an item's fields against the model, the fields of each table of a list of
// tables ([[strategie]]) by the same rules as the top-level ones: a required field must be there,
// a value from a closed list must be in it, a number in its range. An item that goes into the
// site (inBuild) is held to more: a required field must not be empty, and a reference must name
// an item that goes into the site too. A draft that `new` wrote, with keys still to fill in,
// passes until it is published.
func (c checker) fields(spec *content.Spec, e content.Entry, inBuild bool) {
	it := e.Base()
	for v := range spec.Walk(e) {
		f := v.Field
		switch {
		case f.Required && (!v.Present || inBuild && v.Blank()):
			c.probs.AddField(it.File, v.Line, v.Path, "%s", missing(v, c.hint(f)))
		case !v.Present:
		case f.Values != "":
			valid := c.values(f.Values)
			for _, s := range v.Texts() {
				if s != "" && !slices.Contains(valid, s) {
					c.probs.AddField(it.File, v.Line, v.Path, "%s", unknownValue(v.Path, s, valid))
				}
			}
		case f.Type == content.TypeNumber && (f.Min != 0 || f.Max != 0):
			if n := int(v.Value.Int()); n < f.Min || n > f.Max {
				c.probs.AddField(it.File, v.Line, v.Path, "veld %q: %d valt buiten het bereik (verwacht een getal van %d tot en met %d)", v.Path, n, f.Min, f.Max)
			}
		case f.Ref != "" && inBuild:
			for _, id := range v.Texts() {
				c.reference(it, v, id)
			}
		}
	}
}

// missing is the message for a required field that is absent or empty: in a table, it names
// the table by its first field.
func missing(v content.FieldValue, hint string) string {
	switch {
	case v.Table == nil && !v.Present:
		return fmt.Sprintf("verplicht veld %q ontbreekt (%s)", v.Path, hint)
	case v.Table == nil:
		return fmt.Sprintf("verplicht veld %q is leeg (%s)", v.Path, hint)
	case strings.TrimSpace(v.RowName) == "" || v.Field == &v.Table.Fields[0]:
		return fmt.Sprintf("[[%s]] zonder %q (%s)", v.Table.Key, v.Field.Key, hint)
	}
	return fmt.Sprintf("[[%s]] %q zonder %q (%s)", v.Table.Key, v.RowName, v.Field.Key, hint)
}

// values returns the values of a closed list, read once per check.
func (c checker) values(list string) []string {
	valid, ok := c.lists[list]
	if !ok {
		valid = c.site.Values(list)
		c.lists[list] = valid
	}
	return valid
}

// hint says what a field holds, for the message that it is missing: the kind of item it names,
// the values it may take, or else its help text.
func (c checker) hint(f *content.Field) string {
	if f.Ref != "" {
		return fmt.Sprintf("verwacht de id van een %s: de naam van het bestand zonder .md", singular(f.Ref))
	}
	var valid []string
	if f.Values != "" {
		valid = c.values(f.Values)
	}
	switch {
	case len(valid) == 0:
		help := strings.TrimSuffix(f.Help, ".")
		r, size := utf8.DecodeRuneInString(help)
		return string(unicode.ToLower(r)) + help[size:]
	case len(valid) == 1:
		return "verwacht " + valid[0]
	case len(valid) == 2:
		return "verwacht " + valid[0] + " of " + valid[1]
	}
	return "verwacht een van: " + strings.Join(valid, ", ")
}

func singular(k content.Kind) string { return strings.ToLower(content.SpecOf(k).Singular) }

// reference reports an id that names no item of the field's kind in the site: a draft (which
// a build without --drafts leaves out), or nothing at all. An item whose file could not be read
// has its own problem already.
func (c checker) reference(it *content.Item, v content.FieldValue, id string) {
	t := c.targets(v.Field.Ref)
	switch {
	case id == "" || t.built[id] || c.all.Unreadable[string(v.Field.Ref)+"/"+id]:
	case t.drafts[id]:
		c.probs.AddField(it.File, v.Line, v.Path, "veld %q: %s %q is nog een concept: publiceer die eerst (of bouw met --drafts)", v.Path, singular(v.Field.Ref), id)
	default:
		msg := fmt.Sprintf("veld %q: %s %q bestaat niet (verwacht een bestand %s/%s/%s.md)", v.Path, singular(v.Field.Ref), id, content.Dir, v.Field.Ref, id)
		switch s := content.Suggest(id, t.ids); {
		case s != "":
			msg += fmt.Sprintf("; bedoel je %q?", s)
		case len(t.ids) <= fewTargets:
			msg += fmt.Sprintf("; mogelijk zijn: %s", strings.Join(t.ids, ", "))
		}
		c.probs.AddField(it.File, v.Line, v.Path, "%s", msg)
	}
}

// fewTargets is how many items a message about a reference that names none lists, as the
// values a field may take.
const fewTargets = 10

// targets are the ids of one kind's items: those in the site, and the drafts left out of it.
type targets struct {
	built, drafts map[string]bool
	ids           []string // those in the site, in order, for suggestions
}

func (c checker) targets(k content.Kind) *targets {
	if t, ok := c.byKind[k]; ok {
		return t
	}
	t := &targets{built: map[string]bool{}, drafts: map[string]bool{}}
	for _, it := range c.built.Items(k) {
		t.built[it.ID] = true
		t.ids = append(t.ids, it.ID)
	}
	for _, it := range c.all.Items(k) {
		t.drafts[it.ID] = !t.built[it.ID]
	}
	c.byKind[k] = t
	return t
}

// unknownValue is the message for a value outside its list, with the nearest valid value.
func unknownValue(key, value string, valid []string) string {
	msg := fmt.Sprintf("veld %q: onbekende waarde %q (mogelijk zijn: %s)", key, value, strings.Join(valid, ", "))
	if s := content.Suggest(value, valid); s != "" {
		msg += fmt.Sprintf("; bedoel je %q?", s)
	}
	return msg
}
