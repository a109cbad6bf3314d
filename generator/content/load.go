package content

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/werkplaats-jeugd/kennisbank/generator/bundlefile"
	"github.com/werkplaats-jeugd/kennisbank/generator/fileio"
	"github.com/werkplaats-jeugd/kennisbank/generator/frontmatter"
	"github.com/werkplaats-jeugd/kennisbank/generator/parallel"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
)

// Dir is the name of the content folder inside a project.
const Dir = "content"

// SiteFile is the site settings' file, as problems name it.
const SiteFile = Dir + "/site.toml"

// Load reads root/content. It returns everything it could decode and every problem it found;
// a file with problems is left out of the result. The site settings come first: every item is
// read against them, so when site.toml cannot be read, Load reports that alone and reads no item
// (one cause, one problem).
func Load(root string) (*Content, problem.List) {
	var probs problem.List
	c := &Content{Unreadable: map[string]bool{}}
	dir := filepath.Join(root, Dir)
	if probs = LoadSite(root, &c.Site); len(probs) > 0 {
		return c, probs
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		probs.Add(Dir, 0, "de map content is niet te lezen: %v", err)
		return c, probs
	}
	known := map[string]bool{"site.toml": true}
	for _, k := range Kinds {
		known[string(k)] = true
	}
	// The logo may stand in content/ too ([huisstijl] logo = "content/logo.png"; package brand
	// checks it).
	if rest, ok := strings.CutPrefix(c.Site.Huisstijl.Logo, Dir+"/"); ok {
		top, _, _ := strings.Cut(rest, "/")
		known[top] = true
	}
	for _, e := range entries {
		if !known[e.Name()] && !strings.HasPrefix(e.Name(), ".") {
			probs.Add(path.Join(Dir, e.Name()), 0, "onbekende naam in content/ (verwacht site.toml of een van deze mappen: %s)", kindList())
		}
	}

	var sources []source
	for _, k := range Kinds {
		sources = append(sources, findSources(root, k, &probs)...)
	}
	items := make([]Entry, len(sources))
	itemProbs := make([]problem.List, len(sources))
	parallel.For(len(sources), func(i int) { items[i], itemProbs[i] = loadItem(sources[i]) })

	for i, it := range items {
		probs = append(probs, itemProbs[i]...)
		if it == nil {
			c.Unreadable[string(sources[i].kind)+"/"+sources[i].id] = true
			continue
		}
		SpecOf(sources[i].kind).list(c).add(it)
	}
	return c, probs
}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// source is one content file to load.
type source struct {
	kind   Kind
	id     string
	disk   string // path on disk
	file   string // path for messages
	bundle string // folder of a page bundle, or ""
	files  []string
}

// findSources lists the items of one kind: name.md files and page-bundle folders with index.md.
func findSources(root string, kind Kind, probs *problem.List) []source {
	dir := filepath.Join(root, Dir, string(kind))
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		probs.Add(path.Join(Dir, string(kind)), 0, "de map is niet te lezen: %v", err)
		return nil
	}
	var out []source
	for _, e := range entries {
		name := e.Name()
		rel := path.Join(Dir, string(kind), name)
		switch {
		case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_"):
			continue
		case e.IsDir():
			index := filepath.Join(dir, name, "index.md")
			if _, err := os.Stat(index); err != nil {
				probs.Add(rel, 0, "map zonder index.md (een pagina met eigen afbeeldingen of downloads is een map met index.md naast die bestanden)")
				continue
			}
			files, err := bundleFiles(filepath.Join(dir, name))
			if err != nil {
				probs.Add(rel, 0, "de map van de pagina is niet te lezen: %v", err)
				continue
			}
			out = append(out, source{kind: kind, id: name, disk: index, file: rel + "/index.md", bundle: filepath.Join(dir, name), files: files})
		case strings.HasSuffix(name, ".md"):
			out = append(out, source{kind: kind, id: strings.TrimSuffix(name, ".md"), disk: filepath.Join(dir, name), file: rel})
		default:
			probs.Add(rel, 0, "geen bestand met inhoud (verwacht naam.md, of een map met index.md voor een pagina met afbeeldingen of downloads)")
		}
	}
	return out
}

// bundleFiles lists the resource files of a page bundle, with paths relative to the bundle.
// Hidden files and folders (.name) are left out, as everywhere in content/.
func bundleFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel != "index.md" {
			files = append(files, rel)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// notRegular refuses a symbolic link (or a device, or a pipe) in content/: a build reads only
// files that are there, so that a link cannot publish a file from elsewhere on the machine.
const notRegular = "is geen gewoon bestand (maar bijvoorbeeld een snelkoppeling naar een ander bestand); zet het bestand zelf hier neer"

func loadItem(src source) (Entry, problem.List) {
	var probs problem.List
	if info, err := os.Lstat(src.disk); err == nil && !info.Mode().IsRegular() {
		probs.Add(src.file, 0, notRegular)
		return nil, probs
	}
	data, err := fileio.ReadFile(src.disk)
	if err != nil {
		probs.Add(src.file, 0, "het bestand is niet te lezen: %v", err)
		return nil, probs
	}
	src.files = safeFiles(src, &probs)
	e, more := decodeItem(SpecOf(src.kind), src, data)
	return e, append(probs, more...)
}

// safeFiles returns the files of a bundle that the bundle-file rule lets through (package
// bundlefile: inert types whose bytes fit their extension); each other file is a problem, and
// is left out so that nothing copies it into the site.
func safeFiles(src source, probs *problem.List) []string {
	var out []string
	dir := path.Dir(src.file)
	for _, f := range src.files {
		name := filepath.Join(src.bundle, filepath.FromSlash(f))
		if info, err := os.Lstat(name); err != nil || !info.Mode().IsRegular() {
			probs.Add(path.Join(dir, f), 0, notRegular)
			continue
		}
		data, err := fileio.ReadFile(name)
		if err != nil {
			probs.Add(path.Join(dir, f), 0, "cannot read: %v", err)
			continue
		}
		if err := bundlefile.Check(f, data); err != nil {
			probs.Add(path.Join(dir, f), 0, "%v", err)
			continue
		}
		out = append(out, f)
	}
	return out
}

// Decode reads the contents of one content file as an item of the kind, as Load does; file is
// its path as problems name it (content/<kind>/<id>.md), and its name without .md the item's id.
func (s *Spec) Decode(file string, data []byte) (Entry, problem.List) {
	return decodeItem(s, source{kind: s.Kind, id: strings.TrimSuffix(path.Base(file), ".md"), file: file}, data)
}

// decodeItem splits and decodes the contents of one content file.
func decodeItem(spec *Spec, src source, data []byte) (Entry, problem.List) {
	var probs problem.List
	doc, err := frontmatter.Split(data)
	if err != nil {
		var fe *frontmatter.Error
		if errors.As(err, &fe) {
			probs.Add(src.file, fe.Line, "%s", fe.Message)
		} else {
			probs.Add(src.file, 0, "%v", err)
		}
		return nil, probs
	}
	if !nameRules[NameSlug].MatchString(src.id) { // every id is a slug; a kind's rule may ask more
		probs.Add(src.file, 0, "bestandsnaam %q kan geen id zijn: gebruik kleine letters a-z, cijfers en losse streepjes (bijvoorbeeld %q)", src.id, Slug(src.id))
	}
	item := Item{ID: src.id, Kind: src.kind, File: src.file, Body: doc.Body, BodyLine: doc.BodyLine,
		Bundle: src.bundle, Files: src.files, Keys: scanKeyLines(doc.FrontMatter, 2), Hash: sha256.Sum256(data)}

	target := spec.New()
	*target.Base() = item
	if !decode(src.file, cmsValues(doc.FrontMatter, item.Keys, spec.Fields), item.Keys, target, &probs) {
		return nil, probs
	}
	if d, ok := target.(*Determinant); ok {
		for i := range d.Links {
			if hs := item.Keys.Tables["strategie"]; i < len(hs) {
				d.Links[i].Line = hs[i]
			}
		}
	}
	return target, probs
}

// LoadSite reads the site settings, content/site.toml, into site.
func LoadSite(root string, site *Site) problem.List {
	var probs problem.List
	file := filepath.Join(root, filepath.FromSlash(SiteFile))
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		probs.Add(SiteFile, 0, "%s is geen kennisbank: %s ontbreekt. Begin een nieuwe kennisbank met kennisbank init <map>, of geef met --src de map van je kennisbank (de map met content/ erin)", absolute(root), file)
		return probs
	}
	if err != nil {
		probs.Add(SiteFile, 0, "de instellingen van de site (site.toml) zijn niet te lezen: %v", err)
		return probs
	}
	data = frontmatter.Normalize(data)
	site.Keys = scanKeyLines(data, 1)
	decode(SiteFile, data, site.Keys, site, &probs)
	return probs
}

// absolute is root as an absolute path, for messages that must say where they looked.
func absolute(root string) string {
	if abs, err := filepath.Abs(root); err == nil {
		return abs
	}
	return root
}

// decode decodes TOML strictly into v: syntax and type errors and unknown keys become problems.
func decode(file string, data []byte, keys KeyLines, v any, probs *problem.List) bool {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		line, key, msg := explainTOMLError(err, keys)
		probs.AddField(file, line, key, "%s", msg)
		return false
	}
	ok := true
	undecoded := map[string]bool{}
	for _, k := range md.Undecoded() {
		ok = false
		undecoded[k.String()] = true
		probs.AddField(file, keys.lineOf(k.String()), k.String(), "%s", unknownKey(v, k.String()))
	}
	// The decoder also fills a field from a key in other letter case ("Titel", "strAtegie"),
	// which the rest of the pipeline would not find; such a key is unknown too.
	for _, k := range md.Keys() {
		if undecoded[k.String()] || lowerKey(k) {
			continue // the field tags are lower case: such a key matched one exactly
		}
		if names := tomlKeys(v, k.String()); names != nil && !slices.Contains(names, k[len(k)-1]) {
			ok = false
			probs.AddField(file, keys.lineOf(k.String()), k.String(), "%s", unknownKey(v, k.String()))
		}
	}
	return ok
}

// lowerKey reports whether every part of k is made of a-z, 0-9, "_" and "-" only.
func lowerKey(k toml.Key) bool {
	for _, part := range k {
		for i := 0; i < len(part); i++ {
			if c := part[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
				return false
			}
		}
	}
	return true
}

// unknownKey is the message for a key the struct does not accept: the nearest known key, if one
// is near, and the keys it does accept.
func unknownKey(v any, key string) string {
	names := tomlKeys(v, key)
	switch s := Suggest(lastPart(key), names); {
	case len(names) == 0:
		return fmt.Sprintf("onbekend veld %q", key)
	case s != "":
		return fmt.Sprintf("onbekend veld %q (bedoel je %q? bekende velden: %s)", key, s, strings.Join(names, ", "))
	}
	return fmt.Sprintf("onbekend veld %q (bekende velden: %s)", key, strings.Join(names, ", "))
}

func lastPart(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[i+1:]
	}
	return key
}
