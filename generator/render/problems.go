package render

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"

	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// A template problem is reported at the template's file and line, once, however many pages it
// breaks: the template is what the editor fixes.

// templateError is how text/template names a place: "template: strategie.html:12:5: …" when it
// executes, "template: strategie.html:12: …" when it parses. An error in a partial that a page
// calls through "cached" holds both places; the last is where the mistake is.
var templateError = regexp.MustCompile(`template: ([^: ]+):(\d+)(?::\d+)?: `)

// sourceFiles maps a template's file name to its file as problems name it: templates/x.html or
// templates/partials/x.html for the site's own, with theme/ before it for the theme's.
func sourceFiles(files *theme.Files) map[string]string {
	out := map[string]string{}
	for _, pattern := range []string{Dir + "/*.html", Dir + "/partials/*.html"} {
		found, _ := fs.Glob(files, pattern)
		for _, f := range found {
			out[path.Base(f)] = files.Origin(f)
		}
	}
	return out
}

// asProblem turns a template error into a problem at its file and line; other errors keep
// their text, at file when it is known.
func asProblem(err error, files map[string]string, file string) problem.Problem {
	msg := err.Error()
	all := templateError.FindAllStringSubmatchIndex(msg, -1)
	if all == nil {
		return problem.Problem{File: file, Message: msg}
	}
	m := all[len(all)-1]
	name, line := msg[m[2]:m[3]], msg[m[4]:m[5]]
	n, _ := strconv.Atoi(line)
	if f, ok := files[name]; ok {
		file = f
	} else if file == "" {
		file = path.Join(Dir, name)
	}
	return problem.Problem{File: file, Line: n, Message: msg[m[1]:]}
}

// PageError is a page that its template could not render.
type PageError struct {
	Page    string // the page's URL
	Problem problem.Problem
}

func (e *PageError) Error() string { return fmt.Sprintf("page /%s: %s", e.Page, e.Problem) }

// Fold turns the errors of many pages into problems: one per template place and message, with
// the number of pages it broke. Errors other than PageError are returned as they are.
func Fold(errs []error) (problem.List, error) {
	var probs problem.List
	pages := map[problem.Problem][]string{}
	var others []error
	for _, err := range errs {
		var pe *PageError
		switch {
		case err == nil:
		case errors.As(err, &pe):
			if _, seen := pages[pe.Problem]; !seen {
				probs = append(probs, pe.Problem)
			}
			pages[pe.Problem] = append(pages[pe.Problem], pe.Page)
		default:
			others = append(others, err)
		}
	}
	for i, p := range probs {
		on := pages[p]
		if len(on) == 1 {
			probs[i].Message += fmt.Sprintf(" (op pagina /%s)", on[0])
		} else {
			probs[i].Message += fmt.Sprintf(" (op %d pagina's, zoals /%s)", len(on), on[0])
		}
	}
	return probs, errors.Join(others...)
}
