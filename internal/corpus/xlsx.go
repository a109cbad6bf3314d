package corpus

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"math"
	"strings"
	"time"
)

// XLSX is a workbook to write for tests and benchmarks, made the way spreadsheet writers make
// them, so that no opaque binary file is committed. A cell is a string, a number (int or
// float64), a bool or a time.Time (a date serial with a date style).
type XLSX struct {
	Sheet          string  // the worksheet's name; "Sheet1" when empty
	Rows           [][]any // first row: the headings
	InlineStrings  bool    // strings in the cells (t="inlineStr") instead of the shared table
	Date1904       bool    // the 1904 date system (Excel for Mac before 2011)
	Prefix         string  // a namespace prefix on the sheet's elements ("x"), as some writers use
	EmptyFirst     bool    // an empty worksheet before the one with data
	Store          bool    // store the parts instead of deflating them
	NoCellRefs     bool    // cells without r="B2": their place is their order
	FormulaStrings bool    // strings as formula results (t="str")
	Others         []Sheet // more worksheets after this one, such as a summary a coordinator added
}

// Sheet is a further worksheet of a workbook.
type Sheet struct {
	Name string
	Rows [][]any
}

// Styles: 0 general, 1 a date (built-in format 14), 2 a date and time (a custom format).
const (
	styleDate     = 1
	styleDateTime = 2
)

// Bytes writes the workbook.
func (x XLSX) Bytes() []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	sheets := []string{x.sheet()}
	if x.EmptyFirst {
		sheets = []string{"Leeg", x.sheet()}
	}
	strs := &sharedStrings{index: map[string]int{}}
	var sheetXML []string
	for i := range sheets {
		if x.EmptyFirst && i == 0 {
			sheetXML = append(sheetXML, x.worksheet(nil, strs))
			continue
		}
		sheetXML = append(sheetXML, x.worksheet(x.Rows, strs))
	}
	for _, o := range x.Others {
		sheets = append(sheets, o.Name)
		sheetXML = append(sheetXML, x.worksheet(o.Rows, strs))
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes(len(sheets))},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", x.workbook(sheets)},
		{"xl/_rels/workbook.xml.rels", workbookRels(len(sheets))},
		{"xl/styles.xml", stylesXML},
		{"xl/sharedStrings.xml", strs.xml()},
	}
	for i, s := range sheetXML {
		parts = append(parts, struct{ name, body string }{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s})
	}
	for _, p := range parts {
		method := zip.Deflate
		if x.Store {
			method = zip.Store
		}
		w, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)})
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			panic(err)
		}
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func (x XLSX) sheet() string {
	if x.Sheet == "" {
		return "Sheet1"
	}
	return x.Sheet
}

func contentTypes(sheets int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i)
	}
	b.WriteString(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)
	return b.String()
}

func (x XLSX) workbook(sheets []string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	if x.Date1904 {
		b.WriteString(`<workbookPr date1904="1"/>`)
	} else {
		b.WriteString(`<workbookPr defaultThemeVersion="166925"/>`)
	}
	b.WriteString(`<sheets>`)
	for i, s := range sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, html.EscapeString(s), i+1, i+1)
	}
	b.WriteString(`</sheets></workbook>`)
	return b.String()
}

func workbookRels(sheets int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, sheets+1)
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>`, sheets+2)
	b.WriteString(`</Relationships>`)
	return b.String()
}

const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-413]d\-m\-yyyy\ h:mm:ss;@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`

type sharedStrings struct {
	list  []string
	index map[string]int
}

func (s *sharedStrings) add(v string) int {
	if i, ok := s.index[v]; ok {
		return i
	}
	s.index[v] = len(s.list)
	s.list = append(s.list, v)
	return len(s.list) - 1
}

func (s *sharedStrings) xml() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(s.list), len(s.list))
	for _, v := range s.list {
		fmt.Fprintf(&b, `<si><t xml:space="preserve">%s</t></si>`, escapeXML(v))
	}
	b.WriteString(`</sst>`)
	return b.String()
}

// escapeXML escapes text for XML; characters XML cannot hold are written as OOXML's _xHHHH_.
func escapeXML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 && r != '\t' && r != '\n':
			fmt.Fprintf(&b, "_x%04X_", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ColumnName names a column as a spreadsheet does: 0 → A, 26 → AA.
func ColumnName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// Serial is a date's serial number in the workbook's date system.
func Serial(t time.Time, date1904 bool) float64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	d := t.Sub(epoch)
	return math.Round(d.Seconds()) / 86400
}

func (x XLSX) worksheet(rows [][]any, strs *sharedStrings) string {
	p := ""
	if x.Prefix != "" {
		p = x.Prefix + ":"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<%sworksheet xmlns%s="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><%ssheetData>`, p, strings.TrimSuffix(":"+x.Prefix, ":"), p)
	for r, row := range rows {
		fmt.Fprintf(&b, `<%srow r="%d">`, p, r+1)
		for c, v := range row {
			ref := ""
			if !x.NoCellRefs {
				ref = fmt.Sprintf(` r="%s%d"`, ColumnName(c), r+1)
			}
			b.WriteString(x.cell(p, ref, v, strs))
		}
		fmt.Fprintf(&b, `</%srow>`, p)
	}
	fmt.Fprintf(&b, `</%ssheetData></%sworksheet>`, p, p)
	return b.String()
}

func (x XLSX) cell(p, ref string, v any, strs *sharedStrings) string {
	if v == nil || v == "" {
		if x.NoCellRefs {
			return fmt.Sprintf(`<%sc/>`, p) // without references a cell's place is its order: empty ones are written
		}
		return ""
	}
	switch v := v.(type) {
	case string:
		if x.InlineStrings {
			return fmt.Sprintf(`<%sc%s t="inlineStr"><%sis><%st>%s</%st></%sis></%sc>`, p, ref, p, p, escapeXML(v), p, p, p)
		}
		if x.FormulaStrings {
			return fmt.Sprintf(`<%sc%s t="str"><%sf>"%s"</%sf><%sv>%s</%sv></%sc>`, p, ref, p, escapeXML(v), p, p, escapeXML(v), p, p)
		}
		return fmt.Sprintf(`<%sc%s t="s"><%sv>%d</%sv></%sc>`, p, ref, p, strs.add(v), p, p)
	case int:
		return fmt.Sprintf(`<%sc%s><%sv>%d</%sv></%sc>`, p, ref, p, v, p, p)
	case float64:
		return fmt.Sprintf(`<%sc%s><%sv>%v</%sv></%sc>`, p, ref, p, v, p, p)
	case bool:
		n := 0
		if v {
			n = 1
		}
		return fmt.Sprintf(`<%sc%s t="b"><%sv>%d</%sv></%sc>`, p, ref, p, n, p, p)
	case time.Time:
		style := styleDateTime
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
			style = styleDate
		}
		return fmt.Sprintf(`<%sc%s s="%d"><%sv>%v</%sv></%sc>`, p, ref, style, p, Serial(v, x.Date1904), p, p)
	}
	panic(fmt.Sprintf("corpus: cell of type %T", v))
}
