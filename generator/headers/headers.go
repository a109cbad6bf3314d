// Package headers writes _headers, the file in which Netlify and Cloudflare Pages read the HTTP
// headers to send with a site's files: defence in depth beside the pages' own <meta> policy.
//
// Every file gets X-Content-Type-Options: nosniff, so that a browser takes a file for what its
// type says and never guesses a web page in an image or a text file. The pages get their
// Content-Security-Policy as a header too, and admin/ the CMS's own policy, which may not be
// framed by other sites. Both hosts join the values of a header that several rules give one
// path, and two policies together allow only what both allow: the pages' policy would stop the
// CMS. So the pages' policy is given per top-level name of the site, every name but admin/.
package headers

import (
	"fmt"
	"sort"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// Path is where the file is written, at the root of the site.
const Path = "_headers"

// Policies are the Content-Security-Policies the file sends.
type Policies struct {
	Pages    string // for everything but the CMS
	AdminDir string // the CMS's folder ("admin"); "" when the site has none
	Admin    string // the CMS's own policy
}

// File is _headers for a site with the given paths (site paths as the build plans them: "" for
// the home page, "determinanten/", "assets/main-X.js", "404.html"), to be made when it is written.
func File(paths []string, p Policies) output.File {
	return output.File{Path: Path, Make: func() ([]byte, error) { return text(paths, p), nil }}
}

// text is the contents of _headers.
func text(paths []string, p Policies) []byte {
	var b strings.Builder
	b.WriteString("# HTTP headers for hosts that read this file (Netlify, Cloudflare Pages); written by kennisbank.\n")
	b.WriteString("/*\n  X-Content-Type-Options: nosniff\n")
	for _, rule := range pageRules(paths, p.AdminDir) {
		fmt.Fprintf(&b, "\n%s\n  Content-Security-Policy: %s\n", rule, p.Pages)
	}
	if p.AdminDir != "" && p.Admin != "" {
		fmt.Fprintf(&b, "\n/%s/*\n  Content-Security-Policy: %s; frame-ancestors 'none'\n", p.AdminDir, p.Admin)
	}
	return []byte(b.String())
}

// pageRules are the paths the pages' policy is given for: the home page, every top-level file
// and every top-level folder with what is in it, except the CMS's folder and what the
// development server adds.
func pageRules(paths []string, adminDir string) []string {
	seen := map[string]bool{"/": true, "/index.html": true}
	for _, p := range paths {
		first, _, folder := strings.Cut(p, "/")
		switch {
		case first == "" || first == reserved.Dev || folder && first == adminDir:
			continue
		case folder:
			seen["/"+first+"/*"] = true
		default:
			seen["/"+first] = true
		}
	}
	rules := make([]string, 0, len(seen))
	for r := range seen {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	return rules
}
