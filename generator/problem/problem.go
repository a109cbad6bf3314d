// Package problem holds content problems as values: a file, a line and a message,
// collected across a whole build and reported together.
package problem

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing an editor has to fix, or, as a warning, should look at.
type Problem struct {
	File    string // path as the editor knows it, e.g. content/strategieen/x.md
	Line    int    // 1-based; 0 when the problem is about the file as a whole
	Field   string // the front-matter key it is about ("fase", "strategie.bron"), or ""
	Message string
	Warning bool // the build goes on: the site is still right, but the text may not be finished
}

func (p Problem) String() string {
	msg := p.Message
	if p.Warning {
		msg = "waarschuwing: " + msg
	}
	switch {
	case p.File == "":
		return msg
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, msg)
	default:
		return fmt.Sprintf("%s: %s", p.File, msg)
	}
}

// List collects problems. Its zero value is ready to use.
type List []Problem

// Add appends a problem with a formatted message.
func (l *List) Add(file string, line int, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// About reports whether a problem in the list is about file.
func (l List) About(file string) bool {
	for _, p := range l {
		if p.File == file {
			return true
		}
	}
	return false
}

// AddField appends a problem about one field, with a formatted message. field is its key as
// the content model names it, with a table's key first for a field of a table
// ("strategie.toelichting").
func (l *List) AddField(file string, line int, field, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Warn appends a warning with a formatted message.
func (l *List) Warn(file string, line int, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...), Warning: true})
}

// Split returns the problems that stop a build, and the warnings, each in their order.
func (l List) Split() (errs, warnings List) {
	for _, p := range l {
		if p.Warning {
			warnings = append(warnings, p)
		} else {
			errs = append(errs, p)
		}
	}
	return errs, warnings
}

// Sorted returns the problems ordered by file and line, the order an editor works in.
func (l List) Sorted() List {
	out := append(List(nil), l...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// Error makes a non-empty List usable as an error: one problem per line.
func (l List) Error() string {
	var b strings.Builder
	for i, p := range l.Sorted() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// AsList returns the problems in err: the list itself, or one problem without a file for any
// other error (a template that does not parse); nil for nil.
func AsList(err error) List {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return l
	}
	return List{{Message: err.Error()}}
}
