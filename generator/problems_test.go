package generator

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
)

// Each case breaks the fixture in one way; the check must name the file, the line and what was
// expected.
func TestContentProblemsNameFileAndLine(t *testing.T) {
	det := "content/determinanten/25-coordinator.md"
	strat := "content/strategieen/discussie.md"
	post := "content/nieuws/2024-06-27-jaarconferentie.md"
	replace := func(file, old, new string) map[string]string {
		if !strings.Contains(fixture[file], old) {
			t.Fatalf("fixture %s has no %q", file, old)
		}
		return map[string]string{file: strings.Replace(fixture[file], old, new, 1)}
	}
	cases := []struct {
		name    string
		changes map[string]string
		file    string
		line    int
		want    string
	}{
		{"bad TOML", replace(strat, `titel = "Discussie"`, `titel = "Discussie`), strat, 2, `ongeldige TOML bij "titel": de tekst is niet afgesloten`},
		{"unknown key", replace(strat, `fase = ["adoptie"]`, `faze = ["adoptie"]`), strat, 7, `onbekend veld "faze" (bedoel je "fase"? bekende velden: `},
		{"key in other letter case", replace(strat, `titel = "Discussie"`, `Titel = "Discussie"`), strat, 2, `onbekend veld "Titel" (bedoel je "titel"?`},
		{"table in other letter case", replace(det, `[[strategie]]`, `[[Strategie]]`), det, 10, `onbekend veld "Strategie" (bedoel je "strategie"?`},
		{"unknown key in a link", replace(det, `sterkte = "kern"`, `sterkte = "kern"`+"\n"+`strength = "kern"`), det, 13, `onbekend veld "strategie.strength"`},
		{"missing required field", replace(det, `vraag = "Is er iemand aangewezen die de invoering coördineert?"`+"\n", ""), det, 2, `verplicht veld "vraag" ontbreekt`},
		{"empty required field", replace(det, `vraag = "Is er iemand aangewezen die de invoering coördineert?"`, `vraag = ""`), det, 7, `verplicht veld "vraag" is leeg (de vraag of stelling waarmee je de determinant meet)`},
		{"wrong type", replace(det, `nummer = 25`, `nummer = "25"`), det, 2, `veld "nummer": verkeerde soort waarde: verwacht een heel getal (bijvoorbeeld 7), gevonden: tekst tussen aanhalingstekens`},
		{"bad date", replace(post, `datum = 2024-06-27`, `datum = 2024-13-27`), post, 3, `veld "datum": geen geldige datum`},
		{"date as text", replace(post, `datum = 2024-06-27`, `datum = "27 juni 2024"`), post, 3, `veld "datum": geen geldige datum`},
		{"unknown category", replace(det, `categorie = "organisatie"`, `categorie = "organisatei"`), det, 3, `veld "categorie": onbekende waarde "organisatei" (mogelijk zijn: innovatie, gebruiker, organisatie, sociaal-politieke-context); bedoel je "organisatie"?`},
		{"unknown phase", replace(strat, `fase = ["adoptie"]`, `fase = ["adoptei"]`), strat, 7, `veld "fase": onbekende waarde "adoptei" (mogelijk zijn: verspreiding, adoptie, implementatie, borging); bedoel je "adoptie"?`},
		{"number out of range", replace(det, `nummer = 25`, `nummer = 30`), det, 2, `veld "nummer": 30 valt buiten het bereik (verwacht een getal van 1 tot en met 29)`},
		{"duplicate nummer", map[string]string{"content/determinanten/26-onrust.md": strings.Replace(fixture[det], `titel = "Coördinator"`, `titel = "Onrust"`, 1)},
			"content/determinanten/26-onrust.md", 2, `veld "nummer": 25 is al in gebruik door content/determinanten/25-coordinator.md`},
		{"link to a strategy that does not exist", replace(det, `id = "discussie"`, `id = "discusie"`), det, 11, `veld "strategie.id": strategie "discusie" bestaat niet (verwacht een bestand content/strategieen/discusie.md); bedoel je "discussie"?`},
		{"link without source", replace(det, `bron = "im"`+"\n", ""), det, 10, `[[strategie]] "discussie" zonder "bron"`},
		{"link without toelichting", replace(det, `toelichting = "Praat samen over wie wat doet."`+"\n", ""), det, 10, `[[strategie]] "discussie" zonder "toelichting" (waarom deze strategie hier helpt, in één zin)`},
		{"unknown link source", replace(det, `bron = "im"`, `bron = "kok"`), det, 13, `veld "strategie.bron": onbekende waarde "kok"`},
		{"unknown cluster", replace(strat, `cluster = "im-kennis"`, `cluster = "kennis"`), strat, 5, `veld "cluster": onbekende waarde "kennis"`},
		{"unknown learning network", replace(post, `leernetwerk = "integraal-werken"`, `leernetwerk = "integraal"`), post, 7, `veld "leernetwerk": leernetwerk "integraal" bestaat niet (verwacht een bestand content/leernetwerken/integraal.md); mogelijk zijn: integraal-werken`},
		{"no front matter", map[string]string{strat: "titel = \"Discussie\"\n"}, strat, 1, `het bestand moet beginnen met een regel "+++"`},
		{"front matter not closed", map[string]string{strat: "+++\ntitel = \"Discussie\"\ncluster = \"im-kennis\"\n"}, strat, 1, `niet afgesloten: verwacht een tweede regel "+++"`},
		{"empty file", map[string]string{strat: "\n"}, strat, 1, "het bestand is leeg"},
		{"invalid UTF-8", map[string]string{strat: strings.Replace(fixture[strat], "gesprek", "gespr\xe9k", 1)}, strat, 11, "geen geldige UTF-8"},
		{"broken link in Markdown", replace(strat, "Een gesprek in het team over de innovatie.", "Zie [de oude pagina](../bestaat-niet/)."), strat, 11, `link naar "../bestaat-niet/": die pagina of dat bestand bestaat niet`},
		{"missing image", replace("content/factsheets/liso-framework/index.md", "figuur.png", "figuur.jpg"), "content/factsheets/liso-framework/index.md", 5, `link naar "figuur.jpg": die pagina of dat bestand bestaat niet`},
		{"end before start", replace(post, `eind = 2024-06-27T14:00:00`, `eind = 2024-06-27T08:00:00`), post, 5, `veld "eind" (2024-06-27 08:00) is eerder dan "start" (2024-06-27 09:30)`},
		{"unknown folder", map[string]string{"content/strategien/x.md": fixture[strat]}, "content/strategien", 0, "onbekende naam in content/"},
		{"abbreviation of two words", map[string]string{"content/site.toml": fixture["content/site.toml"] + "\n[[afkorting]]\nkort = \"POH GGZ\"\nvoluit = [\"x\"]\n"}, "content/site.toml", 23, `kort = "POH GGZ" moet één woord zijn`},
		{"abbreviation without full form", map[string]string{"content/site.toml": fixture["content/site.toml"] + "\n[[afkorting]]\nkort = \"LVB\"\n"}, "content/site.toml", 23, `[[afkorting]] "LVB" mist voluit`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Check(Options{Root: newProject(t, c.changes)})
			wantProblem(t, err, c.file, c.line, c.want)
			// One mistake, one message: no follow-up noise for the editor to wade through.
			if probs, ok := err.(problem.List); ok && len(probs) != 1 {
				t.Errorf("one mistake gave %d problems:\n%v", len(probs), probs)
			}
		})
	}
}

// A draft may leave a required field empty, as `new` writes it, until it goes into the site.
func TestDraftMayLeaveARequiredFieldEmpty(t *testing.T) {
	det := "content/determinanten/25-coordinator.md"
	draft := strings.Replace(fixture[det], `vraag = "Is er iemand aangewezen die de invoering coördineert?"`, "vraag = \"\"\nconcept = true", 1)
	root := newProject(t, map[string]string{det: draft})
	if _, err := Check(Options{Root: root}); err != nil {
		t.Errorf("a draft with an empty required field: %v", err)
	}
	_, err := Check(Options{Root: root, Drafts: true})
	wantProblem(t, err, det, 7, `verplicht veld "vraag" is leeg`)
}

func TestAllProblemsAreReportedTogether(t *testing.T) {
	det := "content/determinanten/25-coordinator.md"
	strat := "content/strategieen/discussie.md"
	changes := map[string]string{
		det:   strings.Replace(fixture[det], `categorie = "organisatie"`, `categorie = "x"`, 1),
		strat: strings.Replace(fixture[strat], `fase = ["adoptie"]`, `fase = ["x"]`, 1),
	}
	_, err := Check(Options{Root: newProject(t, changes)})
	wantProblem(t, err, det, 3, `veld "categorie"`)
	wantProblem(t, err, strat, 7, `veld "fase"`)
}

// realProject copies the repository's own site (its content; its templates and assets are the
// built-in theme's) into a temporary folder, with changes made by replacing text in its files.
func realProject(t *testing.T, edits ...[3]string) string {
	t.Helper()
	root := t.TempDir()
	copyTree(t, filepath.Join("..", "content"), filepath.Join(root, "content"))
	for _, e := range edits {
		editFile(t, root, e[0], e[1], e[2])
	}
	return root
}

// One mistake in the site settings or in a template gives one problem, at its file and line, and
// no problems that only follow from it.
func TestOneCauseOneProblem(t *testing.T) {
	cases := []struct {
		name string
		edit [3]string
		file string
		line int
		want string
	}{
		{"site.toml does not parse", [3]string{"content/site.toml", `taal = "nl"`, `taal = nl`}, "content/site.toml", 5, "TOML"},
		// Without its id, the source "midi" is unknown to every link that names it.
		{"site.toml has an invalid value", [3]string{"content/site.toml", `id = "midi"` + "\n", ""}, "content/site.toml", 41, "[[bron]] mist id, kort of citatie"},
		{"a template does not parse", [3]string{"templates/strategie.html", `{{.Number}}. {{.Title}}`, `{{.Number}}. {{.Title}`}, "templates/strategie.html", 16, "bad character"},
		{"a template fails on every strategy", [3]string{"templates/strategie.html", `{{.Number}}. {{.Title}}`, `{{.Number}}. {{.Titel}}`}, "templates/strategie.html", 16, "Titel"},
		{"a partial fails on every page", [3]string{"templates/partials/chrome.html", `{{.Site.Titel}}</a>`, `{{.Nergens}}</a>`}, "templates/partials/chrome.html", 14, "Nergens"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Check(Options{Root: realProject(t, c.edit)})
			probs := problem.AsList(err)
			if len(probs) != 1 {
				t.Fatalf("%d problems, want 1:\n%v", len(probs), err)
			}
			p := probs[0]
			if p.File != c.file || (c.line > 0 && p.Line != c.line) || p.Line == 0 || !strings.Contains(p.Message, c.want) {
				t.Errorf("got %s, want %s:%d: …%s…", p, c.file, c.line, c.want)
			}
		})
	}
}
