// Package markdown renders content bodies with goldmark. Raw HTML is not passed through (unless
// the site allows it, AllowRawHTML), heading ids keep Dutch letters, and every relative link or
// image is checked against the pages and files that the site will contain.
package markdown

import (
	"bufio"
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/werkplaats-jeugd/kennisbank/generator/sitepath"
)

// Renderer turns Markdown into HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// Option changes how a Renderer renders.
type Option func(*config)

type config struct{ rawHTML bool }

// AllowRawHTML passes raw HTML in the Markdown through, and links with any scheme, when allow
// is true (site.toml: html_toestaan = true). Only for sites whose every editor is trusted.
func AllowRawHTML(allow bool) Option { return func(c *config) { c.rawHTML = allow } }

// New returns a Renderer with GitHub-flavoured Markdown (tables, strikethrough, autolinks, task
// lists) and heading ids. By default goldmark leaves raw HTML out and drops dangerous URLs such
// as javascript:. Table cells are aligned with the align attribute, not style="", which the
// pages' Content-Security-Policy would block.
func New(opts ...Option) *Renderer {
	var c config
	for _, o := range opts {
		o(&c)
	}
	var rendererOpts []renderer.Option
	if c.rawHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	return &Renderer{md: goldmark.New(
		goldmark.WithExtensions(
			extension.Linkify,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.TaskList,
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(rendererOpts...),
	)}
}

// Result is a rendered body.
type Result struct {
	HTML     []byte
	Headings []Heading
	Text     string       // plain text, for the search index (which splits it into words, so white space is left as it is)
	Broken   []BrokenLink // relative links to pages or files that will not exist
}

// Heading is a heading with its anchor id.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// BrokenLink is a link whose target is missing, at a line of the body.
type BrokenLink struct {
	Line        int // 1-based, within the body
	Destination string
}

// Render renders src for the page at pageURL (relative to the site root, e.g. "strategieen/x/").
// exists reports whether a root-relative path (a page "x/y/" or a file "x/y.png") is in the site.
// Links written from the site root ("/strategieen/x/") are rewritten to relative ones so that the
// output works from any subpath.
func (r *Renderer) Render(src []byte, pageURL string, exists func(string) bool) (Result, error) {
	ctx := parser.NewContext(parser.WithIDs(&dutchIDs{seen: map[string]bool{}}))
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var res Result
	var plain strings.Builder
	plain.Grow(len(src)) // the text is a little shorter than the Markdown: no regrowing
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Heading:
			id, _ := v.AttributeString("id")
			idStr, _ := id.([]byte)
			res.Headings = append(res.Headings, Heading{Level: v.Level, ID: string(idStr), Text: string(nodeText(v, src))})
		case *ast.Link:
			if dest, ok := resolve(string(v.Destination), pageURL, exists); ok {
				v.Destination = []byte(dest)
			} else {
				res.Broken = append(res.Broken, BrokenLink{Line: lineOf(v, src), Destination: string(v.Destination)})
			}
		case *ast.Image:
			if dest, ok := resolve(string(v.Destination), pageURL, exists); ok {
				v.Destination = []byte(dest)
			} else {
				res.Broken = append(res.Broken, BrokenLink{Line: lineOf(v, src), Destination: string(v.Destination)})
			}
		case *ast.Text:
			plain.Write(v.Segment.Value(src))
			if v.SoftLineBreak() || v.HardLineBreak() {
				plain.WriteByte(' ')
			}
		case *ast.String:
			plain.Write(v.Value)
		}
		if n.Type() == ast.TypeBlock && plain.Len() > 0 {
			plain.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return res, err
	}
	// The HTML is about as long as the Markdown. goldmark writes through a bufio.Writer; given
	// one, it does not make its own.
	buf := bytes.NewBuffer(make([]byte, 0, len(src)+len(src)/4))
	w := bufio.NewWriterSize(buf, 1024)
	if err := r.md.Renderer().Render(w, src, doc); err != nil {
		return res, err
	}
	if err := w.Flush(); err != nil {
		return res, err
	}
	res.HTML = wrapTables(buf.Bytes())
	res.Text = plain.String()
	return res, nil
}

// wrapTables puts every table in a region that scrolls sideways on a narrow screen and can be
// reached by keyboard. Every <table> here is goldmark's (or, with AllowRawHTML, the editor's).
func wrapTables(html []byte) []byte {
	if !bytes.Contains(html, []byte("<table>")) {
		return html
	}
	html = bytes.ReplaceAll(html, []byte("<table>"), []byte(`<div class="table-scroll" role="region" tabindex="0" aria-label="Tabel; schuif opzij als hij niet past"><table>`))
	return bytes.ReplaceAll(html, []byte("</table>"), []byte("</table></div>"))
}

// resolve checks a link destination as written in the Markdown and returns what to write in the
// HTML. Like goldmark when it renders, it reads backslash escapes and character references first
// ("a\_b", "&amp;"), so the page checked is the page the link leads to. A link from the site root
// is written relative, so that the site works from any folder.
func resolve(raw, pageURL string, exists func(string) bool) (string, bool) {
	dest := string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(raw)))))
	l, err := sitepath.Resolve(pageURL, dest)
	switch {
	case err != nil:
		return raw, false
	case l.SamePage || l.External != nil:
		return raw, true // external (or dangerous, which goldmark drops when rendering)
	case !sitepath.Exists(l.Target, exists):
		return raw, false
	case l.Rooted:
		// goldmark reads references in what it writes again, so "&" is written escaped too.
		escaped := strings.ReplaceAll((&url.URL{Path: l.Target}).EscapedPath(), "&", "%26")
		return sitepath.Relative(pageURL, escaped) + l.Suffix, true
	}
	return raw, true
}

func nodeText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}

// lineOf finds the body line of an inline node through its first text segment or its block.
func lineOf(n ast.Node, src []byte) int {
	offset := -1
	for c := n.FirstChild(); c != nil && offset < 0; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			offset = t.Segment.Start
		}
	}
	if offset < 0 {
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				offset = p.Lines().At(0).Start
				break
			}
		}
	}
	if offset < 0 {
		return 1
	}
	return bytes.Count(src[:offset], []byte("\n")) + 1
}

// dutchIDs makes heading ids that keep letters such as ö and é ("Coördinatie" → "coördinatie").
type dutchIDs struct{ seen map[string]bool }

func (d *dutchIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	id := HeadingID(string(value))
	if id == "" {
		id = "kop"
	}
	base := id
	for i := 1; d.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	d.seen[id] = true
	return []byte(id)
}

func (d *dutchIDs) Put(value []byte) { d.seen[string(value)] = true }

// HeadingID turns heading text into an anchor id: lower case, letters of any script and digits
// kept, everything else folded into single hyphens.
func HeadingID(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		} else {
			hyphen = true
		}
	}
	return b.String()
}

// Block is a heading, or a block of running text, of a body, as plain text.
type Block struct {
	Heading int    // the level of a heading; 0 for running text
	Text    string // the text, with line breaks as spaces and images left out
	Line    int    // 1-based, within the body
	Item    bool   // the text of a list item
	Cell    bool   // the text of a table cell
}

// blockParser reads bodies for Blocks, with the extensions Render uses.
var blockParser = New().md.Parser()

// Blocks returns the headings and the blocks of running text of a body in their order: the
// paragraphs (also in lists and quotes) and table cells. Code is left out.
func Blocks(src []byte) []Block {
	doc := blockParser.Parse(text.NewReader(src))
	var out []Block
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := Block{Line: 1}
		switch v := n.(type) {
		case *ast.Heading:
			b.Heading = v.Level
		case *ast.Paragraph, *ast.TextBlock:
			_, b.Item = n.Parent().(*ast.ListItem)
		case *extast.TableCell:
			b.Cell = true
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		if n.Lines().Len() > 0 {
			b.Line = bytes.Count(src[:n.Lines().At(0).Start], []byte("\n")) + 1
		} else {
			b.Line = lineOf(n, src)
		}
		b.Text = strings.TrimSpace(inlineText(n, src))
		out = append(out, b)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// inlineText is the text of a block's inline content, with soft line breaks as spaces.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
