package serve

import (
	"bytes"
	"fmt"
	"html"
	"net/http"

	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// The notice a page carries while the last build failed: the development server adds it to the
// last good site's pages as it serves them, so it never reaches build's output, and the next
// good build takes it away (the page reloads by itself).

const noticePath = reserved.Dev + "/notice.css"

// noticeCSS is served apart: the pages' Content-Security-Policy allows no inline styles.
const noticeCSS = `.kb-bouwfout{background:#fff4e5;color:#1a1a1a;border-bottom:4px solid #b45309;padding:1rem clamp(1rem,4vw,2.5rem);font:1rem/1.5 system-ui,sans-serif}
.kb-bouwfout p{margin:0 0 .5rem;max-width:70ch}
.kb-bouwfout ul{margin:0 0 .5rem;padding-left:1.25rem}
.kb-bouwfout code{font:.9em ui-monospace,monospace;overflow-wrap:anywhere}
`

// maxListed is how many problems a notice lists; the rest are counted.
const maxListed = 10

// withNotice returns page with the notice at the top of its body, or page itself when probs is
// empty or the page has no body.
func withNotice(page []byte, probs problem.List) []byte {
	if len(probs) == 0 {
		return page
	}
	at := bytes.Index(page, []byte("<body"))
	end := bytes.IndexByte(page[max(at, 0):], '>')
	if at < 0 || end < 0 {
		return page
	}
	at += end + 1
	var b bytes.Buffer
	b.Grow(len(page) + 1024)
	b.Write(page[:at])
	fmt.Fprintf(&b, `<link rel="stylesheet" href="/%s"><div class="kb-bouwfout" role="alert">`, noticePath)
	b.WriteString(`<p><strong>Je laatste wijziging staat nog niet op de site.</strong> De site kon niet opnieuw worden gebouwd, dus je ziet hier de vorige versie. Dit moet nog worden opgelost:</p>`)
	writeProblems(&b, probs)
	b.WriteString(`<p>Deze melding verdwijnt vanzelf zodra het is opgelost.</p></div>`)
	b.Write(page[at:])
	return b.Bytes()
}

// writeProblems writes probs as a list: file, line and what is wrong.
func writeProblems(b *bytes.Buffer, probs problem.List) {
	b.WriteString("<ul>")
	for i, p := range probs {
		if i == maxListed {
			fmt.Fprintf(b, "<li>en nog %d</li>", len(probs)-maxListed)
			break
		}
		b.WriteString("<li>")
		if p.File != "" {
			fmt.Fprintf(b, "<code>%s</code>", html.EscapeString(p.File))
			if p.Line > 0 {
				fmt.Fprintf(b, ", regel %d", p.Line)
			}
			b.WriteString(": ")
		}
		b.WriteString(html.EscapeString(p.Message))
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
}

// errorPage answers when there is no good version to show: before the first good build, or
// admin/ before site.toml could be read.
func errorPage(w http.ResponseWriter, title, intro string, probs problem.List) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title><link rel="stylesheet" href="/%s"></head><body><main class="kb-bouwfout"><h1>%s</h1><p>%s</p>`,
		html.EscapeString(title), noticePath, html.EscapeString(title), html.EscapeString(intro))
	writeProblems(&b, probs)
	b.WriteString(`<p>De pagina laadt vanzelf opnieuw zodra het is opgelost.</p></main><script src="/` + reserved.ReloadScript + `"></script></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(b.Bytes())
}
