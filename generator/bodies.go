package generator

import (
	"github.com/werkplaats-jeugd/kennisbank/generator/markdown"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
)

// renderBodies turns the Markdown of every item into HTML on all cores, and checks its links
// against the plan's paths. It returns the bodies by the place of their page in the plan (a zero
// Result for a page without an item), without their text: that goes to the search index over
// texts as soon as each body is made, and texts is closed when all are.
//
// When a body has a problem, its text is not sent and the problems are the error: the search
// index then sees texts close before its turn came, and stops too.
func renderBodies(site *plan, cache *buildCache, texts chan<- indexText) ([]markdown.Result, error) {
	defer close(texts)
	raw := site.g.Site().HTMLToestaan
	md := markdown.New(markdown.AllowRawHTML(raw))
	var paths [32]byte
	if cache != nil {
		paths = site.paths.key()
	}
	bodies := make([]markdown.Result, len(site.pages))
	found := make([]problem.List, len(site.pages)) // each page's problems, in its own place
	inParallel(site.pages, func(i int, pg *page) error {
		if pg.item == nil {
			return nil
		}
		var key [32]byte
		if cache != nil {
			key = bodyKey(paths, pg, raw)
		}
		res, cached := cache.body(key)
		if !cached {
			var err error
			if res, err = md.Render(pg.item.Body, pg.url, site.paths.has); err != nil {
				found[i].Add(pg.item.File, pg.item.BodyLine, "de Markdown is niet om te zetten naar HTML: %v", err)
				return nil
			}
			cache.putBody(key, res)
		}
		for _, b := range res.Broken {
			found[i].Add(pg.item.File, pg.item.BodyLine+b.Line-1,
				"link naar %q: die pagina of dat bestand bestaat niet in de site (een relatieve link begint bij deze pagina, /%s; een link die met / begint, bij de hoofdmap van de site)", b.Destination, pg.url)
		}
		if len(found[i]) > 0 {
			return nil
		}
		texts <- indexText{at: i, doc: searchDoc(pg, res)}
		res.Text = "" // the search index has it
		bodies[i] = res
		// The Markdown is rendered: letting go of it frees the file it was read from, which on a
		// large site keeps the peak memory down.
		pg.item.Body = nil
		return nil
	})
	var probs problem.List
	for _, f := range found {
		probs = append(probs, f...)
	}
	if len(probs) > 0 {
		return nil, probs.Sorted()
	}
	return bodies, nil
}
