package content

import (
	"maps"
	"slices"
)

// Option is one allowed value of a closed list, with the words editors see.
type Option struct{ Value, Label string }

// ValueList is a closed list of values a field may take, as its values tag names it: fixed by
// the model (MIDI's categories, the answer scales) or kept in site.toml (the sources), so that
// a site adds a source without a change to the code.
type ValueList struct {
	Fixed    []Option             // the values, when the model fixes them
	FromSite func(*Site) []Option // otherwise how to read them from the site's settings
}

// valueLists is the registry of closed lists, by the name a values tag gives. A new list is one
// entry here; the tags are checked against it when the program starts (see fieldsOf).
var valueLists = map[string]ValueList{
	"categorie": {Fixed: categoryOptions()},
	"schaal": {Fixed: []Option{
		{ScaleAgree5, "Vijf punten, van helemaal mee oneens tot helemaal mee eens"},
		{ScaleAgree5Reverse, "Vijf punten, omgekeerd: eens is belemmerend"},
		{ScaleYesNo, "Ja, nee of weet niet"}}},
	"fase":    {Fixed: phaseOptions()},
	"sterkte": {Fixed: []Option{{"kern", "kern: werkt direct op de determinant"}, {"aanvullend", "aanvullend: ondersteunt"}}},
	"bron": {FromSite: func(s *Site) []Option {
		out := make([]Option, len(s.Bronnen))
		for i, b := range s.Bronnen {
			out[i] = Option{b.ID, b.Kort}
		}
		return out
	}},
	"cluster": {FromSite: func(s *Site) []Option {
		out := make([]Option, len(s.Clusters))
		for i, c := range s.Clusters {
			out[i] = Option{c.ID, c.Titel}
		}
		return out
	}},
}

func categoryOptions() []Option {
	out := make([]Option, len(Categories))
	for i, c := range Categories {
		out[i] = Option{c.ID, c.Title}
	}
	return out
}

func phaseOptions() []Option {
	out := make([]Option, len(Phases))
	for i, p := range Phases {
		out[i] = Option{p, p}
	}
	return out
}

// ListNamed returns the closed list a values tag names, and whether there is one.
func ListNamed(name string) (ValueList, bool) {
	l, ok := valueLists[name]
	return l, ok
}

// listNames are the registered lists' names, sorted, for messages.
func listNames() []string { return slices.Sorted(maps.Keys(valueLists)) }

// Options returns the allowed values of the closed list named by a field's values tag: the fixed
// ones, or those site.toml lists.
func (s *Site) Options(list string) []Option {
	l, ok := valueLists[list]
	switch {
	case !ok:
		panic("content model: no list of values named " + list) // the tags are checked at start
	case l.FromSite != nil:
		return l.FromSite(s)
	}
	return slices.Clone(l.Fixed)
}

// Values returns the allowed values of a closed list, without their labels.
func (s *Site) Values(list string) []string {
	opts := s.Options(list)
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Value
	}
	return out
}
