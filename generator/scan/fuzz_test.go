package scan

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

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
		if err := json.Unmarshal(callPlain(t, m, "splitCSV", text), &parsed); err != nil {
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
		if err := json.Unmarshal(callPlain(t, m, "splitCSV", b.String()), &back); err != nil {
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

// FuzzReadFile feeds the file reader anything a team might choose: the logic returns a sheet or
// problems that say what is wrong, never an exception, and reading the sheet as a team's answers
// throws nothing either.
func FuzzReadFile(f *testing.F) {
	xlsx := corpus.XLSX{Rows: [][]any{{"1", "Q2", "Tijdstempel"}, {"mee eens", 4.0, time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)}}}.Bytes()
	for _, seed := range [][]byte{xlsx, xlsx[:len(xlsx)/2], []byte("1;2\r\n4;5\r\n"), []byte("\xff\xfe1\x00\t\x002\x00"), []byte("Co\xf6rdinator;1\r\nA;2\r\n"),
		{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), []byte("%PDF-1.4")} {
		f.Add(seed)
	}
	m := mod(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var res struct {
			OK       bool `json:"ok"`
			Problems []struct {
				Message   string `json:"message"`
				MessageEN string `json:"message_en"`
			} `json:"problems"`
		}
		if err := json.Unmarshal(readTeamFile(t, m, data), &res); err != nil {
			t.Fatal(err)
		}
		if !res.OK && (len(res.Problems) == 0 || res.Problems[0].Message == "" || res.Problems[0].MessageEN == "") {
			t.Fatalf("readFile(%q): refused without saying why: %+v", data, res)
		}
		if _, err := m.Report(data, ReportOptions{}); err != nil && !errors.As(err, new(*FileError)) {
			t.Fatalf("report(%q) threw: %v", data, err)
		}
	})
}

// FuzzDecodeUTF8 holds the logic's own UTF-8 decoder (goja has no TextDecoder) to Go's: the same
// text for valid UTF-8, a refusal (null) for anything else.
func FuzzDecodeUTF8(f *testing.F) {
	for _, s := range []string{"", "abc", "Coördinator", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "€ 😀", strings.Repeat("a", 9000) + "é"} {
		f.Add([]byte(s))
	}
	m := mod(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var got *string
		if err := json.Unmarshal(callPlain(t, m, "utf8Script", Bytes(data), 0), &got); err != nil {
			t.Fatal(err)
		}
		switch {
		case utf8.Valid(data) && (got == nil || *got != string(data)):
			t.Fatalf("%q is UTF-8; the logic reads %v", data, got)
		case !utf8.Valid(data) && got != nil:
			t.Fatalf("%q is not UTF-8; the logic reads it as %q", data, *got)
		}
	})
}
