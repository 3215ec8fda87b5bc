// Package contextlib is CPython's contextlib for scripts: contextmanager,
// suppress, closing, nullcontext and ExitStack.
package contextlib

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "contextlib", Doc: "context manager helpers: contextmanager, suppress, closing, nullcontext, ExitStack", New: newModule})
	runtime.RegisterDocs("contextlib", map[string]string{
		"contextmanager": "contextmanager(func, /)\nDecorator: a generator function that yields once becomes a context manager; the yielded value is bound by `as`, an exception in the body is raised at the yield.",
		"suppress":       "suppress(*exceptions)\nContext manager that swallows the listed exception classes (and their subclasses) raised in its body.",
		"closing":        "closing(thing, /)\nContext manager that gives thing and calls thing.close() when the body ends.",
		"nullcontext":    "nullcontext(enter_result=None)\nContext manager that does nothing; `as` binds enter_result.",
		"ExitStack":      "ExitStack()\nContext manager holding a stack of exit callbacks (enter_context, callback, push, pop_all, close), run last-in first-out.",
	})
}

func newModule(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"contextmanager": starlark.NewBuiltin("contextmanager", contextmanager),
		"suppress":       starlark.NewBuiltin("suppress", suppress),
		"closing":        starlark.NewBuiltin("closing", closing),
		"nullcontext":    starlark.NewBuiltin("nullcontext", nullcontext),
		"ExitStack":      starlark.NewBuiltin("ExitStack", newExitStack),
	}, nil
}

// manager is a context manager made of two Go funcs.
type manager struct {
	typ   string
	enter func(t *starlark.Thread) (starlark.Value, error)
	exit  func(t *starlark.Thread, typ, val starlark.Value) (starlark.Value, error)
	extra map[string]*starlark.Builtin // further methods (ExitStack's)
}

var _ starlark.HasAttrs = (*manager)(nil)

func (m *manager) String() string        { return fmt.Sprintf("<contextlib.%s object at %p>", m.typ, m) }
func (m *manager) Type() string          { return m.typ }
func (m *manager) Freeze()               {}
func (m *manager) Truth() starlark.Bool  { return true }
func (m *manager) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: '%s'", m.typ) }

func (m *manager) AttrNames() []string {
	names := []string{"__enter__", "__exit__"}
	for k := range m.extra {
		names = append(names, k)
	}
	return names
}

func (m *manager) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__enter__":
		return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0); err != nil {
				return nil, err
			}
			return m.enter(t)
		}), nil
	case "__exit__":
		return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var typ, val, tb starlark.Value
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 3, &typ, &val, &tb); err != nil {
				return nil, err
			}
			return m.exit(t, typ, val)
		}), nil
	}
	if b, ok := m.extra[name]; ok {
		return b, nil
	}
	return nil, nil
}

// callMethod calls v.name(args...).
func callMethod(t *starlark.Thread, v starlark.Value, name string, args ...starlark.Value) (starlark.Value, error) {
	f, err := attr(v, name)
	if err != nil {
		return nil, err
	}
	return starlark.Call(t, f, args, nil)
}

func isStopIteration(err error) bool {
	e, ok := exc.As(err)
	return ok && e.Type == "StopIteration"
}

// contextmanager wraps a generator function: each call makes a manager
// that runs the generator to its yield on enter and on to its end (or
// throws the body's exception in) on exit.
func contextmanager(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Callable
	if err := starlark.UnpackPositionalArgs("contextmanager", args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	return starlark.NewBuiltin(fn.Name(), func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		gen, err := starlark.Call(t, fn, args, kwargs)
		if err != nil {
			return nil, err
		}
		return generatorManager(gen), nil
	}), nil
}

func generatorManager(gen starlark.Value) *manager {
	return &manager{
		typ: "_GeneratorContextManager",
		enter: func(t *starlark.Thread) (starlark.Value, error) {
			v, err := callMethod(t, gen, "__next__")
			if isStopIteration(err) {
				return nil, exc.RuntimeError("generator didn't yield")
			}
			return v, err
		},
		exit: func(t *starlark.Thread, typ, val starlark.Value) (starlark.Value, error) {
			if typ == starlark.None {
				_, err := callMethod(t, gen, "__next__")
				if err == nil {
					return nil, exc.RuntimeError("generator didn't stop")
				}
				if isStopIteration(err) {
					return starlark.False, nil
				}
				return nil, err
			}
			_, err := callMethod(t, gen, "throw", val)
			switch {
			case err == nil:
				return nil, exc.RuntimeError("generator didn't stop after throw()")
			case isStopIteration(err):
				return starlark.True, nil // the generator caught it
			case pylib.ExceptionOf(err) == val:
				return starlark.False, nil // re-raised: the with statement raises it
			}
			return nil, err
		},
	}
}

func suppress(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, exc.TypeError("suppress() takes no keyword arguments")
	}
	classes := append(starlark.Tuple(nil), args...)
	issubclass := pylib.Builtins()["issubclass"]
	return &manager{
		typ:   "suppress",
		enter: func(*starlark.Thread) (starlark.Value, error) { return starlark.None, nil },
		exit: func(t *starlark.Thread, typ, _ starlark.Value) (starlark.Value, error) {
			if typ == starlark.None || len(classes) == 0 {
				return starlark.False, nil
			}
			return starlark.Call(t, issubclass, starlark.Tuple{typ, classes}, nil)
		},
	}, nil
}

func closing(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var thing starlark.Value
	if err := starlark.UnpackPositionalArgs("closing", args, kwargs, 1, &thing); err != nil {
		return nil, err
	}
	return &manager{
		typ:   "closing",
		enter: func(*starlark.Thread) (starlark.Value, error) { return thing, nil },
		exit: func(t *starlark.Thread, _, _ starlark.Value) (starlark.Value, error) {
			if _, err := callMethod(t, thing, "close"); err != nil {
				return nil, err
			}
			return starlark.False, nil
		},
	}, nil
}

func nullcontext(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value = starlark.None
	if err := starlark.UnpackArgs("nullcontext", args, kwargs, "enter_result?", &v); err != nil {
		return nil, err
	}
	return &manager{
		typ:   "nullcontext",
		enter: func(*starlark.Thread) (starlark.Value, error) { return v, nil },
		exit: func(*starlark.Thread, starlark.Value, starlark.Value) (starlark.Value, error) {
			return starlark.False, nil
		},
	}, nil
}

// attr is v.name, or an AttributeError.
func attr(v starlark.Value, name string) (starlark.Value, error) {
	if x, ok := v.(starlark.HasAttrs); ok {
		f, err := x.Attr(name)
		if err != nil || f != nil {
			return f, err
		}
	}
	return nil, exc.New("AttributeError", "'%s' object has no attribute '%s'", v.Type(), name)
}
