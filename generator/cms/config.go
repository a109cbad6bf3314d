package cms

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

// Config is admin/config.yml: the part of Decap CMS's configuration the site uses
// (https://decapcms.org/docs/configuration-options/). Fields are in the order Decap's
// documentation gives them, so the file reads like its examples.
type Config struct {
	Backend      Backend      `yaml:"backend"`
	Locale       string       `yaml:"locale"`
	SiteURL      string       `yaml:"site_url,omitempty"`
	DisplayURL   string       `yaml:"display_url,omitempty"`
	MediaFolder  string       `yaml:"media_folder"`
	PublicFolder string       `yaml:"public_folder"`
	Slug         SlugRule     `yaml:"slug"`
	Collections  []Collection `yaml:"collections"`
}

// Backend is where Decap reads and saves the content.
type Backend struct {
	Name           string            `yaml:"name"`
	Repo           string            `yaml:"repo,omitempty"`
	Branch         string            `yaml:"branch,omitempty"`
	BaseURL        string            `yaml:"base_url,omitempty"`
	APIRoot        string            `yaml:"api_root,omitempty"`
	AuthType       string            `yaml:"auth_type,omitempty"`
	AppID          string            `yaml:"app_id,omitempty"`
	ProxyURL       string            `yaml:"proxy_url,omitempty"`
	CommitMessages map[string]string `yaml:"commit_messages,omitempty"`
}

// SlugRule is how Decap turns a title into a file name.
type SlugRule struct {
	Encoding            string `yaml:"encoding"`
	CleanAccents        bool   `yaml:"clean_accents"`
	SanitizeReplacement string `yaml:"sanitize_replacement"`
}

// Collection is a folder collection: one content folder, one kind.
type Collection struct {
	Name                 string  `yaml:"name"`
	Label                string  `yaml:"label"`
	LabelSingular        string  `yaml:"label_singular"`
	Description          string  `yaml:"description,omitempty"`
	Folder               string  `yaml:"folder"`
	Create               bool    `yaml:"create"`
	Delete               bool    `yaml:"delete"`
	Format               string  `yaml:"format"`
	FrontmatterDelimiter string  `yaml:"frontmatter_delimiter"`
	Extension            string  `yaml:"extension"`
	IdentifierField      string  `yaml:"identifier_field"`
	Summary              string  `yaml:"summary,omitempty"`
	Slug                 string  `yaml:"slug,omitempty"`
	Path                 string  `yaml:"path,omitempty"`
	MediaFolder          *string `yaml:"media_folder,omitempty"`
	PublicFolder         *string `yaml:"public_folder,omitempty"`
	SortableFields       []Sort  `yaml:"sortable_fields,omitempty"`
	Editor               Editor  `yaml:"editor"`
	Fields               []Field `yaml:"fields"`
}

// Sort is a field the list of a collection can be sorted by; DefaultSort is "asc" or "desc" for
// the order the list opens in.
type Sort struct {
	Field       string `yaml:"field"`
	DefaultSort string `yaml:"default_sort,omitempty"`
}

// Editor holds the editor's options; the preview pane is off, since `kennisbank serve` shows
// the real page beside the editor.
type Editor struct {
	Preview bool `yaml:"preview"`
}

// Field is one field of a collection, with the widget that edits it.
type Field struct {
	Label    string `yaml:"label"`
	Name     string `yaml:"name"`
	Widget   string `yaml:"widget"`
	Hint     string `yaml:"hint,omitempty"`
	Required bool   `yaml:"required"` // Decap's default is true: always written
	Default  any    `yaml:"default,omitempty"`

	Options  []Option `yaml:"options,omitempty"`  // select
	Multiple bool     `yaml:"multiple,omitempty"` // select, relation

	ValueType string `yaml:"value_type,omitempty"` // number
	Min       *int   `yaml:"min,omitempty"`
	Max       *int   `yaml:"max,omitempty"`

	Format     string `yaml:"format,omitempty"`      // datetime: what is stored
	DateFormat any    `yaml:"date_format,omitempty"` // datetime: a format, or false for none
	TimeFormat any    `yaml:"time_format,omitempty"`
	PickerUTC  *bool  `yaml:"picker_utc,omitempty"`

	Collection    string   `yaml:"collection,omitempty"` // relation
	ValueField    string   `yaml:"value_field,omitempty"`
	SearchFields  []string `yaml:"search_fields,omitempty"`
	DisplayFields []string `yaml:"display_fields,omitempty"`
	OptionsLength int      `yaml:"options_length,omitempty"`

	LabelSingular string  `yaml:"label_singular,omitempty"` // list
	Summary       string  `yaml:"summary,omitempty"`
	Collapsed     *bool   `yaml:"collapsed,omitempty"`
	Fields        []Field `yaml:"fields,omitempty"`

	Buttons          []string  `yaml:"buttons,omitempty"` // markdown
	EditorComponents *[]string `yaml:"editor_components,omitempty"`
	Modes            []string  `yaml:"modes,omitempty"`
	SanitizePreview  bool      `yaml:"sanitize_preview,omitempty"`
}

// Option is one choice of a select widget.
type Option struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// The formats the date widgets store: TOML's local date and local date-time, which is what the
// loader reads (Decap writes them as quoted strings; see content's loader).
const (
	DateFormat     = "YYYY-MM-DD"
	DateTimeFormat = "YYYY-MM-DDTHH:mm:ss"
)

// The body of every item, below the front matter: Decap keeps it under this field name.
const bodyField = "body"

// markdownButtons are the text formats editors get. No code and no first-level heading: the page
// title is the only h1, and the site has no code.
var markdownButtons = []string{"bold", "italic", "link", "heading-two", "heading-three", "heading-four", "quote", "bulleted-list", "numbered-list"}

// commitMessages are the Git commit messages of the web CMS, in Dutch; {{collection}} is the
// kind's singular label.
var commitMessages = map[string]string{
	"create":      "Nieuw: {{collection}} “{{slug}}”",
	"update":      "Gewijzigd: {{collection}} “{{slug}}”",
	"delete":      "Verwijderd: {{collection}} “{{slug}}”",
	"uploadMedia": "Bestand toegevoegd: “{{path}}”",
	"deleteMedia": "Bestand verwijderd: “{{path}}”",
}

// unusedMedia is Decap's site-wide media folder, which it requires. The site keeps images beside
// their page (page bundles), so nothing should be put here; the loader skips folders whose name
// starts with a dot, and the local backend refuses uploads to it.
const unusedMedia = content.Dir + "/.media"

// NewConfig builds the configuration from the content model for the given backend.
func NewConfig(site *content.Site, backend Backend) (*Config, error) {
	cfg := &Config{
		Backend:      backend,
		Locale:       "nl",
		SiteURL:      site.BaseURL,
		DisplayURL:   site.BaseURL,
		MediaFolder:  unusedMedia,
		PublicFolder: "/",
		Slug:         SlugRule{Encoding: "ascii", CleanAccents: true, SanitizeReplacement: "-"},
	}
	cfg.Backend.CommitMessages = commitMessages
	for _, spec := range content.Specs {
		c, err := CollectionOf(site, spec)
		if err != nil {
			return nil, err
		}
		cfg.Collections = append(cfg.Collections, c)
	}
	return cfg, nil
}

// YAML writes the configuration as admin/config.yml.
func (c *Config) YAML() ([]byte, error) {
	body, err := yaml.Marshal(c)
	if err != nil {
		return nil, err
	}
	head := "# Decap CMS configuration, written by kennisbank from the content model\n" +
		"# (generator/content); edit the model or content/site.toml, not this file.\n"
	return append([]byte(head), body...), nil
}

// CollectionOf is the collection of a kind: its folder, how its files are named and a widget for
// each of its fields, as the content model describes them.
func CollectionOf(site *content.Site, spec *content.Spec) (Collection, error) {
	c := Collection{
		Name: string(spec.Kind), Label: spec.ListTitle, LabelSingular: spec.Label, Description: spec.Help,
		Folder: content.Dir + "/" + string(spec.Kind), Create: !spec.Fixed, Delete: !spec.Fixed,
		Format: "toml-frontmatter", FrontmatterDelimiter: "+++", Extension: "md",
		IdentifierField: "titel", SortableFields: []Sort{{Field: "titel"}},
	}
	switch spec.FileName {
	case content.NameSlug:
		c.Slug = "{{slug}}"
	case content.NameDateSlug:
		c.Slug = "{{fields.datum}}-{{slug}}" // the field's own value, not the day of saving
	case content.NameNumberSlug:
		if c.Create {
			return c, fmt.Errorf("kind %s: the CMS cannot write two-digit numbers for file names; make it Fixed or change its file-name rule", spec.Kind)
		}
		c.Summary = "{{fields.nummer}}. {{fields.titel}}"
	}
	if spec.Bundle {
		// A page bundle: content/<kind>/<id>/index.md, and its images beside it.
		here := ""
		c.Path, c.MediaFolder, c.PublicFolder = "{{slug}}/index", &here, &here
	}
	for i := range spec.Fields {
		f, err := field(site, &spec.Fields[i])
		if err != nil {
			return c, fmt.Errorf("kind %s: %w", spec.Kind, err)
		}
		if t := spec.Fields[i].Type; t == content.TypeDate || t == content.TypeNumber {
			// The list opens in the order of the file names: by number, or newest first.
			sort := Sort{Field: f.Name}
			switch {
			case spec.FileName == content.NameNumberSlug && f.Name == "nummer":
				sort.DefaultSort = "asc"
			case spec.FileName == content.NameDateSlug && f.Name == "datum":
				sort.DefaultSort = "desc"
			}
			c.SortableFields = append(c.SortableFields, sort)
		}
		c.Fields = append(c.Fields, f)
	}
	c.Fields = append(c.Fields, body(spec))
	return c, nil
}

// field chooses the widget for a field of the model.
func field(site *content.Site, m *content.Field) (Field, error) {
	f := Field{Label: m.Label, Name: m.Key, Hint: m.Help, Required: m.Required}
	switch {
	case m.Type == content.TypeText && m.Values != "":
		f.Widget, f.Multiple = "select", m.List
		for _, o := range site.Options(m.Values) {
			f.Options = append(f.Options, Option{Label: o.Label, Value: o.Value})
		}
	case m.Type == content.TypeText && m.Ref != "":
		target := content.SpecOf(m.Ref)
		if target == nil || target.Bundle {
			return f, fmt.Errorf("field %q refers to %q, which the CMS cannot name by file name", m.Key, m.Ref)
		}
		f.Widget, f.Multiple, f.Collection = "relation", m.List, string(m.Ref)
		f.ValueField, f.SearchFields, f.DisplayFields = "{{slug}}", []string{"titel"}, []string{"titel"}
		f.OptionsLength = 50
	case m.Type == content.TypeText && m.List:
		f.Widget = "list"
	case m.Type == content.TypeText && m.Long:
		f.Widget = "text"
	case m.Type == content.TypeText:
		f.Widget = "string"
	case m.Type == content.TypeNumber:
		f.Widget, f.ValueType = "number", "int"
		if m.Max > 0 {
			f.Min, f.Max = &m.Min, &m.Max
		}
	case m.Type == content.TypeBool:
		f.Widget, f.Default = "boolean", false
	case m.Type == content.TypeDate:
		f.Widget, f.Format, f.DateFormat, f.TimeFormat = "datetime", DateFormat, DateFormat, false
		f.PickerUTC = new(bool)
		if m.Required {
			f.Default = "{{now}}"
		}
	case m.Type == content.TypeDateTime:
		f.Widget, f.Format, f.DateFormat, f.TimeFormat = "datetime", DateTimeFormat, DateFormat, "HH:mm"
		f.PickerUTC = new(bool)
	case m.Type == content.TypeTable && m.List:
		return table(site, m)
	default:
		return f, fmt.Errorf("field %q: no widget for a %s (list %v)", m.Key, m.Type, m.List)
	}
	return f, nil
}

// table is a list of tables ([[strategie]]): a list widget with a field per key.
func table(site *content.Site, m *content.Field) (Field, error) {
	f := Field{Label: m.Label, Name: m.Key, Widget: "list", Hint: m.Help, Required: m.Required}
	collapsed := true
	f.Collapsed = &collapsed
	f.LabelSingular = strings.ToLower(m.Fields[0].Label)
	var parts []string
	for i := range m.Fields {
		sub, err := field(site, &m.Fields[i])
		if err != nil {
			return f, fmt.Errorf("%s: %w", m.Key, err)
		}
		f.Fields = append(f.Fields, sub)
		if sub.Widget == "relation" || sub.Widget == "select" {
			parts = append(parts, "{{fields."+sub.Name+"}}")
		}
	}
	f.Summary = strings.Join(parts, " · ")
	return f, nil
}

// body is the Markdown below the front matter. A new item starts with the headings its kind's
// pages have, each with a placeholder line that says what to write there.
func body(spec *content.Spec) Field {
	f := Field{Label: "Tekst", Name: bodyField, Widget: "markdown", Required: false,
		Hint:    "De tekst van de pagina. Kopjes maak je met de knoppen; de titel staat er al boven.",
		Buttons: markdownButtons, Modes: []string{"rich_text", "raw"}, SanitizePreview: true}
	components := []string{}
	if spec.Bundle {
		components = []string{"image"} // images are kept beside the page
	}
	f.EditorComponents = &components
	if skeleton := spec.Skeleton(); skeleton != "" {
		f.Default = skeleton
	}
	return f
}
