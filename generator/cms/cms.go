// Package cms gives editors a browser CMS: Decap CMS (vendored in package decap) at admin/ of
// the site, configured from the content model (content.Specs), so that what the CMS lets an
// editor write is what the build accepts.
//
// It works in two ways. On the web, the CMS saves to the Git host named in the [cms] table of
// site.toml (GitHub or GitLab), and the host's workflow (deploy/) checks and publishes. Locally,
// `kennisbank serve` writes admin/ with Decap's proxy backend, and Local answers that backend's
// requests by reading and writing files under content/ itself (what decap-server does, without
// Node.js), and tells the admin page the problems `check` finds in the file just saved.
package cms

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/werkplaats-jeugd/kennisbank/generator/assets"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"

	"github.com/werkplaats-jeugd/kennisbank/generator/cms/decap"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// APIPath is where `kennisbank serve` answers the local backend, from the site root.
const APIPath = Prefix + "api"

// The backends of the [cms] table.
const (
	GitHub = "github"
	GitLab = "gitlab"
)

// Options says which admin/ to write.
type Options struct {
	Dev    bool   // for `kennisbank serve`: the local backend, whatever site.toml says
	Script string // for Dev: site path of the script of the check banner; "" for none
	Style  string // for Dev: site path of its style sheet; "" for none
}

// Files lists the files of admin/, each with how to make it, or none when the site has no CMS:
// a build for the web without a [cms] table in site.toml.
func Files(site *content.Site, opts Options) []output.File {
	backend, ok := backendOf(site, opts.Dev)
	if !ok {
		return nil
	}
	if !opts.Dev {
		opts.Script, opts.Style = "", "" // the banner asks kennisbank serve, which the web has not
	}
	dir := reserved.Admin + "/"
	files := []output.File{
		{Path: dir + "index.html", Make: func() ([]byte, error) {
			locale, err := localeScript()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", localeName, err)
			}
			return page(site, backend, opts, locale), nil
		}},
		{Path: dir + "config.yml", Make: func() ([]byte, error) {
			cfg, err := NewConfig(site, backend)
			if err != nil {
				return nil, err
			}
			return cfg.YAML()
		}},
		output.Bytes(dir+"LICENSE.txt", decap.License),
		{Path: dir + localeName, Make: localeScript},
	}
	vendored := decap.Files()
	for _, name := range slices.Sorted(maps.Keys(vendored)) {
		files = append(files, output.Bytes(dir+name, vendored[name]))
	}
	return files
}

// backendOf is where the CMS of a build saves: the local backend of `kennisbank serve`, or the
// Git host of the [cms] table; false when the site has no CMS.
func backendOf(site *content.Site, dev bool) (Backend, bool) {
	switch {
	case dev:
		// The proxy sends a branch with every request; the local backend ignores it.
		return Backend{Name: "proxy", ProxyURL: APIPath, Branch: "main"}, true
	case site.CMS == nil:
		return Backend{}, false
	}
	return webBackend(site.CMS), true
}

// Policy is the Content-Security-Policy of the admin page that Files writes (see csp), or ""
// when the site has no CMS.
func Policy(site *content.Site, dev bool) string {
	backend, ok := backendOf(site, dev)
	if !ok {
		return ""
	}
	return csp(backend)
}

// localeName is the script that puts Decap CMS in Dutch (theme/assets/cms/nl.ts).
const localeName = "nl.js"

// localeScript bundles the theme's assets/cms/nl.ts once: the same for every build, carried in the binary.
var localeScript = sync.OnceValues(func() ([]byte, error) {
	return assets.Module(theme.BuiltIn(), path.Join(assets.Dir, "cms/nl.ts"), "")
})

// webBackend is the Git host of the [cms] table.
func webBackend(s *content.CMS) Backend {
	b := Backend{Name: s.Backend, Repo: s.Repo, Branch: branch(s), APIRoot: s.APIRoot}
	switch s.Backend {
	case GitHub:
		b.BaseURL = s.AuthURL
	case GitLab:
		// PKCE: the browser signs in with GitLab itself, no helper server needed.
		b.AuthType, b.AppID = "pkce", s.AppID
		if s.APIRoot != "" {
			b.BaseURL = origin(s.APIRoot)
		}
	}
	return b
}

func branch(s *content.CMS) string {
	if s.Branch == "" {
		return "main"
	}
	return s.Branch
}

// apiOrigins are the origins the admin page may connect to: the Git host's API and, for GitLab,
// where it exchanges the sign-in code for a token.
func apiOrigins(b Backend) []string {
	switch b.Name {
	case GitHub:
		if b.APIRoot != "" {
			return []string{origin(b.APIRoot)}
		}
		return []string{"https://api.github.com"}
	case GitLab:
		if b.APIRoot != "" {
			return []string{origin(b.APIRoot)}
		}
		return []string{"https://gitlab.com"}
	}
	return nil
}

// avatarOrigins are where the Git host keeps the pictures of its users, which Decap shows beside
// the editor's name once signed in. Not Gravatar, which GitLab uses for users without a
// picture: that would be a request to a third party.
func avatarOrigins(b Backend) []string {
	switch b.Name {
	case GitHub:
		if b.APIRoot != "" {
			return []string{origin(b.APIRoot)}
		}
		return []string{"https://avatars.githubusercontent.com"}
	case GitLab:
		return apiOrigins(b)
	}
	return nil
}

func origin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// Check reports the problems of the [cms] table of site.toml, with their lines.
func Check(site *content.Site) problem.List {
	var probs problem.List
	s := site.CMS
	if s == nil {
		return nil
	}
	const file = "content/site.toml"
	line := func(key string) int { return site.Keys.Line("cms." + key) }
	table := site.Keys.Line("cms")
	switch s.Backend {
	case GitHub, GitLab:
	case "":
		probs.Add(file, table, "[cms] zonder \"backend\" (verwacht %q of %q)", GitHub, GitLab)
	default:
		probs.Add(file, line("backend"), "[cms] backend %q: onbekend (verwacht %q of %q)", s.Backend, GitHub, GitLab)
	}
	parts := strings.Split(s.Repo, "/")
	switch {
	case s.Repo == "":
		probs.Add(file, table, "[cms] zonder \"repo\" (verwacht de repository als eigenaar/naam, bijvoorbeeld \"werkplaats/kennisbank\")")
	case len(parts) < 2 || slicesContainEmpty(parts) || strings.ContainsAny(s.Repo, " :") || (s.Backend == GitHub && len(parts) != 2):
		probs.Add(file, line("repo"), "[cms] repo %q: verwacht de repository als eigenaar/naam, bijvoorbeeld \"werkplaats/kennisbank\" (niet het webadres)", s.Repo)
	}
	if strings.ContainsAny(s.Branch, " ~^:?*[\\") {
		probs.Add(file, line("branch"), "[cms] branch %q is geen geldige naam voor een branch", s.Branch)
	}
	for key, value := range map[string]string{"auth_url": s.AuthURL, "api_root": s.APIRoot} {
		if value != "" && (origin(value) == "" || !strings.HasPrefix(value, "https://")) {
			probs.Add(file, line(key), "[cms] %s %q: verwacht een adres dat met https:// begint", key, value)
		}
	}
	if s.Backend == GitLab && s.AppID == "" {
		probs.Add(file, table, "[cms] backend \"gitlab\" heeft \"app_id\" nodig: de Application ID van een OAuth-applicatie in GitLab (scope api, als Redirect URI het admin/-adres van de site)")
	}
	if s.Backend == GitHub && s.AppID != "" {
		probs.Add(file, line("app_id"), "[cms] app_id is alleen voor GitLab; bij GitHub log je in via auth_url")
	}
	return probs
}

func slicesContainEmpty(parts []string) bool {
	for _, p := range parts {
		if p == "" {
			return true
		}
	}
	return false
}
