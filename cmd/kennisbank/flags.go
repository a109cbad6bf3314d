package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one sub-command's flags. Help goes to stdout (asked for, exit 0), a wrong flag and
// the usage after it to stderr (exit 2), and flags are shown as the synopsis writes them:
// --name, not Go's -name.
type command struct {
	*flag.FlagSet
	synopsis       string
	stdout, stderr io.Writer
	positional     bool     // the command takes arguments besides its flags
	args           []string // those arguments, once parsed
}

func newCommand(name, synopsis string, stdout, stderr io.Writer) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the errors and the help are printed below, each where it belongs
	fs.Usage = func() {}
	return &command{FlagSet: fs, synopsis: synopsis, stdout: stdout, stderr: stderr}
}

// usage prints the synopsis and every flag with its help and default.
func (c *command) usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: kennisbank %s\n\nFlags:\n", c.synopsis)
	c.VisitAll(func(f *flag.Flag) {
		kind, help := flag.UnquoteUsage(f)
		head := "  --" + f.Name
		if kind != "" {
			head += " " + kind
		}
		fmt.Fprintf(w, "%s\n    \t%s", head, strings.ReplaceAll(help, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// parse parses the flags; it returns a non-negative exit code when the command should stop.
func (c *command) parse(args []string) int {
	err := c.parseInterspersed(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.usage(c.stdout)
		return exitOK
	case err != nil:
		fmt.Fprintf(c.stderr, "kennisbank %s: %s\n\n", c.Name(), strings.Replace(err.Error(), ": -", ": --", 1))
		c.usage(c.stderr)
		return exitUsage
	case c.NArg() > 0 && !c.positional:
		fmt.Fprintf(c.stderr, "kennisbank %s: unexpected argument %q\n\n", c.Name(), c.Arg(0))
		c.usage(c.stderr)
		return exitUsage
	}
	return -1
}

// parseInterspersed parses flags before, between and after the arguments, as people type them
// (kennisbank new nieuws "Open dag" --src site): package flag stops at the first argument. After
// "--" everything is an argument, also what starts with a dash.
func (c *command) parseInterspersed(args []string) error {
	c.args = nil
	for {
		if err := c.Parse(args); err != nil {
			return err
		}
		rest := c.FlagSet.Args()
		if len(rest) == 0 {
			return nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			c.args = append(c.args, rest...)
			return nil
		}
		c.args = append(c.args, rest[0])
		args = rest[1:]
	}
}

// NArg and Arg are the arguments wherever they stood among the flags.
func (c *command) NArg() int { return len(c.args) }

func (c *command) Arg(i int) string {
	if i < 0 || i >= len(c.args) {
		return ""
	}
	return c.args[i]
}
