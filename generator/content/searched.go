package content

// Searched is what the fields a kind marks with a search tag add to an item's search document.
type Searched struct {
	Number    int  // search:"number": shown before the title ("7. Coördinator")
	HasNumber bool // the kind has such a field
	Terms     []string
	More      []string
}

// Searched reads the fields of e that its kind marks for the search: "terms" weigh with the
// zoektermen, "text" with the summary, "number" goes before the title.
func (s *Spec) Searched(e Entry) Searched {
	var out Searched
	for i := range s.Fields {
		f := &s.Fields[i]
		switch f.Search {
		case "number":
			out.Number, out.HasNumber = int(f.Value(e).Int()), true
		case "terms":
			if t := f.Value(e).String(); t != "" {
				out.Terms = append(out.Terms, t)
			}
		case "text":
			out.More = append(out.More, f.Value(e).String())
		}
	}
	return out
}
