package generator

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestLinksResolveFromSubpath serves the built site under /kennisbank/ and follows every internal
// link and asset from the home page: none may be broken, because all links are relative.
func TestLinksResolveFromSubpath(t *testing.T) {
	out, _ := build(t, newProject(t, nil))
	broken := crawl(t, out, "/kennisbank/")
	for _, b := range broken {
		t.Error(b)
	}
}

// crawl serves dir under prefix and visits every page and asset reachable from the prefix. It
// returns the broken references and fails the test when too little was found to mean anything.
func crawl(t *testing.T, dir, prefix string) []string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	start, _ := url.Parse(srv.URL + prefix)
	seen := map[string]bool{start.String(): true}
	queue := []*url.URL{start}
	var broken []string
	pages := 0
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, err := http.Get(u.String())
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			broken = append(broken, u.Path+": "+resp.Status)
			resp.Body.Close()
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			resp.Body.Close()
			continue
		}
		pages++
		doc, err := html.Parse(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range references(doc) {
			target, err := u.Parse(ref)
			if err != nil || target.Host != start.Host || target.Scheme != start.Scheme {
				continue
			}
			target.Fragment = ""
			if !strings.HasPrefix(target.Path, prefix) {
				broken = append(broken, u.Path+" → "+ref+" leaves the subpath")
				continue
			}
			if !seen[target.String()] {
				seen[target.String()] = true
				queue = append(queue, target)
			}
		}
	}
	if pages < 5 {
		t.Fatalf("crawled only %d pages; the start page links to too little", pages)
	}
	return broken
}

func references(n *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "href" || a.Key == "src" {
					out = append(out, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}
