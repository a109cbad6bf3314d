package graph

import (
	"net/url"
	"strings"
)

// AbsURL returns the absolute URL of rel (a path relative to the site root, "" for home) when the
// site has a base_url, and "" when it has none: sitemaps, feeds and metadata need absolute URLs.
func (g *Graph) AbsURL(rel string) string {
	if g.Site().BaseURL == "" {
		return ""
	}
	return strings.TrimSuffix(g.Site().BaseURL, "/") + "/" + (&url.URL{Path: rel}).EscapedPath()
}

// RootPath is the path of base_url ("/" or "/kb/"), or "" when the site has none.
func (g *Graph) RootPath() string {
	u, err := url.Parse(g.Site().BaseURL)
	if g.Site().BaseURL == "" || err != nil {
		return ""
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}

// Language is the language of the site's texts (taal in site.toml), "nl" when it says none.
func (g *Graph) Language() string {
	if g.Site().Taal != "" {
		return g.Site().Taal
	}
	return "nl"
}
