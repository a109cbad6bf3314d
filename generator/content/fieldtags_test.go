package content

import (
	"reflect"
	"strings"
	"testing"
)

// Kinds with one mistake each in their tags, as someone adding a field might make it.
type (
	tagUnknown struct {
		Item
		X string `toml:"x" label:"X" help:"x" lable:"X"`
	}
	tagNoList struct {
		Item
		X string `toml:"x" label:"X" help:"x" values:"fasen"`
	}
	tagNoKind struct {
		Item
		X string `toml:"x" label:"X" help:"x" ref:"strategien"`
	}
	tagRangeUpsideDown struct {
		Item
		X int `toml:"x" label:"X" help:"x" min:"9" max:"1"`
	}
	tagHalfRange struct {
		Item
		X int `toml:"x" label:"X" help:"x" max:"9"`
	}
	tagBadExample struct {
		Item
		X int `toml:"x" label:"X" help:"x" example:"\"een\""`
	}
	tagBadSearch struct {
		Item
		X string `toml:"x" label:"X" help:"x" search:"title"`
	}
	tagSearchList struct {
		Item
		X []string `toml:"x" label:"X" help:"x" search:"terms"`
	}
	tagRequiredTable struct {
		Item
		X []Link `toml:"x" label:"X" help:"x" required:""`
	}
	tagNoLabel struct {
		Item
		X string `toml:"x" help:"x"`
	}
	tagBadType struct {
		Item
		X float64 `toml:"x" label:"X" help:"x"`
	}
	tagBadText struct {
		Item
		X string `toml:"x" label:"X" help:"x" text:"lang"`
	}
	tagListOnNumber struct {
		Item
		X int `toml:"x" label:"X" help:"x" values:"fase"`
	}
	tagNoKey struct {
		Item
		X string `label:"X" help:"x"`
	}
	tagTwiceTheKey struct {
		Item
		X string `toml:"titel" label:"X" help:"x"`
	}
	tagNestedTable struct {
		Item
		X []tagNested `toml:"x" label:"X" help:"x"`
	}
	tagNested struct {
		Y []Link `toml:"y" label:"Y" help:"y"`
	}
	tagTwoMistakes struct {
		Item
		X string `toml:"x" label:"X" help:"x" values:"fasen"`
		Y int    `toml:"y" label:"Y" help:"y" min:"2" max:"1"`
	}
)

// Every mistake in a tag is caught when the kind is described, with the Go type and field it
// is in and what is wrong.
func TestBadTagsAreCaught(t *testing.T) {
	cases := []struct {
		describe func() (*Spec, error)
		want     []string
	}{
		{describeKind[tagUnknown], []string{"content.tagUnknown.X: unknown tag \"lable\""}},
		{describeKind[tagNoList], []string{`content.tagNoList.X: values "fasen" names no registered list (bron, categorie, cluster, fase, schaal, sterkte`}},
		{describeKind[tagNoKind], []string{`content.tagNoKind.X: ref "strategien" names no kind (kinds: determinanten, strategieen`}},
		{describeKind[tagRangeUpsideDown], []string{"content.tagRangeUpsideDown.X: min 9 is greater than max 1"}},
		{describeKind[tagHalfRange], []string{"content.tagHalfRange.X: min and max go together"}},
		{describeKind[tagBadExample], []string{`content.tagBadExample.X: example "een" is not a TOML value of its type int`}},
		{describeKind[tagBadSearch], []string{`content.tagBadSearch.X: search:"title"`}},
		{describeKind[tagSearchList], []string{`content.tagSearchList.X: search:"terms": only "terms" or "text" on one text field`}},
		{describeKind[tagRequiredTable], []string{"content.tagRequiredTable.X: a table cannot be required"}},
		{describeKind[tagNoLabel], []string{"content.tagNoLabel.X: needs a label and a help tag"}},
		{describeKind[tagBadType], []string{"content.tagBadType.X: type float64 is not one the model reads"}},
		{describeKind[tagBadText], []string{`content.tagBadText.X: text:"lang"`}},
		{describeKind[tagListOnNumber], []string{"content.tagListOnNumber.X: values and ref are for text fields, not a number"}},
		{describeKind[tagNoKey], []string{"content.tagNoKey.X: has tags for the model but no toml key"}},
		{describeKind[tagTwiceTheKey], []string{`content.tagTwiceTheKey: two fields have the toml key "titel"`}},
		{describeKind[tagNestedTable], []string{`content.tagNestedTable.X: its table's field "y" is a table too`}},
		{describeKind[tagTwoMistakes], []string{`content.tagTwoMistakes.X: values "fasen"`, "content.tagTwoMistakes.Y: min 2 is greater than max 1"}},
	}
	for _, c := range cases {
		_, err := c.describe()
		if err == nil {
			t.Errorf("no error, want %q", c.want)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error %q, want it to say %q", err, w)
			}
		}
	}
}

// A tag that go vet would refuse too is caught as well (reflect.StructOf makes one, as no
// source file can hold it without vet's complaint).
func TestMalformedTagIsCaught(t *testing.T) {
	typ := reflect.StructOf([]reflect.StructField{{Name: "X", Type: reflect.TypeFor[string](), Tag: `toml:"x" label:X`}})
	_, err := fieldsOf(typ, nil)
	if err == nil || !strings.Contains(err.Error(), ".X: the tag") || !strings.Contains(err.Error(), "the value of label is not a quoted string") {
		t.Errorf("error %v", err)
	}
}

func describeKind[T any, P interface {
	*T
	Entry
}]() (*Spec, error) {
	return Describe[T, P](Spec{Kind: "proeven", Name: "proef", FileName: NameSlug})
}

// A kind of the site with a bad tag stops the program when it starts, saying what is wrong.
func TestBadTagStopsTheProgram(t *testing.T) {
	defer func() {
		if err, _ := recover().(error); err == nil || !strings.Contains(err.Error(), "content model: content.tagNoList.X: values \"fasen\"") {
			t.Errorf("panic %v", err)
		}
	}()
	spec(Spec{Kind: "proeven", FileName: NameSlug}, func(c *Content) *[]*tagNoList { return nil })
	t.Error("a kind with a bad tag was described")
}

// The site's own kinds, which the program described when it started, are read from their tags
// as written: the ranges and the examples.
func TestTheSitesTagsAreRead(t *testing.T) {
	nummer := SpecOf(KindDeterminant).Field("nummer")
	if nummer.Min != 1 || nummer.Max != 29 || nummer.Example != "1" || nummer.Search != "number" || !nummer.Required {
		t.Errorf("nummer: %+v", nummer)
	}
	if start := SpecOf(KindPost).Field("start"); start.Type != TypeDateTime || start.Required {
		t.Errorf("start: %+v", start)
	}
}
