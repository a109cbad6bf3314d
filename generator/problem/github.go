package problem

import (
	"strconv"
	"strings"
)

// Annotation writes the problem as a GitHub Actions workflow command,
// "::error file=content/x.md,line=7::message" (::warning for a warning), so that the run and the commit show it at the
// file and line. Values are escaped as GitHub's toolkit escapes them: %, CR and LF everywhere,
// and : and , too in the properties.
func (p Problem) Annotation() string {
	var b strings.Builder
	if p.Warning {
		b.WriteString("::warning")
	} else {
		b.WriteString("::error")
	}
	if p.File != "" {
		// A problem about a file as a whole is shown at its first line: GitHub shows an
		// annotation without a line only in the run, not beside the file in the commit.
		b.WriteString(" file=")
		b.WriteString(escapeProperty(p.File))
		b.WriteString(",line=")
		b.WriteString(strconv.Itoa(max(p.Line, 1)))
	}
	b.WriteString("::")
	b.WriteString(escapeData(p.Message))
	return b.String()
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
