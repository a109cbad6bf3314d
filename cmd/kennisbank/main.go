// Command kennisbank builds, serves and checks a Kennisbank site, scaffolds new content, starts
// a new site (init), and copies a file of the built-in theme to change it (theme).
// It only parses flags; the work is done by package generator.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/scaffold"
	"github.com/werkplaats-jeugd/kennisbank/generator/scan"
	"github.com/werkplaats-jeugd/kennisbank/generator/serve"
)

// Exit codes.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

var usage = `kennisbank turns content/ (Markdown with TOML front matter) into a static site.

Usage:
  kennisbank ` + initSynopsis + `
  kennisbank build [--src DIR] [--out DIR] [--base-url URL] [--drafts]
  kennisbank serve [--src DIR] [--addr 127.0.0.1:1313] [--drafts]
  kennisbank check [--src DIR] [--drafts] [--format text|github] [--leesbaarheid]
  kennisbank new [--src DIR] <kind> "<titel>"
  kennisbank scan --responses FILE [--threshold 0.2] [--facilitator 0.8] [--format text|json]
                  [--mapping FILE] [--group COLUMN] [--compare EARLIER.json] [--sheet NAME]
                  [--src DIR | --kennisbank FILE|URL]

Kinds for new: ` + scaffold.KindList + `

  kennisbank ` + themeListSynopsis + `
  kennisbank ` + themeCopySynopsis + `

  kennisbank version

Run "kennisbank <command> --help" for the flags of a command.
Exit codes: 0 ok, 1 content problems (or another failure), 2 wrong usage.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "build":
		return build(args[1:], stdout, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "new":
		return newCmd(args[1:], stdout, stderr)
	case "scan":
		return scanCmd(args[1:], stdout, stderr)
	case "init":
		return initCmd(args[1:], stdout, stderr)
	case "theme":
		return themeCmd(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "kennisbank", versionText())
		return exitOK
	}
	fmt.Fprintf(stderr, "kennisbank: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func build(args []string, stdout, stderr io.Writer) int {
	fs := newCommand("build", "build [--src DIR] [--out DIR] [--base-url URL] [--drafts]", stdout, stderr)
	src := fs.String("src", ".", "project folder with content/ (and templates/ or assets/ for what it changes of the built-in theme)")
	out := fs.String("out", "", "output folder (default: public/ in the --src folder); replaced as a whole when the build succeeds, and only when an earlier build made it or it is empty")
	baseURL := fs.String("base-url", "", "absolute URL the site will live at (overrides base_url in site.toml)")
	drafts := fs.Bool("drafts", false, "include items with concept = true")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	opts := generator.Options{Root: *src, Out: *out, BaseURL: *baseURL, Drafts: *drafts}
	res, err := generator.Build(opts)
	var refused *output.RefusedError
	if errors.As(err, &refused) {
		fmt.Fprintf(stderr, "kennisbank build: %v\n", refused)
		return exitUsage
	}
	warn(res.Warnings, stderr)
	if code := report(err, stderr); code != exitOK {
		fmt.Fprintf(stderr, "kennisbank: build failed; %s was left as it was\n", opts.OutDir())
		return code
	}
	fmt.Fprintf(stdout, "kennisbank: built %d pages, %d files in %d ms into %s\n", res.Pages, res.Files, res.Duration.Milliseconds(), opts.OutDir())
	if res.BaseURL == "" {
		fmt.Fprintf(stdout, "kennisbank: base_url is not set (in content/site.toml, or --base-url), so the site has %s\n", generator.WithoutBaseURL)
	}
	return exitOK
}

func check(args []string, stdout, stderr io.Writer) int {
	fs := newCommand("check", "check [--src DIR] [--drafts] [--format text|github] [--leesbaarheid]", stdout, stderr)
	src := fs.String("src", ".", "project folder with content/ (and templates/ or assets/ for what it changes of the built-in theme)")
	drafts := fs.Bool("drafts", false, "include items with concept = true")
	format := fs.String("format", "text", "problems as text (file:line: message), or github: workflow annotations on stdout")
	plain := fs.Bool("leesbaarheid", false, "also print per page how easy its text is to read (Flesch-Douma, long sentences, long words): notes, never problems")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "kennisbank check: --format %q: want text or github\n", *format)
		return exitUsage
	}
	res, err := generator.Check(generator.Options{Root: *src, Drafts: *drafts})
	if *format == "github" {
		annotate(append(problem.AsList(err), res.Warnings...), stdout)
	}
	warn(res.Warnings, stderr)
	if *plain {
		for _, page := range generator.Readability(generator.Options{Root: *src, Drafts: *drafts}) {
			fmt.Fprintln(stdout, strings.Join(page.Lines(), "\n"))
		}
	}
	if code := report(err, stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, "kennisbank: no problems (%d pages checked in %d ms)\n", res.Pages, res.Duration.Milliseconds())
	return exitOK
}

// runServer runs the development server; tests replace it to see what it was asked to do.
var runServer = serve.Run

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := newCommand("serve", "serve [--src DIR] [--addr 127.0.0.1:1313] [--drafts]", stdout, stderr)
	src := fs.String("src", ".", "project folder with content/ (and templates/ or assets/ for what it changes of the built-in theme)")
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on (loopback unless you say otherwise)")
	drafts := fs.Bool("drafts", false, "include items with concept = true")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	err := runServer(serve.Options{Build: generator.Options{Root: *src, Drafts: *drafts}, Addr: *addr, Log: stderr, Out: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "kennisbank serve: %v\n", err)
		return exitProblems
	}
	return exitOK
}

func newCmd(args []string, stdout, stderr io.Writer) int {
	fs := newCommand("new", `new [--src DIR] <kind> "<titel>"`, stdout, stderr)
	fs.positional = true
	src := fs.String("src", ".", "project folder with content/")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if fs.NArg() != 2 {
		fmt.Fprintf(stderr, "kennisbank new: expected a kind and a title, e.g. kennisbank new nieuws \"Terugblik leernetwerk\"\nKinds: %s\n", scaffold.KindList)
		return exitUsage
	}
	path, err := scaffold.New(*src, fs.Arg(0), fs.Arg(1))
	if errors.Is(err, scaffold.ErrUsage) {
		fmt.Fprintf(stderr, "kennisbank new: %v\n", err)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "kennisbank new: %v\n", err)
		return exitProblems
	}
	fmt.Fprintln(stdout, path)
	return exitOK
}

const scanSynopsis = `scan --responses FILE [--threshold 0.2] [--facilitator 0.8] [--format text|json]
                  [--mapping FILE] [--group COLUMN] [--compare EARLIER.json] [--sheet NAME]
                  [--src DIR | --kennisbank FILE|URL]`

func scanCmd(args []string, stdout, stderr io.Writer) int {
	fs := newCommand("scan", scanSynopsis, stdout, stderr)
	src := fs.String("src", ".", "project folder whose content/ holds the knowledge base")
	kb := fs.String("kennisbank", "", "a published site's data/kennisbank.json instead of a project: a file, a folder (public/) or a URL")
	responses := fs.String("responses", "", "the team's answers: .xlsx, CSV or tab-separated text, one row per respondent")
	threshold := fs.Float64("threshold", scan.DefaultThreshold, "share of negative answers (0 < x <= 1) at which a determinant is a barrier")
	facilitator := fs.Float64("facilitator", scan.DefaultFacilitator, "share of positive answers (0 < x <= 1) at which a determinant is a facilitator")
	format := fs.String("format", "text", "output: text or json")
	mapping := fs.String("mapping", "", "a mapping file (JSON, as the scan page saves it): determinants for unrecognised columns, scale points for unknown answers")
	group := fs.String("group", "", "a column (heading or letter) to compare groups by, such as role or team; groups of fewer than 5 are not shown")
	compare := fs.String("compare", "", "an earlier result to compare with: JSON saved by the scan page or printed by --format json")
	sheet := fs.String("sheet", "", "the worksheet of an .xlsx workbook to read; by default the first one with data")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	srcSet := false
	fs.Visit(func(f *flag.Flag) { srcSet = srcSet || f.Name == "src" })
	switch {
	case *responses == "":
		fmt.Fprintln(stderr, "kennisbank scan: --responses FILE is required")
		fs.usage(stderr)
		return exitUsage
	case !(*threshold > 0 && *threshold <= 1):
		fmt.Fprintf(stderr, "kennisbank scan: --threshold %v: want a fraction above 0 and at most 1, e.g. 0.2 for 20%%\n", *threshold)
		return exitUsage
	case !(*facilitator > 0 && *facilitator <= 1):
		fmt.Fprintf(stderr, "kennisbank scan: --facilitator %v: want a fraction above 0 and at most 1, e.g. 0.8 for 80%%\n", *facilitator)
		return exitUsage
	case *format != "text" && *format != "json":
		fmt.Fprintf(stderr, "kennisbank scan: --format %q: want text or json\n", *format)
		return exitUsage
	case srcSet && *kb != "":
		fmt.Fprintln(stderr, "kennisbank scan: give --src or --kennisbank, not both")
		return exitUsage
	}
	err := scan.Run(scan.Options{
		Source:    scan.Source{Project: *src, File: *kb},
		Responses: *responses, Threshold: *threshold, Facilitator: *facilitator,
		Mapping: *mapping, Group: *group, Compare: *compare, Sheet: *sheet, JSON: *format == "json",
	}, stdout)
	var fileErr *scan.FileError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &fileErr):
		for _, line := range strings.Split(fileErr.Error(), "\n") {
			fmt.Fprintf(stderr, "kennisbank scan: %s\n", line)
		}
		return exitProblems
	case errors.Is(err, scan.ErrNoKnowledgeBase):
		fmt.Fprintf(stderr, "kennisbank scan: %v\n", err)
		return exitUsage
	}
	return report(err, stderr)
}

// annotate prints each problem as a GitHub Actions annotation, so that the run and the commit
// show it at its file and line.
func annotate(probs problem.List, stdout io.Writer) {
	for _, p := range probs.Sorted() {
		fmt.Fprintln(stdout, p.Annotation())
	}
}

// warn prints the warnings of a build that went through: the site is built, the text may not be
// finished.
func warn(warnings problem.List, stderr io.Writer) {
	for _, w := range warnings {
		fmt.Fprintln(stderr, w.String())
	}
	if len(warnings) > 0 {
		fmt.Fprintf(stderr, "kennisbank: %d warning(s); they do not stop the build\n", len(warnings))
	}
}

// report prints problems or an error and returns the exit code.
func report(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var probs problem.List
	if errors.As(err, &probs) {
		for _, p := range probs {
			fmt.Fprintln(stderr, p.String())
		}
		fmt.Fprintf(stderr, "kennisbank: %d problem(s)\n", len(probs))
		return exitProblems
	}
	fmt.Fprintf(stderr, "kennisbank: %v\n", err)
	return exitProblems
}
