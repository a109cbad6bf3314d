package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/werkplaats-jeugd/kennisbank/generator/newsite"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

const initSynopsis = `init [--titel NAAM] [--uitgever ORGANISATIE] DIR`

func initCmd(args []string, stdout, stderr io.Writer) int {
	fs := newCommand("init", initSynopsis, stdout, stderr)
	fs.positional = true
	titel := fs.String("titel", newsite.DefaultTitel, "the site's name (titel in content/site.toml)")
	uitgever := fs.String("uitgever", "", "the organisation that publishes it (uitgever in content/site.toml): author and publisher in every citation")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "kennisbank init: expected one folder, e.g. kennisbank init mijn-kennisbank")
		fs.usage(stderr)
		return exitUsage
	}
	dir := fs.Arg(0)
	sum, err := newsite.Write(newsite.Options{Dir: dir, Titel: *titel, Uitgever: *uitgever})
	if errors.Is(err, newsite.ErrNotEmpty) {
		fmt.Fprintf(stderr, "kennisbank init: %v\n", err)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "kennisbank init: %v\n", err)
		return exitProblems
	}
	fmt.Fprintf(stdout, "kennisbank: made a new site in %s: %d determinants, %d strategies, %d pages, and %d example drafts (concept = true)\n",
		dir, sum.Determinants, sum.Strategies, sum.Pages, sum.Drafts)
	fmt.Fprintf(stdout, `Next:
  cd %s
  kennisbank serve                the site at http://127.0.0.1:1313/, rebuilt as you edit
  content/site.toml               the name, the publisher, the menu, and [huisstijl]: colour and logo
  kennisbank theme list           the built-in templates and assets; theme copy FILE to change one
`, filepath.Clean(dir))
	return exitOK
}

const (
	themeListSynopsis = `theme list [--src DIR]`
	themeCopySynopsis = `theme copy [--src DIR] FILE`
)

// themeCmd lists the theme's files, or copies one into the site to start its own version.
func themeCmd(args []string, stdout, stderr io.Writer) int {
	action := ""
	if len(args) > 0 {
		action, args = args[0], args[1:]
	}
	fs := newCommand("theme", themeListSynopsis+"\n       kennisbank "+themeCopySynopsis, stdout, stderr)
	fs.positional = action == "copy"
	src := fs.String("src", ".", "project folder whose templates/ and assets/ come before the built-in theme")
	switch action {
	case "-h", "--help", "help":
		fs.usage(stdout)
		return exitOK
	case "list", "copy":
	default:
		fmt.Fprintf(stderr, "kennisbank theme: expected list or copy, got %q\n\n", action)
		fs.usage(stderr)
		return exitUsage
	}
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if action == "list" {
		return themeList(*src, stdout, stderr)
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "kennisbank theme copy: expected one file, e.g. kennisbank theme copy templates/partials/chrome.html")
		return exitUsage
	}
	written, err := theme.Copy(*src, fs.Arg(0))
	if errors.Is(err, theme.ErrUnknown) {
		fmt.Fprintf(stderr, "kennisbank theme copy: %v\n", err)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "kennisbank theme copy: %v\n", err)
		return exitProblems
	}
	fmt.Fprintln(stdout, written)
	return exitOK
}

func themeList(src string, stdout, stderr io.Writer) int {
	files, err := theme.List(src)
	if err != nil {
		fmt.Fprintf(stderr, "kennisbank theme list: %v\n", err)
		return exitProblems
	}
	for _, f := range files {
		switch {
		case f.Own && f.BuiltIn:
			fmt.Fprintf(stdout, "%-40s the site's own version\n", f.Name)
		case f.Own:
			fmt.Fprintf(stdout, "%-40s the site's own file\n", f.Name)
		default:
			fmt.Fprintln(stdout, f.Name)
		}
	}
	return exitOK
}
