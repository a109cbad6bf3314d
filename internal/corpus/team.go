package corpus

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand"
	"strings"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// TeamCSV writes a team file for the implementatiescan: n respondents with random answers (fixed
// seed), one in ten missing, as Dutch Excel writes them (semicolons, CRLF). numbers and scales
// give the determinants in order. The goja and the Chromium benchmarks of the scan both use it,
// so their figures are for the same work.
func TeamCSV(numbers []int, scales []string, n int) string {
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	b.WriteString("respondent")
	for _, num := range numbers {
		fmt.Fprintf(&b, ";%d", num)
	}
	b.WriteString("\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "r%d", i)
		for _, scale := range scales {
			b.WriteByte(';')
			if rng.Intn(10) == 0 {
				continue
			}
			if scale == "janeeweetniet" {
				b.WriteString([]string{"ja", "nee", "weet niet"}[rng.Intn(3)])
			} else {
				fmt.Fprint(&b, 1+rng.Intn(5))
			}
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

// Question is a determinant's question as a survey asks it.
type Question struct {
	Number int
	ID     string
	Title  string
	Text   string
	Scale  string // eens5 | eens5-omgekeerd | janeeweetniet
}

func (q Question) yesNo() bool { return q.Scale == "janeeweetniet" }

// Team is a team's answers to the scan's questions, to write as the survey tools export them:
// Answers[i][k] is respondent i's answer code to Questions[k] ("1"–"5", "ja", "nee", "wn",
// "nvt", or "" for none), Roles[i] their role.
type Team struct {
	Questions []Question
	Answers   [][]string
	Roles     []string
	Started   []time.Time
	Teams     []string // a coded group: "1", "2" or "3", which the form's own list names
	FTE       []string // hours as a fraction of a full week, as Dutch forms write it: "0,8"
	Comments  []string // free text; most respondents leave it empty
}

// Roles in a youth-care team, with how often they occur: some groups are smaller than five.
var roles = []struct {
	name   string
	weight int
}{{"Jeugdverpleegkundige", 10}, {"Jeugdarts", 5}, {"Doktersassistent", 3}, {"Gedragswetenschapper", 1}}

// RandomTeam makes n respondents with random answers (fixed seed): one answer in ten is missing,
// one in twenty "niet van toepassing".
func RandomTeam(qs []Question, n int, seed int64) Team {
	rng := rand.New(rand.NewSource(seed))
	t := Team{Questions: qs}
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		row := make([]string, len(qs))
		for k, q := range qs {
			switch r := rng.Intn(20); {
			case r < 2:
				row[k] = ""
			case r == 2:
				row[k] = "nvt"
			case q.yesNo():
				row[k] = []string{"ja", "nee", "wn"}[rng.Intn(3)]
			default:
				row[k] = fmt.Sprint(1 + rng.Intn(5))
			}
		}
		t.Answers = append(t.Answers, row)
		w := rng.Intn(19)
		for _, r := range roles {
			if w < r.weight {
				t.Roles = append(t.Roles, r.name)
				break
			}
			w -= r.weight
		}
		t.Started = append(t.Started, start.Add(time.Duration(i*37)*time.Minute+time.Duration(rng.Intn(60))*time.Second))
	}
	t.extras(seed)
	return t
}

// Free text as respondents write it in a comment field.
var comments = []string{"Meer tijd nodig om het goed te leren.", "Fijn dat we dit samen doen!", "Ik mis uitleg over de registratie.", "Graag een vervolgbijeenkomst in het najaar.", "De werkwijze past niet bij mijn caseload.", "Ik weet niet wie ik moet bellen bij vragen."}

// extras fills the columns a coordinator's own form adds, from a random source of their own so
// that the answers and roles of a seed stay as they were.
func (t *Team) extras(seed int64) {
	rng := rand.New(rand.NewSource(seed*7919 + 1))
	for i := range t.Answers {
		t.Teams = append(t.Teams, fmt.Sprint(1+rng.Intn(3)))
		t.FTE = append(t.FTE, []string{"0,6", "0,8", "0,9", "1", "0,5", "0,7"}[rng.Intn(6)])
		comment := ""
		if rng.Intn(4) == 0 {
			comment = fmt.Sprintf("%s (%d)", comments[rng.Intn(len(comments))], i+1)
		}
		t.Comments = append(t.Comments, comment)
	}
}

// options maps answer codes to the option texts of a form.
type options map[string]string

// The options a Dutch form built from the scan's list has, capitalised as form tools do.
var dutch = options{"1": "Helemaal mee oneens", "2": "Mee oneens", "3": "Neutraal", "4": "Mee eens", "5": "Helemaal mee eens", "ja": "Ja", "nee": "Nee", "wn": "Weet ik niet", "nvt": "Niet van toepassing"}

// Google Forms options numbered as many forms do: "4 - Mee eens".
var numbered = options{"1": "1 - Helemaal mee oneens", "2": "2 - Mee oneens", "3": "3 - Neutraal", "4": "4 - Mee eens", "5": "5 - Helemaal mee eens", "ja": "Ja", "nee": "Nee", "wn": "Weet ik niet", "nvt": "N.v.t."}

// Qualtrics' English five-point agreement scale.
var qualtrics = options{"1": "Strongly disagree", "2": "Somewhat disagree", "3": "Neither agree nor disagree", "4": "Somewhat agree", "5": "Strongly agree", "ja": "Yes", "nee": "No", "wn": "Don't know", "nvt": "Not applicable"}

func (w options) of(code string) string {
	if code == "" {
		return ""
	}
	return w[code]
}

func writeCSV(rows [][]string, comma rune, crlf bool) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = comma
	w.UseCRLF = crlf
	if err := w.WriteAll(rows); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// MicrosoftForms writes what Microsoft Forms' "Open in Excel" gives: ID, start and completion
// time, e-mail and name, then a column per question headed by its text (a Likert question gives
// a column per statement), then the role question.
func (t Team) MicrosoftForms() []byte {
	return XLSX{Sheet: "Sheet1", Rows: t.MicrosoftFormsRows()}.Bytes()
}

// MicrosoftFormsRows are the rows of MicrosoftForms, to write with other workbook options.
func (t Team) MicrosoftFormsRows() [][]any {
	head := []any{"ID", "Start time", "Completion time", "Email", "Name", "Last modified time"}
	for _, q := range t.Questions {
		head = append(head, q.Text)
	}
	head = append(head, "Wat is je functie?")
	rows := [][]any{head}
	for i, a := range t.Answers {
		row := []any{i + 1, t.Started[i], t.Started[i].Add(6 * time.Minute), "anonymous", "", ""}
		for _, code := range a {
			row = append(row, dutch.of(code))
		}
		rows = append(rows, append(row, t.Roles[i]))
	}
	return rows
}

// MicrosoftFormsExtended is MicrosoftForms with the questions a coordinator adds to the form:
// the team (a choice whose export gives its number), the FTE and a comment field.
func (t Team) MicrosoftFormsExtended() []byte {
	rows := t.MicrosoftFormsRows()
	rows[0] = append(rows[0], "Team", "FTE", "Opmerkingen")
	for i := range t.Answers {
		rows[i+1] = append(rows[i+1], t.Teams[i], t.FTE[i], t.Comments[i])
	}
	return XLSX{Sheet: "Sheet1", Rows: rows}.Bytes()
}

// LimeSurveyCodes writes LimeSurvey's CSV export of a survey the coordinator made themselves:
// the questions coded by their place in it (prefix + 001, 002, …), not by determinant, with
// answer codes. The scan does not recognise such codes; a mapping says which is which.
func (t Team) LimeSurveyCodes(prefix string) []byte {
	head := []string{"id", "submitdate", "lastpage", "startlanguage"}
	for k := range t.Questions {
		head = append(head, fmt.Sprintf("%s%03d", prefix, k+1))
	}
	rows := [][]string{head}
	for i, a := range t.Answers {
		rows = append(rows, append([]string{fmt.Sprint(i + 1), t.Started[i].Format("2006-01-02 15:04:05"), "2", "nl"}, a...))
	}
	return writeCSV(rows, ',', true)
}

// GoogleForms writes the CSV Google Forms downloads (Dutch account): Tijdstempel, the e-mail
// address, the role, then the two grids, headed "Title [row]", with numbered options.
func (t Team) GoogleForms() []byte {
	head := []string{"Tijdstempel", "E-mailadres", "Wat is je functie?"}
	for _, q := range t.Questions {
		grid := "Stellingen over de innovatie"
		if q.yesNo() {
			grid = "Vragen over je organisatie"
		}
		head = append(head, fmt.Sprintf("%s [%s]", grid, q.Text))
	}
	rows := [][]string{head}
	for i, a := range t.Answers {
		row := []string{t.Started[i].Format("2006/01/02 3:04:05 PM") + " CET", fmt.Sprintf("medewerker%d@example.org", i+1), t.Roles[i]}
		for _, code := range a {
			row = append(row, numbered.of(code))
		}
		rows = append(rows, row)
	}
	return writeCSV(rows, ',', false)
}

// LimeSurvey writes LimeSurvey's CSV export of the survey the scan's import file makes: with
// question codes as headings and answer codes as values, or full question texts and answers.
func (t Team) LimeSurvey(codes bool) []byte {
	head := []string{"id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"}
	if !codes {
		head = []string{"Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started", "Date last action"}
	}
	for _, q := range t.Questions {
		if codes {
			head = append(head, fmt.Sprintf("D%02d", q.Number))
		} else {
			head = append(head, q.Text)
		}
	}
	labels := options{"1": "helemaal mee oneens", "2": "mee oneens", "3": "neutraal", "4": "mee eens", "5": "helemaal mee eens", "ja": "ja", "nee": "nee", "wn": "weet niet", "nvt": "niet van toepassing"}
	rows := [][]string{head}
	for i, a := range t.Answers {
		stamp := t.Started[i].Format("2006-01-02 15:04:05")
		row := []string{fmt.Sprint(i + 1), stamp, "4", "nl", fmt.Sprint(100000 + i*7919), stamp, stamp}
		for _, code := range a {
			if codes {
				row = append(row, code)
			} else {
				row = append(row, labels.of(code))
			}
		}
		rows = append(rows, row)
	}
	return writeCSV(rows, ',', true)
}

// Qualtrics writes Qualtrics' CSV export: three heading rows (export tags, question texts,
// import ids), two matrix questions with English choice texts, and the role question.
func (t Team) Qualtrics() []byte {
	tags := []string{"StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"}
	texts := []string{"Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name", "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude", "Distribution Channel", "User Language"}
	var ids []string
	for _, tag := range tags {
		ids = append(ids, fmt.Sprintf(`{"ImportId":"%s%s"}`, strings.ToLower(tag[:1]), tag[1:]))
	}
	k := [2]int{}
	for _, q := range t.Questions {
		m := 0
		if q.yesNo() {
			m = 1
		}
		k[m]++
		tags = append(tags, fmt.Sprintf("Q%d_%d", m+1, k[m]))
		texts = append(texts, []string{"Stellingen", "Organisatie"}[m]+" - "+q.Text)
		ids = append(ids, fmt.Sprintf(`{"ImportId":"QID%d_%d"}`, m+1, k[m]))
	}
	tags, texts, ids = append(tags, "Q3"), append(texts, "Wat is je functie?"), append(ids, `{"ImportId":"QID3"}`)
	rows := [][]string{tags, texts, ids}
	for i, a := range t.Answers {
		s := t.Started[i]
		row := []string{s.Format("2006-01-02 15:04:05"), s.Add(7 * time.Minute).Format("2006-01-02 15:04:05"), "IP Address", "192.0.2.1", "100", "420", "True", s.Add(7 * time.Minute).Format("2006-01-02 15:04:05"), fmt.Sprintf("R_%08x", i*2654435761%(1<<32)), "", "", "", "", "52.09", "5.12", "anonymous", "NL"}
		for _, code := range a {
			row = append(row, qualtrics.of(code))
		}
		rows = append(rows, append(row, t.Roles[i]))
	}
	return writeCSV(rows, ',', true)
}

// Castor writes Castor EDC's survey export (semicolons): its own columns, then the variables,
// named midi_01 to midi_29, with the options' numeric values: 1–5 on the statements, and on the
// yes/no questions 1 (ja), 0 (nee) and 9 (weet niet), which need a mapping; 99 is "nvt".
func (t Team) Castor() []byte {
	head := []string{"Survey Instance Id", "Castor Participant Id", "Survey creation date", "Survey sent date", "Survey Progress", "Survey Completed On", "Survey Parent", "Survey Package Name", "Survey Package Id"}
	for _, q := range t.Questions {
		head = append(head, fmt.Sprintf("midi_%02d", q.Number))
	}
	values := options{"1": "1", "2": "2", "3": "3", "4": "4", "5": "5", "ja": "1", "nee": "0", "wn": "9", "nvt": "99"}
	rows := [][]string{head}
	for i, a := range t.Answers {
		d := t.Started[i].Format("02-01-2006 15:04:05")
		row := []string{fmt.Sprintf("B7D1%04X-0000-4000-8000-%012X", i, i), fmt.Sprintf("110%03d", i+1), d, d, "100", d, "Baseline", "MIDI", "PKG-1"}
		for _, code := range a {
			row = append(row, values.of(code))
		}
		rows = append(rows, row)
	}
	return writeCSV(rows, ';', true)
}

// CastorMapping is the mapping file that reads Castor's numeric yes/no values.
const CastorMapping = `{"format": "kennisbank-implementatiescan-koppeling", "version": 1, "columns": {}, "answers": {"eens5": {"99": "nvt"}, "janeeweetniet": {"1": "ja", "0": "nee", "9": "wn", "99": "nvt"}}}`

// ExcelWindows writes the team as Dutch Excel on Windows saves "CSV (gescheiden door
// lijstscheidingsteken)": semicolons, CRLF, Windows-1252, with the determinant numbers as headings
// and a role column whose values have accents.
func (t Team) ExcelWindows() []byte {
	head := []string{"Functie"}
	for _, q := range t.Questions {
		head = append(head, fmt.Sprint(q.Number))
	}
	rows := [][]string{head}
	for i, a := range t.Answers {
		rows = append(rows, append([]string{strings.Replace(t.Roles[i], "Gedragswetenschapper", "Coördinator", 1)}, a...))
	}
	out, err := charmap.Windows1252.NewEncoder().Bytes(writeCSV(rows, ';', true))
	if err != nil {
		panic(err)
	}
	return out
}

// UnicodeText writes the team as Excel's "Unicode text" does: UTF-16LE with a byte order mark,
// tab-separated, the determinants' ids as headings.
func (t Team) UnicodeText() []byte {
	head := []string{"Functie"}
	for _, q := range t.Questions {
		head = append(head, q.ID)
	}
	rows := [][]string{head}
	for i, a := range t.Answers {
		rows = append(rows, append([]string{t.Roles[i]}, a...))
	}
	units := utf16.Encode([]rune(string(writeCSV(rows, '\t', true))))
	out := []byte{0xff, 0xfe}
	for _, u := range units {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}
