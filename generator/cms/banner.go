package cms

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/werkplaats-jeugd/kennisbank/generator/frontmatter"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/readability"
)

// What the admin page's check banner (assets/admin.ts) is told after a save: whether a build has
// seen it, and the problems that keep the change off the site, each named as the editor knows it:
// the entry by its title, the field by its label in the CMS.

// maxOthers is how many problems in other files the banner lists; the rest are counted.
const maxOthers = 5

type problemsJSON struct {
	Saved    []string      `json:"saved"`    // the files of the last save, from the project folder
	Titles   []string      `json:"titles"`   // their entries' titles
	Ready    bool          `json:"ready"`    // a build that started after the save has finished
	Problems []problemJSON `json:"problems"` // in the saved files
	Warnings []problemJSON `json:"warnings"` // in the saved files: the change is on the site, but the text may not be finished
	Notes    []problemJSON `json:"notes"`    // how easy the saved texts are to read (readability), never problems
	Others   []problemJSON `json:"others"`   // in other files: they too keep the change off the site
	More     int           `json:"more"`     // problems in other files beyond those listed
}

type problemJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
	Entry   string `json:"entry"` // the title of the entry the file holds; "" when it is no entry
	Field   string `json:"field"` // the label of the field in the CMS; "" when it is about no one field
}

func (l *Local) problems() problemsJSON {
	l.mu.Lock()
	saved, at := l.saved, l.at
	l.mu.Unlock()
	b := l.lastBuild()
	out := problemsJSON{Saved: saved, Titles: []string{}, Ready: !b.Started.Before(at),
		Problems: []problemJSON{}, Warnings: []problemJSON{}, Notes: []problemJSON{}, Others: []problemJSON{}}
	if out.Saved == nil {
		out.Saved = []string{}
	}
	for _, p := range saved {
		out.Titles = append(out.Titles, l.entryTitle(p))
	}
	if !out.Ready {
		return out
	}
	for _, p := range saved {
		out.Notes = append(out.Notes, l.readability(p)...)
	}
	for _, p := range b.Problems.Sorted() {
		switch {
		case p.Warning && slices.Contains(saved, p.File):
			out.Warnings = append(out.Warnings, l.describe(p))
		case p.Warning:
		case slices.Contains(saved, p.File):
			out.Problems = append(out.Problems, l.describe(p))
		case len(out.Others) < maxOthers:
			out.Others = append(out.Others, l.describe(p))
		default:
			out.More++
		}
	}
	return out
}

// describe names a problem's entry and field as the CMS shows them.
func (l *Local) describe(p problem.Problem) problemJSON {
	out := problemJSON{File: p.File, Line: p.Line, Message: p.Message}
	pl, err := parsePlace(p.File, entryShape)
	if err != nil {
		return out // site.toml, a template: no entry
	}
	out.Entry = l.entryTitle(p.File)
	key, sub, _ := strings.Cut(p.Field, ".")
	if f := pl.spec.Field(key); f != nil {
		out.Field = f.Label
		if sf := f.Field(sub); sub != "" && sf != nil {
			out.Field = f.Label + ": " + sf.Label
		}
	}
	return out
}

// entryTitle reads the titel of the entry in file (a path from the project folder); the entry's
// id when the file has none it can read.
func (l *Local) entryTitle(file string) string {
	id := strings.TrimSuffix(path.Base(file), ".md")
	if id == "index" {
		id = path.Base(path.Dir(file))
	}
	doc, err := l.read(file)
	if err != nil {
		return id
	}
	var head struct {
		Titel string `toml:"titel"`
	}
	if _, err := toml.Decode(string(doc.FrontMatter), &head); err != nil || head.Titel == "" {
		return id
	}
	return head.Titel
}

// readability gives the notes on how easy the text of the entry in file is to read, with the
// target of its kind when its texts are for everyone (Spec.Plain), as check --leesbaarheid does.
func (l *Local) readability(file string) []problemJSON {
	pl, err := parsePlace(file, entryShape)
	if err != nil {
		return nil
	}
	doc, err := l.read(file)
	if err != nil {
		return nil
	}
	target := 0.0
	if pl.spec.Plain {
		target = readability.Target
	}
	var out []problemJSON
	for _, n := range readability.Report(string(doc.Body)).Notes(target) {
		line := 0
		if n.Line > 0 {
			line = doc.BodyLine + n.Line - 1
		}
		out = append(out, problemJSON{File: file, Line: line, Message: n.Text})
	}
	return out
}

// read splits the file (a path from the project folder) into front matter and body.
func (l *Local) read(file string) (frontmatter.Document, error) {
	data, err := os.ReadFile(filepath.Join(l.project, filepath.FromSlash(file)))
	if err != nil {
		return frontmatter.Document{}, err
	}
	return frontmatter.Split(data)
}
