package output

import (
	"context"
	"fmt"
	"sync/atomic"
)

// File is a file of the site that is not a page, and how to make it. Each package that makes
// such files (publish, data, cms, assets, brand, headers) lists its own; the build reads every
// path from these lists before anything is made, so that links to them can be checked, and
// later makes and writes each file from the same list: what is planned is what is written.
type File struct {
	Path string                 // in the site, slash-separated: "data/kennisbank.json"
	Make func() ([]byte, error) // makes the contents; called once, when the file is written
}

// Bytes is a File whose contents are made already.
func Bytes(path string, data []byte) File {
	return File{Path: path, Make: func() ([]byte, error) { return data, nil }}
}

// WriteFiles makes the files and writes them to w, one after another: each is let go before the
// next is made, which keeps the memory they take down. It stops at the first error, which names
// the file, and when ctx is done.
func WriteFiles(ctx context.Context, w Writer, files []File) error {
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := f.Make()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		if err := w.WriteFile(f.Path, data); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	return nil
}

// Make makes the files and returns their contents by path, for a caller that serves them
// itself; it stops at the first error, which names the file.
func Make(files []File) (map[string][]byte, error) {
	out := make(map[string][]byte, len(files))
	for _, f := range files {
		data, err := f.Make()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		out[f.Path] = data
	}
	return out, nil
}

// Counter passes files on to another Writer and counts those it took. It is safe for concurrent
// use when the Writer it wraps is.
type Counter struct {
	w Writer
	n atomic.Int64
}

// Count returns a Counter that writes to w.
func Count(w Writer) *Counter { return &Counter{w: w} }

// WriteFile writes one file to the wrapped Writer.
func (c *Counter) WriteFile(name string, data []byte) error {
	if err := c.w.WriteFile(name, data); err != nil {
		return err
	}
	c.n.Add(1)
	return nil
}

// CopyFile copies one file to the wrapped Writer.
func (c *Counter) CopyFile(name, src string) error {
	if err := c.w.CopyFile(name, src); err != nil {
		return err
	}
	c.n.Add(1)
	return nil
}

// Files is how many files the Writer took.
func (c *Counter) Files() int { return int(c.n.Load()) }
