// Package scaffold writes a new content file with the front matter its kind needs, as a draft,
// so that an editor starts from something that builds.
package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kennisbank/generator/content"
)

// ErrUsage marks mistakes in what the user asked for (an unknown kind, an empty title).
var ErrUsage = errors.New("usage")

// kinds maps the names an editor types to the folder they write into.
var kinds = map[string]content.Kind{
	"determinant": content.KindDeterminant,
	"strategie":   content.KindStrategy,
	"leernetwerk": content.KindNetwork,
	"factsheet":   content.KindFactsheet,
	"nieuws":      content.KindPost,
	"agenda":      content.KindPost,
	"pagina":      content.KindPage,
}

// KindList is the list of kinds for help texts.
const KindList = "determinant, strategie, leernetwerk, factsheet, nieuws, agenda, pagina"

// now is replaced in tests.
var now = time.Now

// New writes content/<folder>/<slug>.md under root for a new item of kind with title and returns
// its path. It never overwrites an existing file.
func New(root, kind, title string) (string, error) {
	folder, ok := kinds[kind]
	if !ok {
		return "", fmt.Errorf("%w: unknown kind %q (expected one of: %s)", ErrUsage, kind, KindList)
	}
	title = strings.TrimSpace(title)
	id := content.Slug(title)
	if id == "" {
		return "", fmt.Errorf("%w: the title %q gives no usable file name; use letters or digits", ErrUsage, title)
	}
	today := now()
	if folder == content.KindPost {
		id = today.Format("2006-01-02") + "-" + id
	}
	dir := filepath.Join(root, content.Dir, string(folder))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, id+".md")
	if _, err := os.Stat(filepath.Join(dir, id)); err == nil {
		return "", fmt.Errorf("%s already exists as a page bundle; choose another title", filepath.Join(dir, id))
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("%s already exists; it was not changed", path)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(frontMatter(kind, title, today)); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

func frontMatter(kind, title string, today time.Time) string {
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	var b strings.Builder
	b.WriteString("+++\n")
	b.WriteString("titel = " + q(title) + "\n")
	b.WriteString("samenvatting = \"\"  # één of twee zinnen: waar gaat dit over?\n")
	b.WriteString("concept = true  # verwijder deze regel om te publiceren\n")
	date := today.Format("2006-01-02")
	switch kind {
	case "determinant":
		b.WriteString("nummer = 1  # 1 tot en met 29, uniek\n")
		b.WriteString("categorie = \"innovatie\"  # innovatie | gebruiker | organisatie | sociaal-politieke-context\n")
		b.WriteString("titel_en = \"\"\n")
		b.WriteString("vraag = \"\"  # de vraag of stelling waarmee je de determinant meet\n")
		b.WriteString("schaal = \"eens5\"  # eens5 | eens5-omgekeerd | janeeweetniet\n")
		b.WriteString("bronnen = [\"midi\"]\n\n")
		b.WriteString("# Koppel strategieën zo (herhaal het blok per strategie):\n")
		b.WriteString("# [[strategie]]\n# id = \"audit-en-feedback\"\n# sterkte = \"kern\"  # kern | aanvullend\n# bron = \"redactie\"\n# toelichting = \"waarom deze strategie hier helpt\"\n")
	case "strategie":
		b.WriteString("titel_en = \"\"\n")
		b.WriteString("cluster = \"evalueren-en-bijstellen\"  # een cluster-id uit content/site.toml\n")
		b.WriteString("bronnen = [\"eric\"]  # bron-id's uit content/site.toml\n")
		b.WriteString("fase = []  # verspreiding, adoptie, implementatie, borging\n")
	case "factsheet":
		b.WriteString("datum = " + date + "\n")
		b.WriteString("# leernetwerk = \"integraal-werken\"\n")
	case "nieuws":
		b.WriteString("datum = " + date + "\n")
		b.WriteString("# leernetwerk = \"integraal-werken\"\n")
	case "agenda":
		b.WriteString("datum = " + date + "\n")
		b.WriteString("start = " + date + "T09:30:00\n")
		b.WriteString("eind = " + date + "T12:00:00\n")
		b.WriteString("locatie = \"online\"\n")
	}
	b.WriteString("+++\n\n")
	switch kind {
	case "determinant":
		b.WriteString("## Wat is het\n\n## Waarom het ertoe doet\n\n## Hoe meet je het\n\n## Bron\n")
	case "strategie":
		b.WriteString("## Wat houdt het in\n\n## Wanneer past het\n\n## Zo pak je het aan\n\n## Voorbeeld uit de jeugdzorg\n\n## Bron\n")
	default:
		b.WriteString("Schrijf hier de tekst.\n")
	}
	return b.String()
}
