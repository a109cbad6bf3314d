// Command sameoutput writes a site the way `kennisbank build` or `kennisbank serve` makes it, into
// a folder, so that two versions of the generator can be compared file by file (bench/sameoutput/run).
// It uses only the generator's public API, so that the same program builds against an older
// commit.
//
//	go run ./bench/sameoutput --src . --out /tmp/site [--base-url URL] [--drafts] [--dev]
//
// With --dev it writes what the development server holds: the site (with the live-reload script)
// in OUT/site, and admin/ as the server makes it apart from the site in OUT/admin.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/werkplaats-jeugd/kennisbank/generator"
)

func main() {
	src := flag.String("src", ".", "project folder")
	out := flag.String("out", "", "folder to write into (must not exist)")
	baseURL := flag.String("base-url", "", "as kennisbank build --base-url")
	drafts := flag.Bool("drafts", false, "as kennisbank build --drafts")
	dev := flag.Bool("dev", false, "write what kennisbank serve holds, not what kennisbank build writes")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	opts := generator.Options{Root: *src, BaseURL: *baseURL, Drafts: *drafts}
	if err := run(opts, *out, *dev); err != nil {
		fmt.Fprintf(os.Stderr, "sameoutput: %v\n", err)
		os.Exit(1)
	}
}

func run(opts generator.Options, out string, dev bool) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists; remove it first", out)
	}
	if !dev {
		opts.Out = filepath.Join(out, "site")
		_, err := generator.Build(opts)
		return err
	}
	d := generator.NewDev()
	if _, err := d.Generate(opts, folder(filepath.Join(out, "site"))); err != nil {
		return err
	}
	admin, err := d.Admin(opts)
	if err != nil {
		return err
	}
	for name, data := range admin {
		if err := folder(filepath.Join(out, "admin")).WriteFile(name, data); err != nil {
			return err
		}
	}
	return nil
}

// folder writes the files it is given into a folder, as they come; it is safe for concurrent use.
type folder string

func (f folder) WriteFile(name string, data []byte) error {
	p := filepath.Join(string(f), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

func (f folder) CopyFile(name, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	return f.WriteFile(name, data)
}
