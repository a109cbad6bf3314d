package content

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// A kind's fields are read from the struct tags of its Go type once, when the program starts
// (Specs), and every mistake in the tags stops it there, with a message that names the Go type
// and field: the one who adds a field finds a wrong tag at once, not an editor later.

var timeType = reflect.TypeFor[time.Time]()

// modelTags are the tags the model reads besides toml (see the package comment in model.go).
var modelTags = []string{"label", "help", "required", "values", "ref", "min", "max", "example", "text", "search", "time"}

// searchUses are the values of the search tag, with the type of field each takes.
var searchUses = map[string]FieldType{"terms": TypeText, "text": TypeText, "number": TypeNumber}

// fieldsOf reads the fields of a struct type from its tags, the embedded Item's first. It
// returns every mistake in the tags, each naming the Go type and field.
func fieldsOf(t reflect.Type, index []int) ([]Field, error) {
	var out []Field
	var errs []error
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		at := append(append([]int(nil), index...), i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			fields, err := fieldsOf(sf.Type, at)
			out, errs = append(out, fields...), append(errs, err)
			continue
		}
		f, msgs, err := fieldFromTags(t, sf, at)
		for _, m := range msgs {
			errs = append(errs, fmt.Errorf("content model: %s.%s: %s", t, sf.Name, m))
		}
		if f != nil {
			out = append(out, *f)
		}
		errs = append(errs, err) // from a table's own fields, which name their type
	}
	seen := map[string]bool{}
	for _, f := range out {
		if seen[f.Key] {
			errs = append(errs, fmt.Errorf("content model: %s: two fields have the toml key %q", t, f.Key))
		}
		seen[f.Key] = true
	}
	return out, errors.Join(errs...)
}

// fieldFromTags reads one field. It returns nil for a field the decoder does not fill (no toml
// key), the mistakes in its tags, and those in the fields of a table.
func fieldFromTags(in reflect.Type, sf reflect.StructField, index []int) (*Field, []string, error) {
	tags, err := parseTags(sf.Tag)
	if err != nil {
		return nil, []string{err.Error()}, nil
	}
	key, _, _ := strings.Cut(tags["toml"], ",")
	var msgs []string
	for name := range tags {
		if name != "toml" && !slices.Contains(modelTags, name) {
			msgs = append(msgs, fmt.Sprintf("unknown tag %q (the model reads toml, %s)", name, strings.Join(modelTags, ", ")))
		}
	}
	if key == "" || key == "-" {
		if len(tags) > 1 {
			msgs = append(msgs, "has tags for the model but no toml key, so no file can fill it")
		}
		return nil, msgs, nil
	}
	f := Field{Key: key, Label: tags["label"], Help: tags["help"], Values: tags["values"], Ref: Kind(tags["ref"]),
		Example: tags["example"], Long: tags["text"] == "long", Search: tags["search"], index: index, goName: in.String() + "." + sf.Name}
	_, f.Required = tags["required"]
	elem, ok := f.typeFrom(sf.Type, tags["time"] == "datetime")
	if !ok {
		msgs = append(msgs, fmt.Sprintf("type %s is not one the model reads (string, []string, int, bool, time.Time, *time.Time, or a list of tables []T)", sf.Type))
		return &f, msgs, nil
	}
	if f.Type == TypeTable {
		f.Fields, err = fieldsOf(elem, nil)
		if len(f.Fields) == 0 && err == nil {
			msgs = append(msgs, fmt.Sprintf("its table %s has no fields with a toml key", elem))
		}
		for _, sub := range f.Fields {
			if sub.Type == TypeTable {
				msgs = append(msgs, fmt.Sprintf("its table's field %q is a table too: the model reads one level of tables", sub.Key))
			}
		}
	}
	return &f, append(msgs, f.tagMistakes(tags, sf.Type)...), err
}

// typeFrom sets the field's type and whether it is a list from its Go type, and returns the
// type of one value; false for a Go type the model does not read.
func (f *Field) typeFrom(t reflect.Type, datetime bool) (reflect.Type, bool) {
	pointer := t.Kind() == reflect.Pointer
	if pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice {
		f.List, t = true, t.Elem()
	}
	switch {
	case t == timeType && datetime:
		f.Type = TypeDateTime
	case t == timeType:
		f.Type = TypeDate
	case t.Kind() == reflect.Struct:
		f.Type = TypeTable
	case t.Kind() == reflect.Int:
		f.Type = TypeNumber
	case t.Kind() == reflect.Bool:
		f.Type = TypeBool
	case t.Kind() == reflect.String:
		f.Type = TypeText
	default:
		return t, false
	}
	listOK := !f.List || f.Type == TypeText || f.Type == TypeTable
	pointerOK := !pointer || (t == timeType && !f.List)
	return t, listOK && pointerOK && (f.Type != TypeTable || f.List)
}

// tagMistakes lists what is wrong with a field's tags, given its type.
func (f *Field) tagMistakes(tags map[string]string, goType reflect.Type) []string {
	var msgs []string
	bad := func(format string, args ...any) { msgs = append(msgs, fmt.Sprintf(format, args...)) }
	text := f.Type == TypeText
	if f.Label == "" || f.Help == "" {
		bad("needs a label and a help tag: editors see both, in the CMS and in what new writes")
	}
	if f.Required && f.Type == TypeTable {
		bad("a table cannot be required: mark the fields inside it required instead")
	}
	if _, ok := valueLists[f.Values]; f.Values != "" && !ok {
		bad("values %q names no registered list (%s; see valueLists in values.go)", f.Values, strings.Join(listNames(), ", "))
	}
	if (f.Values != "" || f.Ref != "") && !text {
		bad("values and ref are for text fields, not a %s", f.Type)
	}
	if f.Values != "" && f.Ref != "" {
		bad("has both values and ref: a value comes from a list or is an item's id, not both")
	}
	if v, ok := tags["text"]; ok && (v != "long" || !text || f.List) {
		bad(`text:%q: only text:"long" on one text field (several sentences)`, v)
	}
	if v, ok := tags["time"]; ok && (v != "datetime" || f.Type != TypeDateTime) {
		bad(`time:%q: only time:"datetime" on a time.Time field (a date with a time)`, v)
	}
	if want, ok := searchUses[f.Search]; f.Search != "" && (!ok || want != f.Type || f.List) {
		bad(`search:%q: only "terms" or "text" on one text field, "number" on a number`, f.Search)
	}
	msgs = append(msgs, f.rangeMistakes(tags)...)
	if f.Example != "" {
		msgs = append(msgs, f.exampleMistakes(goType)...)
	}
	return msgs
}

// rangeMistakes reads the min and max tags into the field and says what is wrong with them.
func (f *Field) rangeMistakes(tags map[string]string) []string {
	lo, hasMin := tags["min"]
	hi, hasMax := tags["max"]
	if !hasMin && !hasMax {
		return nil
	}
	var err1, err2 error
	f.Min, err1 = strconv.Atoi(lo)
	f.Max, err2 = strconv.Atoi(hi)
	switch {
	case f.Type != TypeNumber:
		return []string{"min and max are for numbers"}
	case !hasMin || !hasMax:
		return []string{"min and max go together: give both"}
	case err1 != nil || err2 != nil:
		return []string{fmt.Sprintf("min %q and max %q must be whole numbers", lo, hi)}
	case f.Min > f.Max:
		return []string{fmt.Sprintf("min %d is greater than max %d", f.Min, f.Max)}
	}
	return nil
}

// exampleMistakes decodes the example as the TOML value of a field of the Go type, as `new`
// writes it and the loader reads it back ({today} stands for a date).
func (f *Field) exampleMistakes(goType reflect.Type) []string {
	if f.Type == TypeTable {
		return []string{"a table has no example: new writes its fields as comments"}
	}
	holder := reflect.New(reflect.StructOf([]reflect.StructField{{Name: "V", Type: goType, Tag: `toml:"v"`}}))
	value := strings.ReplaceAll(f.Example, "{today}", "2024-06-27")
	if _, err := toml.Decode("v = "+value, holder.Interface()); err != nil {
		return []string{fmt.Sprintf("example %s is not a TOML value of its type %s: %v", f.Example, goType, err)}
	}
	return nil
}

// parseTags reads a struct tag into its names and values, as reflect.StructTag.Get reads it,
// keeping every name so that one the model does not know can be refused.
func parseTags(tag reflect.StructTag) (map[string]string, error) {
	out := map[string]string{}
	rest := strings.TrimLeft(string(tag), " ")
	for rest != "" {
		name, after, ok := strings.Cut(rest, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \"") {
			return nil, fmt.Errorf("the tag %q is not written as name:\"value\" pairs", tag)
		}
		quoted, err := strconv.QuotedPrefix(after)
		if err != nil {
			return nil, fmt.Errorf("the tag %q: the value of %s is not a quoted string", tag, name)
		}
		if _, twice := out[name]; twice {
			return nil, fmt.Errorf("the tag %q gives %s twice", tag, name)
		}
		out[name], _ = strconv.Unquote(quoted)
		rest = strings.TrimLeft(after[len(quoted):], " ")
	}
	return out, nil
}

// checkRefs returns a mistake for each ref tag among the fields of s that names no kind of
// specs.
func checkRefs(s *Spec, specs []*Spec) error {
	var errs []error
	var walk func(fields []Field)
	walk = func(fields []Field) {
		for _, f := range fields {
			if f.Ref != "" && !slices.ContainsFunc(specs, func(o *Spec) bool { return o.Kind == f.Ref }) {
				errs = append(errs, fmt.Errorf("content model: %s: ref %q names no kind (kinds: %s)", f.goName, f.Ref, kindNames(specs)))
			}
			walk(f.Fields)
		}
	}
	walk(s.Fields)
	return errors.Join(errs...)
}

func kindNames(specs []*Spec) string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = string(s.Kind)
	}
	return strings.Join(names, ", ")
}
