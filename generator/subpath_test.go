package generator

import (
	"bytes"
	"encoding/xml"
	"io"
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
	broken, _ := crawlSite(t, dir, prefix, "")
	return broken
}

// crawlSite is crawl for a site built with base URL base (or ""): it also starts from robots.txt
// and sitemap.xml, and follows the absolute URLs under base in robots.txt, sitemaps and feeds as
// if the site were served there. It returns the broken references and every path it fetched.
func crawlSite(t *testing.T, dir, prefix, base string) (broken, fetched []string) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	start, _ := url.Parse(srv.URL + prefix)
	seen := map[string]bool{start.String(): true}
	queue := []*url.URL{start}
	if base != "" {
		for _, name := range []string{"robots.txt", "sitemap.xml"} {
			u, _ := url.Parse(srv.URL + prefix + name)
			seen[u.String()] = true
			queue = append(queue, u)
		}
	}
	// local maps an absolute URL under base to the test server.
	local := func(abs string) (*url.URL, bool) {
		rest, ok := strings.CutPrefix(abs, base)
		if base == "" || !ok {
			return nil, false
		}
		u, err := url.Parse(srv.URL + prefix + rest)
		return u, err == nil
	}
	pages := 0
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, err := http.Get(u.String())
		if err != nil {
			t.Fatal(err)
		}
		fetched = append(fetched, u.Path)
		if resp.StatusCode != http.StatusOK {
			broken = append(broken, u.Path+": "+resp.Status)
			resp.Body.Close()
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			for _, abs := range absoluteRefs(u.Path, body) {
				target, ok := local(abs)
				if !ok {
					broken = append(broken, u.Path+" → "+abs+" is not under the base URL "+base)
					continue
				}
				if !seen[target.String()] {
					seen[target.String()] = true
					queue = append(queue, target)
				}
			}
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
	return broken, fetched
}

// absoluteRefs returns the URLs a robots.txt (Sitemap lines), a sitemap (loc) or an Atom feed
// (link href) names; other files name none.
func absoluteRefs(name string, body []byte) []string {
	var out []string
	switch {
	case strings.HasSuffix(name, "robots.txt"):
		for _, l := range strings.Split(string(body), "\n") {
			if v, ok := strings.CutPrefix(l, "Sitemap: "); ok {
				out = append(out, strings.TrimSpace(v))
			}
		}
	case strings.HasSuffix(name, ".xml"):
		d := xml.NewDecoder(bytes.NewReader(body))
		inLoc := false
		for {
			tok, err := d.Token()
			if err != nil {
				break
			}
			switch el := tok.(type) {
			case xml.StartElement:
				inLoc = el.Name.Local == "loc"
				if el.Name.Local == "link" {
					for _, a := range el.Attr {
						if a.Name.Local == "href" {
							out = append(out, a.Value)
						}
					}
				}
			case xml.CharData:
				if inLoc {
					out = append(out, strings.TrimSpace(string(el)))
				}
			case xml.EndElement:
				inLoc = false
			}
		}
	}
	return out
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
