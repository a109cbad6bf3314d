package scan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Report is what `kennisbank scan --format json` prints, decoded. The logic writes the JSON;
// negative and positive are fractions 0..1 of the answers given to a determinant (missing and
// "niet van toepassing" answers are not counted).
type Report struct {
	Respondents          int             `json:"respondents"`
	Threshold            float64         `json:"threshold"`
	FacilitatorThreshold float64         `json:"facilitator_threshold"`
	Barriers             []Figure        `json:"barriers"`
	Facilitators         []Figure        `json:"facilitators"`
	Determinants         []Figure        `json:"determinants"`
	Strategies           []Strategy      `json:"strategies"`
	IgnoredColumns       []string        `json:"ignored_columns"`
	Notices              []string        `json:"notices"`
	GroupColumn          string          `json:"group_column"`
	Groups               []Group         `json:"groups"`
	HiddenGroups         int             `json:"hidden_groups"`
	Comparison           *Comparison     `json:"comparison"`
	raw                  json.RawMessage // as the logic wrote it
}

// Figure is one determinant's outcome.
type Figure struct {
	ID       string  `json:"id"`
	Number   int     `json:"number"`
	Title    string  `json:"title"`
	Answers  int     `json:"answers"`
	Negative float64 `json:"negative"`
	Positive float64 `json:"positive"`
}

// Barrier is a determinant whose share of negative answers reaches the threshold.
type Barrier = Figure

// Strategy is a ranked strategy and the barriers (determinant ids) it addresses.
type Strategy struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Score    float64  `json:"score"`
	Barriers []string `json:"barriers"`
}

// Group is the outcome of one group of at least five respondents. TooFewAnswers lists the
// determinants it does not show, for having fewer than five answers in the group.
type Group struct {
	Name          string   `json:"name"`
	Respondents   int      `json:"respondents"`
	Barriers      []Figure `json:"barriers"`
	Facilitators  []Figure `json:"facilitators"`
	TooFewAnswers []string `json:"too_few_answers"`
}

// Comparison sets the outcome beside an earlier one.
type Comparison struct {
	Earlier struct {
		File        string `json:"file"`
		Date        string `json:"date"`
		Respondents int    `json:"respondents"`
	} `json:"earlier"`
	Determinants []struct {
		ID             string   `json:"id"`
		Number         int      `json:"number"`
		Title          string   `json:"title"`
		NegativeBefore *float64 `json:"negative_before"`
		NegativeNow    *float64 `json:"negative_now"`
		BarrierBefore  bool     `json:"barrier_before"`
		BarrierNow     bool     `json:"barrier_now"`
	} `json:"determinants"`
	Solved    []string `json:"solved"`
	New       []string `json:"new"`
	Remaining []string `json:"remaining"`
}

// JSON is the report as the logic wrote it, indented.
func (r *Report) JSON() []byte {
	var b bytes.Buffer
	if err := json.Indent(&b, r.raw, "", "  "); err != nil {
		return r.raw
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// Problem is one thing wrong with a file. Row 1 is the first row of the sheet; Row or Column is
// 0 when the problem is about the whole file or row.
type Problem struct {
	File      string `json:"file"` // "mapping" or "compare" when the problem is in that file, not the team's
	Row       int    `json:"row"`
	Column    int    `json:"column"`
	Header    string `json:"header"`
	Value     string `json:"value"`
	Message   string `json:"message"`    // Dutch, as the page shows it
	MessageEN string `json:"message_en"` // English, for the command line
}

// FileError is what keeps a file from being read: every problem found, collected. Each problem
// is named by the file it is in: the team's (File), the mapping or the earlier result.
type FileError struct {
	File, Mapping, Compare string
	Problems               []Problem
}

func (e *FileError) Error() string {
	var lines []string
	for _, p := range e.Problems {
		name := map[string]string{"": e.File, "mapping": e.Mapping, "compare": e.Compare}[p.File]
		if name != "" {
			lines = append(lines, name+": "+p.MessageEN)
		} else {
			lines = append(lines, p.MessageEN)
		}
	}
	return strings.Join(lines, "\n")
}

// ReportOptions are the choices of the scan command. Mapping and Compare are the files' texts.
type ReportOptions struct {
	Threshold   float64 `json:"threshold,omitempty"`
	Facilitator float64 `json:"facilitator,omitempty"`
	Mapping     *string `json:"mapping,omitempty"`
	Group       *string `json:"group,omitempty"`
	Compare     *string `json:"compare,omitempty"`
	CompareName string  `json:"compareName,omitempty"`
	MappingName string  `json:"-"`               // the mapping file's name, for messages
	Sheet       string  `json:"sheet,omitempty"` // the worksheet of a workbook; by default the first with data
}

// Report reads a team's file (CSV, tab-separated text or .xlsx, as bytes) and ranks the
// strategies. A file the logic refuses gives a *FileError.
func (m *Module) Report(file []byte, o ReportOptions) (*Report, error) {
	z, err := m.Unzip(file)
	if err != nil {
		return nil, err
	}
	raw, err := m.Call("report", Bytes(file), o, z)
	if err != nil {
		return nil, err
	}
	var res struct {
		OK       bool            `json:"ok"`
		Value    json.RawMessage `json:"value"`
		Problems []Problem       `json:"problems"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, fmt.Errorf("scan module: report: %w", err)
	}
	if !res.OK {
		if len(res.Problems) == 0 {
			return nil, errNoReason
		}
		return nil, &FileError{Mapping: o.MappingName, Compare: o.CompareName, Problems: res.Problems}
	}
	var rep Report
	if err := json.Unmarshal(res.Value, &rep); err != nil {
		return nil, fmt.Errorf("scan module: report: %w", err)
	}
	rep.raw = res.Value
	return &rep, nil
}
