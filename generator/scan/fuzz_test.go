package scan

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode"
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
// a problem naming its row and column, never an exception, and reading it as a team's answers
// throws nothing either. And a table written by encoding/csv with any of the three separators
// reads back as it was (blank records left out), quotes, separators and line breaks in its values
// included, each row with its record's number.
func FuzzSplitCSV(f *testing.F) {
	for _, s := range []string{"d01,d02\n1,2\n", "d01;d02\r\n\"mee eens\";\"a \"\"b\"\"\"\r\n", "a\tb\n\"x\ny\"\tz",
		"\ufeffd01,d02\n1,", "\"open", "\"a\"b,c", "a,b\r\rc,d\r", "", "\n\n", "a,\"\"\n,\n"} {
		f.Add(s, byte(','))
	}
	m := mod(f)
	f.Fuzz(func(t *testing.T, text string, sep byte) {
		if !utf8.ValidString(text) {
			return // bytes that are not UTF-8 are decoded before splitting (see FuzzReadFile)
		}
		var parsed struct {
			OK       bool `json:"ok"`
			Problems []struct {
				Row, Column int
				Message     string
			} `json:"problems"`
		}
		if err := json.Unmarshal(callWithoutKB(t, m, "splitCSV", text), &parsed); err != nil {
			t.Fatal(err)
		}
		if !parsed.OK && (len(parsed.Problems) != 1 || parsed.Problems[0].Row < 1 || parsed.Problems[0].Column < 1 || parsed.Problems[0].Message == "") {
			t.Fatalf("splitCSV(%q): a problem without row, column or message: %+v", text, parsed.Problems)
		}
		if _, err := m.Call("report", text); err != nil {
			t.Fatalf("report(%q) threw: %v", text, err)
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
			OK    bool `json:"ok"`
			Value struct {
				Rows       [][]string `json:"rows"`
				RowNumbers []int      `json:"rowNumbers"`
			} `json:"value"`
		}
		if err := json.Unmarshal(callWithoutKB(t, m, "splitCSV", b.String()), &back); err != nil {
			t.Fatal(err)
		}
		var want [][]string
		var numbers []int
		for i, r := range table {
			if !jsBlank(r) {
				want = append(want, r)
				numbers = append(numbers, i+1)
			}
		}
		if !back.OK || !slices.EqualFunc(back.Value.Rows, want, slices.Equal) || !slices.Equal(back.Value.RowNumbers, numbers) {
			t.Fatalf("%q written with %q as\n%q\nreads back as %q, rows %v (ok %v)", table, comma, b.String(), back.Value.Rows, back.Value.RowNumbers, back.OK)
		}
	})
}

// jsBlank tells whether every value is empty after JavaScript's trim, whose white space differs
// from Go's in U+0085 (not space in JavaScript) and U+FEFF (space in JavaScript).
func jsBlank(values []string) bool {
	for _, v := range values {
		if strings.TrimFunc(v, func(r rune) bool { return r == '\ufeff' || (unicode.IsSpace(r) && r != '\u0085') }) != "" {
			return false
		}
	}
	return true
}
