package pyfunc

import (
	"sort"

	"go.starlark.net/starlark"
)

// wrapped is a callable with Python function attributes: __name__, and
// any the script sets (wrapper.calls = 0), as on a CPython function.
type wrapped struct {
	*starlark.Builtin
	name  string
	attrs starlark.StringDict
}

var _ starlark.HasSetField = (*wrapped)(nil)

func (w *wrapped) Name() string   { return w.name }
func (w *wrapped) String() string { return "<function " + w.name + ">" }
func (w *wrapped) Type() string   { return "function" }
func (w *wrapped) Hash() (uint32, error) {
	return starlark.String(w.name).Hash()
}
func (w *wrapped) CallInternal(t *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return w.Builtin.CallInternal(t, args, kwargs)
}

func (w *wrapped) Attr(name string) (starlark.Value, error) {
	if name == "__name__" || name == "__qualname__" {
		return starlark.String(w.name), nil
	}
	if v, ok := w.attrs[name]; ok {
		return v, nil
	}
	return nil, nil
}

func (w *wrapped) AttrNames() []string {
	names := append(w.attrs.Keys(), "__name__")
	sort.Strings(names)
	return names
}

func (w *wrapped) SetField(name string, v starlark.Value) error {
	w.attrs[name] = v
	return nil
}
