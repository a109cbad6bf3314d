package decap

import (
	"bytes"
	"testing"
)

// The embedded files are the ones SHA256SUMS lists, byte for byte: nobody edited them by hand,
// and none is missing or added.
func TestFilesMatchTheirSums(t *testing.T) {
	files := Files()
	if Sums(files) != sums {
		t.Fatalf("the files in dist/ differ from SHA256SUMS; run go run ./tools/decap")
	}
	script := files[Script]
	if !bytes.Contains(script, []byte(`console.log("decap-cms `+Version+`")`)) {
		t.Errorf("%s does not announce version %s", Script, Version)
	}
	if !bytes.Contains(License, []byte("MIT License")) || len(files[Script+".LICENSE.txt"]) == 0 {
		t.Error("the licence or the notices are missing")
	}
	if len(files) < 50 {
		t.Errorf("only %d files: the chunks Decap loads on demand are missing", len(files))
	}
}
