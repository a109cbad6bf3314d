// Package scaffold writes a new content file with the front matter its kind needs, as a draft,
// so that an editor starts from something that builds.
package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
)

// ErrUsage marks mistakes in what the user asked for (an unknown kind, an empty title).
var ErrUsage = errors.New("usage")

// kinds maps the names an editor types to the kind they write, and the variant, if any.
var kinds = func() map[string]variant {
	out := map[string]variant{}
	for _, spec := range content.Specs {
		out[spec.Name] = variant{spec: spec}
		for _, v := range spec.Variants {
			out[v.Name] = variant{spec: spec, extra: v.Fields}
		}
	}
	return out
}()

type variant struct {
	spec  *content.Spec
	extra []string // the fields of the variant
}

// KindList is the list of kinds for help texts.
var KindList = func() string {
	var names []string
	for _, spec := range content.Specs {
		names = append(names, spec.Name)
		for _, v := range spec.Variants {
			names = append(names, v.Name)
		}
	}
	return strings.Join(names, ", ")
}()

// now is replaced in tests.
var now = time.Now

// New writes content/<folder>/<id>.md under root for a new item of kind with title and returns
// its path. It never overwrites an existing file.
func New(root, kind, title string) (string, error) {
	v, ok := kinds[kind]
	if !ok {
		return "", fmt.Errorf("%w: unknown kind %q (expected one of: %s)", ErrUsage, kind, KindList)
	}
	title = strings.TrimSpace(title)
	if _, err := os.Stat(filepath.Join(root, content.SiteFile)); err != nil {
		return "", fmt.Errorf("%w: %s has no %s, so it is not a Kennisbank project; run kennisbank new in the project folder, or give it with --src", ErrUsage, root, content.SiteFile)
	}
	today := now()
	number := 0
	if f := v.spec.Field("nummer"); f != nil {
		var err error
		if number, err = freeNumber(root, v.spec, f); err != nil {
			return "", err
		}
	}
	id := v.spec.ID(title, number, today)
	if id == "" {
		return "", fmt.Errorf("%w: the title %q gives no usable file name; use letters or digits", ErrUsage, title)
	}
	dir := filepath.Join(root, content.Dir, string(v.spec.Kind))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, id+".md")
	if _, err := os.Stat(filepath.Join(dir, id)); err == nil {
		return "", fmt.Errorf("%s already exists as a page bundle; choose another title", filepath.Join(dir, id))
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("%s already exists; it was not changed", path)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(v.draft(title, number, today)); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// freeNumber is the number a new item of a numbered kind (the determinants) gets: the lowest in
// the field's range that no item has, by its nummer or by its file name.
func freeNumber(root string, spec *content.Spec, f *content.Field) (int, error) {
	taken := map[int]bool{}
	files, _ := os.ReadDir(filepath.Join(root, content.Dir, string(spec.Kind)))
	for _, e := range files {
		prefix, _, _ := strings.Cut(e.Name(), "-")
		if n, err := strconv.Atoi(prefix); err == nil {
			taken[n] = true
		}
	}
	all, _ := content.Load(root) // items with problems are counted by their file name above
	for _, e := range spec.Entries(all) {
		taken[int(f.Value(e).Int())] = true
	}
	for n := f.Min; n <= f.Max; n++ {
		if !taken[n] {
			return n, nil
		}
	}
	return 0, fmt.Errorf("%w: every %s already exists (numbers %d to %d are all taken): edit one of them in %s instead of adding one",
		ErrUsage, spec.Name, f.Min, f.Max, filepath.Join(root, content.Dir, string(spec.Kind)))
}

// Draft is the file `new` writes for a new item of a kind: the front matter its fields describe,
// as a draft, and the text its outline starts from. number is the nummer of a numbered kind.
func Draft(spec *content.Spec, title string, number int, today time.Time) string {
	return variant{spec: spec}.draft(title, number, today)
}

func (v variant) draft(title string, number int, today time.Time) string {
	return v.frontMatter(title, number, today) + v.spec.Skeleton()
}

// frontMatter writes every field of the kind that has an example, with its help as a comment.
// An optional reference to another item is written as a comment: the item it names may not exist.
func (v variant) frontMatter(title string, number int, today time.Time) string {
	var b strings.Builder
	b.WriteString("+++\n")
	for _, f := range v.spec.Fields {
		value := strings.ReplaceAll(f.Example, "{today}", today.Format("2006-01-02"))
		if f.Key == "nummer" {
			value = strconv.Itoa(number)
		}
		only := v.only(f.Key)
		switch {
		case f.Key == "titel":
			fmt.Fprintf(&b, "titel = %q\n", title)
		case f.Type == content.TypeTable:
			b.WriteString(tableExample(f))
		case value == "" || only == -1:
			continue
		case f.Ref != "" && !f.Required:
			fmt.Fprintf(&b, "# %s = %s  # %s\n", f.Key, value, f.Help)
		default:
			fmt.Fprintf(&b, "%s = %s  # %s\n", f.Key, value, comment(f))
		}
	}
	b.WriteString("+++\n\n")
	return b.String()
}

// only tells whether a field belongs to a variant: 1 when it is one of v's own, -1 when it is
// another variant's, 0 when it is the kind's.
func (v variant) only(key string) int {
	if slices.Contains(v.extra, key) {
		return 1
	}
	for _, other := range v.spec.Variants {
		if slices.Contains(other.Fields, key) {
			return -1
		}
	}
	return 0
}

// comment is a field's help, with its allowed values where they are a fixed list; lists that
// come from site.toml are empty without one.
func comment(f content.Field) string {
	if f.Values == "" {
		return f.Help
	}
	if list, _ := content.ListNamed(f.Values); list.Fixed != nil {
		return f.Help + " (" + strings.Join((&content.Site{}).Values(f.Values), " | ") + ")"
	}
	return f.Help + " (ids uit content/site.toml)"
}

// tableExample shows, commented out, how to write one table of an array of tables.
func tableExample(f content.Field) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n# %s: %s Herhaal dit blok voor elke koppeling.\n# [[%s]]\n", f.Label, f.Help, f.Key)
	for _, sub := range f.Fields {
		fmt.Fprintf(&b, "# %s = \"\"  # %s\n", sub.Key, comment(sub))
	}
	return b.String()
}
