package scan

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// callWithoutKB calls an exported function of the module that does not take the knowledge base.
func callWithoutKB(t *testing.T, m *Module, name string, arg string) json.RawMessage {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	fn, ok := goja.AssertFunction(m.exports.Get(name))
	if !ok {
		t.Fatalf("no function %s", name)
	}
	res, err := fn(goja.Undefined(), m.vm.ToValue(arg))
	if err != nil {
		t.Fatalf("%s(%q) threw: %v", name, arg, err)
	}
	out, err := m.stringify(goja.Undefined(), res)
	if err != nil {
		t.Fatal(err)
	}
	return json.RawMessage(out.String())
}

// FuzzSplitCSV feeds the scan's CSV reading what a team might upload. Any text gives a table or
// an error naming its row and column, never an exception. And a table written by encoding/csv
// with any of the three separators reads back as it was, quotes, separators and line breaks in
// its values included.
func FuzzSplitCSV(f *testing.F) {
	for _, s := range []string{"d01,d02\n1,2\n", "d01;d02\r\n\"mee eens\";\"a \"\"b\"\"\"\r\n", "a\tb\n\"x\ny\"\tz",
		"\ufeffd01,d02\n1,", "\"open", "\"a\"b,c", "a,b\r\rc,d\r", "", "\n\n", "a,\"\"\n,\n"} {
		f.Add(s, byte(','))
	}
	m := mod(f)
	f.Fuzz(func(t *testing.T, text string, sep byte) {
		if !utf8.ValidString(text) {
			return // the page reads files as UTF-8 text
		}
		var parsed struct {
			OK    bool `json:"ok"`
			Error *struct {
				Row, Column int
				Message     string
			} `json:"error"`
		}
		if err := json.Unmarshal(callWithoutKB(t, m, "splitCSV", text), &parsed); err != nil {
			t.Fatal(err)
		}
		if !parsed.OK && (parsed.Error == nil || parsed.Error.Row < 1 || parsed.Error.Column < 1 || parsed.Error.Message == "") {
			t.Fatalf("splitCSV(%q): an error without row, column or message: %+v", text, parsed.Error)
		}
		if _, err := m.Call("parseCSV", text); err != nil {
			t.Fatalf("parseCSV(%q) threw: %v", text, err)
		}

		// The same text as a table: records split at "\n", values at "|".
		comma := rune([]byte{',', ';', '\t'}[int(sep)%3])
		var table [][]string
		for _, line := range strings.Split(text, "\n") {
			table = append(table, strings.Split(line, "|"))
		}
		if len(table[0]) < 2 || strings.HasPrefix(text, "\ufeff") || strings.ContainsAny(strings.Join(table[0], ""), ",;\t") {
			return // the separator is read from a heading row of two or more values without separators in them
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Comma = comma
		if err := w.WriteAll(table); err != nil {
			return // a value encoding/csv cannot write with this separator
		}
		var back struct {
			OK    bool       `json:"ok"`
			Value [][]string `json:"value"`
		}
		if err := json.Unmarshal(callWithoutKB(t, m, "splitCSV", b.String()), &back); err != nil {
			t.Fatal(err)
		}
		if !back.OK || !slices.EqualFunc(back.Value, table, slices.Equal) {
			t.Fatalf("%q written with %q as\n%q\nreads back as %q (ok %v)", table, comma, b.String(), back.Value, back.OK)
		}
	})
}
