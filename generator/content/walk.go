package content

import (
	"iter"
	"reflect"
	"strings"
)

// FieldValue is one field of an item as the model describes it, with its value and where it
// stands in the file: a top-level field, or a field of one table of a list of tables (the id of
// the second [[strategie]]).
type FieldValue struct {
	Field   *Field
	Path    string        // the key as problems name it: "categorie", or "strategie.bron" in a table
	Table   *Field        // the list of tables it is in, or nil at the top level
	Row     int           // which table of that list, from 0
	RowName string        // what the table's first field says ("discussie"), which names the table in messages
	Value   reflect.Value // the decoded value
	Present bool          // the file writes the key
	Line    int           // the key's line; for an absent key, its table's header or the first front-matter line
}

// Blank reports whether the value says nothing: the key is absent, or its text, or its list, is
// empty.
func (v FieldValue) Blank() bool {
	switch {
	case !v.Present:
		return true
	case v.Field.List:
		return v.Value.Len() == 0
	case v.Field.Type == TypeText:
		return strings.TrimSpace(v.Value.String()) == ""
	}
	return false
}

// Texts returns the text of a text field: its one value, or each of a list.
func (v FieldValue) Texts() []string {
	if !v.Field.List {
		return []string{v.Value.String()}
	}
	out := make([]string, v.Value.Len())
	for i := range out {
		out[i] = v.Value.Index(i).String()
	}
	return out
}

// Walk yields every field of e in the model's order; for a list of tables, the list itself and
// then each field of each of its tables, so that those are read as the top-level ones are.
func (s *Spec) Walk(e Entry) iter.Seq[FieldValue] {
	keys := e.Base().Keys
	return func(yield func(FieldValue) bool) {
		for i := range s.Fields {
			f := &s.Fields[i]
			line, present := keys.Top.Get(f.Key)
			if !present {
				line = keys.First
			}
			v := FieldValue{Field: f, Path: f.Key, Value: f.Value(e), Present: present, Line: line}
			if !yield(v) {
				return
			}
			if f.Type == TypeTable && !walkTables(keys, v, yield) {
				return
			}
		}
	}
}

// walkTables yields the fields of each table of a list of tables.
func walkTables(keys KeyLines, list FieldValue, yield func(FieldValue) bool) bool {
	key, fields := list.Field.Key, list.Field.Fields
	headers, tableKeys := keys.Tables[key], keys.TableKeys[key]
	for row := 0; row < list.Value.Len(); row++ {
		table := list.Value.Index(row)
		header := keys.First
		if row < len(headers) {
			header = headers[row]
		}
		var lines Lines
		if row < len(tableKeys) {
			lines = tableKeys[row]
		}
		name := ""
		if first := &fields[0]; first.Type == TypeText && !first.List {
			name = first.In(table).String()
		}
		for i := range fields {
			f := &fields[i]
			line, present := lines.Get(f.Key)
			if !present {
				line = header
			}
			v := FieldValue{Field: f, Path: key + "." + f.Key, Table: list.Field, Row: row, RowName: name,
				Value: f.In(table), Present: present, Line: line}
			if !yield(v) {
				return false
			}
		}
	}
	return true
}
