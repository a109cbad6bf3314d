// Package corpus generates synthetic Kennisbank projects of any size for benchmarks: the 29
// determinants, strategies cross-linked to them, and news items, with plausible Dutch text.
// Generate makes the items; Write writes them as a Kennisbank project and WriteHugo as the
// same site for Hugo, to compare the two generators on equal content.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var categories = []string{"innovatie", "gebruiker", "organisatie", "sociaal-politieke-context"}

var words = strings.Fields(`de het een en van in op met voor dat niet uitvoerder innovatie team
jeugdhulp wijkteam gemeente school ouders jongere gezin richtlijn werkwijze organisatie coördinator
determinant strategie scholing feedback overleg praktijk onderzoek implementatie invoering gebruik
bevorderend belemmerend afspraken werkdruk tijd middelen kennis vaardigheden steun collega's
leidinggevende aanbieder zorg jeugd samen leren evaluatie plan uitvoering resultaten cliënt`)

// Corpus is a generated knowledge base.
type Corpus struct {
	Strategies   []Strategy
	Determinants []Determinant
	Posts        []Post
}

// Strategy is a generated strategy; its id is strategie-<index>.
type Strategy struct {
	ID, Title, TitleEN, Summary, Cluster, Body string
	Determinants                               []string // ids of the determinants that link to it
}

// Determinant is a generated determinant with its links; its id is dNN.
type Determinant struct {
	ID, Category, Title, Question, Body string
	Number                              int
	Links                               []Link
}

// Link is a determinant → strategy link.
type Link struct{ Strategy, Strength, Explanation string }

// Post is a generated news item.
type Post struct{ ID, Title, Date, Body string }

// Generate makes a knowledge base of about pages items. The same size gives the same corpus.
func Generate(pages int) *Corpus {
	r := rand.New(rand.NewPCG(1, uint64(pages)))
	strategies := max(pages*6/10, 10)
	posts := max(pages-29-strategies, 1)
	c := &Corpus{}
	for i := 0; i < strategies; i++ {
		s := Strategy{ID: fmt.Sprintf("strategie-%d", i), TitleEN: fmt.Sprintf("Strategy %d", i), Cluster: fmt.Sprintf("c%d", 1+i%2)}
		s.Title = title(r, i)
		s.Summary = sentence(r, 14)
		s.Body = text(r)
		c.Strategies = append(c.Strategies, s)
	}
	for n := 1; n <= 29; n++ {
		d := Determinant{ID: fmt.Sprintf("d%02d", n), Number: n, Category: categories[n%4], Title: fmt.Sprintf("Determinant %d", n)}
		d.Question = sentence(r, 12)
		for s := n - 1; s < strategies; s += 29 {
			strength := "aanvullend"
			if s%3 == 0 {
				strength = "kern"
			}
			d.Links = append(d.Links, Link{Strategy: c.Strategies[s].ID, Strength: strength, Explanation: sentence(r, 10)})
			c.Strategies[s].Determinants = append(c.Strategies[s].Determinants, d.ID)
		}
		d.Body = text(r)
		c.Determinants = append(c.Determinants, d)
	}
	for i := 0; i < posts; i++ {
		p := Post{ID: fmt.Sprintf("bericht-%d", i), Date: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)}
		p.Title = title(r, i)
		p.Body = text(r)
		c.Posts = append(c.Posts, p)
	}
	return c
}

func writer(dir string) func(rel, body string) error {
	return func(rel, body string) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(body), 0o644)
	}
}

// Write creates a project with content/site.toml, determinants, strategies and posts in dir,
// about pages items in all. Templates and assets are not written: copy them from the repository.
func Write(dir string, pages int) error {
	c := Generate(pages)
	write := writer(filepath.Join(dir, "content"))
	site := `titel = "Benchmark"
[[menu]]
naam = "Strategieën"
url = "strategieen/"
[[bron]]
id = "redactie"
kort = "redactie"
citatie = "Redactie."
[[cluster]]
id = "c1"
titel = "Cluster een"
[[cluster]]
id = "c2"
titel = "Cluster twee"
`
	if err := write("site.toml", site); err != nil {
		return err
	}
	// templates/scan.html links to this page: a project using the templates must have it.
	if err := write("paginas/scan-uitleg.md", "+++\ntitel = \"Hoe gebruik je de implementatiescan\"\n+++\nZo vul je de scan in.\n"); err != nil {
		return err
	}
	for _, s := range c.Strategies {
		body := fmt.Sprintf("+++\ntitel = %q\ntitel_en = %q\nsamenvatting = %q\ncluster = %q\nbronnen = [\"redactie\"]\n+++\n%s",
			s.Title, s.TitleEN, s.Summary, s.Cluster, s.Body)
		if err := write("strategieen/"+s.ID+".md", body); err != nil {
			return err
		}
	}
	for _, d := range c.Determinants {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\nnummer = %d\ncategorie = %q\ntitel = %q\ntitel_en = %q\nvraag = %q\nschaal = \"eens5\"\n",
			d.Number, d.Category, d.Title, d.Title, d.Question)
		for _, l := range d.Links {
			fmt.Fprintf(&b, "\n[[strategie]]\nid = %q\nsterkte = %q\nbron = \"redactie\"\ntoelichting = %q\n", l.Strategy, l.Strength, l.Explanation)
		}
		b.WriteString("+++\n" + d.Body)
		if err := write("determinanten/"+d.ID+".md", b.String()); err != nil {
			return err
		}
	}
	for _, p := range c.Posts {
		body := fmt.Sprintf("+++\ntitel = %q\ndatum = %s\n+++\n%s", p.Title, p.Date, p.Body)
		if err := write("nieuws/"+p.ID+".md", body); err != nil {
			return err
		}
	}
	return nil
}

func title(r *rand.Rand, i int) string {
	return fmt.Sprintf("%s %s %d", strings.ToUpper(words[r.IntN(len(words))][:1])+words[r.IntN(len(words))][1:], words[r.IntN(len(words))], i)
}

func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	return strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:] + "."
}

// text is a body of about 300 words: headings, paragraphs and a list, like a real page.
func text(r *rand.Rand) string {
	var b strings.Builder
	for _, h := range []string{"Wat houdt het in", "Wanneer past het", "Zo pak je het aan"} {
		fmt.Fprintf(&b, "\n## %s\n\n", h)
		for p := 0; p < 2; p++ {
			for s := 0; s < 3; s++ {
				b.WriteString(sentence(r, 12) + " ")
			}
			b.WriteString("\n\n")
		}
	}
	for i := 0; i < 4; i++ {
		fmt.Fprintf(&b, "- %s\n", sentence(r, 8))
	}
	return b.String()
}
