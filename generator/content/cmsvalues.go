package content

import (
	"bytes"
	"regexp"
)

// Decap CMS (the browser CMS, package cms) writes what its widgets hold as text: a date it
// picked as a quoted string (datum = "2024-06-27", start = "2024-06-27T09:30:00"), and a date
// or number it cleared as an empty string (start = ""). Dates it did not touch stay TOML dates.
// cmsValues rewrites exactly those forms, in the top-level fields of the model that hold dates
// and numbers, into what the decoder reads: the date without quotes, and no key at all for an
// empty value. Each line keeps its place, so problems still name the line in the file.
func cmsValues(toml []byte, keys KeyLines, fields []Field) []byte {
	lines := bytes.Split(toml, []byte("\n"))
	changed := false
	for i := range fields {
		f := &fields[i]
		if f.List || (f.Type != TypeDate && f.Type != TypeDateTime && f.Type != TypeNumber) {
			continue
		}
		n, ok := keys.Top.Get(f.Key)
		at := n - keys.First
		if !ok || at < 0 || at >= len(lines) {
			continue
		}
		line := lines[at]
		m := quotedValue.FindSubmatch(line)
		if m == nil || string(m[1]) != f.Key {
			continue
		}
		value := m[2]
		switch {
		case len(value) == 0 && !f.Required:
			lines[at] = nil
		case f.Type == TypeDate && cmsDate.Match(value), f.Type == TypeDateTime && cmsDateTime.Match(value):
			lines[at] = append(append([]byte(f.Key+" = "), value...), m[3]...)
		default:
			continue
		}
		changed = true
	}
	if !changed {
		return toml
	}
	return bytes.Join(lines, []byte("\n"))
}

var (
	// quotedValue is a line `key = "value"`, perhaps with a comment after it.
	quotedValue = regexp.MustCompile(`^\s*([a-z0-9_]+)\s*=\s*"([0-9T:-]*)"(\s*(?:#.*)?\r?)$`)
	cmsDate     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	cmsDateTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$`)
)
