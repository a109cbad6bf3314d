package content

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/werkplaats-jeugd/kennisbank/generator/frontmatter"
)

// FuzzDecodeItem decodes arbitrary file contents as an item of every kind, through the code path
// Load uses for each file. It must not panic; a file it rejects must come with a problem; every
// problem must name the file and a line that exists in it; a decoded item must carry its id,
// kind and the body as it stands at the end of the file.
func FuzzDecodeItem(f *testing.F) {
	f.Add(uint8(0), []byte("+++\nnummer = 25\ncategorie = \"organisatie\"\ntitel = \"Coördinator\"\ntitel_en = \"Coordinator\"\nvraag = \"Is er iemand?\"\nschaal = \"janeeweetniet\"\n\n[[strategie]]\nid = \"discussie\"\nsterkte = \"kern\"\nbron = \"im\"\ntoelichting = \"Praat samen.\"\n+++\n## Kop\n\nTekst.\n"))
	f.Add(uint8(1), []byte("+++\ntitel = \"Discussie\"\ncluster = \"im-kennis\"\nbronnen = [\"im\"]\nfase = [\"adoptie\"]\n+++\nTekst.\n"))
	f.Add(uint8(3), []byte("+++\ntitel = \"LISO\"\ndatum = 2024-06-27\nleernetwerk = \"integraal-werken\"\n+++\n![x](figuur.png)\n"))
	f.Add(uint8(4), []byte("+++\ntitel = \"Jaarconferentie\"\ndatum = 2024-06-27\nstart = 2024-06-27T09:30:00\neind = 2024-06-27T14:00:00\n+++\n"))
	f.Add(uint8(4), []byte("+++\ntitel = \"x\"\ndatum = \"27 juni\"\n+++\n"))
	f.Add(uint8(5), []byte("+++\ntitel = \"Over\"\nvolgorde = 1\ntitle = \"typo\"\n+++\n"))
	f.Add(uint8(0), []byte("+++\n[[strategie]]\nid = 1\n[[strategie]]\nonbekend = \"x\"\n+++\n"))
	f.Add(uint8(2), []byte("+++\ntitel = \"<script>alert(1)</script>\"\nsamenvatting = \"\\\"><img src=x onerror=alert(1)>\"\n+++\n<iframe src=\"javascript:alert(1)\"></iframe>\n"))
	f.Add(uint8(5), []byte("+++\ntitel = \"\"\"\nmulti\nline\n\"\"\"\n[tabel]\nx = 1\n+++\n"))
	f.Fuzz(func(t *testing.T, k uint8, data []byte) {
		kind := Kinds[int(k)%len(Kinds)]
		src := source{kind: kind, id: "item-1", file: "content/" + string(kind) + "/item-1.md"}
		v, probs := decodeItem(SpecOf(src.kind), src, data)
		lines := bytes.Count(frontmatter.Normalize(data), []byte("\n")) + 1
		for _, p := range probs {
			if p.File != src.file || p.Line < 0 || p.Line > lines || p.Message == "" {
				t.Fatalf("problem %q: want file %s and a line in 0..%d", p.String(), src.file, lines)
			}
		}
		if v == nil {
			if len(probs) == 0 {
				t.Fatal("file rejected without a problem")
			}
			return
		}
		it := v.(interface{ Base() *Item }).Base()
		if it.ID != src.id || it.Kind != kind || it.File != src.file {
			t.Fatalf("decoded item says id %q kind %q file %q", it.ID, it.Kind, it.File)
		}
		if !bytes.HasSuffix(frontmatter.Normalize(data), it.Body) || it.BodyLine < 3 || it.BodyLine > lines+1 {
			t.Fatalf("body %q at line %d is not the end of a %d-line file", it.Body, it.BodyLine, lines)
		}
		if d, ok := v.(*Determinant); ok {
			for _, l := range d.Links {
				if l.Line < 2 || l.Line >= it.BodyLine {
					t.Fatalf("link to %q says line %d, outside the front matter (lines 2..%d)", l.Strategy, l.Line, it.BodyLine-2)
				}
			}
		}
	})
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// FuzzSlug checks that Slug always yields a valid id (or nothing), that a valid id is its own
// slug, and that slugging twice changes nothing.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Coördinatie", "Audit en feedback", "  --Twee  woorden--  ", "Ĳsselmonde", "ÆØÅ", "İstanbul", "straße", "ﬁlm", "١٢٣", "x\u0301y", "", "---", "Jeugdhulp 2024/2025: wat nu?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != "" && !slugRE.MatchString(got) {
			t.Fatalf("Slug(%q) = %q, not a valid id", s, got)
		}
		if again := Slug(got); again != got {
			t.Fatalf("Slug(%q) = %q, but Slug(%q) = %q", s, got, got, again)
		}
		if slugRE.MatchString(s) && got != s {
			t.Fatalf("Slug changed the valid id %q into %q", s, got)
		}
		if strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz0123456789") && got == "" {
			t.Fatalf("Slug(%q) lost every letter and digit", s)
		}
	})
}
