// Package codehealth measures the code the way the project's rules ask for it: functions a reader
// can hold in their head, in Go and in TypeScript (and JavaScript). Its test fails when a
// function grows past the limit and prints the largest ones:
//
//	go test ./internal/codehealth -run Largest -v
//
// Generated files are not measured: no one reads or edits them, their generator is what a reader
// reads. A file is generated when it says so as Go's convention asks: a line
// "// Code generated … DO NOT EDIT." before its first code (https://go.dev/s/generatedcode).
package codehealth

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Func is a function and how many lines it spans, from its signature to its closing brace.
type Func struct {
	Name  string // file:line and, for Go, the name
	Lines int
}

// GoFuncs lists the functions and methods of the non-test Go files under root that are not
// generated.
func GoFuncs(root string) ([]Func, error) {
	var out []Func
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil || ast.IsGenerated(f) {
			return err
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Body != nil {
				start, end := fset.Position(fn.Pos()), fset.Position(fn.End())
				out = append(out, Func{Name: relName(root, start.Filename, start.Line) + " " + fn.Name.Name, Lines: end.Line - start.Line + 1})
			}
		}
		return nil
	})
	return largestFirst(out), err
}

// TSFuncs lists the function bodies of the TypeScript and JavaScript files under dir that are not
// generated: function declarations and expressions, methods and arrow functions with a block
// body. A function inside another counts for both, as a reader meets it.
func TSFuncs(dir string) ([]Func, error) {
	var out []Func
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "node_modules" {
			return filepath.SkipDir
		}
		if d.IsDir() || !(strings.HasSuffix(p, ".ts") || strings.HasSuffix(p, ".js")) || strings.HasSuffix(p, ".d.ts") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil || isGenerated(string(src)) {
			return err
		}
		for _, f := range tsFunctions(string(src)) {
			out = append(out, Func{Name: relName(dir, p, f.start), Lines: f.end - f.start + 1})
		}
		return nil
	})
	return largestFirst(out), err
}

// generatedHeader is Go's marker of a generated file, on a line of its own.
var generatedHeader = regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.\r?$`)

// isGenerated reports whether TypeScript or JavaScript source carries generatedHeader before its
// first code, as Go's ast.IsGenerated asks of a Go file before its package clause.
func isGenerated(src string) bool {
	code := blankLiterals(src) // comments become spaces; strings keep their quotes
	first := strings.IndexFunc(code, func(r rune) bool { return !unicode.IsSpace(r) })
	if first < 0 {
		first = len(src)
	}
	return generatedHeader.MatchString(src[:first])
}

func relName(root, file string, line int) string {
	rel, err := filepath.Rel(root, file)
	if err != nil {
		rel = file
	}
	return filepath.ToSlash(rel) + ":" + strconv.Itoa(line)
}

func largestFirst(fs []Func) []Func {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Lines > fs[j].Lines })
	return fs
}

type span struct{ start, end int }

// controlWords open blocks that are not functions: "if (x) {" looks like a call before a block.
var controlWords = map[string]bool{"if": true, "for": true, "while": true, "switch": true, "catch": true, "with": true}

// returnType matches what may stand between a parameter list's ")" and the body's "{": a type.
var returnType = regexp.MustCompile(`^\s*(:\s*[^{};=]*)?\s*$`)

// tsFunctions finds the function bodies in TypeScript source: with comments and the insides of
// strings, template literals and regular expressions blanked out, every "{" that follows "=>" or
// a parameter list (after a name that is no control word, or after "function") opens one.
func tsFunctions(src string) []span {
	code := blankLiterals(src)
	var out []span
	var stack []int // for each open brace: the line a function starts on, or -1
	line := 1
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '\n':
			line++
		case '{':
			start := -1
			if isFunctionBody(code, i) {
				start = line
			}
			stack = append(stack, start)
		case '}':
			if len(stack) == 0 {
				continue
			}
			if start := stack[len(stack)-1]; start >= 0 {
				out = append(out, span{start, line})
			}
			stack = stack[:len(stack)-1]
		}
	}
	return out
}

func isFunctionBody(code string, brace int) bool {
	before := strings.TrimRight(code[:brace], " \t\r\n")
	if strings.HasSuffix(before, "=>") {
		return true
	}
	close := strings.LastIndexByte(before, ')')
	if close < 0 || !returnType.MatchString(before[close+1:]) {
		return false
	}
	open := matchingOpen(before, close)
	if open < 0 {
		return false
	}
	head := strings.TrimRight(before[:open], " \t\r\n")
	head = strings.TrimRight(strings.TrimSuffix(head, ">"), " ") // a generic's closing ">" (rough)
	if i := strings.LastIndexByte(head, '<'); i >= 0 && strings.HasSuffix(before[:open], ">") {
		head = strings.TrimRight(head[:i], " ")
	}
	word := lastWord(head)
	return word != "" && !controlWords[word]
}

func matchingOpen(s string, close int) int {
	depth := 0
	for i := close; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func lastWord(s string) string {
	end := len(s)
	start := end
	for start > 0 {
		c := s[start-1]
		if !(c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			break
		}
		start--
	}
	return s[start:end]
}

// blankLiterals replaces comments and the insides of strings, template literals and regular
// expressions with spaces, keeping newlines, so that braces in them are not counted.
func blankLiterals(src string) string {
	b := []byte(src)
	var templates []int // brace depth at each open "${" of a template literal
	depth := 0
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			for ; i+1 < len(b) && !(b[i] == '*' && b[i+1] == '/'); i++ {
				blank(b, i)
			}
			blank(b, i)
			if i+1 < len(b) {
				blank(b, i+1)
				i++
			}
		case c == '"' || c == '\'':
			i = blankUntil(b, i+1, c)
		case c == '`':
			i = blankTemplate(b, i+1, &templates, depth)
		case c == '/' && regexAllowed(b, i):
			i = blankUntil(b, i+1, '/')
		case c == '{':
			depth++
		case c == '}':
			if n := len(templates); n > 0 && templates[n-1] == depth {
				templates = templates[:n-1]
				i = blankTemplate(b, i+1, &templates, depth)
				continue
			}
			depth--
		}
	}
	return string(b)
}

func blank(b []byte, i int) {
	if b[i] != '\n' {
		b[i] = ' '
	}
}

// blankUntil blanks a string or regular expression up to its closing quote and returns the
// quote's position.
func blankUntil(b []byte, i int, quote byte) int {
	inClass := false
	for ; i < len(b) && b[i] != '\n'; i++ {
		switch {
		case b[i] == '\\':
			blank(b, i)
			i++
		case quote == '/' && b[i] == '[':
			inClass = true
		case quote == '/' && b[i] == ']':
			inClass = false
		case b[i] == quote && !inClass:
			return i
		}
		if i < len(b) {
			blank(b, i)
		}
	}
	return i
}

// blankTemplate blanks a template literal's text up to its end or to a "${", where code resumes
// (its depth is remembered so that the matching "}" returns to the literal).
func blankTemplate(b []byte, i int, templates *[]int, depth int) int {
	for ; i < len(b); i++ {
		switch {
		case b[i] == '\\':
			blank(b, i)
			i++
			if i < len(b) {
				blank(b, i)
			}
		case b[i] == '`':
			return i
		case b[i] == '$' && i+1 < len(b) && b[i+1] == '{':
			*templates = append(*templates, depth)
			return i + 1 // the "{" is skipped: the depth is not raised for it
		default:
			blank(b, i)
		}
	}
	return i
}

// regexAllowed tells whether a "/" at i starts a regular expression rather than a division.
func regexAllowed(b []byte, i int) bool {
	j := i - 1
	for j >= 0 && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
		j--
	}
	if j < 0 {
		return true
	}
	if strings.ContainsRune("(,=:[!&|?{};+-*%<>~^", rune(b[j])) {
		return true
	}
	w := lastWord(string(b[:j+1]))
	return w == "return" || w == "typeof" || w == "case"
}
