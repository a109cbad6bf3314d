// Command release builds the files of a kennisbank release into a folder: an archive with a
// static binary for Linux, macOS and Windows on amd64 and arm64, and SHA256SUMS. The release
// pipeline (deploy/release/release.yml) runs it for a tag; a person runs the same:
//
//	go run ./tools/release --version v1.0.0 --out dist
//
// The archives' files carry the time in SOURCE_DATE_EPOCH (seconds since 1970, the pipeline
// sets the commit's), so that the same tag gives the same files.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/internal/release"
)

func main() {
	version := flag.String("version", "", "the version, as the tag: v1.2.3")
	out := flag.String("out", "dist", "folder to write the archives and SHA256SUMS to")
	targets := flag.String("targets", "", "comma-separated os/arch, e.g. linux/amd64 (default: all six)")
	flag.Parse()
	if *version == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	opts := release.Options{Version: *version, Out: *out, Log: os.Stderr, Date: time.Now().UTC()}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		s, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			fmt.Fprintf(os.Stderr, "release: SOURCE_DATE_EPOCH %q: want seconds since 1970\n", epoch)
			os.Exit(2)
		}
		opts.Date = time.Unix(s, 0).UTC()
	}
	for _, t := range strings.FieldsFunc(*targets, func(r rune) bool { return r == ',' }) {
		goos, arch, ok := strings.Cut(strings.TrimSpace(t), "/")
		if !ok {
			fmt.Fprintf(os.Stderr, "release: target %q: want os/arch, e.g. linux/amd64\n", t)
			os.Exit(2)
		}
		opts.Targets = append(opts.Targets, release.Target{OS: goos, Arch: arch})
	}
	names, err := release.Build(opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "release: %v\n", err)
		os.Exit(1)
	}
	for _, n := range append(names, release.SumsFile) {
		fmt.Println(n)
	}
}
