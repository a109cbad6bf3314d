package generator

import (
	"fmt"

	"github.com/werkplaats-jeugd/kennisbank/generator/cms"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// Admin makes admin/ for the development server, apart from the site: the CMS must open whatever
// state the content is in, so that an editor can fix what broke the build. It needs only
// site.toml and, for the check banner, the assets; when they do not bundle, the banner is left
// out. The files are by site path, the banner's script and style sheet among them.
func (d *Dev) Admin(opts Options) (map[string][]byte, error) {
	defer d.cache.hold()()
	var site content.Site
	if probs := content.LoadSite(opts.Root, &site); len(probs) > 0 {
		return nil, probs
	}
	if probs := cms.Check(&site); len(probs) > 0 {
		return nil, probs
	}
	bundle, probs := d.cache.assets(theme.New(opts.Root))
	script, style := bundle.Names["admin.js"], bundle.Names["admin.css"]
	if len(probs) > 0 {
		script, style = "", ""
	}
	files, err := output.Make(cms.Files(&site, cms.Options{Dev: true, Script: script, Style: style}))
	if err != nil {
		return nil, fmt.Errorf("admin/: %w", err)
	}
	for _, name := range []string{script, style} {
		if name != "" {
			files[name] = bundle.Contents(name)
		}
	}
	return files, nil
}
