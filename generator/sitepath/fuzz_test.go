package sitepath

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzRelative checks that the relative URL from any page to any target, read by a browser on
// that page of a site under a subpath, leads to the target.
func FuzzRelative(f *testing.F) {
	f.Add("strategieen/x/", "determinanten/y/")
	f.Add("", "")
	f.Add("", "a:b/")
	f.Add("404.html", "assets/main-ABC.js")
	f.Add("over/", "")
	f.Fuzz(func(t *testing.T, pageURL, target string) {
		valid := func(p string, file bool) bool {
			if p == "" {
				return true
			}
			for i, seg := range strings.Split(p, "/") {
				last := i == strings.Count(p, "/")
				if seg == "" && last {
					continue
				}
				if seg == "" || seg == "." || seg == ".." || strings.ContainsAny(seg, "?#%\\") || (!file && last) {
					return false
				}
			}
			return true
		}
		// Page URLs are folders ("x/") or .html files at the root; targets are folders or files.
		if !(valid(pageURL, false) || pageURL == "404.html") || !valid(target, true) {
			return
		}
		rel := Relative(pageURL, target)
		ref, err := url.Parse(rel)
		if err != nil {
			return // a target with characters that need escaping; templates only pass site paths
		}
		if ref.Scheme != "" || ref.Host != "" {
			t.Fatalf("Relative(%q, %q) = %q has scheme %q, host %q", pageURL, target, rel, ref.Scheme, ref.Host)
		}
		base, err := url.Parse("http://site.test/sub/" + pageURL)
		if err != nil {
			return // page URLs are made of ids; control characters are not among them
		}
		if got := base.ResolveReference(ref).Path; got != "/sub/"+target {
			t.Fatalf("Relative(%q, %q) = %q leads to %q", pageURL, target, rel, got)
		}
	})
}

// FuzzJoin holds the quick resolution of plain links to the full one.
func FuzzJoin(f *testing.F) {
	for _, s := range [][2]string{{"strategieen/x/", "../../determinanten/d01/"}, {"strategieen/x/", "citeer.bib"},
		{"", "zoeken/"}, {"404.html", "assets/a.css"}, {"a/b/", "../"}, {"a/b/", "../../"}, {"a/b/", "../../../x/"},
		{"a/", "./x"}, {"a/", "x/../y"}, {"a/", "x//y"}, {"nieuws/n.html", "../x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, ref string) {
		if strings.HasPrefix(from, "/") || strings.Contains(from, "//") || strings.Contains(from, "/.") || strings.HasPrefix(from, ".") {
			return // pages are clean paths relative to the root
		}
		if ref == "" {
			return // resolve takes an empty link as this page
		}
		got, ok := join(from, ref)
		if !ok {
			return
		}
		u, err := url.Parse(ref)
		if err != nil || u.Path != ref {
			t.Fatalf("join took %q, which is no plain path", ref)
		}
		want, err := parse(from, ref)
		if err != nil || got != want.Target || want.Suffix != "" || want.Rooted || want.External != nil {
			t.Fatalf("join(%q, %q) = %q, full reading %+v (%v)", from, ref, got, want, err)
		}
	})
}
