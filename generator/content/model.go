package content

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"time"
)

// The content model: one descriptor per kind of item (Spec) with its folder, its fields, its
// templates, its list title and the rule its file names follow. Load, check, `new`, render,
// search, publish, the open data and the CMS configuration all read it, so that what an editor
// can write is what the build accepts.
//
// A kind's fields are the fields of its Go type: each field's `toml` tag gives its key, and the
// tags beside it say the rest, so that adding a field is one line:
//
//	label    Dutch label for editors          help     a short Dutch help text
//	required the build refuses the item without it, or with it empty
//	values   a closed list of values by name, as registered in valueLists (values.go):
//	         categorie, schaal, fase, sterkte, bron, cluster
//	ref      the kind whose ids the value must be (a reference to another item)
//	min, max the range of a number
//	example  the value `kennisbank new` writes for it
//	text     "long" for text of several sentences (a text area rather than a line)
//	time     "datetime" for a date with a time (a time.Time is a date without it)
//	search   where the search weighs it besides title, zoektermen, summary and body: "terms"
//	         (with the zoektermen), "text" (with the summary), "number" (before the title: "7. …")
//
// The fields of a list of tables ([[strategie]], a []Link) are described by the same tags, and
// checked by the same code. The tags are checked when the program starts (fieldtags.go): a tag
// the model does not know, a list or kind that does not exist, an example that does not decode
// stop it with a message that names the Go type and field.

// FieldType is what kind of value a field holds.
type FieldType string

// The field types.
const (
	TypeText     FieldType = "text"
	TypeNumber   FieldType = "number"
	TypeBool     FieldType = "bool"
	TypeDate     FieldType = "date"     // a TOML local date: 2024-06-27
	TypeDateTime FieldType = "datetime" // a TOML local date-time: 2024-06-27T09:30:00
	TypeTable    FieldType = "table"    // an array of tables, [[key]], each with Fields
)

// Field describes one front-matter key of a kind.
type Field struct {
	Key      string
	Label    string
	Help     string
	Type     FieldType
	List     bool   // several values: a TOML array (or, for a table, an array of tables)
	Long     bool   // text of several sentences
	Required bool   // the build refuses an item without it
	Values   string // the name of the closed list its values come from (see Options), or ""
	Ref      Kind   // the kind whose ids its values are, or ""
	Min, Max int    // the range of a number; both 0 when it has none
	Example  string // the TOML value `new` writes, or "" to leave the key out
	Search   string // "terms", "text" or "number": how the search uses it (see the package comment)
	Fields   []Field

	index  []int  // where the field is in the Go struct
	goName string // its Go type and name, for messages about its tags: "content.Link.Source"
}

// FileName is the rule an item's file name (its id) follows.
type FileName string

// The file-name rules.
const (
	NameSlug       FileName = "slug"        // audit-en-feedback
	NameNumberSlug FileName = "nummer-slug" // 23-beschikbare-tijd: the two-digit nummer first
	NameDateSlug   FileName = "datum-slug"  // 2024-06-27-jaarconferentie: the datum first
)

// Spec is the descriptor of one kind.
type Spec struct {
	Kind      Kind      // its folder under content/, and the first part of its pages' URLs
	Name      string    // singular, as typed after `kennisbank new` ("determinant")
	Label     string    // Dutch singular for editors ("Determinant")
	Singular  string    // Dutch singular for readers, as search results label an item ("Nieuwsbericht")
	ListTitle string    // the list page's title, the menu and the search group ("Determinanten")
	Help      string    // one Dutch sentence for editors: what an item of this kind is
	Template  string    // the template of an item's page, templates/<Template>.html
	FileName  FileName  // the rule its ids follow
	AtRoot    bool      // its pages live at the site root (over/) rather than under its folder
	Fixed     bool      // the set is fixed (the 29 determinants): editors change items, not add them
	Bundle    bool      // the CMS makes new items page bundles (a folder with index.md), so images go beside them
	Outline   []Section // the text a new item starts from (CONTENT-STYLE.md's page shapes)
	Plain     bool      // its texts are for everyone, in plain language (B1): check --leesbaarheid holds them to a target
	Variants  []Variant
	Fields    []Field

	newItem func() Entry
	list    func(*Content) listAccess
}

// Section is a part of the text a new item starts from: a heading ("" for the opening text, above
// the first heading) and a placeholder line under it that says what to write there. `kennisbank
// new` and the CMS start a new item with its kind's sections (Skeleton); check warns about a
// placeholder that is left in (IsPlaceholder).
type Section struct{ Heading, Placeholder string }

// leadSection opens the text of news, factsheets and learning networks.
var leadSection = Section{"", "Schrijf hier eerst in een paar zinnen wie, wat, wanneer en waar. Daarna volgen de details, onder tussenkoppen als de tekst lang is."}

func sourcesSection(heading string) Section {
	return Section{heading, "Schrijf hier de bronnen volgens APA 7, met de DOI of het webadres als dat er is."}
}

// Skeleton is the Markdown a new item's text starts from: its kind's sections, each heading with
// its placeholder line below it.
func (s *Spec) Skeleton() string {
	var b strings.Builder
	for _, sec := range s.Outline {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		if sec.Heading != "" {
			b.WriteString("## " + sec.Heading + "\n\n")
		}
		b.WriteString(sec.Placeholder + "\n")
	}
	return b.String()
}

// IsPlaceholder reports whether text (a paragraph, as plain text) is the placeholder line of a
// section of any kind: an editor left it in.
func IsPlaceholder(text string) bool {
	text = strings.Join(strings.Fields(strings.Trim(text, " \t\n*_\\")), " ")
	for _, s := range Specs {
		for _, sec := range s.Outline {
			if sec.Placeholder == text {
				return true
			}
		}
	}
	return false
}

// Variant is a kind of item that is another kind with some more fields: an agenda item is a
// post with a start, an end and a place.
type Variant struct {
	Name   string   // as typed after `kennisbank new` ("agenda")
	Label  string   // Dutch, for editors and readers
	Fields []string // the keys only this variant writes; an item with the first one set is one
}

// VariantOf returns the variant e is, or nil when it is a plain item of its kind.
func (s *Spec) VariantOf(e Entry) *Variant {
	for i, v := range s.Variants {
		if f := s.Field(v.Fields[0]); f != nil && !f.Value(e).IsZero() {
			return &s.Variants[i]
		}
	}
	return nil
}

// Entry is an item of any kind: a pointer to its typed struct.
type Entry interface{ Base() *Item }

// listAccess reads and replaces one kind's list in a Content.
type listAccess struct {
	entries func() []Entry
	add     func(Entry)
	filter  func(keep func(*Item) bool)
}

// Specs lists every kind in the order the site presents them.
var Specs = withRefsChecked([]*Spec{
	spec(Spec{Kind: KindDeterminant, Singular: "Determinant", Name: "determinant", Label: "Determinant", ListTitle: "Determinanten",
		Help:     "Een van de 29 determinanten van de MIDI, met de vraag die hem meet en de strategieën die erop werken.",
		Template: "determinant", FileName: NameNumberSlug, Fixed: true,
		Outline: []Section{
			{"Wat is het", "Schrijf hier in twee tot vier zinnen wat de determinant is."},
			{"Waarom het ertoe doet", "Schrijf hier waarom de determinant ertoe doet, met een voorbeeld uit de jeugdzorg."},
			{"Hoe meet je het", "Schrijf hier de vraag in je eigen woorden, de antwoordschaal en of de vraag omgekeerd gesteld is."},
			sourcesSection("Bron")}},
		func(c *Content) *[]*Determinant { return &c.Determinants }),
	spec(Spec{Kind: KindStrategy, Singular: "Strategie", Name: "strategie", Label: "Strategie", ListTitle: "Strategieën",
		Help:     "Een implementatiestrategie: wat je doet om een innovatie gebruikt te krijgen.",
		Template: "strategie", FileName: NameSlug,
		Outline: []Section{
			{"Wat houdt het in", "Schrijf hier in een paar zinnen wat de strategie inhoudt."},
			{"Wanneer past het", "Schrijf hier bij welke determinanten en in welke fase de strategie past."},
			{"Zo pak je het aan", "Schrijf hier drie tot zes concrete stappen of voorwaarden."},
			{"Voorbeeld uit de jeugdzorg", "Schrijf hier een voorbeeld uit de jeugdzorg, bijvoorbeeld uit een wijkteam, een JGZ-team of een school."},
			sourcesSection("Bron")}},
		func(c *Content) *[]*Strategy { return &c.Strategies }),
	spec(Spec{Kind: KindNetwork, Singular: "Leernetwerk", Name: "leernetwerk", Label: "Leernetwerk", ListTitle: "Leernetwerken",
		Help:     "Een leernetwerk van de werkplaats, met zijn doelen en plannen.",
		Template: "leernetwerk", FileName: NameSlug, Plain: true,
		Outline: []Section{leadSection, sourcesSection("Bronnen")}},
		func(c *Content) *[]*Network { return &c.Networks }),
	spec(Spec{Kind: KindFactsheet, Singular: "Factsheet", Name: "factsheet", Label: "Factsheet", ListTitle: "Factsheets",
		Help:     "Een factsheet die de werkplaats uitgeeft.",
		Template: "factsheet", FileName: NameSlug, Bundle: true, Plain: true,
		Outline: []Section{leadSection, sourcesSection("Bronnen")}},
		func(c *Content) *[]*Factsheet { return &c.Factsheets }),
	spec(Spec{Kind: KindPost, Singular: "Nieuwsbericht", Name: "nieuws", Label: "Nieuws- of agendabericht", ListTitle: "Nieuws en agenda",
		Help:     "Een nieuwsbericht, of een agendabericht als het een begintijd heeft.",
		Template: "bericht", FileName: NameDateSlug, Bundle: true, Plain: true,
		Outline:  []Section{leadSection},
		Variants: []Variant{{Name: "agenda", Label: "Agendabericht", Fields: []string{"start", "eind", "locatie"}}}},
		func(c *Content) *[]*Post { return &c.Posts }),
	spec(Spec{Kind: KindPage, Singular: "Pagina", Name: "pagina", Label: "Pagina", ListTitle: "Over deze site",
		Help:     "Een losse pagina van de site, zoals Over of Colofon; het adres is de bestandsnaam.",
		Template: "pagina", FileName: NameSlug, AtRoot: true,
		Outline: []Section{{"", "Schrijf hier de tekst van de pagina."}}},
		func(c *Content) *[]*Page { return &c.Pages }),
})

// withRefsChecked stops the program when a ref tag of a kind names no kind of specs: the kinds
// refer to each other, so this is checked once all are described.
func withRefsChecked(specs []*Spec) []*Spec {
	for _, s := range specs {
		if err := checkRefs(s, specs); err != nil {
			panic(err) // a programming error, in the tags of kinds.go
		}
	}
	return specs
}

// Kinds lists every kind in the order the site presents them.
var Kinds = func() []Kind {
	out := make([]Kind, len(Specs))
	for i, s := range Specs {
		out[i] = s.Kind
	}
	return out
}()

// SpecOf returns the descriptor of a kind, or nil for a folder that is no kind.
func SpecOf(k Kind) *Spec {
	for _, s := range Specs {
		if s.Kind == k {
			return s
		}
	}
	return nil
}

// SpecNamed returns the descriptor whose Name is name, or nil.
func SpecNamed(name string) *Spec {
	for _, s := range Specs {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// spec describes one of the site's kinds (Describe) and adds where its items are kept in a
// Content. A mistake in its tags stops the program when it starts.
func spec[T any, P interface {
	*T
	Entry
}](s Spec, slot func(*Content) *[]P) *Spec {
	d, err := describe[T, P](s)
	if err != nil {
		panic(err) // a programming error, in the tags of kinds.go
	}
	d.list = func(c *Content) listAccess {
		list := slot(c)
		return listAccess{
			entries: func() []Entry {
				out := make([]Entry, len(*list))
				for i, x := range *list {
					out[i] = x
				}
				return out
			},
			add: func(e Entry) { *list = append(*list, e.(P)) },
			filter: func(keep func(*Item) bool) {
				out := make([]P, 0, len(*list))
				for _, x := range *list {
					if keep(x.Base()) {
						out = append(out, x)
					}
				}
				*list = out
			},
		}
	}
	return d
}

// Describe completes a descriptor with what its Go type T says: its fields, read from the
// struct tags, and how to make an item. It returns every mistake in the tags, each naming the Go
// type and field. The site's kinds are described this way when the program starts (Specs); a
// kind described by Describe alone, as a test does, has no place for its items in a Content.
func Describe[T any, P interface {
	*T
	Entry
}](s Spec) (*Spec, error) {
	d, err := describe[T, P](s)
	if err != nil {
		return nil, err
	}
	return d, checkRefs(d, Specs)
}

func describe[T any, P interface {
	*T
	Entry
}](s Spec) (*Spec, error) {
	fields, err := fieldsOf(reflect.TypeFor[T](), nil)
	s.Fields = fields
	s.newItem = func() Entry { return P(new(T)) }
	if _, ok := nameRules[s.FileName]; !ok {
		err = errors.Join(err, fmt.Errorf("content model: kind %s: no file-name rule %q", s.Kind, s.FileName))
	}
	for _, v := range s.Variants {
		for _, key := range v.Fields {
			if s.Field(key) == nil {
				err = errors.Join(err, fmt.Errorf("content model: kind %s: variant %s names no field %q", s.Kind, v.Name, key))
			}
		}
	}
	return &s, err
}

// Field returns the field with the given key, or nil.
func (s *Spec) Field(key string) *Field {
	return fieldNamed(s.Fields, key)
}

// Field returns the sub-field of a table with the given key, or nil.
func (f *Field) Field(key string) *Field {
	return fieldNamed(f.Fields, key)
}

func fieldNamed(fields []Field, key string) *Field {
	for i := range fields {
		if fields[i].Key == key {
			return &fields[i]
		}
	}
	return nil
}

// Keys lists the keys of fields, in order.
func Keys(fields []Field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Key
	}
	return out
}

// New returns an empty item of the kind.
func (s *Spec) New() Entry { return s.newItem() }

// Entries returns the items of the kind in c (none for a kind that only Describe made).
func (s *Spec) Entries(c *Content) []Entry {
	if s.list == nil {
		return nil
	}
	return s.list(c).entries()
}

// Value returns the value of a top-level field of e as the Go value it was decoded into.
func (f *Field) Value(e Entry) reflect.Value {
	return reflect.ValueOf(e).Elem().FieldByIndex(f.index)
}

// In returns the value of a field of a table in one table of it (a Link, for the fields of
// [[strategie]]).
func (f *Field) In(table reflect.Value) reflect.Value {
	return table.FieldByIndex(f.index)
}

// URL is where an item of this kind with the given id is, relative to the site root.
func (s *Spec) URL(id string) string {
	if s.AtRoot {
		return id + "/"
	}
	return string(s.Kind) + "/" + id + "/"
}

// ID returns the id a new item gets under the kind's file-name rule, from its title and, where
// the rule asks for them, its number or date.
func (s *Spec) ID(title string, number int, date time.Time) string {
	slug := Slug(title)
	if slug == "" {
		return ""
	}
	switch s.FileName {
	case NameNumberSlug:
		return fmt.Sprintf("%02d-%s", number, slug)
	case NameDateSlug:
		return date.Format("2006-01-02") + "-" + slug
	}
	return slug
}

// nameRules are the shapes of ids by file-name rule: what ID makes, and what an id must look like
// to be written for an item (by the CMS).
var nameRules = map[FileName]*regexp.Regexp{
	NameSlug:       regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`),
	NameNumberSlug: regexp.MustCompile(`^[0-9]{2}(-[a-z0-9]+)+$`),
	NameDateSlug:   regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}(-[a-z0-9]+)+$`),
}

// FollowsNameRule reports whether id has the shape of the kind's file-name rule.
func (s *Spec) FollowsNameRule(id string) bool { return nameRules[s.FileName].MatchString(id) }
