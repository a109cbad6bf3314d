package cms

import (
	"html"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
)

// realSite is site.toml of the project itself: its sources and clusters are the options.
func realSite(t *testing.T) *content.Site {
	t.Helper()
	c, probs := content.Load(filepath.Join("..", ".."))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return &c.Site
}

// configOf writes admin/ for the site and reads config.yml back as Decap will.
func configOf(t *testing.T, site *content.Site, opts Options) (*Config, map[string][]byte) {
	t.Helper()
	files, err := output.Make(Files(site, opts))
	if err != nil {
		t.Fatal(err)
	}
	var cfg Config
	if err := yaml.Unmarshal(files["admin/config.yml"], &cfg); err != nil {
		t.Fatalf("config.yml is no YAML: %v", err)
	}
	return &cfg, files
}

// Every kind of the model is a folder collection in TOML front matter between +++, and every
// field of every kind is in it, in the model's order, with its Dutch label and help, the widget
// that fits its type and the values the build accepts. Walking content.Specs here keeps the
// model and the CMS from drifting apart.
func TestConfigHasEveryFieldOfTheModel(t *testing.T) {
	site := realSite(t)
	cfg, _ := configOf(t, site, Options{Dev: true})
	if cfg.Locale != "nl" || len(cfg.Collections) != len(content.Specs) {
		t.Fatalf("locale %q, %d collections for %d kinds", cfg.Locale, len(cfg.Collections), len(content.Specs))
	}
	for i, spec := range content.Specs {
		c := cfg.Collections[i]
		if c.Name != string(spec.Kind) || c.Folder != "content/"+string(spec.Kind) || c.Label != spec.ListTitle || c.LabelSingular != spec.Label {
			t.Errorf("collection %d: %q in %q (%q/%q), want kind %s", i, c.Name, c.Folder, c.Label, c.LabelSingular, spec.Kind)
		}
		if c.Format != "toml-frontmatter" || c.FrontmatterDelimiter != "+++" || c.Extension != "md" || c.IdentifierField != "titel" {
			t.Errorf("%s: format %q %q .%s, identifier %q", spec.Kind, c.Format, c.FrontmatterDelimiter, c.Extension, c.IdentifierField)
		}
		if c.Create == spec.Fixed || c.Delete == spec.Fixed {
			t.Errorf("%s: create %v, delete %v for a kind with Fixed %v", spec.Kind, c.Create, c.Delete, spec.Fixed)
		}
		checkFileNames(t, spec, c)
		names := make([]string, len(c.Fields))
		for j, f := range c.Fields {
			names[j] = f.Name
		}
		if want := append(content.Keys(spec.Fields), "body"); !slices.Equal(names, want) {
			t.Errorf("%s: fields %v, want %v", spec.Kind, names, want)
			continue
		}
		for j := range spec.Fields {
			checkField(t, site, cfg, string(spec.Kind), &spec.Fields[j], c.Fields[j])
		}
		checkBody(t, spec, c.Fields[len(c.Fields)-1])
	}
}

// checkFileNames: the file names Decap makes follow the model's rule, and page bundles keep
// their images beside index.md.
func checkFileNames(t *testing.T, spec *content.Spec, c Collection) {
	t.Helper()
	switch spec.FileName {
	case content.NameSlug:
		if c.Slug != "{{slug}}" {
			t.Errorf("%s: slug %q", spec.Kind, c.Slug)
		}
	case content.NameDateSlug:
		if c.Slug != "{{fields.datum}}-{{slug}}" || spec.Field("datum") == nil {
			t.Errorf("%s: slug %q, want the datum field's value first", spec.Kind, c.Slug)
		}
		if !slices.Contains(c.SortableFields, Sort{Field: "datum", DefaultSort: "desc"}) {
			t.Errorf("%s: the list does not open newest first: %v", spec.Kind, c.SortableFields)
		}
	case content.NameNumberSlug:
		if c.Create {
			t.Errorf("%s: the CMS cannot create NN-slug names", spec.Kind)
		}
		if !slices.Contains(c.SortableFields, Sort{Field: "nummer", DefaultSort: "asc"}) {
			t.Errorf("%s: the list does not open by number: %v", spec.Kind, c.SortableFields)
		}
	}
	bundle := c.Path == "{{slug}}/index" && c.MediaFolder != nil && *c.MediaFolder == "" && c.PublicFolder != nil && *c.PublicFolder == ""
	if bundle != spec.Bundle || (!spec.Bundle && (c.Path != "" || c.MediaFolder != nil)) {
		t.Errorf("%s: path %q, media_folder %v, for Bundle %v", spec.Kind, c.Path, c.MediaFolder, spec.Bundle)
	}
}

func checkField(t *testing.T, site *content.Site, cfg *Config, where string, m *content.Field, f Field) {
	t.Helper()
	where += "." + m.Key
	if f.Label != m.Label || f.Hint != m.Help || f.Required != m.Required {
		t.Errorf("%s: label %q, hint %q, required %v; the model says %q, %q, %v", where, f.Label, f.Hint, f.Required, m.Label, m.Help, m.Required)
	}
	want := map[content.FieldType]string{content.TypeNumber: "number", content.TypeBool: "boolean",
		content.TypeDate: "datetime", content.TypeDateTime: "datetime", content.TypeTable: "list"}[m.Type]
	switch {
	case m.Values != "":
		want = "select"
		var values, labels []string
		for _, o := range f.Options {
			values, labels = append(values, o.Value), append(labels, o.Label)
		}
		if !slices.Equal(values, site.Values(m.Values)) || slices.Contains(labels, "") || f.Multiple != m.List {
			t.Errorf("%s: options %v (multiple %v), want the values of list %q: %v", where, values, f.Multiple, m.Values, site.Values(m.Values))
		}
	case m.Ref != "":
		want = "relation"
		if f.Collection != string(m.Ref) || f.ValueField != "{{slug}}" || collectionNamed(cfg, f.Collection) == nil || f.Multiple != m.List {
			t.Errorf("%s: relation to %q by %q, want the ids of %s", where, f.Collection, f.ValueField, m.Ref)
		}
	case m.Type == content.TypeText && m.List:
		want = "list"
	case m.Type == content.TypeText && m.Long:
		want = "text"
	case m.Type == content.TypeText:
		want = "string"
	}
	if f.Widget != want {
		t.Errorf("%s: widget %q, want %q", where, f.Widget, want)
	}
	switch m.Type {
	case content.TypeNumber:
		if f.ValueType != "int" || (m.Max > 0 && (f.Min == nil || *f.Min != m.Min || f.Max == nil || *f.Max != m.Max)) {
			t.Errorf("%s: a whole number from %d to %d, got %q %v %v", where, m.Min, m.Max, f.ValueType, f.Min, f.Max)
		}
	case content.TypeDate:
		if f.Format != DateFormat || f.TimeFormat != false {
			t.Errorf("%s: date format %q, time format %v", where, f.Format, f.TimeFormat)
		}
	case content.TypeDateTime:
		if f.Format != DateTimeFormat {
			t.Errorf("%s: date-time format %q", where, f.Format)
		}
	case content.TypeTable:
		if len(f.Fields) != len(m.Fields) {
			t.Fatalf("%s: %d sub-fields, the model has %d", where, len(f.Fields), len(m.Fields))
		}
		for i := range m.Fields {
			if f.Fields[i].Name != m.Fields[i].Key {
				t.Errorf("%s: sub-field %d is %q, want %q", where, i, f.Fields[i].Name, m.Fields[i].Key)
			}
			checkField(t, site, cfg, where, &m.Fields[i], f.Fields[i])
		}
	}
}

// checkBody: the body is Markdown; images can be added only where they go beside the page, and
// a new item starts with its kind's headings.
func checkBody(t *testing.T, spec *content.Spec, f Field) {
	t.Helper()
	if f.Widget != "markdown" || f.EditorComponents == nil || slices.Contains(*f.EditorComponents, "code-block") {
		t.Errorf("%s: body widget %q, components %v", spec.Kind, f.Widget, f.EditorComponents)
	}
	if slices.Contains(*f.EditorComponents, "image") != spec.Bundle {
		t.Errorf("%s: images in the body %v, page bundle %v", spec.Kind, *f.EditorComponents, spec.Bundle)
	}
	for _, sec := range spec.Outline {
		if s, _ := f.Default.(string); !strings.Contains(s, sec.Placeholder+"\n") || sec.Heading != "" && !strings.Contains(s, "## "+sec.Heading+"\n\n"+sec.Placeholder) {
			t.Errorf("%s: a new item does not start with the heading %q and the line under it", spec.Kind, sec.Heading)
		}
	}
}

func collectionNamed(cfg *Config, name string) *Collection {
	for i := range cfg.Collections {
		if cfg.Collections[i].Name == name {
			return &cfg.Collections[i]
		}
	}
	return nil
}

// Under `kennisbank serve` the CMS talks to the local backend at the server's root; on the web to
// the Git host of site.toml, and its page allows connections to that host's API and to no other.
func TestBackends(t *testing.T) {
	site := realSite(t)
	cases := []struct {
		name    string
		cms     *content.CMS
		dev     bool
		backend Backend
		origin  string
	}{
		{"serve", nil, true, Backend{Name: "proxy", ProxyURL: "/_kennisbank/cms/api", Branch: "main"}, ""},
		{"serve ignores [cms]", &content.CMS{Backend: "github", Repo: "w/k"}, true, Backend{Name: "proxy", ProxyURL: "/_kennisbank/cms/api", Branch: "main"}, ""},
		{"github", &content.CMS{Backend: "github", Repo: "werkplaats/kennisbank", AuthURL: "https://auth.example.org"},
			false, Backend{Name: "github", Repo: "werkplaats/kennisbank", Branch: "main", BaseURL: "https://auth.example.org"}, "https://api.github.com"},
		{"gitlab", &content.CMS{Backend: "gitlab", Repo: "werkplaats/kb", Branch: "productie", AppID: "abc"},
			false, Backend{Name: "gitlab", Repo: "werkplaats/kb", Branch: "productie", AuthType: "pkce", AppID: "abc"}, "https://gitlab.com"},
		{"own gitlab", &content.CMS{Backend: "gitlab", Repo: "w/kb", AppID: "abc", APIRoot: "https://git.example.org/api/v4"},
			false, Backend{Name: "gitlab", Repo: "w/kb", Branch: "main", AuthType: "pkce", AppID: "abc", APIRoot: "https://git.example.org/api/v4", BaseURL: "https://git.example.org"}, "https://git.example.org"},
	}
	for _, c := range cases {
		s := *site
		s.CMS = c.cms
		cfg, files := configOf(t, &s, Options{Dev: c.dev})
		got := cfg.Backend
		got.CommitMessages = nil
		if !reflect.DeepEqual(got, c.backend) {
			t.Errorf("%s: backend %+v, want %+v", c.name, got, c.backend)
		}
		policy := cspOf(t, files["admin/index.html"])
		connect := directive(policy, "connect-src")
		if want := strings.TrimSpace("'self' blob: " + c.origin); connect != want {
			t.Errorf("%s: connect-src %q, want %q", c.name, connect, want)
		}
		if img := directive(policy, "img-src"); !strings.HasPrefix(img, "'self' data: blob:") || strings.Contains(img, "gravatar") || (c.origin == "") != (img == "'self' data: blob:") {
			t.Errorf("%s: img-src %q", c.name, img)
		}
	}
	s := *site
	s.CMS = nil
	if files := Files(&s, Options{}); files != nil {
		t.Errorf("a build for the web without [cms] writes admin/: %v", files)
	}
}

// The admin page keeps search engines out and loads only the vendored Decap CMS.
func TestAdminPage(t *testing.T) {
	_, files := configOf(t, realSite(t), Options{Dev: true, Script: "assets/admin-ABC.js", Style: "assets/admin-ABC.css"})
	page := string(files["admin/index.html"])
	for _, want := range []string{`<meta name="robots" content="noindex, nofollow">`, `<html lang="nl">`,
		`<script src="decap-cms.js?v=`, `<script src="../assets/admin-ABC.js">`, `href="../assets/admin-ABC.css"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the admin page lacks %s:\n%s", want, page)
		}
	}
	policy := cspOf(t, files["admin/index.html"])
	if directive(policy, "default-src") != "'none'" || directive(policy, "script-src") != "'self' 'unsafe-eval'" {
		t.Errorf("policy %q", policy)
	}
	// On the web there is no kennisbank serve to ask for problems: no banner.
	site := realSite(t)
	site.CMS = &content.CMS{Backend: GitHub, Repo: "w/k"}
	_, web := configOf(t, site, Options{Script: "assets/admin-ABC.js", Style: "assets/admin-ABC.css"})
	if page := string(web["admin/index.html"]); strings.Contains(page, "admin-ABC") {
		t.Errorf("the web's admin page loads the banner of kennisbank serve:\n%s", page)
	}
	if files["admin/decap-cms.js"] == nil || files["admin/LICENSE.txt"] == nil || files["admin/decap-cms.js.LICENSE.txt"] == nil {
		t.Error("admin/ lacks Decap CMS or its licences")
	}
}

func cspOf(t *testing.T, page []byte) string {
	t.Helper()
	const meta = `<meta http-equiv="Content-Security-Policy" content="`
	_, rest, ok := strings.Cut(string(page), meta)
	if !ok {
		t.Fatal("the admin page has no Content-Security-Policy")
	}
	policy, _, _ := strings.Cut(rest, `"`)
	return html.UnescapeString(policy)
}

func directive(policy, name string) string {
	for _, d := range strings.Split(policy, ";") {
		if n, v, _ := strings.Cut(strings.TrimSpace(d), " "); n == name {
			return v
		}
	}
	return ""
}

// A [cms] table with mistakes gets a message per mistake, at its line.
func TestCheckCMSSettings(t *testing.T) {
	cases := []struct {
		table string
		want  []string
	}{
		{"[cms]\nbackend = \"github\"\nrepo = \"werkplaats/kennisbank\"\n", nil},
		{"[cms]\nbackend = \"gitlab\"\nrepo = \"groep/sub/kb\"\napp_id = \"x\"\napi_root = \"https://git.example.org/api/v4\"\n", nil},
		{"[cms]\nbackend = \"gitea\"\nrepo = \"w/k\"\n", []string{`site.toml:3: [cms] backend "gitea": onbekend (verwacht "github" of "gitlab")`}},
		{"[cms]\nrepo = \"w/k\"\n", []string{`site.toml:2: [cms] zonder "backend"`}},
		{"[cms]\nbackend = \"github\"\nrepo = \"https://github.com/w/k\"\n", []string{`site.toml:4: [cms] repo "https://github.com/w/k": verwacht de repository als eigenaar/naam`}},
		{"[cms]\nbackend = \"github\"\nrepo = \"w/k\"\nbranch = \"my branch\"\nauth_url = \"http://auth.example.org\"\n",
			[]string{`site.toml:5: [cms] branch "my branch" is geen geldige naam voor een branch`, `site.toml:6: [cms] auth_url "http://auth.example.org": verwacht een adres dat met https:// begint`}},
		{"[cms]\nbackend = \"gitlab\"\nrepo = \"w/k\"\n", []string{`site.toml:2: [cms] backend "gitlab" heeft "app_id" nodig`}},
	}
	for _, c := range cases {
		root := t.TempDir()
		if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		site := "titel = \"Proef\"\n" + c.table
		if err := os.WriteFile(filepath.Join(root, "content", "site.toml"), []byte(site), 0o644); err != nil {
			t.Fatal(err)
		}
		loaded, probs := content.Load(root)
		if len(probs) > 0 {
			t.Fatalf("%q: %v", c.table, probs)
		}
		got := Check(&loaded.Site).Sorted()
		if len(got) != len(c.want) {
			t.Errorf("%q: problems %v, want %v", c.table, got, c.want)
			continue
		}
		for i, p := range got {
			if !strings.Contains(p.String(), c.want[i]) {
				t.Errorf("%q: problem %q, want %q", c.table, p.String(), c.want[i])
			}
		}
	}
}
