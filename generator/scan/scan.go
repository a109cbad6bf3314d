// Package scan runs the implementatiescan's logic outside the browser. The binary carries the
// very modules the scan page uses (assets/scan/*.ts, embedded); they are bundled with esbuild's
// Go API and run in goja, a JavaScript engine written in Go, so `kennisbank scan` and the page
// cannot disagree, and the command works from any folder.
//
//	kb, err := scan.KnowledgeBase(scan.Source{Project: "."})   // or {File: "https://…/data/kennisbank.json"}
//	m, err := scan.New(kb)
//	rep, err := m.Report(fileBytes, scan.ReportOptions{Threshold: 0.2})   // a *FileError names rows and columns
package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sync"

	"github.com/dop251/goja"

	"github.com/werkplaats-jeugd/kennisbank/generator/assets"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// Entry is the logic's entry module, relative to assets/.
const Entry = "scan/logic.ts"

// Global is the name under which the bundled module exposes its exports.
const Global = "KennisbankScan"

// Defaults, as the logic has them: a barrier at 20% negative answers, a facilitator at 80%
// positive ones.
const (
	DefaultThreshold   = 0.2
	DefaultFacilitator = 0.8
)

var embedded struct {
	once   sync.Once
	bundle []byte
	err    error
}

// Embedded bundles the logic the binary carries. The bundle is made once per process.
func Embedded() ([]byte, error) {
	embedded.once.Do(func() { embedded.bundle, embedded.err = bundle(theme.BuiltIn()) })
	return embedded.bundle, embedded.err
}

// Bundle bundles the logic of the project at root (its assets/scan over the theme's), as the scan
// page's build does.
func Bundle(root string) ([]byte, error) {
	return bundle(theme.New(root))
}

// bundle bundles assets/scan/logic.ts and the modules it imports from src (a theme, with the
// folder assets/) into one script that defines the global Global.
func bundle(src fs.FS) ([]byte, error) {
	b, err := assets.Module(src, path.Join(assets.Dir, Entry), Global)
	if err != nil {
		return nil, fmt.Errorf("scan module: %w", err)
	}
	return b, nil
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
	bytes     goja.Callable // ArrayBuffer → Uint8Array
}

// New runs the embedded logic with the knowledge base (data/kennisbank.json).
func New(kbJSON []byte) (*Module, error) {
	b, err := Embedded()
	if err != nil {
		return nil, err
	}
	return NewWithBundle(b, kbJSON)
}

// Load runs the embedded logic with the knowledge base of the project at root.
func Load(root string) (*Module, error) {
	kb, err := KnowledgeBase(Source{Project: root})
	if err != nil {
		return nil, err
	}
	return New(kb)
}

// NewWithBundle runs a bundle (see Bundle) with the knowledge base.
func NewWithBundle(bundle, kbJSON []byte) (*Module, error) {
	vm := goja.New()
	if _, err := vm.RunScript("assets/scan/"+Entry, string(bundle)); err != nil {
		return nil, fmt.Errorf("scan module: %w", err)
	}
	exports := vm.Get(Global)
	if exports == nil || goja.IsUndefined(exports) {
		return nil, fmt.Errorf("scan module: the bundle defines no %s", Global)
	}
	jsonObj := vm.Get("JSON").ToObject(vm)
	parse, _ := goja.AssertFunction(jsonObj.Get("parse"))
	stringify, _ := goja.AssertFunction(jsonObj.Get("stringify"))
	toBytes, err := vm.RunString("(function (b) { return new Uint8Array(b) })")
	if err != nil {
		return nil, err
	}
	bytesFn, _ := goja.AssertFunction(toBytes)
	kb, err := parse(goja.Undefined(), vm.ToValue(string(kbJSON)))
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	return &Module{vm: vm, exports: exports.ToObject(vm), kb: kb, parse: parse, stringify: stringify, bytes: bytesFn}, nil
}

// Bytes marks an argument of Call as bytes: it reaches the module as a Uint8Array.
type Bytes []byte

// Call calls the module's exported function name with the knowledge base as its first argument
// and args after it (each passed through JSON, Bytes as a Uint8Array, an *Unzipped as the
// object the logic reads), and returns the result as JSON.
func (m *Module) Call(name string, args ...any) (json.RawMessage, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.call(name, true, args)
}

// CallPlain is Call for a function that does not take the knowledge base.
func (m *Module) CallPlain(name string, args ...any) (json.RawMessage, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.call(name, false, args)
}

func (m *Module) call(name string, withKB bool, args []any) (json.RawMessage, error) {
	fn, ok := goja.AssertFunction(m.exports.Get(name))
	if !ok {
		return nil, fmt.Errorf("scan module: no function %q", name)
	}
	var vals []goja.Value
	if withKB {
		vals = append(vals, m.kb)
	}
	for _, a := range args {
		v, err := m.value(a)
		if err != nil {
			return nil, fmt.Errorf("scan module: argument of %s: %w", name, err)
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

func (m *Module) value(a any) (goja.Value, error) {
	switch v := a.(type) {
	case Bytes:
		return m.bytes(goja.Undefined(), m.vm.ToValue(m.vm.NewArrayBuffer(v)))
	case *Unzipped:
		if v == nil {
			return goja.Undefined(), nil
		}
		return m.unzippedValue(v), nil
	}
	b, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	return m.parse(goja.Undefined(), m.vm.ToValue(string(b)))
}

// unzippedValue makes the object the logic reads; the parts' texts go in as they are, without
// the detour through JSON (a sheet's XML is megabytes).
func (m *Module) unzippedValue(z *Unzipped) goja.Value {
	o := m.vm.NewObject()
	names := make([]any, len(z.Names))
	for i, n := range z.Names {
		names[i] = n
	}
	parts := m.vm.NewObject()
	for name, text := range z.Parts {
		_ = parts.Set(name, text)
	}
	_ = o.Set("names", m.vm.NewArray(names...))
	_ = o.Set("parts", parts)
	_ = o.Set("fault", z.Fault)
	_ = o.Set("faultPart", z.FaultPart)
	return o
}

// Unzip unpacks the file as the logic asks (its ZIP_LIMITS, the parts it wants) when the logic
// takes it for a zip file; otherwise it returns nil.
func (m *Module) Unzip(file []byte) (*Unzipped, error) {
	var isZip bool
	var lim zipLimits
	raw, err := m.CallPlain("isZip", Bytes(file[:min(len(file), 4)]))
	if err == nil {
		err = json.Unmarshal(raw, &isZip)
	}
	if err != nil || !isZip {
		return nil, err
	}
	m.mu.Lock()
	limits, err := m.stringify(goja.Undefined(), m.exports.Get("ZIP_LIMITS"))
	wanted, _ := goja.AssertFunction(m.exports.Get("wanted"))
	m.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(limits.String()), &lim); err != nil {
		return nil, fmt.Errorf("scan module: ZIP_LIMITS: %w", err)
	}
	return unzip(file, lim, func(name string) bool {
		m.mu.Lock()
		defer m.mu.Unlock()
		v, err := wanted(goja.Undefined(), m.vm.ToValue(name))
		return err == nil && v.ToBoolean()
	}), nil
}

// Limit reads one of the logic's limits (LIMITS.bytes, .rows, .columns).
func (m *Module) Limit(name string) int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.exports.Get("LIMITS").ToObject(m.vm).Get(name).ToInteger()
}

var errNoReason = errors.New("scan module: the file was refused without a reason")
