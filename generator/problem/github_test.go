package problem

import "testing"

func TestAnnotationEscapesAsGitHubDoes(t *testing.T) {
	cases := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "content/strategieen/x.md", Line: 7, Message: `veld "fase": onbekende waarde "adoptei"`},
			`::error file=content/strategieen/x.md,line=7::veld "fase": onbekende waarde "adoptei"`},
		// In the message only %, CR and LF are escaped; the colon stays.
		{Problem{File: "content/nieuws/a,b:c%.md", Line: 3, Message: "100% fout:\r\nzie regel 2"},
			`::error file=content/nieuws/a%2Cb%3Ac%25.md,line=3::100%25 fout:%0D%0Azie regel 2`},
		{Problem{File: "content/site.toml", Message: "over het hele bestand"}, `::error file=content/site.toml,line=1::over het hele bestand`},
		{Problem{Message: "templates/x.html: cannot parse"}, `::error::templates/x.html: cannot parse`},
		{Problem{File: "content/nieuws/x.md", Line: 9, Message: "placeholder left in", Warning: true}, `::warning file=content/nieuws/x.md,line=9::placeholder left in`},
	}
	for _, c := range cases {
		if got := c.p.Annotation(); got != c.want {
			t.Errorf("%+v:\n got %s\nwant %s", c.p, got, c.want)
		}
	}
}
