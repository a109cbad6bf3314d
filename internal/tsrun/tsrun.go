// Package tsrun runs TypeScript modules of theme/assets/ in goja, a JavaScript engine written in Go,
// so that Go tests can hold the browser's code to the Go code that does the same work (the
// folding rule, the stemmer, the compound split, the search ranking). esbuild's Go API bundles
// the module and strips its types, as it does for the site.
//
//	m, err := tsrun.Load(root, "theme/assets/_fold.ts")
//	v, err := m.Call("words", "Coördinatie")
package tsrun

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/dop251/goja"

	"github.com/werkplaats-jeugd/kennisbank/generator/assets"
)

// Global is the name under which a bundled module exposes its exports.
const Global = "TSRunModule"

// Module is one bundled module running in its own engine. Use it from one goroutine at a time.
type Module struct {
	vm      *goja.Runtime
	exports *goja.Object
}

// Load bundles root/entry (with everything it imports) and runs it.
func Load(root, entry string) (*Module, error) {
	script, err := Bundle(root, entry)
	if err != nil {
		return nil, err
	}
	vm := goja.New()
	if err := vm.Set("console", console(vm)); err != nil {
		return nil, err
	}
	if _, err := vm.RunScript(entry, string(script)); err != nil {
		return nil, fmt.Errorf("%s: %w", entry, err)
	}
	return &Module{vm: vm, exports: vm.Get(Global).ToObject(vm)}, nil
}

// console is the little of the browser's console that the modules use, which goja lacks:
// Snowball's runtime (assets/search/snowball) checks its slices with console.assert. A failed
// assertion throws, so that a test sees it.
func console(vm *goja.Runtime) map[string]any {
	return map[string]any{
		"assert": func(call goja.FunctionCall) goja.Value {
			if !call.Argument(0).ToBoolean() {
				panic(vm.NewGoError(fmt.Errorf("console.assert failed")))
			}
			return goja.Undefined()
		},
	}
}

// Bundle bundles root/entry (a path relative to root) into one script that defines the global
// Global with the module's exports, for goja or a browser page.
func Bundle(root, entry string) ([]byte, error) {
	return assets.Module(os.DirFS(root), entry, Global)
}

// Call calls the exported function name with args (converted by goja: strings, numbers, slices
// and maps of them) and returns its result.
func (m *Module) Call(name string, args ...any) (goja.Value, error) {
	fn, ok := goja.AssertFunction(m.exports.Get(name))
	if !ok {
		return nil, fmt.Errorf("no exported function %q", name)
	}
	vals := make([]goja.Value, len(args))
	for i, a := range args {
		vals[i] = m.vm.ToValue(a)
	}
	v, err := fn(goja.Undefined(), vals...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// CallJSON calls name with args and decodes its result, passed through JSON.stringify, into out.
func (m *Module) CallJSON(out any, name string, args ...any) error {
	v, err := m.Call(name, args...)
	if err != nil {
		return err
	}
	s, err := json.Marshal(v.Export())
	if err != nil {
		return fmt.Errorf("%s: result: %w", name, err)
	}
	return json.Unmarshal(s, out)
}

// Eval runs JavaScript source in the module's engine, where the module's exports are the
// global Global, and returns its value.
func (m *Module) Eval(src string) (goja.Value, error) {
	return m.vm.RunString(src)
}

// Runtime is the module's engine, for values a test builds itself.
func (m *Module) Runtime() *goja.Runtime { return m.vm }
