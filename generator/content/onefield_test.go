package content_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/werkplaats-jeugd/kennisbank/generator/check"
	"github.com/werkplaats-jeugd/kennisbank/generator/cms"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/scaffold"
)

// trial is a kind of the test's own: a learning network with one field more, the one line this
// test adds, and links to strategies whose tables have one field more.
type trial struct {
	content.Network
	Thema string      `toml:"thema" label:"Thema" required:"" values:"fase" search:"terms" example:"\"adoptie\"" help:"In welke fase het thema past."`
	Links []trialLink `toml:"koppeling" label:"Koppelingen" help:"Strategieën die bij de proef horen."`
}

type trialLink struct {
	content.Link
	Rol string `toml:"rol" label:"Rol" required:"" values:"sterkte" help:"Hoe de strategie meedoet."`
}

// A field added in one line reaches everything that reads the model: check holds an item to it
// (required, its list of values, in a table as at the top), `new` writes it with its help, the
// CMS has a widget for it, and the search indexes it.
func TestOneLineAddsAField(t *testing.T) {
	spec, err := content.Describe[trial](content.Spec{Kind: "proeven", Name: "proef", Label: "Proef", Singular: "Proef",
		ListTitle: "Proeven", Help: "Een proef.", Template: "pagina", FileName: content.NameSlug})
	if err != nil {
		t.Fatal(err)
	}
	site := content.Site{Titel: "x", Bronnen: []content.Source{{ID: "midi", Kort: "MIDI"}}}
	audit := &content.Strategy{Item: content.Item{ID: "audit", Kind: content.KindStrategy, Titel: "Audit"}}
	all := &content.Content{Site: site, Strategies: []*content.Strategy{audit}}
	problems := func(file string) problem.List {
		e, probs := spec.Decode("content/proeven/x.md", []byte(file))
		if len(probs) > 0 || e == nil {
			t.Fatalf("the item does not load: %v\n%s", probs, file)
		}
		return check.Fields(spec, e, all, all)
	}
	link := "\n[[koppeling]]\nid = \"audit\"\nsterkte = \"kern\"\nbron = \"midi\"\ntoelichting = \"Zo.\"\n"
	for _, c := range []struct{ file, field, want string }{
		{"+++\ntitel = \"Proef\"\n+++\n", "thema", `content/proeven/x.md:2: verplicht veld "thema" ontbreekt (verwacht een van: verspreiding, adoptie, implementatie, borging)`},
		{"+++\ntitel = \"Proef\"\nthema = \"adoptei\"\n+++\n", "thema", `content/proeven/x.md:3: veld "thema": onbekende waarde "adoptei" (mogelijk zijn: verspreiding, adoptie, implementatie, borging); bedoel je "adoptie"?`},
		{"+++\ntitel = \"Proef\"\nthema = \"adoptie\"\n" + link + "+++\n", "koppeling.rol", `content/proeven/x.md:5: [[koppeling]] "audit" zonder "rol" (verwacht kern of aanvullend)`},
		{"+++\ntitel = \"Proef\"\nthema = \"adoptie\"\n" + link + "rol = \"kernn\"\n+++\n", "koppeling.rol", `content/proeven/x.md:10: veld "koppeling.rol": onbekende waarde "kernn" (mogelijk zijn: kern, aanvullend); bedoel je "kern"?`},
		{"+++\ntitel = \"Proef\"\nthema = \"adoptie\"\n" + strings.Replace(link, "audit", "audti", 1) + "rol = \"kern\"\n+++\n", "koppeling.id", `content/proeven/x.md:6: veld "koppeling.id": strategie "audti" bestaat niet (verwacht een bestand content/strategieen/audti.md); bedoel je "audit"?`},
	} {
		probs := problems(c.file)
		if len(probs) != 1 || probs[0].String() != c.want || probs[0].Field != c.field {
			t.Errorf("problems %q (field %q), want %q (field %q)", probs, fieldsOf(probs), c.want, c.field)
		}
	}

	draft := scaffold.Draft(spec, "Eerste proef", 0, time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC))
	if want := `thema = "adoptie"  # In welke fase het thema past. (verspreiding | adoptie | implementatie | borging)`; !strings.Contains(draft, want) {
		t.Errorf("new wrote no %q:\n%s", want, draft)
	}
	if !strings.Contains(draft, "# rol = \"\"  # Hoe de strategie meedoet. (kern | aanvullend)") {
		t.Errorf("new shows no rol in its example link:\n%s", draft)
	}
	if probs := problems(draft); len(probs) > 0 {
		t.Errorf("what new wrote does not pass check: %v", probs)
	}

	thema := cmsField(t, &site, spec, "thema")
	if thema.Label != "Thema" || thema.Widget != "select" || !thema.Required || len(thema.Options) != 4 || thema.Options[1].Value != "adoptie" {
		t.Errorf("the CMS's field: %+v", thema)
	}

	e, _ := spec.Decode("content/proeven/x.md", []byte("+++\ntitel = \"Proef\"\nthema = \"borging\"\n+++\n"))
	if terms := spec.Searched(e).Terms; !slices.Equal(terms, []string{"borging"}) {
		t.Errorf("the search's terms %q, want the thema", terms)
	}
}

// cmsField finds a kind's field in the CMS configuration, as config.yml holds it.
func cmsField(t *testing.T, site *content.Site, spec *content.Spec, name string) cms.Field {
	t.Helper()
	col, err := cms.CollectionOf(site, spec)
	if err != nil {
		t.Fatal(err)
	}
	data, err := (&cms.Config{Collections: []cms.Collection{col}}).YAML()
	if err != nil {
		t.Fatal(err)
	}
	var read cms.Config
	if err := yaml.Unmarshal(data, &read); err != nil {
		t.Fatal(err)
	}
	for _, f := range read.Collections[0].Fields {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("config.yml has no field %q:\n%s", name, data)
	return cms.Field{}
}

func fieldsOf(probs problem.List) []string {
	var out []string
	for _, p := range probs {
		out = append(out, p.Field)
	}
	return out
}
