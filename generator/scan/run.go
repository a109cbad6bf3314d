package scan

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
)

// Options is what the scan command runs.
type Options struct {
	Source      Source
	Responses   string  // the team's file: CSV, tab-separated text or .xlsx
	Threshold   float64 // 0 < Threshold <= 1
	Facilitator float64 // 0 < Facilitator <= 1
	Mapping     string  // a mapping file, or ""
	Group       string  // a column to compare groups by, or ""
	Sheet       string  // the worksheet of a workbook to read, or "" for the first with data
	Compare     string  // an earlier result (JSON), or ""
	JSON        bool    // JSON instead of text
}

// Run reads the responses file, runs the scan and writes the result to w. A file the logic
// refuses gives a *FileError carrying the file's name; nothing is written then.
func Run(o Options, w io.Writer) error {
	// The command lives for a fraction of a second with a heap of some tens of megabytes, while
	// goja makes a string of every cell it reads: collecting less often saves about a tenth of
	// the work (bench/scan).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	// Loading the knowledge base and bundling the logic take about as long and share nothing:
	// the bundle is made on its own goroutine (Embedded keeps it), while this one loads.
	bundled := make(chan error, 1)
	go func() {
		_, err := Embedded()
		bundled <- err
	}()
	kb, err := KnowledgeBase(o.Source)
	if bundleErr := <-bundled; err == nil {
		err = bundleErr
	}
	if err != nil {
		return err
	}
	m, err := New(kb)
	if err != nil {
		return err
	}
	file, err := readLimited(o.Responses, m.Limit("bytes"))
	if err != nil {
		return err
	}
	ro := ReportOptions{Threshold: o.Threshold, Facilitator: o.Facilitator, CompareName: filepath.Base(o.Compare), MappingName: o.Mapping, Sheet: o.Sheet}
	if ro.Mapping, err = optionalText(o.Mapping); err != nil {
		return err
	}
	if ro.Compare, err = optionalText(o.Compare); err != nil {
		return err
	}
	if o.Group != "" {
		ro.Group = &o.Group
	}
	rep, err := m.Report(file, ro)
	var fe *FileError
	if errors.As(err, &fe) {
		fe.File, fe.Mapping, fe.Compare = o.Responses, o.Mapping, o.Compare
		return fe
	}
	if err != nil {
		return err
	}
	if o.JSON {
		_, err = w.Write(rep.JSON())
		return err
	}
	return WriteText(w, rep)
}

// optionalText reads the file at p, if there is one.
func optionalText(p string) (*string, error) {
	if p == "" {
		return nil, nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	text := string(data)
	return &text, nil
}

// readLimited reads at most limit+1 bytes: the logic refuses a file past its limit, and a file
// of gigabytes is not read into memory to find that out.
func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

func percent(f float64) string {
	return strconv.FormatFloat(f*100, 'f', -1, 64) + "%"
}

// WriteText writes the report for people to read.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d respondent(s); a determinant is a barrier at >= %s negative answers, a facilitator at >= %s positive answers.\n", r.Respondents, percent(r.Threshold), percent(r.FacilitatorThreshold))
	for _, n := range r.Notices {
		fmt.Fprintf(&b, "Note: %s.\n", n)
	}
	b.WriteString("\n")
	if len(r.Barriers) == 0 {
		fmt.Fprintf(&b, "No barriers: no determinant reaches %s negative answers.\n", percent(r.Threshold))
	} else {
		fmt.Fprintf(&b, "Barriers (%d):\n", len(r.Barriers))
		figures(&b, r.Barriers)
	}
	if len(r.Facilitators) == 0 {
		fmt.Fprintf(&b, "\nNo facilitators: no determinant reaches %s positive answers.\n", percent(r.FacilitatorThreshold))
	} else {
		fmt.Fprintf(&b, "\nFacilitators (%d):\n", len(r.Facilitators))
		figures(&b, r.Facilitators)
	}
	if len(r.Strategies) > 0 {
		fmt.Fprintf(&b, "\nStrategies, best first (%d):\n", len(r.Strategies))
		for i, s := range r.Strategies {
			fmt.Fprintf(&b, "  %3d. %s (score %.3f; barriers: %s)\n", i+1, s.Title, s.Score, strings.Join(s.Barriers, ", "))
		}
	}
	writeGroups(&b, r)
	writeComparison(&b, r)
	if len(r.IgnoredColumns) > 0 {
		fmt.Fprintf(&b, "\nIgnored columns (no determinant): %s\n", strings.Join(r.IgnoredColumns, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func figures(b *strings.Builder, fs []Figure) {
	for _, x := range fs {
		fmt.Fprintf(b, "  %2d. %s: %d answer(s), %.0f%% negative, %.0f%% positive\n", x.Number, x.Title, x.Answers, x.Negative*100, x.Positive*100)
	}
}

func numbers(fs []Figure) string {
	if len(fs) == 0 {
		return "none"
	}
	var s []string
	for _, f := range fs {
		s = append(s, strconv.Itoa(f.Number))
	}
	return strings.Join(s, ", ")
}

func writeGroups(b *strings.Builder, r *Report) {
	if r.GroupColumn == "" {
		return
	}
	fmt.Fprintf(b, "\nGroups by %q (%d shown", r.GroupColumn, len(r.Groups))
	if r.HiddenGroups > 0 {
		fmt.Fprintf(b, "; %d not shown on their own so that nobody can be recognised: a group needs at least 5 respondents, and the hidden ones together too; they do count in the total", r.HiddenGroups)
	}
	b.WriteString("):\n")
	for _, g := range r.Groups {
		name := g.Name
		if name == "" {
			name = "(empty)"
		}
		fmt.Fprintf(b, "  %s (%d respondents): barriers %s; facilitators %s", name, g.Respondents, numbers(g.Barriers), numbers(g.Facilitators))
		if len(g.TooFewAnswers) > 0 {
			fmt.Fprintf(b, "; not shown, fewer than 5 answers: %s", strings.Join(g.TooFewAnswers, ", "))
		}
		b.WriteString("\n")
	}
}

func writeComparison(b *strings.Builder, r *Report) {
	c := r.Comparison
	if c == nil {
		return
	}
	when := c.Earlier.File
	if c.Earlier.Date != "" {
		when += ", " + c.Earlier.Date
	}
	fmt.Fprintf(b, "\nCompared with %s (%d respondent(s)):\n", when, c.Earlier.Respondents)
	byID := map[string]int{}
	for i, d := range c.Determinants {
		byID[d.ID] = i
	}
	for _, part := range []struct {
		name string
		ids  []string
	}{{"Solved", c.Solved}, {"New", c.New}, {"Remaining", c.Remaining}} {
		fmt.Fprintf(b, "  %s barriers (%d):\n", part.name, len(part.ids))
		for _, id := range part.ids {
			d := c.Determinants[byID[id]]
			fmt.Fprintf(b, "    %2d. %s: %s then, %s now negative\n", d.Number, d.Title, share(d.NegativeBefore), share(d.NegativeNow))
		}
	}
}

func share(f *float64) string {
	if f == nil {
		return "no answers"
	}
	return fmt.Sprintf("%.0f%%", *f*100)
}
