package pylib

import (
	"sort"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// _fnobj(f) is f with an attribute dict, for functions the script gives
// attributes (wrapper.calls = 0): Starlark functions have none.
type fnObj struct {
	fn    starlark.Callable
	attrs starlark.StringDict
}

var (
	_ starlark.Callable    = (*fnObj)(nil)
	_ starlark.HasSetField = (*fnObj)(nil)
)

func fnObjBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) > 0 {
		return nil, exc.TypeError("_fnobj takes one argument")
	}
	fn, ok := args[0].(starlark.Callable)
	if !ok {
		return args[0], nil // rebound to something else: leave it
	}
	if _, already := fn.(*fnObj); already {
		return fn, nil
	}
	return &fnObj{fn: fn, attrs: starlark.StringDict{}}, nil
}

func (f *fnObj) Name() string          { return f.fn.Name() }
func (f *fnObj) String() string        { return "<function " + pyFuncName(f.fn) + ">" }
func (f *fnObj) Type() string          { return "function" }
func (f *fnObj) Freeze()               {}
func (f *fnObj) Truth() starlark.Bool  { return true }
func (f *fnObj) Hash() (uint32, error) { return hashPointer(f), nil }
func (f *fnObj) CallInternal(t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.Call(t, f.fn, args, kwargs)
}

func (f *fnObj) Attr(name string) (starlark.Value, error) {
	if v, ok := f.attrs[name]; ok {
		return v, nil
	}
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(pyFuncName(f.fn)), nil
	case "__doc__":
		return docOfBuiltin(nil, nil, starlark.Tuple{f.fn}, nil)
	}
	return nil, nil
}

func (f *fnObj) AttrNames() []string {
	names := append(f.attrs.Keys(), "__name__", "__doc__")
	sort.Strings(names)
	return names
}

func (f *fnObj) SetField(name string, v starlark.Value) error {
	f.attrs[name] = v
	return nil
}

// pyFuncName is a function's __name__: "<lambda>" for a lambda, which
// Starlark names "lambda".
func pyFuncName(c starlark.Callable) string {
	if f, ok := c.(*starlark.Function); ok && f.Name() == "lambda" {
		return "<lambda>"
	}
	return pyrepr.FuncName(c.Name())
}
