package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/internal/testfiles"

	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// fixture is a small but complete project: one item of every kind, using the real templates and
// assets of the repository. Tests change single files to provoke single problems.
var fixture = map[string]string{
	"content/site.toml": `titel = "Testbank"
base_url = ""

[[menu]]
naam = "Strategieën"
url = "strategieen/"

[[bron]]
id = "im"
kort = "Intervention Mapping (Kok 2016)"
citatie = "Kok, G. e.a. (2016)."

[[bron]]
id = "redactie"
kort = "redactie"
citatie = "Keuze van de redactie."

[[cluster]]
id = "im-kennis"
titel = "Kennis vergroten"
bron = "im"
`,
	"content/determinanten/25-coordinator.md": `+++
nummer = 25
categorie = "organisatie"
titel = "Coördinator"
titel_en = "Coordinator"
samenvatting = "Is er iemand die de invoering coördineert?"
vraag = "Is er iemand aangewezen die de invoering coördineert?"
schaal = "janeeweetniet"

[[strategie]]
id = "discussie"
sterkte = "kern"
bron = "im"
toelichting = "Praat samen over wie wat doet."
+++
## Coördinatie in de praktijk

Een wijkteam wijst een coördinator aan. Zie ook [discussie](../../strategieen/discussie/).
`,
	"content/strategieen/discussie.md": `+++
titel = "Discussie"
titel_en = "Discussion"
samenvatting = "Praat erover."
cluster = "im-kennis"
bronnen = ["im"]
fase = ["adoptie"]
+++
## Wat houdt het in

Een gesprek in het team over de innovatie.
`,
	"content/leernetwerken/integraal-werken.md": `+++
titel = "Leernetwerk Integraal werken"
samenvatting = "Samen leren over integraal werken."
+++
Het leernetwerk brengt praktijk en onderzoek samen.
`,
	"content/factsheets/liso-framework/index.md": `+++
titel = "Het LISO-framework"
leernetwerk = "integraal-werken"
+++
![Het framework in één figuur](figuur.png)

[Download de factsheet](factsheet.pdf)
`,
	"content/factsheets/liso-framework/figuur.png":    "\x89PNG\r\n\x1a\n(the rest of a figure)",
	"content/factsheets/liso-framework/factsheet.pdf": "%PDF-1.4\n%%EOF\n",
	"content/nieuws/2024-06-27-jaarconferentie.md": `+++
titel = "Jaarconferentie 2024"
datum = 2024-06-27
start = 2024-06-27T09:30:00
eind = 2024-06-27T14:00:00
locatie = "De Haagse Hogeschool"
leernetwerk = "integraal-werken"
+++
De jaarconferentie blikt terug op vier jaar.
`,
	"content/paginas/over.md": `+++
titel = "Over de kennisbank"
+++
Waarom deze kennisbank er is.
`,
	// templates/scan.html links to this page; a project without it fails the template link check.
	"content/paginas/scan-uitleg.md": `+++
titel = "Hoe gebruik je de implementatiescan"
+++
Zo vul je de scan in.
`,
}

// removed, as the value of a change, leaves the file out.
const removed = "\x00removed"

// newProject writes the fixture, with changes applied, into a temporary folder.
func newProject(t testing.TB, changes map[string]string) string {
	t.Helper()
	root := t.TempDir() // no templates/ or assets/: the built-in theme's
	files := map[string]string{}
	for k, v := range fixture {
		files[k] = v
	}
	for k, v := range changes {
		files[k] = v
	}
	for k, v := range changes {
		if v == removed {
			delete(files, k)
		}
	}
	testfiles.Write(t, root, files)
	return root
}

// editFile replaces old with new in the file name of the project at root. A file of the theme
// that the project does not have is copied from the built-in theme first, as `kennisbank theme
// copy` does, so the project changes its own version.
func editFile(t testing.TB, root, name, old, new string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil && theme.New(root).Origin(name) != name {
		if _, err := theme.Copy(root, name); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q (%v)", name, old, err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t testing.TB, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// readSite reads every file of a built site into a map.
func readSite(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s does not contain %q", what, w)
		}
	}
}
