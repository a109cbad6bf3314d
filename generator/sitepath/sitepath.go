// Package sitepath resolves links between the pages and files of a site: which path in the site
// a link written on a page points at, whether the site has it, and how to write a link from one
// page to another so that the site works from any folder. The Markdown renderer and the link
// check both read links with it, so the two cannot disagree about where a link goes.
//
// Paths in the site are relative to its root, without a leading slash: "" is the home page,
// a page ends in "/" ("strategieen/x/"), a file does not ("data/kennisbank.json").
package sitepath

import (
	"errors"
	"net/url"
	"path"
	"strings"
)

// Resolved is a link as written on a page, resolved: where in the site (or outside it) it points.
type Resolved struct {
	Target   string   // the path in the site it points at
	Suffix   string   // its query and fragment as written ("?q=1#kop"), or ""
	Rooted   bool     // written from the root of the site ("/strategieen/x/")
	SamePage bool     // "" or "#kop": this very page
	External *url.URL // set for a link with a scheme or a host (another site, mailto:, data:)
}

// ErrAboveRoot and ErrInvalid say why a link cannot be read.
var (
	ErrAboveRoot = errors.New("points above the root of the site")
	ErrInvalid   = errors.New("not a valid URL")
)

// Resolve reads ref, written on a page whose relative links start from the page at from.
func Resolve(from, ref string) (Resolved, error) {
	if ref == "" || strings.HasPrefix(ref, "#") {
		return Resolved{SamePage: true, Suffix: ref}, nil
	}
	if target, ok := join(from, ref); ok {
		return Resolved{Target: target}, nil
	}
	return parse(from, ref)
}

// parse is Resolve for any link: it parses the URL.
func parse(from, ref string) (Resolved, error) {
	u, err := url.Parse(ref)
	if err != nil {
		return Resolved{Target: ref}, ErrInvalid
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(ref, "//") {
		return Resolved{External: u}, nil
	}
	l := Resolved{Rooted: strings.HasPrefix(u.Path, "/")}
	if u.RawQuery != "" {
		l.Suffix += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		l.Suffix += "#" + u.EscapedFragment()
	}
	if l.Rooted {
		l.Target = strings.TrimPrefix(path.Clean(u.Path), "/")
	} else {
		l.Target = path.Join(path.Dir(from+"x"), u.Path)
		if l.Target == ".." || strings.HasPrefix(l.Target, "../") {
			return l, ErrAboveRoot
		}
	}
	if l.Target == "." {
		l.Target = ""
	}
	if strings.HasSuffix(u.Path, "/") && l.Target != "" {
		l.Target += "/"
	}
	return l, nil
}

// join resolves the plain relative links templates write ("../../strategieen/x/", "a.css")
// against the folder of page from, without parsing a URL; ok is false for any other link, which
// Resolve then reads in full. It gives what the full reading gives (FuzzJoin).
func join(from, ref string) (target string, ok bool) {
	for i := 0; i < len(ref); i++ {
		if c := ref[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '/' || c == '.') {
			return "", false
		}
	}
	dir := from[:strings.LastIndexByte(from, '/')+1]
	for strings.HasPrefix(ref, "../") {
		if dir == "" {
			return "", false // above the root: the full reading says so
		}
		dir = dir[:strings.LastIndexByte(dir[:len(dir)-1], '/')+1]
		ref = ref[3:]
	}
	if strings.HasPrefix(ref, ".") || strings.HasPrefix(ref, "/") || strings.Contains(ref, "/.") || strings.Contains(ref, "//") {
		return "", false
	}
	return dir + ref, true
}

// Exists reports whether the site has target, given whether it has a path: a page may also be
// named with its index.html, or without its trailing slash.
func Exists(target string, has func(string) bool) bool {
	if target == "" || has(target) {
		return true
	}
	if strings.HasSuffix(target, "/index.html") || target == "index.html" {
		return has(strings.TrimSuffix(target, "index.html"))
	}
	return !strings.HasSuffix(target, "/") && has(target+"/")
}

// Relative returns the link from the page at from to target, relative, so that the site works
// from any folder.
func Relative(from, target string) string { return FromDepth(Depth(from), target) }

// Depth is how many folders below the site root the page at from lies. A relative link from it
// depends on that alone.
func Depth(from string) int { return strings.Count(from, "/") }

// FromDepth returns the relative link to target from a page depth folders below the site root.
func FromDepth(depth int, target string) string {
	if depth == 0 {
		// From the root, a first segment with a colon would read as a scheme ("a:b" → a:).
		if i := strings.IndexAny(target, ":/"); target == "" || i >= 0 && target[i] == ':' {
			return "./" + target
		}
		return target
	}
	return strings.Repeat("../", depth) + target
}
