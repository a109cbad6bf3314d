// Package corpus generates synthetic Kennisbank projects of any size for benchmarks: the 29
// determinants, strategies cross-linked to them, and news items, with plausible Dutch text.
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

// Write creates a project with content/site.toml, determinants, strategies and posts in dir,
// about pages items in all. Templates and assets are not written: copy them from the repository.
func Write(dir string, pages int) error {
	r := rand.New(rand.NewPCG(1, uint64(pages)))
	strategies := max(pages*6/10, 10)
	posts := max(pages-29-strategies, 1)
	write := func(rel, body string) error {
		p := filepath.Join(dir, "content", rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(body), 0o644)
	}
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
	for i := 0; i < strategies; i++ {
		body := fmt.Sprintf("+++\ntitel = %q\ntitel_en = \"Strategy %d\"\nsamenvatting = %q\ncluster = \"c%d\"\nbronnen = [\"redactie\"]\n+++\n%s",
			title(r, i), i, sentence(r, 14), 1+i%2, text(r))
		if err := write(fmt.Sprintf("strategieen/strategie-%d.md", i), body); err != nil {
			return err
		}
	}
	for n := 1; n <= 29; n++ {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\nnummer = %d\ncategorie = %q\ntitel = \"Determinant %d\"\ntitel_en = \"Determinant %d\"\nvraag = %q\nschaal = \"eens5\"\n",
			n, categories[n%4], n, n, sentence(r, 12))
		for s := n - 1; s < strategies; s += 29 {
			strength := "aanvullend"
			if s%3 == 0 {
				strength = "kern"
			}
			fmt.Fprintf(&b, "\n[[strategie]]\nid = \"strategie-%d\"\nsterkte = %q\nbron = \"redactie\"\ntoelichting = %q\n", s, strength, sentence(r, 10))
		}
		b.WriteString("+++\n" + text(r))
		if err := write(fmt.Sprintf("determinanten/d%02d.md", n), b.String()); err != nil {
			return err
		}
	}
	for i := 0; i < posts; i++ {
		body := fmt.Sprintf("+++\ntitel = %q\ndatum = 2024-%02d-%02d\n+++\n%s", title(r, i), 1+i%12, 1+i%28, text(r))
		if err := write(fmt.Sprintf("nieuws/bericht-%d.md", i), body); err != nil {
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
