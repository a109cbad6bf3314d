// Package schema describes pages for search engines and link previews: schema.org JSON-LD
// (Article for factsheets and news, Event for agenda items, DefinedTerm in a DefinedTermSet for
// determinants and strategies) and the OpenGraph type. URLs and @ids are only written when the
// site has a base_url, because they must be absolute.
package schema

import (
	"encoding/json"
	"html/template"
	"strconv"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
)

// Names of the two term sets.
const (
	DeterminantSet = "Determinanten van innovaties (MIDI)"
	StrategySet    = "Implementatiestrategieën"
)

type object = map[string]any

// JSONLD returns the JSON-LD document for the page at url showing item (nil for list pages), or
// "" when the page has none. The JSON escapes <, > and &, so it is safe inside a <script> element.
func JSONLD(g *graph.Graph, url string, item any) (template.JS, error) {
	doc := Describe(g, url, item)
	if doc == nil {
		return "", nil
	}
	doc["@context"] = "https://schema.org"
	out, err := json.Marshal(doc)
	if err != nil {
		return "", err
	}
	return template.JS(out), nil
}

// Describe returns the schema.org description of a page as a JSON object, or nil.
func Describe(g *graph.Graph, url string, item any) map[string]any {
	switch x := item.(type) {
	case *content.Determinant:
		term := page(g, "DefinedTerm", &x.Item)
		term["name"] = x.Titel
		term["alternateName"] = x.TitelEN
		term["termCode"] = strconv.Itoa(x.Nummer)
		term["inDefinedTermSet"] = set(g, DeterminantSet, string(content.KindDeterminant)+"/")
		return term
	case *content.Strategy:
		term := page(g, "DefinedTerm", &x.Item)
		term["name"] = x.Titel
		if x.TitelEN != "" {
			term["alternateName"] = x.TitelEN
		}
		term["inDefinedTermSet"] = set(g, StrategySet, string(content.KindStrategy)+"/")
		return term
	case *content.Factsheet:
		a := article(g, &x.Item)
		if x.Datum != nil {
			a["datePublished"] = content.InZone(*x.Datum).Format(time.RFC3339)
		}
		return a
	case *content.Post:
		if x.IsEvent() {
			return event(g, x)
		}
		a := article(g, &x.Item)
		a["datePublished"] = content.InZone(x.Datum).Format(time.RFC3339)
		return a
	case nil:
		switch url {
		case string(content.KindDeterminant) + "/":
			s := set(g, DeterminantSet, url)
			var terms []object
			for _, d := range g.Content.Determinants {
				terms = append(terms, withURL(g, object{"@type": "DefinedTerm", "name": d.Titel, "termCode": strconv.Itoa(d.Nummer)}, d.URL()))
			}
			s["hasDefinedTerm"] = terms
			return s
		case string(content.KindStrategy) + "/":
			s := set(g, StrategySet, url)
			var terms []object
			for _, st := range g.Content.Strategies {
				terms = append(terms, withURL(g, object{"@type": "DefinedTerm", "name": st.Titel}, st.URL()))
			}
			s["hasDefinedTerm"] = terms
			return s
		}
	}
	return nil
}

// OpenGraphType is "article" for factsheets and news, "website" for every other page.
func OpenGraphType(item any) string {
	switch x := item.(type) {
	case *content.Factsheet:
		return "article"
	case *content.Post:
		if !x.IsEvent() {
			return "article"
		}
	}
	return "website"
}

// page starts the description of an item's page.
func page(g *graph.Graph, typ string, it *content.Item) object {
	o := object{"@type": typ, "inLanguage": language(g)}
	if it.Samenvatting != "" {
		o["description"] = it.Samenvatting
	}
	return withURL(g, o, it.URL())
}

func withURL(g *graph.Graph, o object, rel string) object {
	if abs := g.AbsURL(rel); abs != "" {
		o["@id"] = abs
		o["url"] = abs
	}
	return o
}

func set(g *graph.Graph, name, rel string) object {
	return withURL(g, object{"@type": "DefinedTermSet", "name": name, "inLanguage": language(g)}, rel)
}

func organisation(g *graph.Graph) object {
	if g.Site().Uitgever == "" {
		return nil
	}
	return object{"@type": "Organization", "name": g.Site().Uitgever}
}

func article(g *graph.Graph, it *content.Item) object {
	a := page(g, "Article", it)
	a["headline"] = it.Titel
	a["isPartOf"] = withURL(g, object{"@type": "WebSite", "name": g.Site().Titel}, "")
	if org := organisation(g); org != nil {
		a["author"] = org
		a["publisher"] = org
	}
	if g.Site().LicentieURL != "" {
		a["license"] = g.Site().LicentieURL
	}
	return a
}

func event(g *graph.Graph, p *content.Post) object {
	e := page(g, "Event", &p.Item)
	e["name"] = p.Titel
	e["startDate"] = content.InZone(*p.Start).Format(time.RFC3339)
	if p.Eind != nil {
		e["endDate"] = content.InZone(*p.Eind).Format(time.RFC3339)
	}
	e["eventStatus"] = "https://schema.org/EventScheduled"
	if p.Locatie != "" {
		e["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
		e["location"] = object{"@type": "Place", "name": p.Locatie, "address": p.Locatie}
	}
	if org := organisation(g); org != nil {
		e["organizer"] = org
	}
	return e
}

func language(g *graph.Graph) string {
	if g.Site().Taal != "" {
		return g.Site().Taal
	}
	return "nl"
}
