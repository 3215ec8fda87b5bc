package pylib

import (
	"errors"
	"fmt"

	"go.starlark.net/starlark"
)

// e.__traceback__: None for an exception never raised, else a chain of
// traceback objects as CPython builds it: from the frame that caught the
// exception (tbFrom, set by _try) down to the line that raised it, one per
// script function (the translator's nested try/with bodies count as their
// function's); tb_frame is None.

type tracebackObj struct {
	line int
	next starlark.Value
}

var _ starlark.HasAttrs = (*tracebackObj)(nil)

func (t *tracebackObj) String() string        { return fmt.Sprintf("<traceback object at %p>", t) }
func (t *tracebackObj) Type() string          { return "traceback" }
func (t *tracebackObj) Freeze()               {}
func (t *tracebackObj) Truth() starlark.Bool  { return true }
func (t *tracebackObj) Hash() (uint32, error) { return hashPointer(t), nil }
func (t *tracebackObj) AttrNames() []string {
	return []string{"tb_frame", "tb_lasti", "tb_lineno", "tb_next"}
}

func (t *tracebackObj) Attr(name string) (starlark.Value, error) {
	switch name {
	case "tb_lineno":
		return starlark.MakeInt(t.line), nil
	case "tb_lasti":
		return starlark.MakeInt(0), nil
	case "tb_next":
		return t.next, nil
	case "tb_frame":
		return starlark.None, nil
	}
	return nil, nil
}

// tracebackOf is the traceback chain of a raised exception's error, from
// call-stack index from (0: the whole stack).
func tracebackOf(err error, from int) starlark.Value {
	var ee *starlark.EvalError
	if err == nil || !errors.As(err, &ee) {
		return starlark.None
	}
	var lines []int
	for i := max(from, 0); i < len(ee.CallStack); i++ {
		fr := ee.CallStack[i]
		if fr.Pos.Line <= 0 || fr.Pos.Filename() == "<builtin>" {
			continue
		}
		if IsHelperName(fr.Name) && len(lines) > 0 {
			lines[len(lines)-1] = int(fr.Pos.Line) // a try/with body: its function's line
			continue
		}
		lines = append(lines, int(fr.Pos.Line))
	}
	var tb starlark.Value = starlark.None
	for i := len(lines) - 1; i >= 0; i-- {
		tb = &tracebackObj{line: lines[i], next: tb}
	}
	return tb
}

// excTracebackAttr answers __traceback__ and with_traceback for an
// exception instance; nil for other names.
func (x *Instance) excTracebackAttr(name string) starlark.Value {
	switch name {
	case "__traceback__":
		return tracebackOf(x.err, x.tbFrom-1)
	case "with_traceback":
		return starlark.NewBuiltin("with_traceback", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var tb starlark.Value
			if err := starlark.UnpackPositionalArgs("with_traceback", args, kwargs, 1, &tb); err != nil {
				return nil, err
			}
			if err := x.attrs.SetKey(starlark.String("__traceback__"), tb); err != nil {
				return nil, err
			}
			return x, nil
		})
	}
	return nil
}
