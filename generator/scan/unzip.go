package scan

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"unicode/utf8"
)

// Unzipped is a zip file (an .xlsx workbook) as the logic reads it: the names of its parts and
// the text of the ones it asks for (assets/scan/parts.ts). The page unpacks with the browser's
// DecompressionStream; the command line with archive/zip and compress/flate, here.
type Unzipped struct {
	Names     []string
	Parts     map[string]string
	Fault     string // why unpacking stopped (see ZipFault in parts.ts), "" when it did not
	FaultPart string
}

// zipLimits are the logic's ZIP_LIMITS.
type zipLimits struct {
	Unpacked  int64 `json:"unpacked"`
	Ratio     int64 `json:"ratio"`
	RatioFrom int64 `json:"ratioFrom"`
	Entries   int   `json:"entries"`
}

// unzip unpacks the parts that wanted asks for, in the directory's order, and stops at the first
// that breaks the limits or cannot be read. A file whose directory cannot be read gives no names.
func unzip(data []byte, lim zipLimits, wanted func(name string) bool) *Unzipped {
	out := &Unzipped{Parts: map[string]string{}}
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // part names are looked up, never written to disk
		out.Fault = "damaged"
		return out
	}
	if len(r.File) > lim.Entries {
		out.Fault = "entries"
		return out
	}
	for _, f := range r.File {
		out.Names = append(out.Names, f.Name)
	}
	budget := lim.Unpacked
	for _, f := range r.File {
		if !wanted(f.Name) {
			continue
		}
		text, fault := unpack(f, &budget, lim)
		if fault != "" {
			out.Fault, out.FaultPart = fault, f.Name
			return out
		}
		out.Parts[f.Name] = text
	}
	return out
}

// unpack reads one part as text, no further than the size the directory declares.
func unpack(f *zip.File, budget *int64, lim zipLimits) (text, fault string) {
	size := int64(f.UncompressedSize64)
	switch {
	case f.Flags&1 != 0:
		return "", "encrypted"
	case size > *budget || size > lim.RatioFrom && size > int64(f.CompressedSize64)*lim.Ratio:
		return "", "bomb"
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return "", "damaged"
	}
	var data io.Reader
	switch f.Method {
	case zip.Store:
		if f.CompressedSize64 != f.UncompressedSize64 {
			return "", "damaged"
		}
		data = raw
	case zip.Deflate:
		fr := flate.NewReader(raw)
		defer fr.Close()
		data = fr
	default:
		return "", "method"
	}
	*budget -= size
	b, err := io.ReadAll(io.LimitReader(data, size+1))
	switch {
	case int64(len(b)) > size:
		return "", "bomb"
	case err != nil || int64(len(b)) < size:
		return "", "damaged"
	case !utf8.Valid(b):
		return "", "text"
	}
	return string(b), ""
}
