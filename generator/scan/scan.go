// Package scan runs the implementatiescan's logic outside the browser. It bundles the very module
// the scan page uses (assets/scan/logic.ts) with esbuild's Go API and runs it in goja, a JavaScript
// engine written in Go, so `kennisbank scan` and the page cannot disagree.
//
//	m, err := scan.Load(".")                // bundle the module, load the knowledge base
//	rep, err := m.Report(csvText, 0.2)      // a *CSVError names the row and column of bad input
package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"

	"kennisbank/generator"
)

// Entry is the module, relative to the project folder.
const Entry = "assets/scan/logic.ts"

// Global is the name under which the bundled module exposes its exports.
const Global = "KennisbankScan"

// DefaultThreshold is the share of negative answers at which a determinant is a barrier.
const DefaultThreshold = 0.2

// Bundle bundles root/assets/scan/logic.ts into one script that defines the global Global.
// It targets ES2017, which goja runs.
func Bundle(root string) ([]byte, error) {
	entry := filepath.Join(root, filepath.FromSlash(Entry))
	if _, err := os.Stat(entry); err != nil {
		return nil, fmt.Errorf("scan module: %w", err)
	}
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{entry},
		Bundle:      true,
		Format:      api.FormatIIFE,
		GlobalName:  Global,
		Target:      api.ES2017,
		Charset:     api.CharsetUTF8,
		Write:       false,
		LogLevel:    api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		m := res.Errors[0]
		if m.Location != nil {
			return nil, fmt.Errorf("%s:%d: %s", m.Location.File, m.Location.Line, m.Text)
		}
		return nil, errors.New(m.Text)
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("scan module: esbuild wrote %d files, want 1", len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}

// Module is the scan logic running in one JavaScript engine, with the knowledge base loaded.
// It is safe for concurrent use; calls run one at a time.
type Module struct {
	mu        sync.Mutex
	vm        *goja.Runtime
	exports   *goja.Object
	kb        goja.Value
	parse     goja.Callable
	stringify goja.Callable
}

// Load bundles the module of the project at root and loads its knowledge base (drafts left out),
// as a build would publish it in data/kennisbank.json.
func Load(root string) (*Module, error) {
	bundle, err := Bundle(root)
	if err != nil {
		return nil, err
	}
	kb, err := generator.KnowledgeBaseJSON(generator.Options{Root: root})
	if err != nil {
		return nil, err
	}
	return New(bundle, kb)
}

// New runs the bundled module and parses the knowledge base (data/kennisbank.json) into it.
func New(bundle, kbJSON []byte) (*Module, error) {
	vm := goja.New()
	if _, err := vm.RunScript(Entry, string(bundle)); err != nil {
		return nil, fmt.Errorf("scan module: %w", err)
	}
	exports := vm.Get(Global)
	if exports == nil || goja.IsUndefined(exports) {
		return nil, fmt.Errorf("scan module: the bundle defines no %s", Global)
	}
	jsonObj := vm.Get("JSON").ToObject(vm)
	parse, _ := goja.AssertFunction(jsonObj.Get("parse"))
	stringify, _ := goja.AssertFunction(jsonObj.Get("stringify"))
	kb, err := parse(goja.Undefined(), vm.ToValue(string(kbJSON)))
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	return &Module{vm: vm, exports: exports.ToObject(vm), kb: kb, parse: parse, stringify: stringify}, nil
}

// Call calls the module's exported function name with the knowledge base as its first argument
// and args after it (each passed through JSON), and returns the result as JSON.
func (m *Module) Call(name string, args ...any) (json.RawMessage, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fn, ok := goja.AssertFunction(m.exports.Get(name))
	if !ok {
		return nil, fmt.Errorf("scan module: no function %q", name)
	}
	vals := []goja.Value{m.kb}
	for _, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			return nil, fmt.Errorf("scan module: argument of %s: %w", name, err)
		}
		v, err := m.parse(goja.Undefined(), m.vm.ToValue(string(b)))
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
	}
	res, err := fn(goja.Undefined(), vals...)
	if err != nil {
		return nil, fmt.Errorf("scan module: %s: %w", name, err)
	}
	out, err := m.stringify(goja.Undefined(), res)
	if err != nil {
		return nil, fmt.Errorf("scan module: %s: %w", name, err)
	}
	if goja.IsUndefined(out) {
		return json.RawMessage("null"), nil
	}
	return json.RawMessage(out.String()), nil
}

// Report is what `kennisbank scan --format json` prints. Negative and positive are fractions
// 0..1 of the answers given to that determinant (missing and "niet van toepassing" answers are not
// counted).
type Report struct {
	Respondents    int        `json:"respondents"`
	Threshold      float64    `json:"threshold"`
	Barriers       []Barrier  `json:"barriers"`
	Strategies     []Strategy `json:"strategies"`
	IgnoredColumns []string   `json:"ignored_columns"`
}

// Barrier is a determinant whose share of negative answers reaches the threshold.
type Barrier struct {
	ID       string  `json:"id"`
	Number   int     `json:"number"`
	Title    string  `json:"title"`
	Answers  int     `json:"answers"`
	Negative float64 `json:"negative"`
	Positive float64 `json:"positive"`
}

// Strategy is a ranked strategy and the barriers (determinant ids) it addresses.
type Strategy struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Score    float64  `json:"score"`
	Barriers []string `json:"barriers"`
}

// CSVError is the first problem in a responses file. Row 1 is the heading row; Row or Column is
// 0 when the problem is about the whole file or row.
type CSVError struct {
	File      string `json:"-"`
	Row       int    `json:"row"`
	Column    int    `json:"column"`
	Header    string `json:"header"`
	Value     string `json:"value"`
	Message   string `json:"message"`    // Dutch, as the page shows it
	MessageEN string `json:"message_en"` // English, for the command line
}

func (e *CSVError) Error() string {
	if e.File != "" {
		return e.File + ": " + e.MessageEN
	}
	return e.MessageEN
}

// Report reads a team's answers (CSV text) and ranks the strategies. Bad CSV gives a *CSVError.
func (m *Module) Report(csv string, threshold float64) (*Report, error) {
	raw, err := m.Call("report", csv, threshold)
	if err != nil {
		return nil, err
	}
	var res struct {
		OK    bool      `json:"ok"`
		Value *Report   `json:"value"`
		Error *CSVError `json:"error"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, fmt.Errorf("scan module: report: %w", err)
	}
	if !res.OK {
		if res.Error == nil {
			return nil, errors.New("scan module: report failed without a reason")
		}
		return nil, res.Error
	}
	return res.Value, nil
}

// Options is what the scan command runs.
type Options struct {
	Root      string  // project folder
	Responses string  // the CSV file
	Threshold float64 // 0 < Threshold <= 1
	JSON      bool    // JSON instead of text
}

// Run reads the responses file, runs the scan and writes the result to w. Bad CSV gives a
// *CSVError carrying the file name.
func Run(opts Options, w io.Writer) error {
	csv, err := os.ReadFile(opts.Responses)
	if err != nil {
		return err
	}
	m, err := Load(opts.Root)
	if err != nil {
		return err
	}
	rep, err := m.Report(string(csv), opts.Threshold)
	var csvErr *CSVError
	if errors.As(err, &csvErr) {
		csvErr.File = opts.Responses
		return csvErr
	}
	if err != nil {
		return err
	}
	if opts.JSON {
		out, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", out)
		return err
	}
	return WriteText(w, rep)
}

func percent(f float64) string {
	return strconv.FormatFloat(f*100, 'f', -1, 64) + "%"
}

// WriteText writes the report for people to read.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d respondent(s); a determinant is a barrier at >= %s negative answers.\n\n", r.Respondents, percent(r.Threshold))
	if len(r.Barriers) == 0 {
		fmt.Fprintf(&b, "No barriers: no determinant reaches %s negative answers.\n", percent(r.Threshold))
	} else {
		fmt.Fprintf(&b, "Barriers (%d):\n", len(r.Barriers))
		for _, x := range r.Barriers {
			fmt.Fprintf(&b, "  %2d. %s: %d answer(s), %.0f%% negative, %.0f%% positive\n", x.Number, x.Title, x.Answers, x.Negative*100, x.Positive*100)
		}
	}
	if len(r.Strategies) > 0 {
		fmt.Fprintf(&b, "\nStrategies, best first (%d):\n", len(r.Strategies))
		for i, s := range r.Strategies {
			fmt.Fprintf(&b, "  %3d. %s (score %.3f; barriers: %s)\n", i+1, s.Title, s.Score, strings.Join(s.Barriers, ", "))
		}
	}
	if len(r.IgnoredColumns) > 0 {
		fmt.Fprintf(&b, "\nIgnored columns (no determinant): %s\n", strings.Join(r.IgnoredColumns, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
