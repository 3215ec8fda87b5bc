package pyfunc

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// cmpKey orders values by a cmp(a, b) function's sign.
type cmpKey struct {
	x, cmp starlark.Value
	thread *starlark.Thread
}

func (k *cmpKey) String() string       { return "<functools.KeyWrapper object>" }
func (k *cmpKey) Type() string         { return "functools.KeyWrapper" }
func (k *cmpKey) Freeze()              {}
func (k *cmpKey) Truth() starlark.Bool { return true }
func (k *cmpKey) Hash() (uint32, error) {
	return 0, exc.TypeError("unhashable type: 'functools.KeyWrapper'")
}

func (k *cmpKey) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	r, err := starlark.Call(k.thread, k.cmp, starlark.Tuple{k.x, y.(*cmpKey).x}, nil)
	if err != nil {
		return false, err
	}
	n, ok := r.(starlark.Int)
	if !ok {
		if f, isF := r.(starlark.Float); isF {
			n = starlark.MakeInt(sign(float64(f)))
		} else {
			return false, exc.TypeError("comparison function must return int, not %s", r.Type())
		}
	}
	return starlark.Compare(op, n, starlark.MakeInt(0))
}

func sign(f float64) int {
	switch {
	case f < 0:
		return -1
	case f > 0:
		return 1
	}
	return 0
}
