// Package sitemap writes sitemap.xml (sitemaps.org protocol 0.9) and robots.txt, which tell
// search engines which pages the site has.
package sitemap

import (
	"encoding/xml"
	"strings"
)

// URL is one page in the sitemap.
type URL struct {
	Loc     string `xml:"loc"`               // absolute
	LastMod string `xml:"lastmod,omitempty"` // YYYY-MM-DD, when known
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []URL    `xml:"url"`
}

// XML returns the sitemap document.
func XML(urls []URL) ([]byte, error) {
	body, err := xml.MarshalIndent(urlset{URLs: urls}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(body, '\n')...), nil
}

// Robots returns a robots.txt that allows everything and, when sitemapURL is not empty, names
// the sitemap. Crawlers only read robots.txt at the root of a host.
func Robots(sitemapURL string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if sitemapURL != "" {
		b.WriteString("\nSitemap: " + sitemapURL + "\n")
	}
	return []byte(b.String())
}
