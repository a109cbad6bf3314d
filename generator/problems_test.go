package generator

import (
	"strings"
	"testing"

	"kennisbank/generator/problem"
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
		{"bad TOML", replace(strat, `titel = "Discussie"`, `titel = "Discussie`), strat, 2, "invalid TOML"},
		{"unknown key", replace(strat, `fase = ["adoptie"]`, `faze = ["adoptie"]`), strat, 7, `unknown key "faze" (did you mean "fase"?`},
		{"key in other letter case", replace(strat, `titel = "Discussie"`, `Titel = "Discussie"`), strat, 2, `unknown key "Titel" (did you mean "titel"?`},
		{"table in other letter case", replace(det, `[[strategie]]`, `[[Strategie]]`), det, 10, `unknown key "Strategie" (did you mean "strategie"?`},
		{"unknown key in a link", replace(det, `sterkte = "kern"`, `sterkte = "kern"`+"\n"+`strength = "kern"`), det, 13, `unknown key "strategie.strength"`},
		{"missing required field", replace(det, `vraag = "Is er iemand aangewezen die de invoering coördineert?"`+"\n", ""), det, 2, `missing required field "vraag"`},
		{"wrong type", replace(det, `nummer = 25`, `nummer = "25"`), det, 2, `field "nummer": wrong type: expected a whole number`},
		{"bad date", replace(post, `datum = 2024-06-27`, `datum = 2024-13-27`), post, 3, `field "datum": not a valid date`},
		{"date as text", replace(post, `datum = 2024-06-27`, `datum = "27 juni 2024"`), post, 3, `field "datum": not a valid date`},
		{"unknown category", replace(det, `categorie = "organisatie"`, `categorie = "organisatei"`), det, 3, `unknown value "organisatei" (expected one of: innovatie, gebruiker, organisatie, sociaal-politieke-context); did you mean "organisatie"?`},
		{"unknown phase", replace(strat, `fase = ["adoptie"]`, `fase = ["adoptei"]`), strat, 7, `field "fase": unknown value "adoptei" (expected one of: verspreiding, adoptie, implementatie, borging); did you mean "adoptie"?`},
		{"number out of range", replace(det, `nummer = 25`, `nummer = 30`), det, 2, "out of range (expected 1 to 29)"},
		{"duplicate nummer", map[string]string{"content/determinanten/26-onrust.md": strings.Replace(fixture[det], `titel = "Coördinator"`, `titel = "Onrust"`, 1)},
			"content/determinanten/26-onrust.md", 2, `duplicate "nummer" 25`},
		{"link to a strategy that does not exist", replace(det, `id = "discussie"`, `id = "discusie"`), det, 11, `link to strategy "discusie", which does not exist (expected a file content/strategieen/discusie.md); did you mean "discussie"?`},
		{"link without source", replace(det, `bron = "im"`+"\n", ""), det, 10, "without \"bron\": every link says where it comes from"},
		{"unknown link source", replace(det, `bron = "im"`, `bron = "kok"`), det, 13, `field "bron": unknown value "kok"`},
		{"unknown cluster", replace(strat, `cluster = "im-kennis"`, `cluster = "kennis"`), strat, 5, `field "cluster": unknown value "kennis"`},
		{"unknown learning network", replace(post, `leernetwerk = "integraal-werken"`, `leernetwerk = "integraal"`), post, 7, `field "leernetwerk": unknown value "integraal"`},
		{"no front matter", map[string]string{strat: "titel = \"Discussie\"\n"}, strat, 1, `no front matter: the file must start with a line "+++"`},
		{"front matter not closed", map[string]string{strat: "+++\ntitel = \"Discussie\"\ncluster = \"im-kennis\"\n"}, strat, 1, "front matter is not closed"},
		{"empty file", map[string]string{strat: "\n"}, strat, 1, "the file is empty"},
		{"invalid UTF-8", map[string]string{strat: strings.Replace(fixture[strat], "gesprek", "gespr\xe9k", 1)}, strat, 11, "not valid UTF-8"},
		{"broken link in Markdown", replace(strat, "Een gesprek in het team over de innovatie.", "Zie [de oude pagina](../bestaat-niet/)."), strat, 11, `link to "../bestaat-niet/": no such page or file`},
		{"missing image", replace("content/factsheets/liso-framework/index.md", "figuur.png", "figuur.jpg"), "content/factsheets/liso-framework/index.md", 5, `link to "figuur.jpg": no such page or file`},
		{"end before start", replace(post, `eind = 2024-06-27T14:00:00`, `eind = 2024-06-27T08:00:00`), post, 5, `field "eind"`},
		{"unknown folder", map[string]string{"content/strategien/x.md": fixture[strat]}, "content/strategien", 0, "unknown name in content/"},
		{"abbreviation of two words", map[string]string{"content/site.toml": fixture["content/site.toml"] + "\n[[afkorting]]\nkort = \"POH GGZ\"\nvoluit = [\"x\"]\n"}, "content/site.toml", 23, `kort = "POH GGZ" must be one word`},
		{"abbreviation without full form", map[string]string{"content/site.toml": fixture["content/site.toml"] + "\n[[afkorting]]\nkort = \"LVB\"\n"}, "content/site.toml", 23, `[[afkorting]] "LVB" needs voluit`},
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

func TestAllProblemsAreReportedTogether(t *testing.T) {
	det := "content/determinanten/25-coordinator.md"
	strat := "content/strategieen/discussie.md"
	changes := map[string]string{
		det:   strings.Replace(fixture[det], `categorie = "organisatie"`, `categorie = "x"`, 1),
		strat: strings.Replace(fixture[strat], `fase = ["adoptie"]`, `fase = ["x"]`, 1),
	}
	_, err := Check(Options{Root: newProject(t, changes)})
	wantProblem(t, err, det, 3, `field "categorie"`)
	wantProblem(t, err, strat, 7, `field "fase"`)
}
