package generator

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// What the development server shows after any sequence of edits must be what a clean build of
// the same files gives, file for file: the cache may only save work, never change the site.
// The edits are random but seeded (the seed is in the test's name), on a copy of the real site.
func TestCachedRebuildEqualsCleanBuildAfterRandomEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("six seeds of five rounds of edits, each compared with a clean build: -short leaves it out")
	}
	for seed := range uint64(6) {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			root := t.TempDir()
			copyTree(t, filepath.Join("..", "content"), filepath.Join(root, "content"))
			e := &editor{t: t, root: root, rnd: rand.New(rand.NewPCG(seed, 7))}
			dev := NewDev()
			opts := Options{Root: root}
			if _, err := dev.Generate(opts, output.NewMemory()); err != nil {
				t.Fatal(err)
			}
			for round := range 5 {
				var done []string
				for range 1 + e.rnd.IntN(3) {
					done = append(done, e.randomEdit())
				}
				cached, clean := output.NewMemory(), output.NewMemory()
				_, cachedErr := dev.Generate(opts, cached)
				_, cleanErr := NewDev().Generate(opts, clean)
				if fmt.Sprint(cachedErr) != fmt.Sprint(cleanErr) {
					t.Fatalf("round %d, after %v: cached build says %v, clean build %v", round, done, cachedErr, cleanErr)
				}
				if diff := output.Diff(cached, clean); diff != "" {
					t.Fatalf("round %d, after %v: the cached rebuild differs from a clean build: %s", round, done, diff)
				}
			}
		})
	}
}

// editor makes the edits an editor makes, each leaving the site buildable.
type editor struct {
	t    *testing.T
	root string
	rnd  *rand.Rand
	n    int
}

func (e *editor) randomEdit() string {
	e.n++
	edits := []func() string{e.retitle, e.retitle, e.rewriteBody, e.addLink, e.removeLink, e.addStrategy,
		e.deleteUnlinkedStrategy, e.addPost, e.editTemplate, e.editSite}
	return edits[e.rnd.IntN(len(edits))]()
}

func (e *editor) files(kind string) []string {
	matches, _ := filepath.Glob(filepath.Join(e.root, "content", kind, "*.md"))
	return matches
}

func (e *editor) pick(list []string) string { return list[e.rnd.IntN(len(list))] }

func (e *editor) read(p string) string {
	data, err := os.ReadFile(p)
	if err != nil {
		e.t.Fatal(err)
	}
	return string(data)
}

func (e *editor) write(p, body string) {
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

var titleLine = regexp.MustCompile(`(?m)^titel = "([^"]*)"`)

func (e *editor) retitle() string {
	kinds := []string{"determinanten", "strategieen", "strategieen", "leernetwerken", "factsheets", "nieuws", "paginas"}
	p := e.pick(e.files(e.pick(kinds)))
	// Some new titles sort the item elsewhere in its list.
	prefix := []string{"Aangepast: ", "Zz ", ""}[e.rnd.IntN(3)]
	body := titleLine.ReplaceAllString(e.read(p), fmt.Sprintf(`titel = "%s$1 (%d)"`, prefix, e.n))
	e.write(p, body)
	return "retitle " + filepath.Base(p)
}

func (e *editor) rewriteBody() string {
	p := e.pick(e.files(e.pick([]string{"determinanten", "strategieen", "nieuws"})))
	e.write(p, e.read(p)+fmt.Sprintf("\nEen nieuwe alinea %d.\n", e.n))
	return "body " + filepath.Base(p)
}

func (e *editor) addLink() string {
	det := e.pick(e.files("determinanten"))
	strategy := strings.TrimSuffix(filepath.Base(e.pick(e.files("strategieen"))), ".md")
	body := e.read(det)
	if strings.Contains(body, `id = "`+strategy+`"`) {
		return "no link added"
	}
	front, rest, _ := strings.Cut(strings.TrimPrefix(body, "+++\n"), "+++\n")
	link := fmt.Sprintf("\n[[strategie]]\nid = %q\nsterkte = %q\nbron = \"redactie\"\ntoelichting = \"Toegevoegd bij bewerking %d.\"\n",
		strategy, e.pick([]string{"kern", "aanvullend"}), e.n)
	e.write(det, "+++\n"+front+link+"+++\n"+rest)
	return "link " + filepath.Base(det) + " → " + strategy
}

var lastLink = regexp.MustCompile(`(?s)\n\[\[strategie\]\]\n[^\[]*?\n\+\+\+\n`)

func (e *editor) removeLink() string {
	det := e.pick(e.files("determinanten"))
	body := e.read(det)
	loc := lastLink.FindStringIndex(body)
	if loc == nil {
		return "no link to remove"
	}
	e.write(det, body[:loc[0]]+"\n+++\n"+body[loc[1]:])
	return "unlink " + filepath.Base(det)
}

func (e *editor) addStrategy() string {
	name := fmt.Sprintf("nieuwe-strategie-%d", e.n)
	e.write(filepath.Join(e.root, "content", "strategieen", name+".md"), fmt.Sprintf(
		"+++\ntitel = \"Nieuwe strategie %d\"\ncluster = \"evalueren-en-bijstellen\"\nsamenvatting = \"Een strategie die er net bij kwam.\"\n+++\n\nTekst.\n", e.n))
	return "new " + name
}

func (e *editor) deleteUnlinkedStrategy() string {
	linked := ""
	for _, d := range e.files("determinanten") {
		linked += e.read(d)
	}
	for _, s := range e.files("strategieen") {
		id := strings.TrimSuffix(filepath.Base(s), ".md")
		if !strings.Contains(linked, `"`+id+`"`) && !strings.Contains(linked, "/"+id+"/") {
			if err := os.Remove(s); err != nil {
				e.t.Fatal(err)
			}
			return "delete " + id
		}
	}
	return "nothing to delete"
}

func (e *editor) addPost() string {
	networks := e.files("leernetwerken")
	network := strings.TrimSuffix(filepath.Base(e.pick(networks)), ".md")
	name := fmt.Sprintf("2025-0%d-1%d-bericht-%d", 1+e.rnd.IntN(9), e.rnd.IntN(10), e.n)
	e.write(filepath.Join(e.root, "content", "nieuws", name+".md"), fmt.Sprintf(
		"+++\ntitel = \"Bericht %d\"\ndatum = %s\nleernetwerk = %q\n+++\n\nNieuws.\n", e.n, name[:10], network))
	return "post " + name
}

// editTemplate edits one of the site's templates: the first edit of a theme's template makes the
// site's own copy of it (as kennisbank theme copy does), which the cache must notice too.
func (e *editor) editTemplate() string {
	templates, _ := fs.Glob(theme.New(e.root), "templates/*.html")
	partials, _ := fs.Glob(theme.New(e.root), "templates/partials/*.html")
	name := e.pick(append(templates, partials...))
	p := filepath.Join(e.root, filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil {
		if _, err := theme.Copy(e.root, name); err != nil {
			e.t.Fatal(err)
		}
	}
	body := e.read(p)
	if !strings.Contains(body, "</p>") {
		return "template without </p>: " + filepath.Base(p)
	}
	e.write(p, strings.Replace(body, "</p>", fmt.Sprintf(" <!-- %d --></p>", e.n), 1))
	return "template " + filepath.Base(p)
}

func (e *editor) editSite() string {
	p := filepath.Join(e.root, "content", "site.toml")
	body := e.read(p)
	switch e.rnd.IntN(2) {
	case 0:
		body = regexp.MustCompile(`(?m)^ondertitel = "([^"]*)"`).ReplaceAllString(body, fmt.Sprintf(`ondertitel = "$1 %d"`, e.n))
	default:
		body = strings.Replace(body, `titel = "`, fmt.Sprintf(`titel = "Cluster %d: `, e.n), 2)
	}
	e.write(p, body)
	return "site.toml"
}
