package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WriteHugo writes the corpus of Generate(pages) as a Hugo project in dir, with layouts of the
// same weight as Kennisbank's templates: a base layout with header, menu, search form,
// breadcrumbs and footer; every page lists its linked items (a determinant its strategies with
// strength, cluster, source and explanation; a strategy the determinants that link to it, the
// reverse links written into its front matter as Kennisbank derives them); list pages list
// every item; the stylesheet is minified and fingerprinted and main.ts bundled with js.Build.
// Hugo only writes what Kennisbank writes too: no taxonomies, one RSS feed, a sitemap.
// assets is Kennisbank's assets folder (the built-in theme's), copied as Hugo's assets.
func WriteHugo(dir string, pages int, assets fs.FS) error {
	if err := writeFiles(dir, hugoLayouts); err != nil {
		return err
	}
	if err := os.CopyFS(filepath.Join(dir, "assets"), assets); err != nil {
		return err
	}
	return writeHugoContent(dir, pages)
}

// WriteHugoMinimal writes the same content as WriteHugo with the least a site needs: a title and
// the text on every page, a list of pages on every list; no assets, no related items. It is the
// Hugo side of the comparison with Kennisbank's own templates, as the site ships.
func WriteHugoMinimal(dir string, pages int) error {
	if err := writeFiles(dir, minimalLayouts); err != nil {
		return err
	}
	return writeHugoContent(dir, pages)
}

func writeFiles(dir string, files map[string]string) error {
	write := writer(dir)
	for rel, body := range files {
		if err := write(rel, body); err != nil {
			return err
		}
	}
	return nil
}

func writeHugoContent(dir string, pages int) error {
	c := Generate(pages)
	write := writer(dir)
	for _, s := range []struct{ id, title string }{{"determinanten", "Determinanten"}, {"strategieen", "Strategieën"}, {"nieuws", "Nieuws en agenda"}} {
		if err := write("content/"+s.id+"/_index.md", fmt.Sprintf("+++\ntitle = %q\n+++\n", s.title)); err != nil {
			return err
		}
	}
	links := map[string][]string{} // strategy id → [[koppeling]] tables
	for _, d := range c.Determinants {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = %q\nweight = %d\nnummer = %d\ncategorie = %q\ntitel_en = %q\nvraag = %q\nschaal = \"eens5\"\n",
			d.Title, d.Number, d.Number, d.Category, d.Title, d.Question)
		for _, l := range d.Links {
			fmt.Fprintf(&b, "\n[[koppeling]]\nstrategie = %q\nsterkte = %q\nbron = \"redactie\"\ntoelichting = %q\n", l.Strategy, l.Strength, l.Explanation)
			links[l.Strategy] = append(links[l.Strategy], fmt.Sprintf("\n[[koppeling]]\ndeterminant = %q\nsterkte = %q\nbron = \"redactie\"\ntoelichting = %q\n", d.ID, l.Strength, l.Explanation))
		}
		b.WriteString("+++\n" + d.Body)
		if err := write("content/determinanten/"+d.ID+".md", b.String()); err != nil {
			return err
		}
	}
	for _, s := range c.Strategies {
		body := fmt.Sprintf("+++\ntitle = %q\ntitel_en = %q\nsamenvatting = %q\ncluster = %q\nbronnen = [\"redactie\"]\n%s+++\n%s",
			s.Title, s.TitleEN, s.Summary, s.Cluster, strings.Join(links[s.ID], ""), s.Body)
		if err := write("content/strategieen/"+s.ID+".md", body); err != nil {
			return err
		}
	}
	for _, p := range c.Posts {
		if err := write("content/nieuws/"+p.ID+".md", fmt.Sprintf("+++\ntitle = %q\ndate = %s\n+++\n%s", p.Title, p.Date, p.Body)); err != nil {
			return err
		}
	}
	return nil
}

var minimalLayouts = map[string]string{
	"hugo.toml": hugoLayouts["hugo.toml"],
	"layouts/baseof.html": `<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>{{.Title}}</title></head>
<body><main>{{block "main" .}}{{end}}</main></body>
</html>
`,
	"layouts/home.html": `{{define "main"}}<h1>{{site.Title}}</h1>{{end}}
`,
	"layouts/list.html": `{{define "main"}}<h1>{{.Title}}</h1><ul>{{range .Pages}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ul>{{end}}
`,
	"layouts/page.html": `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}{{end}}
`,
}

var hugoLayouts = map[string]string{
	"hugo.toml": `baseURL = "https://example.org/"
title = "Benchmark"
languageCode = "nl"
defaultContentLanguage = "nl"
disableKinds = ["taxonomy", "term"]
enableRobotsTXT = false

[outputs]
home = ["html", "rss"]
section = ["html"]
page = ["html"]

[markup.goldmark.renderer]
unsafe = false

[[menus.main]]
name = "Strategieën"
pageRef = "/strategieen"

[params]
beschrijving = "Benchmark van de kennisbank."
[params.clusters]
c1 = "Cluster een"
c2 = "Cluster twee"
[params.categorieen]
innovatie = "De innovatie"
gebruiker = "De uitvoerder"
organisatie = "De organisatie"
sociaal-politieke-context = "De sociaal-politieke context"
[params.bronnen]
redactie = "redactie"
`,
	"layouts/baseof.html": `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<title>{{if not .IsHome}}{{.Title}} · {{end}}{{site.Title}}</title>
<meta name="description" content="{{with .Params.samenvatting}}{{.}}{{else}}{{site.Params.beschrijving}}{{end}}">
<link rel="canonical" href="{{.Permalink}}">
{{with resources.Get "style.css" | minify | fingerprint}}<link rel="stylesheet" href="{{.RelPermalink}}">{{end}}
{{with resources.Get "main.ts" | js.Build (dict "minify" true "target" "es2020") | fingerprint}}<script src="{{.RelPermalink}}" defer></script>{{end}}
</head>
<body>
<a class="skip-link" href="#inhoud">Naar de inhoud</a>
<header class="site-header">
  <div class="wrap header-inner">
    <a class="site-title" href="{{site.Home.RelPermalink}}">{{site.Title}}</a>
    <form class="site-search" role="search" action="{{"zoeken/" | relURL}}">
      <label for="site-zoek" class="visually-hidden">Zoek in de kennisbank</label>
      <input type="search" id="site-zoek" name="q" placeholder="Zoek in de kennisbank" autocomplete="off">
      <button type="submit">Zoek</button>
    </form>
    <nav class="site-nav" aria-label="Hoofdmenu">
      <ul>
        {{- range site.Menus.main}}
        <li><a href="{{.URL}}"{{if $.IsMenuCurrent "main" .}} aria-current="page"{{else if $.HasMenuCurrent "main" .}} class="actief"{{end}}>{{.Name}}</a></li>
        {{- end}}
      </ul>
    </nav>
  </div>
</header>
{{if not .IsHome}}
<nav class="breadcrumbs wrap" aria-label="Kruimelpad">
  <ol>
    <li><a href="{{site.Home.RelPermalink}}">Home</a></li>
    {{- if .IsPage}}{{with .Parent}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}{{end}}
    <li><span aria-current="page">{{.Title}}</span></li>
  </ol>
</nav>{{end}}
<main id="inhoud" class="wrap" tabindex="-1">
{{block "main" .}}{{end}}
</main>
<footer class="site-footer">
  <div class="wrap footer-inner">
    <p class="footer-title">{{site.Title}}</p>
    <nav aria-label="Over deze site">
      <ul>
        {{- range site.Menus.footer}}<li><a href="{{.URL}}">{{.Name}}</a></li>{{end}}
        <li><a href="{{"open-data/" | relURL}}">Open data</a></li>
      </ul>
    </nav>
    <p class="footer-note">Deze site gebruikt geen cookies en volgt je niet. Alles wat je in de scan invult, blijft in je eigen browser.</p>
  </div>
</footer>
</body>
</html>
`,
	"layouts/home.html": `{{define "main"}}
<div class="hero">
  <h1>{{site.Title}}</h1>
  <p>{{site.Params.beschrijving}}</p>
</div>
<ul class="tiles">
  <li class="tile"><h2><a href="{{"determinanten/" | relURL}}">Determinanten</a></h2>
    <p>De {{len (where site.RegularPages "Section" "determinanten")}} determinanten van de MIDI, in vier groepen.</p></li>
  <li class="tile"><h2><a href="{{"strategieen/" | relURL}}">Strategieën</a></h2>
    <p>{{len (where site.RegularPages "Section" "strategieen")}} implementatiestrategieën, elk gekoppeld aan de determinanten waar ze op werken.</p></li>
</ul>
<section aria-labelledby="laatste-nieuws">
  <h2 id="laatste-nieuws">Nieuws en agenda</h2>
  <ul class="post-list">
    {{range first 4 (where site.RegularPages "Section" "nieuws")}}
    <li><a href="{{.RelPermalink}}">{{.Title}}</a> <span class="meta"><time datetime="{{.Date.Format "2006-01-02"}}">{{.Date | time.Format ":date_long"}}</time></span></li>
    {{end}}
  </ul>
</section>
{{end}}
`,
	"layouts/determinanten/section.html": `{{define "main"}}
<h1>{{.Title}}</h1>
<p class="lead">De MIDI beschrijft {{len .Pages}} determinanten: factoren die het gebruik van een innovatie bevorderen of belemmeren.</p>
{{$pages := .Pages}}
{{range $id, $title := site.Params.categorieen}}{{$list := where $pages "Params.categorie" $id}}
<section class="category" aria-labelledby="cat-{{$id}}">
  <h2 id="cat-{{$id}}">{{$title}} <span class="count">({{len $list}})</span></h2>
  <ol class="determinant-list">
    {{range $list.ByWeight}}
    <li value="{{.Params.nummer}}"><a href="{{.RelPermalink}}">{{.Title}}</a> <span class="meta" lang="en">{{.Params.titel_en}}</span></li>
    {{end}}
  </ol>
</section>
{{end}}
{{end}}
`,
	"layouts/strategieen/section.html": `{{define "main"}}
<h1>{{.Title}}</h1>
<p class="lead">{{len .Pages}} implementatiestrategieën. Per strategie zie je op welke determinanten ze werkt.</p>
<p id="f-aantal" class="result-count" role="status" aria-live="polite">{{len .Pages}} strategieën</p>
{{$pages := .Pages}}
{{range $id, $title := site.Params.clusters}}{{$list := where $pages "Params.cluster" $id}}
<section class="cluster" aria-labelledby="cl-{{$id}}">
  <h2 id="cl-{{$id}}">{{$title}} <span class="count">({{len $list}})</span></h2>
  <ul class="cards">
    {{range $list.ByTitle}}
    <li class="card" data-cluster="{{.Params.cluster}}" data-bron="{{index .Params.bronnen 0}}" data-links="{{range .Params.koppeling}}{{.determinant}}:{{.sterkte}} {{end}}">
      <h3 class="card-title"><a href="{{.RelPermalink}}">{{.Title}}</a></h3>
      <p class="card-meta" lang="en">{{.Params.titel_en}}</p>
      <p>{{.Params.samenvatting}}</p>
    </li>
    {{end}}
  </ul>
</section>
{{end}}
{{end}}
`,
	"layouts/nieuws/section.html": `{{define "main"}}
<h1>{{.Title}}</h1>
<ul class="post-list">
  {{range .Pages}}
  <li><a href="{{.RelPermalink}}">{{.Title}}</a> <span class="meta"><time datetime="{{.Date.Format "2006-01-02"}}">{{.Date | time.Format ":date_long"}}</time></span></li>
  {{end}}
</ul>
{{end}}
`,
	"layouts/determinanten/page.html": `{{define "main"}}
<article class="item">
  <p class="kicker">Determinant {{.Params.nummer}} · {{index site.Params.categorieen .Params.categorie}}</p>
  <h1>{{.Title}}</h1>
  <p class="subtitle" lang="en">{{.Params.titel_en}}</p>
  <aside class="question" aria-label="Vraag in de scan">
    <p class="question-label">Vraag in de scan</p>
    <p class="question-text">{{.Params.vraag}}</p>
    <p class="question-scale">Vijfpuntsschaal: helemaal mee oneens, mee oneens, neutraal, mee eens, helemaal mee eens.</p>
  </aside>
  <div class="prose">{{.Content}}</div>
  <section aria-labelledby="strategieen">
    <h2 id="strategieen">Strategieën bij deze determinant</h2>
    <ul class="link-list">
      {{range .Params.koppeling}}{{$k := .}}{{with site.GetPage (printf "/strategieen/%s" .strategie)}}
      <li class="link link-{{$k.sterkte}}">
        <span class="badge badge-{{$k.sterkte}}">{{$k.sterkte}}</span>
        <a href="{{.RelPermalink}}">{{.Title}}</a>
        <span class="meta">{{index site.Params.clusters .Params.cluster}} · bron: {{index site.Params.bronnen $k.bron}}</span>
        <p class="explanation">{{$k.toelichting}}</p>
      </li>
      {{end}}{{end}}
    </ul>
  </section>
</article>
{{end}}
`,
	"layouts/strategieen/page.html": `{{define "main"}}
<article class="item">
  <p class="kicker">Strategie · {{index site.Params.clusters .Params.cluster}}</p>
  <h1>{{.Title}}</h1>
  <p class="subtitle" lang="en">{{.Params.titel_en}}</p>
  <p class="lead">{{.Params.samenvatting}}</p>
  <div class="prose">{{.Content}}</div>
  <section aria-labelledby="determinanten">
    <h2 id="determinanten">Werkt op deze determinanten</h2>
    <ul class="link-list">
      {{range .Params.koppeling}}{{$k := .}}{{with site.GetPage (printf "/determinanten/%s" .determinant)}}
      <li class="link link-{{$k.sterkte}}">
        <span class="badge badge-{{$k.sterkte}}">{{$k.sterkte}}</span>
        <a href="{{.RelPermalink}}">{{.Params.nummer}}. {{.Title}}</a>
        <span class="meta">{{index site.Params.categorieen .Params.categorie}} · bron: {{index site.Params.bronnen $k.bron}}</span>
        <p class="explanation">{{$k.toelichting}}</p>
      </li>
      {{end}}{{end}}
    </ul>
  </section>
</article>
{{end}}
`,
	"layouts/nieuws/page.html": `{{define "main"}}
<article class="item">
  <p class="kicker">Nieuws · <time datetime="{{.Date.Format "2006-01-02"}}">{{.Date | time.Format ":date_long"}}</time></p>
  <h1>{{.Title}}</h1>
  <div class="prose">{{.Content}}</div>
</article>
{{end}}
`,
	"layouts/list.html": `{{define "main"}}<h1>{{.Title}}</h1><ul>{{range .Pages}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ul>{{end}}
`,
	"layouts/page.html": `{{define "main"}}<article class="item"><h1>{{.Title}}</h1><div class="prose">{{.Content}}</div></article>{{end}}
`,
	"layouts/404.html": `{{define "main"}}<h1>Pagina niet gevonden</h1><p class="lead">Deze pagina bestaat niet (meer).</p><p>Ga naar de <a href="{{site.Home.RelPermalink}}">startpagina</a>.</p>{{end}}
`,
}
