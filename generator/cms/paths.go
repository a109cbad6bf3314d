package cms

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

// The local backend's door into content/. Every path in a request is decoded into one of the
// types below, and a path that breaks a rule is refused there, before any action runs, with a
// Dutch message that the CMS shows the editor:
//
//	entry   content/<kind>/<id>.md, or content/<kind>/<id>/index.md (a page bundle)
//	media   content/<kind>/<id>/<name>: a file beside a bundle's index.md
//	folder  content/<kind> (a collection's entries), content/<kind>/<id> (a bundle's media),
//	        or content/.media (Decap's site-wide media folder, which stays empty)
//
// where <kind> is a folder of the content model, <id> follows the kind's file-name rule, and no
// name starts with "." or "_" (the build skips those) or is longer than maxName bytes. Nothing
// else is ever read, written, renamed or deleted: not site.toml, not a kind's folder itself,
// nothing deeper, nothing outside content/ (no "..", no absolute path, no backslash); os.Root
// refuses symbolic links that lead out.
//
// What may happen to them is checked by the actions, which hold the write lock
// (Local.persistEntry, Local.deleteFiles, writeAsset):
//
//   - an entry or a media file is written whole: a temporary file beside it, fsync, rename;
//   - an entry of a fixed kind (the 29 determinants) is only rewritten: never created, renamed
//     or deleted;
//   - a rename stays within its kind and never lands on an entry that exists; a bundle takes its
//     media along, and a bundle's index.md never leaves its media behind;
//   - media go only beside an index.md that exists or is saved in the same request, and only of
//     the types a page bundle may hold;
//   - deleting a bundle's index.md deletes the bundle, media included: no folder is left
//     without index.md.

// maxName bounds each name in a path, in bytes.
const maxName = 100

// place is a path inside content/ that has passed the door.
type place struct {
	path string        // as Decap sends it: content/nieuws/x/index.md
	rel  string        // inside content/, for os.Root: nieuws/x/index.md
	spec *content.Spec // the kind whose folder it is in; nil for the site-wide media folder
	id   string        // the entry's id: of the entry itself, of a media file's bundle, of a bundle folder
}

// entryPath is an entry: a .md file, or a bundle's index.md.
type entryPath struct{ place }

// mediaPath is a file beside a bundle's index.md.
type mediaPath struct{ place }

// folderPath is a collection's folder, a bundle's folder or the site-wide media folder.
type folderPath struct{ place }

// deletablePath is an entry or a media file: what deleteFile(s) may name.
type deletablePath struct {
	place
	media bool
}

// bundle reports whether the entry is a bundle's index.md.
func (e entryPath) bundle() bool { return path.Base(e.rel) == "index.md" }

// folder is the bundle folder of a bundle's entry or of a media file, inside content/.
func (p place) folder() string { return path.Dir(p.rel) }

func (p *entryPath) UnmarshalJSON(b []byte) error  { return decodePath(b, &p.place, entryShape) }
func (p *mediaPath) UnmarshalJSON(b []byte) error  { return decodePath(b, &p.place, mediaShape) }
func (p *folderPath) UnmarshalJSON(b []byte) error { return decodePath(b, &p.place, folderShape) }
func (p *deletablePath) UnmarshalJSON(b []byte) error {
	err := decodePath(b, &p.place, entryShape)
	if err == nil {
		return nil
	}
	var s string
	_ = json.Unmarshal(b, &s)
	media, merr := parsePlace(s, mediaShape)
	if merr != nil {
		return err // neither: the entry's reason is the one to give
	}
	p.place, p.media = media, true
	return nil
}

type shape int

const (
	entryShape shape = iota
	mediaShape
	folderShape
)

func decodePath(b []byte, p *place, want shape) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return badRequest("een pad moet tekst zijn: %v", err)
	}
	var err error
	if *p, err = parsePlace(s, want); err != nil && want == mediaShape {
		return notBesideABundle(s)
	}
	return err
}

// notBesideABundle refuses a media file anywhere but beside a bundle's index.md.
func notBesideABundle(p string) error {
	return refuse("Een afbeelding of bestand hoort bij een bericht of factsheet. Sla het bericht eerst op en voeg het bestand daarin toe (%s kan hier niet staan).", p)
}

// parsePlace applies the door's rules (see the top of this file) to a path from a request.
func parsePlace(p string, want shape) (place, error) {
	if p == unusedMedia && want == folderShape {
		return place{path: p, rel: path.Base(p)}, nil
	}
	rest, ok := strings.CutPrefix(strings.TrimSuffix(p, "/"), content.Dir+"/")
	if !ok || strings.ContainsAny(p, "\\\x00") {
		return place{}, outside(p)
	}
	parts := strings.Split(rest, "/")
	for _, part := range parts {
		if part == "" || part == "." || part == ".." || strings.HasPrefix(part, ".") || strings.HasPrefix(part, "_") {
			return place{}, outside(p)
		}
		if len(part) > maxName {
			return place{}, refuse("De naam %q is te lang: het CMS bewaart namen van hoogstens %d tekens.", part, maxName)
		}
	}
	spec := content.SpecOf(content.Kind(parts[0]))
	if spec == nil {
		return place{}, outside(p)
	}
	pl := place{path: p, rel: rest, spec: spec}
	switch {
	case want == folderShape && len(parts) == 1:
		return pl, nil
	case want == entryShape && len(parts) == 2 && strings.HasSuffix(parts[1], ".md"):
		pl.id = strings.TrimSuffix(parts[1], ".md")
	case want == entryShape && len(parts) == 3 && parts[2] == "index.md",
		want == mediaShape && len(parts) == 3 && !strings.HasSuffix(parts[2], ".md"),
		want == folderShape && len(parts) == 2:
		pl.id = parts[1]
	default:
		return place{}, outside(p)
	}
	if !spec.FollowsNameRule(pl.id) {
		return place{}, refuse("De naam %q past niet bij %s: %s.", pl.id, strings.ToLower(spec.ListTitle), nameRuleHelp[spec.FileName])
	}
	return pl, nil
}

// nameRuleHelp says, for an editor, what each file-name rule asks.
var nameRuleHelp = map[content.FileName]string{
	content.NameSlug:       "gebruik kleine letters, cijfers en enkele streepjes",
	content.NameNumberSlug: "de naam begint met het nummer in twee cijfers en een streepje",
	content.NameDateSlug:   "de naam begint met een datum (jjjj-mm-dd) en een streepje",
}

func refuse(format string, args ...any) error {
	return &apiError{http.StatusUnprocessableEntity, fmt.Sprintf(format, args...)}
}

func outside(p string) error {
	return &apiError{http.StatusForbidden, fmt.Sprintf("Het CMS bewaart alleen berichten, pagina's en hun bestanden in de mappen van de site; %q hoort daar niet bij.", p)}
}
