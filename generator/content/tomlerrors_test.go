package content

import (
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
)

// The TOML mistakes an editor makes get a Dutch message at the right line. Every translation in
// tomlMessages is exercised here: when a new version of the parser words a message differently,
// the translation no longer matches and this test says which.
func TestTOMLMistakesAreExplainedInDutch(t *testing.T) {
	cases := []struct {
		toml string // front matter of a determinant, from line 2; or "site.toml:" and the whole file
		want string
	}{
		{"titel = \"Discussie\n", `x.md:2: ongeldige TOML bij "titel": de tekst is niet afgesloten: zet aan het eind een aanhalingsteken, op dezelfde regel`},
		{"titel = \"\"\"Discussie\n", `x.md:2: ongeldige TOML bij "titel": de tekst is niet afgesloten: verwacht """ aan het eind`},
		{"titel = '''Discussie\n", `x.md:2: ongeldige TOML bij "titel": de tekst is niet afgesloten: verwacht ''' aan het eind`},
		{"titel = Discussie\n", `x.md:2: ongeldige TOML bij "titel": verwacht een waarde: tekst tussen aanhalingstekens, een getal, een datum, true of false, of een lijst tussen [ ] (gevonden: "Discussie")`},
		{"titel = “Discussie”\n", `x.md:2: ongeldige TOML bij "titel": gebruik rechte aanhalingstekens (") in plaats van krullende (“ ”)`},
		{"titel = \n", `x.md:2: ongeldige TOML bij "titel": na "=" ontbreekt de waarde`},
		{"zoektermen = [\"a\" \"b\"]\n", `x.md:2: ongeldige TOML bij "zoektermen": verwacht in de lijst een komma tussen twee waarden, of ] aan het eind (gevonden: een aanhalingsteken)`},
		{"zoektermen = [\"a\",,\"b\"]\n", `x.md:2: ongeldige TOML bij "zoektermen": een komma te veel in de lijst`},
		{"titel = \"a\"\ntitel = \"b\"\n", `x.md:3: ongeldige TOML bij "titel": veld "titel" staat er twee keer in (een veld mag maar één keer voorkomen)`},
		{"strategie = 1\n[[strategie]]\n", `x.md:3: ongeldige TOML: veld "strategie" staat er al eerder in, en kan dan geen [[strategie]] zijn`},
		{"[[strategie]x\n", `x.md:2: ongeldige TOML: een kop [[…]] moet eindigen op ]] (gevonden: "x")`},
		{"[strategie!]\n", `x.md:2: ongeldige TOML: een kop tussen [ ] is niet afgesloten met ] (gevonden: "!")`},
		{"[]\n", `x.md:2: ongeldige TOML: een kop tussen [ ] heeft geen naam`},
		{"titel \"Discussie\"\n", `x.md:2: ongeldige TOML: verwacht "=" na de naam van het veld, zoals titel = "…" (gevonden: een aanhalingsteken)`},
		{"titel: \"Discussie\"\n", `x.md:2: ongeldige TOML: verwacht "=" na de naam van het veld, zoals titel = "…" (gevonden: ":")`},
		{"titel = \"Discussie\" vraag = \"Wie?\"\n", `x.md:2: ongeldige TOML: na de waarde mag niets meer op de regel staan (gevonden: "v"); zet elk veld op een eigen regel`},
		{"= \"Discussie\"\n", `x.md:2: ongeldige TOML: voor "=" staat geen naam van een veld`},
		{".titel = \"Discussie\"\n", `x.md:2: ongeldige TOML: de naam van een veld kan niet met een punt beginnen`},
		{"nummer = 07\n", `x.md:2: ongeldige TOML bij "nummer": het getal 07 mag niet met een 0 beginnen`},
		{"nummer = 1_\n", `x.md:2: ongeldige TOML bij "nummer": in het getal 1_ moet een _ tussen twee cijfers staan`},
		{"nummer = 1.\n", `x.md:2: ongeldige TOML bij "nummer": in het getal 1. moeten na de punt cijfers komen`},
		{"nummer = .5\n", `x.md:2: ongeldige TOML bij "nummer": een getal begint met een cijfer, niet met een punt (schrijf 0.5, niet .5)`},
		{"nummer = -x\n", `x.md:2: ongeldige TOML bij "nummer": verwacht een cijfer (gevonden: "x")`},
		{"nummer = 99999999999999999999\n", `x.md:2: ongeldige TOML bij "nummer": het getal 99999999999999999999 is te groot of te klein`},
		{"titel = \"C:\\map\"\n", `x.md:2: ongeldige TOML bij "titel": \m heeft in een tekst geen betekenis: een backslash schrijf je als \\`},
		{"titel = \"a\x01b\"\n", `x.md:2: ongeldige TOML bij "titel": er staat een onzichtbaar stuurteken (0x01) in; haal het weg`},
		{"x = {a = 1 b = 2}\n", `x.md:2: ongeldige TOML bij "x.a": verwacht in de tabel tussen { } een komma tussen twee waarden, of } aan het eind (gevonden: "b")`},
		// Not the parser's but the decoder's: a value of the wrong type, named in the editor's words.
		{"nummer = \"25\"\n", `x.md:2: veld "nummer": verkeerde soort waarde: verwacht een heel getal (bijvoorbeeld 7), gevonden: tekst tussen aanhalingstekens`},
		{"nummer = 2.5\n", `x.md:2: veld "nummer": verkeerde soort waarde: verwacht een heel getal (bijvoorbeeld 7), gevonden: een getal met een punt`},
		{"concept = \"ja\"\n", `x.md:2: veld "concept": verkeerde soort waarde: verwacht true of false, gevonden: tekst tussen aanhalingstekens`},
		{"titel = true\n", `x.md:2: veld "titel": verkeerde soort waarde: verwacht tekst tussen aanhalingstekens, gevonden: een waarde true of false`},
		{"zoektermen = \"a\"\n", `x.md:2: veld "zoektermen": verkeerde soort waarde: verwacht een lijst tussen [ ], gevonden: tekst tussen aanhalingstekens`},
		{"titel = [\"a\"]\n", `x.md:2: veld "titel": verkeerde soort waarde: verwacht tekst tussen aanhalingstekens, gevonden: een lijst tussen [ ]`},
		{"titel = 2024-06-27\n", `x.md:2: veld "titel": verkeerde soort waarde: verwacht tekst tussen aanhalingstekens, gevonden: een datum`},
		{"titel.x = 1\n", `x.md:2: veld "titel": verkeerde soort waarde: verwacht tekst tussen aanhalingstekens, gevonden: een tabel`},
		// At the very end of site.toml (it need not end in a newline) the parser has messages of its own.
		{"site.toml:titel = \"Proef", `site.toml:1: ongeldige TOML bij "titel": de tekst is niet afgesloten: verwacht " aan het eind`},
		{"site.toml:titel =", `site.toml:1: ongeldige TOML bij "titel": na "=" ontbreekt de waarde`},
		{"site.toml:titel", `site.toml:1: ongeldige TOML: verwacht "=" na de naam van het veld, zoals titel = "…"`},
		{"site.toml:taal = [\"nl\"", `site.toml:1: ongeldige TOML bij "taal": verwacht in de lijst een komma tussen twee waarden, of ] aan het eind (gevonden: het einde)`},
	}
	used := make([]bool, len(tomlMessages))
	for _, c := range cases {
		var probs problem.List
		if data, ok := strings.CutPrefix(c.toml, "site.toml:"); ok {
			decode("site.toml", []byte(data), scanKeyLines([]byte(data), 1), &Site{}, &probs)
			markUsed(data, &Site{}, used)
		} else {
			_, probs = decodeItem(SpecOf(KindDeterminant), source{kind: KindDeterminant, id: "x", file: "x.md"}, []byte("+++\n"+c.toml+"+++\n"))
			markUsed(c.toml, &Determinant{}, used)
		}
		if len(probs) != 1 || probs[0].String() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.toml, probs, c.want)
		}
	}
	for i, u := range used {
		if !u {
			t.Errorf("no case reaches the translation of %s", tomlMessages[i].re)
		}
	}
}

// markUsed marks the translation that the parser's message for data goes through.
func markUsed(data string, v any, used []bool) {
	_, err := toml.Decode(data, v)
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return
	}
	for i, tm := range tomlMessages {
		if tm.re.MatchString(pe.Message) {
			used[i] = true
			return
		}
	}
}
