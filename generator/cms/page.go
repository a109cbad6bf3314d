package cms

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/cms/decap"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

// The admin page loads Decap CMS and nothing else; search engines leave it alone. It has a
// Content-Security-Policy of its own, looser than the site's only where Decap CMS needs it
// (measured in Chromium, see the package's tests): Decap compiles its configuration's schema at
// run time ('unsafe-eval'), injects its styles ('unsafe-inline' styles), shows and reads images
// as blob: and data: URLs, and talks only to this site and to the Git host's API; it shows the
// editor's picture from the Git host. Everything else is refused, also what Decap would fetch
// from elsewhere (GitHub's status page, Gravatar).
var pageTemplate = template.Must(template.New("admin").Parse(`<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>Redactie · {{.Title}}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
{{- if .Style}}
<link rel="stylesheet" href="../{{.Style}}">
{{- end}}
<style>
/* Images and files belong to a page (a page bundle) and are added in its text; Decap's own
   Media button, in the header's navigation, would put them where the site never looks. */
header nav li:has(> button) { display: none; }
</style>
</head>
<body>
<script src="{{.Decap}}?v={{.Version}}"></script>
<script src="{{.Locale}}?v={{.LocaleVersion}}"></script>
{{- if .Script}}
<script src="../{{.Script}}"></script>
{{- end}}
</body>
</html>
`))

func page(site *content.Site, backend Backend, opts Options, locale []byte) []byte {
	var b bytes.Buffer
	sum := sha256.Sum256(locale)
	err := pageTemplate.Execute(&b, map[string]any{
		"CSP": csp(backend), "Title": site.Titel, "Decap": decap.Script, "Version": decap.Version,
		"Locale": localeName, "LocaleVersion": hex.EncodeToString(sum[:4]), "Script": opts.Script, "Style": opts.Style,
	})
	if err != nil {
		panic(err) // the template and its data are fixed: a programming error
	}
	return b.Bytes()
}

// csp is the admin page's policy.
func csp(b Backend) string {
	// blob: too: Decap reads an uploaded image back from its blob: URL to send it.
	connect := append([]string{"'self'", "blob:"}, apiOrigins(b)...)
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self' 'unsafe-eval'", // Decap validates its configuration with Ajv, which compiles code
		"style-src 'self' 'unsafe-inline'",
		"img-src " + strings.Join(append([]string{"'self'", "data:", "blob:"}, avatarOrigins(b)...), " "),
		"connect-src " + strings.Join(connect, " "),
		"base-uri 'none'",
		"form-action 'none'",
		"object-src 'none'",
	}, "; ")
}
