// Package content loads the knowledge base from content/: site.toml and one folder per kind of
// item, each item a Markdown file with TOML front matter. It decodes every file into a typed
// struct and reports form problems (bad TOML, unknown keys, wrong types) with file and line.
// Cross-checks between items live in package check.
package content

import "time"

// Kind names the folders under content/ and the kinds of item they hold.
type Kind string

const (
	KindDeterminant Kind = "determinanten"
	KindStrategy    Kind = "strategieen"
	KindNetwork     Kind = "leernetwerken"
	KindFactsheet   Kind = "factsheets"
	KindPost        Kind = "nieuws"
	KindPage        Kind = "paginas"
)

// Categories are the four MIDI categories, by id, in MIDI's order.
var Categories = []Category{
	{ID: "innovatie", Title: "De innovatie", TitleEN: "Innovation"},
	{ID: "gebruiker", Title: "De uitvoerder", TitleEN: "User"},
	{ID: "organisatie", Title: "De organisatie", TitleEN: "Organisation"},
	{ID: "sociaal-politieke-context", Title: "De sociaal-politieke context", TitleEN: "Socio-political context"},
}

// Category is one of the four MIDI categories.
type Category struct{ ID, Title, TitleEN string }

// Scales a determinant's question can be answered on.
const (
	ScaleAgree5        = "eens5"
	ScaleAgree5Reverse = "eens5-omgekeerd"
	ScaleYesNo         = "janeeweetniet"
)

// Phases of implementation a strategy can fit.
var Phases = []string{"verspreiding", "adoptie", "implementatie", "borging"}

// Item is what every kind of content has in common. The tags beside `toml` describe each field
// for editors and the build (see Spec).
type Item struct {
	Titel        string   `toml:"titel" label:"Titel" required:"" help:"De naam van de pagina, zoals lezers hem zien."`
	Samenvatting string   `toml:"samenvatting" label:"Samenvatting" text:"long" example:"\"\"" help:"Eén of twee zinnen: waar gaat dit over? Staat in lijsten, zoekresultaten en bij delen."`
	Zoektermen   []string `toml:"zoektermen" label:"Zoektermen" help:"Woorden waarmee lezers zoeken en die niet in de tekst staan: synoniemen, woorden uit de praktijk."`
	Concept      bool     `toml:"concept" label:"Concept" example:"true" help:"Een concept staat niet op de site; zet dit uit om te publiceren."`

	ID       string   `toml:"-"` // the file name without .md, or the folder name of a bundle
	Kind     Kind     `toml:"-"`
	File     string   `toml:"-"` // path for messages, relative to the project, e.g. content/nieuws/x.md
	Body     []byte   `toml:"-"` // Markdown
	BodyLine int      `toml:"-"`
	Bundle   string   `toml:"-"` // the folder of a page bundle on disk, "" for a single file
	Files    []string `toml:"-"` // names of the files beside index.md in a bundle
	Keys     KeyLines `toml:"-"`
	Hash     [32]byte `toml:"-"` // of the file's bytes: tells a rebuild whether the item changed
}

// Base returns the shared part of any item.
func (it *Item) Base() *Item { return it }

// URL is the item's path relative to the site root, with a trailing slash (pretty URLs).
func (it *Item) URL() string { return SpecOf(it.Kind).URL(it.ID) }

// Determinant is one of the 29 MIDI determinants.
type Determinant struct {
	Item
	Nummer    int      `toml:"nummer" label:"Nummer" search:"number" required:"" min:"1" max:"29" example:"1" help:"Het nummer in de MIDI, 1 tot en met 29; elk nummer komt één keer voor."`
	Categorie string   `toml:"categorie" label:"Categorie" required:"" values:"categorie" example:"\"innovatie\"" help:"De groep van de MIDI waartoe de determinant hoort."`
	TitelEN   string   `toml:"titel_en" label:"Engelse naam" search:"terms" required:"" example:"\"\"" help:"De oorspronkelijke Engelse naam uit de MIDI; onderzoekers zoeken erop."`
	Vraag     string   `toml:"vraag" label:"Vraag" search:"text" required:"" text:"long" example:"\"\"" help:"De vraag of stelling waarmee je de determinant meet."`
	Schaal    string   `toml:"schaal" label:"Antwoordschaal" required:"" values:"schaal" example:"\"eens5\"" help:"Hoe de vraag beantwoord wordt; bij omgekeerd is eens het belemmerende antwoord."`
	Bronnen   []string `toml:"bronnen" label:"Bronnen" values:"bron" example:"[\"midi\"]" help:"Waar de determinant vandaan komt: bronnen uit de site-instellingen."`
	Links     []Link   `toml:"strategie" label:"Gekoppelde strategieën" help:"Strategieën die op deze determinant werken; de strategiepagina toont de koppeling vanzelf terug."`
}

// Link is a determinant → strategy link, written once, on the determinant.
type Link struct {
	Strategy    string `toml:"id" label:"Strategie" required:"" ref:"strategieen" help:"De strategie die op deze determinant werkt."`
	Strength    string `toml:"sterkte" label:"Sterkte" required:"" values:"sterkte" help:"Kern: werkt direct op de determinant. Aanvullend: ondersteunt."`
	Source      string `toml:"bron" label:"Bron" required:"" values:"bron" help:"Waar de koppeling vandaan komt."`
	Explanation string `toml:"toelichting" label:"Toelichting" required:"" text:"long" help:"Waarom deze strategie hier helpt, in één zin."`
	Line        int    `toml:"-"` // the line of its [[strategie]] header
}

// Strategy is an implementation strategy.
type Strategy struct {
	Item
	TitelEN string   `toml:"titel_en" label:"Oorspronkelijke naam" search:"terms" example:"\"\"" help:"De Engelse naam uit ERIC of Intervention Mapping; onderzoekers zoeken erop."`
	Cluster string   `toml:"cluster" label:"Cluster" required:"" values:"cluster" example:"\"evalueren-en-bijstellen\"" help:"De groep strategieën waartoe deze hoort (uit de site-instellingen)."`
	Bronnen []string `toml:"bronnen" label:"Bronnen" values:"bron" example:"[\"eric\"]" help:"Waar de strategie vandaan komt: bronnen uit de site-instellingen."`
	Fase    []string `toml:"fase" label:"Fasen" values:"fase" example:"[]" help:"In welke fasen van implementatie de strategie past."`
}

// Network is a learning network (leernetwerk).
type Network struct {
	Item
}

// Factsheet is a factsheet the workplace publishes.
type Factsheet struct {
	Item
	Datum       *time.Time `toml:"datum" label:"Datum" example:"{today}" help:"Wanneer de factsheet verscheen."`
	Leernetwerk string     `toml:"leernetwerk" label:"Leernetwerk" ref:"leernetwerken" example:"\"integraal-werken\"" help:"Het leernetwerk waar de factsheet bij hoort, als dat zo is."`
}

// Post is a news item, or an agenda item when it has a start.
type Post struct {
	Item
	Datum       time.Time  `toml:"datum" label:"Datum" required:"" example:"{today}" help:"De datum van het bericht; bij een agendabericht de dag waarop het bekend werd."`
	Leernetwerk string     `toml:"leernetwerk" label:"Leernetwerk" ref:"leernetwerken" example:"\"integraal-werken\"" help:"Het leernetwerk waar het bericht bij hoort, als dat zo is."`
	Start       *time.Time `toml:"start" label:"Begin" time:"datetime" example:"{today}T09:30:00" help:"Alleen voor de agenda: wanneer het begint (Nederlandse tijd)."`
	Eind        *time.Time `toml:"eind" label:"Einde" time:"datetime" example:"{today}T12:00:00" help:"Alleen voor de agenda: wanneer het eindigt."`
	Locatie     string     `toml:"locatie" label:"Locatie" example:"\"online\"" help:"Alleen voor de agenda: waar het is, of online."`
}

// IsEvent reports whether the post is an agenda item.
func (p *Post) IsEvent() bool { return p.Start != nil }

// Page is a stand-alone page such as "over" or "colofon"; it lives at the site root.
type Page struct {
	Item
	Volgorde int `toml:"volgorde" label:"Volgorde" help:"De plaats in de voettekst; lager komt eerder."`
}

// Site is site.toml.
type Site struct {
	Titel        string     `toml:"titel"`
	Ondertitel   string     `toml:"ondertitel"`
	Beschrijving string     `toml:"beschrijving"`
	BaseURL      string     `toml:"base_url"`
	Taal         string     `toml:"taal"`
	Uitgever     string     `toml:"uitgever"`
	Citatie      string     `toml:"citatie"`       // optional: the APA reference of the whole site, as written
	Licentie     string     `toml:"licentie"`      // licence of the site's own texts and data, e.g. "CC BY 4.0"
	LicentieURL  string     `toml:"licentie_url"`  // where the licence can be read
	HTMLToestaan bool       `toml:"html_toestaan"` // pass raw HTML in Markdown through; only when every editor is trusted
	Menu         []MenuItem `toml:"menu"`
	Bronnen      []Source   `toml:"bron"`
	Clusters     []Cluster  `toml:"cluster"`
	CMS          *CMS       `toml:"cms"` // the web CMS at admin/; nil when the site has none
	Huisstijl    Huisstijl  `toml:"huisstijl"`

	// The field's abbreviations, which the search finds pages by both ways.
	Afkortingen []Abbreviation `toml:"afkorting"`

	Keys KeyLines `toml:"-"`
}

// CMS is the [cms] table of site.toml: the Git host where the web CMS (Decap CMS, at admin/)
// reads and saves the content. Package cms checks and uses it.
type CMS struct {
	Backend string `toml:"backend"`  // github or gitlab
	Repo    string `toml:"repo"`     // owner/name; on GitLab also group/subgroup/name
	Branch  string `toml:"branch"`   // the branch the site is built from; main when empty
	AuthURL string `toml:"auth_url"` // GitHub: the address of the OAuth helper that signs editors in
	AppID   string `toml:"app_id"`   // GitLab: the application id of the site's OAuth application
	APIRoot string `toml:"api_root"` // GitHub Enterprise or a GitLab of your own: its API address
}

// Huisstijl is the [huisstijl] table of site.toml: the site's own colour and logo, which the
// theme shows without a template of the site's own. Package brand checks and applies them.
type Huisstijl struct {
	Kleur string `toml:"kleur"` // the main colour, "#rrggbb": header, buttons and accents
	Logo  string `toml:"logo"`  // an image in assets/ or content/, from the project folder, shown in the header
}

// MenuItem is an entry in the main navigation; URL is relative to the site root.
type MenuItem struct {
	Naam string `toml:"naam"`
	URL  string `toml:"url"`
}

// Source is a citable source of strategies or links.
type Source struct {
	ID      string `toml:"id"`
	Kort    string `toml:"kort"`    // short label, e.g. "Intervention Mapping (Kok 2016)"
	Citatie string `toml:"citatie"` // full APA 7 citation
	URL     string `toml:"url"`
}

// Cluster groups strategies: an ERIC cluster or an Intervention Mapping determinant group.
type Cluster struct {
	ID      string `toml:"id"`
	Titel   string `toml:"titel"`
	TitelEN string `toml:"titel_en"`
	Bron    string `toml:"bron"`
}

// Abbreviation is an abbreviation readers use ("LVB") and what it stands for ("licht
// verstandelijke beperking"): [[afkorting]] in site.toml.
type Abbreviation struct {
	Kort   string   `toml:"kort"`
	Voluit []string `toml:"voluit"` // the full forms; the first is the usual one
}

// Content is the whole loaded knowledge base.
type Content struct {
	Site         Site
	Determinants []*Determinant
	Strategies   []*Strategy
	Networks     []*Network
	Factsheets   []*Factsheet
	Posts        []*Post
	Pages        []*Page

	// Unreadable holds "kind/id" of the files that exist but could not be loaded; their problems
	// are reported already, so references to them are not reported again.
	Unreadable map[string]bool
}

// Items returns the shared part of every item of the given kinds, all kinds when none is given,
// in the order of Kinds.
func (c *Content) Items(kinds ...Kind) []*Item {
	if len(kinds) == 0 {
		kinds = Kinds
	}
	var out []*Item
	for _, k := range kinds {
		for _, e := range SpecOf(k).Entries(c) {
			out = append(out, e.Base())
		}
	}
	return out
}

// Published returns a copy of c without its drafts (items with concept = true). The items
// themselves are shared.
func (c *Content) Published() *Content {
	out := *c
	for _, s := range Specs {
		s.list(&out).filter(func(it *Item) bool { return !it.Concept })
	}
	return &out
}
