package content

import (
	"strings"
	"testing"
	"time"
)

// Lines as Decap CMS 3.16.3 writes them (seen in Chromium, see package cms): a date or date-time
// picked in its widget as a quoted string, and a date or number cleared with its widget as "".
// They load as if written by hand; what is not Decap's form still gets the usual problem, at
// its line.
func TestValuesAsTheCMSWritesThem(t *testing.T) {
	day := func(s string) time.Time {
		v, _ := time.Parse("2006-01-02T15:04:05", s)
		return v
	}
	load := func(kind Kind, text string) (Entry, string) {
		src := source{kind: kind, id: "x", file: "content/" + string(kind) + "/x.md"}
		e, probs := decodeItem(SpecOf(src.kind), src, []byte(text))
		return e, probs.Error()
	}

	e, probs := load(KindPost, "+++\ntitel = \"A\"\nconcept = false\ndatum = \"2027-03-04\"\nstart = \"2027-03-18T09:30:00\"\neind = \"2027-03-18T12:00\"  # tot de lunch\nlocatie = \"2027-03-04\"\n+++\n")
	if p, ok := e.(*Post); !ok || !p.Datum.Equal(day("2027-03-04T00:00:00")) || !p.Start.Equal(day("2027-03-18T09:30:00")) || !p.Eind.Equal(day("2027-03-18T12:00:00")) || p.Locatie != "2027-03-04" {
		t.Errorf("quoted dates: %+v %s", e, probs)
	}
	e, probs = load(KindFactsheet, "+++\ntitel = \"B\"\ndatum = \"\"\n+++\n")
	if f, ok := e.(*Factsheet); !ok || f.Datum != nil {
		t.Errorf("a cleared optional date: %+v %s", e, probs)
	}
	e, probs = load(KindPage, "+++\ntitel = \"C\"\nvolgorde = \"\"\n+++\n")
	if p, ok := e.(*Page); !ok || p.Volgorde != 0 {
		t.Errorf("a cleared optional number: %+v %s", e, probs)
	}
	for _, c := range []struct {
		kind       Kind
		text, want string
	}{
		{KindPost, "+++\ntitel = \"D\"\ndatum = \"\"\n+++\n", `x.md:3: veld "datum": geen geldige datum`},
		{KindPost, "+++\ntitel = \"D\"\ndatum = \"4 maart 2027\"\n+++\n", `x.md:3: veld "datum": geen geldige datum`},
		{KindPost, "+++\ntitel = \"D\"\ndatum = \"2027-03-04T09:30:00\"\n+++\n", `x.md:3: veld "datum": geen geldige datum`},
		{KindDeterminant, "+++\ntitel = \"E\"\nnummer = \"\"\n+++\n", `x.md:3: veld "nummer": verkeerde soort waarde`},
	} {
		if _, probs := load(c.kind, c.text); !strings.Contains(probs, c.want) {
			t.Errorf("%q: %q, want %q", c.text, probs, c.want)
		}
	}
}
