package sys

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// modulesView is sys.modules: a dict-like view of the modules the
// interpreter has imported, read when used; `del sys.modules[name]` makes
// the next import run the module again.
type modulesView struct {
	env *runtime.Env
}

var (
	_ starlark.IterableMapping = (*modulesView)(nil)
	_ starlark.HasAttrs        = (*modulesView)(nil)
	_ starlark.Sequence        = (*modulesView)(nil)
)

func (m *modulesView) String() string {
	return pyrepr.Repr(m.dict())
}
func (m *modulesView) Type() string          { return "dict" }
func (m *modulesView) Freeze()               {}
func (m *modulesView) Truth() starlark.Bool  { return len(m.env.LoadedModuleNames()) > 0 }
func (m *modulesView) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'dict'") }
func (m *modulesView) Len() int              { return len(m.env.LoadedModuleNames()) }

func (m *modulesView) Get(k starlark.Value) (starlark.Value, bool, error) {
	name, ok := k.(starlark.String)
	if !ok {
		return nil, false, nil
	}
	v, found := m.env.LoadedModule(string(name))
	return v, found, nil
}

func (m *modulesView) Iterate() starlark.Iterator { return m.keys().Iterate() }

func (m *modulesView) Items() []starlark.Tuple {
	var out []starlark.Tuple
	for _, name := range m.env.LoadedModuleNames() {
		if v, ok := m.env.LoadedModule(name); ok {
			out = append(out, starlark.Tuple{starlark.String(name), v})
		}
	}
	return out
}

func (m *modulesView) keys() *starlark.List {
	var vs []starlark.Value
	for _, name := range m.env.LoadedModuleNames() {
		vs = append(vs, starlark.String(name))
	}
	return starlark.NewList(vs)
}

// dict is a snapshot, for printing and copying.
func (m *modulesView) dict() *starlark.Dict {
	d := starlark.NewDict(16)
	for _, kv := range m.Items() {
		d.SetKey(kv[0], kv[1])
	}
	return d
}

// Delete is `del sys.modules[name]`.
func (m *modulesView) Delete(k starlark.Value) (starlark.Value, bool, error) {
	name, ok := k.(starlark.String)
	if !ok {
		return nil, false, nil
	}
	v, found := m.env.LoadedModule(string(name))
	if found {
		m.env.ForgetModule(string(name))
	}
	return v, found, nil
}

func (m *modulesView) AttrNames() []string {
	return []string{"copy", "get", "items", "keys", "pop", "values"}
}

func (m *modulesView) Attr(name string) (starlark.Value, error) {
	var fn builtinFn
	switch name {
	case "get":
		fn = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var k, def starlark.Value = nil, starlark.None
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &k, &def); err != nil {
				return nil, err
			}
			if v, found, _ := m.Get(k); found {
				return v, nil
			}
			return def, nil
		}
	case "pop":
		fn = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var k, def starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &k, &def); err != nil {
				return nil, err
			}
			if v, found, _ := m.Delete(k); found {
				return v, nil
			}
			if def != nil {
				return def, nil
			}
			return nil, exc.KeyError("%s", pyrepr.Repr(k))
		}
	case "keys":
		fn = m.noArgs(func() starlark.Value { return m.keys() })
	case "values":
		fn = m.noArgs(func() starlark.Value {
			var vs []starlark.Value
			for _, kv := range m.Items() {
				vs = append(vs, kv[1])
			}
			return starlark.NewList(vs)
		})
	case "items":
		fn = m.noArgs(func() starlark.Value {
			var vs []starlark.Value
			for _, kv := range m.Items() {
				vs = append(vs, kv)
			}
			return starlark.NewList(vs)
		})
	case "copy":
		fn = m.noArgs(func() starlark.Value { return m.dict() })
	default:
		return nil, nil
	}
	return starlark.NewBuiltin(name, fn).BindReceiver(m), nil
}

func (m *modulesView) noArgs(f func() starlark.Value) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return f(), nil
	}
}
