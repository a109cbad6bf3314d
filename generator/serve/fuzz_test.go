package serve

import (
	"net/url"
	"path"
	"strings"
	"testing"
)

// FuzzCleanPath feeds arbitrary request paths, raw and percent-decoded as net/http hands them
// over, to cleanPath. An accepted path must stay inside the site: no ".." segment, no leading
// slash, no backslash or NUL, already clean (cleaning it again changes nothing), and it keeps a
// trailing slash so that folders are served as folders.
func FuzzCleanPath(f *testing.F) {
	for _, p := range []string{"/", "/strategieen/x/", "/../content/site.toml", "/%2e%2e/go.mod", "/assets/..%2f..%2fgo.mod",
		"//etc/passwd", "/a\\..\\b", "/x/./y", "/x/../y/", "/%00", "/...", "/.%2e/", "/a/..", "..", "/ü/"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, p := range []string{raw, decoded(raw)} {
			got, ok := cleanPath(p)
			if !ok {
				continue
			}
			for _, seg := range strings.Split(got, "/") {
				if seg == ".." || seg == "." {
					t.Fatalf("cleanPath(%q) = %q contains a %q segment", p, got, seg)
				}
			}
			if strings.HasPrefix(got, "/") || strings.ContainsAny(got, "\\\x00") {
				t.Fatalf("cleanPath(%q) = %q", p, got)
			}
			if again, ok := cleanPath(got); !ok || again != got {
				t.Fatalf("cleanPath(%q) = %q, but cleanPath(%q) = %q, %v", p, got, got, again, ok)
			}
			if path.Clean("/"+got) != "/"+strings.TrimSuffix(got, "/") && got != "" {
				t.Fatalf("cleanPath(%q) = %q is not clean", p, got)
			}
			if strings.HasSuffix(p, "/") && got != "" && !strings.HasSuffix(got, "/") {
				t.Fatalf("cleanPath(%q) = %q lost the trailing slash", p, got)
			}
		}
	})
}

// decoded is the path as net/http puts it in r.URL.Path.
func decoded(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Path
	}
	return raw
}
