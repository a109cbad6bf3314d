package scan

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/internal/corpus"
)

// callPlain calls an exported function of the logic that does not take the knowledge base;
// Bytes arguments reach it as a Uint8Array, the rest through JSON.
func callPlain(t testing.TB, m *Module, name string, args ...any) json.RawMessage {
	t.Helper()
	raw, err := m.CallPlain(name, args...)
	if err != nil {
		t.Fatalf("%s threw: %v", name, err)
	}
	return raw
}

// readFile reads a file as the command line hands it to the logic: a zip file unpacked by Go.
func readTeamFile(t testing.TB, m *Module, data []byte) json.RawMessage {
	t.Helper()
	z, err := m.Unzip(data)
	if err != nil {
		t.Fatal(err)
	}
	return callPlain(t, m, "readFile", Bytes(data), z)
}

func questionsOf(t testing.TB) []corpus.Question {
	mod(t)
	var qs []corpus.Question
	for _, d := range kb.Determinants {
		qs = append(qs, corpus.Question{Number: d.Number, ID: d.ID, Title: d.Title, Text: d.Question, Scale: d.Scale})
	}
	return qs
}

// expected scores the team in Go, independently of the logic: per determinant the answers given
// and the shares of negative and positive ones, rounded as the report rounds them.
func expected(team corpus.Team) map[string]Figure {
	out := map[string]Figure{}
	for k, q := range team.Questions {
		var n, neg, pos int
		for _, a := range team.Answers {
			p, ok := map[string]map[string]int{
				"eens5":           {"1": -1, "2": -1, "3": 0, "4": 1, "5": 1},
				"eens5-omgekeerd": {"1": 1, "2": 1, "3": 0, "4": -1, "5": -1},
				"janeeweetniet":   {"nee": -1, "wn": 0, "ja": 1},
			}[q.Scale][a[k]]
			if !ok {
				continue
			}
			n++
			neg += max(-p, 0)
			pos += max(p, 0)
		}
		f := Figure{ID: q.ID, Number: q.Number, Title: q.Title, Answers: n}
		if n > 0 {
			f.Negative = math.Round(float64(neg)/float64(n)*1e4) / 1e4
			f.Positive = math.Round(float64(pos)/float64(n)*1e4) / 1e4
		}
		out[q.ID] = f
	}
	return out
}

func sameFigures(t *testing.T, name string, got []Figure, want map[string]Figure) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d determinants, want %d", name, len(got), len(want))
	}
	for _, g := range got {
		if w := want[g.ID]; g != w {
			t.Errorf("%s: %+v, want %+v", name, g, w)
		}
	}
}

// TestSurveyToolExportsReadWithoutMapping reads one team's answers as every survey tool exports
// them (headings, answer words, encodings and file types of their own) and expects the same
// figures each time, without any mapping, except Castor's numeric yes/no codes, which need one.
func TestSurveyToolExportsReadWithoutMapping(t *testing.T) {
	m := mod(t)
	team := corpus.RandomTeam(questionsOf(t), 40, 3)
	want := expected(team)
	castorMapping := corpus.CastorMapping
	cases := []struct {
		name    string
		file    []byte
		mapping *string
		ignored []string
		notice  string
	}{
		{"Microsoft Forms (.xlsx)", team.MicrosoftForms(), nil, []string{"ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Wat is je functie?"}, ""},
		{"Google Forms (CSV)", team.GoogleForms(), nil, []string{"Tijdstempel", "E-mailadres", "Wat is je functie?"}, ""},
		{"LimeSurvey, codes (CSV)", team.LimeSurvey(true), nil, []string{"id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"}, ""},
		{"LimeSurvey, texts (CSV)", team.LimeSurvey(false), nil, []string{"Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started", "Date last action"}, ""},
		{"Qualtrics (CSV, three heading rows)", team.Qualtrics(), nil, nil, ""},
		{"Castor (CSV, numeric codes) with a mapping", team.Castor(), &castorMapping, nil, "fingerprint"},
		{"Excel on Windows (CSV, Windows-1252)", team.ExcelWindows(), nil, []string{"Functie"}, "Windows-1252"},
		{"Excel's Unicode text (UTF-16, tabs)", team.UnicodeText(), nil, []string{"Functie"}, ""},
	}
	for _, c := range cases {
		rep, err := m.Report(c.file, ReportOptions{Threshold: 0.2, Mapping: c.mapping})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if rep.Respondents != len(team.Answers) {
			t.Errorf("%s: %d respondents, want %d", c.name, rep.Respondents, len(team.Answers))
		}
		sameFigures(t, c.name, rep.Determinants, want)
		if c.ignored != nil && strings.Join(rep.IgnoredColumns, "|") != strings.Join(c.ignored, "|") {
			t.Errorf("%s: ignored columns %q, want %q", c.name, rep.IgnoredColumns, c.ignored)
		}
		if got := strings.Join(rep.Notices, " "); (c.notice == "") != (got == "") || !strings.Contains(got, c.notice) {
			t.Errorf("%s: notices %q, want one about %q", c.name, rep.Notices, c.notice)
		}
	}
	_, err := m.Report(team.Castor(), ReportOptions{Threshold: 0.2})
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Error(), `"0" (`) || !strings.Contains(fe.Error(), "mapping") {
		t.Errorf("Castor's numeric yes/no codes without a mapping: %v; want each unknown answer named, with the way out", err)
	}
}

// TestWorkbookVariants writes the same workbook the ways different writers do and expects the
// same figures, and the dates of the time columns read as dates.
func TestWorkbookVariants(t *testing.T) {
	m := mod(t)
	team := corpus.RandomTeam(questionsOf(t), 12, 5)
	want := expected(team)
	rows := team.MicrosoftFormsRows()
	variants := map[string]corpus.XLSX{
		"shared strings":           {Rows: rows},
		"inline strings":           {Rows: rows, InlineStrings: true},
		"formula strings":          {Rows: rows, FormulaStrings: true},
		"1904 date system":         {Rows: rows, Date1904: true},
		"x: prefix on elements":    {Rows: rows, Prefix: "x"},
		"cells without references": {Rows: rows, NoCellRefs: true},
		"an empty first sheet":     {Rows: rows, EmptyFirst: true},
		"stored, not deflated":     {Rows: rows, Store: true},
	}
	for name, x := range variants {
		file := x.Bytes()
		rep, err := m.Report(file, ReportOptions{Threshold: 0.2})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		sameFigures(t, name, rep.Determinants, want)
		var sheet struct {
			Value struct {
				Rows [][]string `json:"rows"`
			} `json:"value"`
		}
		_ = json.Unmarshal(readTeamFile(t, m, file), &sheet)
		start := team.Started[0].Format("2006-01-02 15:04:05")
		if got := sheet.Value.Rows[1][1]; got != start {
			t.Errorf("%s: Start time of the first respondent reads %q, want %q", name, got, start)
		}
		if got := sheet.Value.Rows[1][0]; got != "1" {
			t.Errorf("%s: ID of the first respondent reads %q, want 1", name, got)
		}
	}
}

func TestSerialDates(t *testing.T) {
	m := mod(t)
	cases := []struct {
		serial   float64
		date1904 bool
		want     string
	}{
		{1, false, "1900-01-01"},
		{59, false, "1900-02-28"},
		{60, false, "1900-02-29"}, // the day Lotus 1-2-3 invented, and Excel kept
		{61, false, "1900-03-01"},
		{45352, false, "2024-03-01"},
		{45352.4201388889, false, "2024-03-01 10:05:00"},
		{0, true, "1904-01-01"},
		{43890, true, "2024-03-01"},
	}
	for _, c := range cases {
		var got string
		_ = json.Unmarshal(callPlain(t, m, "serialDate", c.serial, c.date1904), &got)
		if got != c.want {
			t.Errorf("serial %v (1904: %v) = %q, want %q", c.serial, c.date1904, got, c.want)
		}
	}
}

// zipOf writes a zip with the parts, deflated.
func zipOf(t testing.TB, parts map[string][]byte) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, data := range parts {
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(data)
	}
	_ = z.Close()
	return b.Bytes()
}

// workbookWith replaces the first sheet of a small workbook.
func workbookWith(t testing.TB, sheet []byte) []byte {
	small := corpus.XLSX{Rows: [][]any{{"1"}, {"2"}}}.Bytes()
	r, err := zip.NewReader(bytes.NewReader(small), int64(len(small)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range r.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		parts[f.Name] = b.Bytes()
	}
	parts["xl/worksheets/sheet1.xml"] = sheet
	return zipOf(t, parts)
}

// withDeclaredSize rewrites the unpacked size the zip's directory declares for a part.
func withDeclaredSize(data []byte, name string, size uint32) []byte {
	out := bytes.Clone(data)
	sig := []byte{0x50, 0x4b, 1, 2}
	for i := bytes.Index(out, sig); i >= 0; {
		nameLen := int(binary.LittleEndian.Uint16(out[i+28:]))
		if string(out[i+46:i+46+nameLen]) == name {
			binary.LittleEndian.PutUint32(out[i+24:], size)
		}
		j := bytes.Index(out[i+4:], sig)
		if j < 0 {
			break
		}
		i += 4 + j
	}
	return out
}

func compoundFile(streams ...string) []byte {
	b := []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
	b = append(b, make([]byte, 504)...)
	for _, s := range streams {
		for _, r := range s {
			b = append(b, byte(r), 0)
		}
		b = append(b, make([]byte, 64)...)
	}
	return b
}

func rowsCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("respondent;1;2\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "r%d;%d;%d\r\n", i, 1+i%5, 1+i%3)
	}
	return b.Bytes()
}

func rowsSheet(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>1</t></is></c></row>`)
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, i, i, 1+i%5)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.Bytes()
}

// TestBadFilesAreRefusedWithTheReason gives the scan what teams upload by mistake and what an
// attacker might: each is refused with a message that names what is wrong, in English for the
// command line and in Dutch for the page.
func TestBadFilesAreRefusedWithTheReason(t *testing.T) {
	m := mod(t)
	good := corpus.XLSX{Rows: [][]any{{"1"}, {"2"}}}.Bytes()
	zeros := bytes.Repeat([]byte("<row><c><v>1</v></c></row>"), 2<<20) // 52 MB, packs to some 100 kB
	cases := []struct {
		name string
		file []byte
		says string
	}{
		{"a PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "this is a PDF file"},
		{"a photo", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "an image (PNG)"},
		{"a Word document", zipOf(t, map[string][]byte{"[Content_Types].xml": []byte("<Types/>"), "word/document.xml": []byte("<w:document/>")}), "Word document"},
		{"an OpenDocument spreadsheet", zipOf(t, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": []byte("<office:document-content/>")}), "OpenDocument spreadsheet (.ods)"},
		{"a zip of something else", zipOf(t, map[string][]byte{"foto.jpg": []byte("jpeg")}), "zip file without an Excel workbook"},
		{"an encrypted workbook", compoundFile("Root Entry", "EncryptionInfo", "EncryptedPackage"), "encrypted with a password"},
		{"an Excel 97–2003 workbook", compoundFile("Root Entry", "Workbook", "SummaryInformation"), "old Excel file (.xls"},
		{"binary data", []byte("abc\x00\x01\x02def"), "neither text nor an Excel workbook"},
		{"an empty file", nil, "the file is empty"},
		{"a saved scan", []byte(`{"format": "kennisbank-implementatiescan", "version": 1}`), "saved scan (JSON)"},
		{"a damaged workbook", good[:len(good)/2], "damaged"},
		{"a zip bomb (ratio)", workbookWith(t, zeros), "zip bomb"},
		{"a zip bomb (declared size)", withDeclaredSize(good, "xl/worksheets/sheet1.xml", 200<<20), "zip bomb"},
		{"a zip bomb (unpacks past its declared size)", withDeclaredSize(workbookWith(t, rowsSheet(2000)), "xl/worksheets/sheet1.xml", 1000), "zip bomb"},
		{"a sheet of 100,000 rows", workbookWith(t, rowsSheet(100000)), "more than 10000 rows"},
		{"a CSV of 100,000 rows", rowsCSV(100000), "more than 10000 rows"},
		{"a CSV of 2,000 columns", []byte(strings.Repeat("1;", 2000) + "\r\n"), "more than 1024 columns"},
	}
	for _, c := range cases {
		t0 := time.Now()
		_, err := m.Report(c.file, ReportOptions{Threshold: 0.2})
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: %v, want a refusal", c.name, err)
			continue
		}
		if !strings.Contains(fe.Error(), c.says) || fe.Problems[0].Message == "" {
			t.Errorf("%s: %q (Dutch: %q), want it to say %q", c.name, fe.Error(), fe.Problems[0].Message, c.says)
		}
		t.Logf("%s: %v", c.name, time.Since(t0))
		if d := time.Since(t0); d > 20*time.Second {
			t.Errorf("%s: refused only after %v", c.name, d)
		}
	}
}

// TestWindows1252IsDecoded reads the accents of a CSV that Dutch Excel saved on Windows.
func TestWindows1252IsDecoded(t *testing.T) {
	m := mod(t)
	team := corpus.RandomTeam(questionsOf(t), 60, 11)
	var d struct {
		Text     string `json:"text"`
		Encoding string `json:"encoding"`
	}
	_ = json.Unmarshal(callPlain(t, m, "decodeBytes", Bytes(team.ExcelWindows())), &d)
	if d.Encoding != "windows-1252" || !strings.Contains(d.Text, "Coördinator") {
		t.Errorf("decoded as %s; the accented role reads %q", d.Encoding, d.Text[strings.Index(d.Text, "Co"):][:12])
	}
	for _, in := range []string{"\xef\xbb\xbfCoördinator", "Coördinator"} {
		_ = json.Unmarshal(callPlain(t, m, "decodeBytes", Bytes(in)), &d)
		if d.Encoding != "utf-8" || d.Text != "Coördinator" {
			t.Errorf("%q decoded as %s: %q", in, d.Encoding, d.Text)
		}
	}
}
