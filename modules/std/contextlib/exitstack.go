package contextlib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// exitFunc is one entry of an ExitStack: called with the pending
// exception (None, None when there is none); true swallows it.
type exitFunc func(t *starlark.Thread, typ, val starlark.Value) (starlark.Value, error)

type exitStack struct{ stack []exitFunc }

func newExitStack(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("ExitStack", args, kwargs, 0); err != nil {
		return nil, err
	}
	return (&exitStack{}).manager(), nil
}

func (s *exitStack) manager() *manager {
	m := &manager{typ: "ExitStack", exit: s.unwind}
	m.enter = func(*starlark.Thread) (starlark.Value, error) { return m, nil }
	m.extra = map[string]*starlark.Builtin{
		"enter_context": starlark.NewBuiltin("enter_context", func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var cm starlark.Value
			if err := starlark.UnpackPositionalArgs("enter_context", args, kwargs, 1, &cm); err != nil {
				return nil, err
			}
			exit, err := attr(cm, "__exit__")
			if err != nil {
				return nil, exc.TypeError("'%s' object does not support the context manager protocol", cm.Type())
			}
			v, err := callMethod(t, cm, "__enter__")
			if err != nil {
				return nil, err
			}
			s.push(exit)
			return v, nil
		}),
		"push": starlark.NewBuiltin("push", func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var cb starlark.Value
			if err := starlark.UnpackPositionalArgs("push", args, kwargs, 1, &cb); err != nil {
				return nil, err
			}
			if exit, err := attr(cb, "__exit__"); err == nil {
				s.push(exit)
			} else {
				s.push(cb)
			}
			return cb, nil
		}),
		"callback": starlark.NewBuiltin("callback", func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) < 1 {
				return nil, exc.TypeError("callback() missing 1 required positional argument: 'callback'")
			}
			fn, rest := args[0], append(starlark.Tuple(nil), args[1:]...)
			s.stack = append(s.stack, func(t *starlark.Thread, _, _ starlark.Value) (starlark.Value, error) {
				_, err := starlark.Call(t, fn, rest, kwargs)
				return starlark.False, err
			})
			return fn, nil
		}),
		"pop_all": starlark.NewBuiltin("pop_all", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			moved := &exitStack{stack: s.stack}
			s.stack = nil
			return moved.manager(), nil
		}),
		"close": starlark.NewBuiltin("close", func(t *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			_, err := s.unwind(t, starlark.None, starlark.None)
			return starlark.None, err
		}),
	}
	return m
}

func (s *exitStack) push(exit starlark.Value) {
	s.stack = append(s.stack, func(t *starlark.Thread, typ, val starlark.Value) (starlark.Value, error) {
		return starlark.Call(t, exit, starlark.Tuple{typ, val, starlark.None}, nil)
	})
}

// unwind runs the callbacks last first. A callback's exception replaces
// the pending one; a true result swallows it.
func (s *exitStack) unwind(t *starlark.Thread, typ, val starlark.Value) (starlark.Value, error) {
	hadExc := typ != starlark.None
	var pending error
	for len(s.stack) > 0 {
		cb := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		res, err := cb(t, typ, val)
		switch {
		case err != nil:
			pending = err
			val = pylib.ExceptionOf(err)
			typ = pylib.TypeOf(val)
		case bool(res.Truth()) && typ != starlark.None:
			pending, typ, val = nil, starlark.None, starlark.None
		}
	}
	if pending != nil {
		return nil, pending
	}
	return starlark.Bool(hadExc && typ == starlark.None), nil
}
