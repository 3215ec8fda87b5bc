package pystd

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{Name: "bisect", Doc: "binary search and insertion in sorted lists", New: newBisect})
}

func newBisect(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"bisect_left":  starlark.NewBuiltin("bisect_left", bisectFn(false, false)),
		"bisect_right": starlark.NewBuiltin("bisect_right", bisectFn(true, false)),
		"bisect":       starlark.NewBuiltin("bisect", bisectFn(true, false)),
		"insort_left":  starlark.NewBuiltin("insort_left", bisectFn(false, true)),
		"insort_right": starlark.NewBuiltin("insort_right", bisectFn(true, true)),
		"insort":       starlark.NewBuiltin("insort", bisectFn(true, true)),
	}, nil
}

// bisectFn is bisect_left/right(a, x, lo=0, hi=len(a), *, key=None), or
// insort_* (which inserts x there).
func bisectFn(right, insert bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a starlark.Indexable
		var x, key starlark.Value = nil, starlark.None
		lo, hi := 0, -1
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "a", &a, "x", &x, "lo?", &lo, "hi?", &hi, "key?", &key); err != nil {
			return nil, err
		}
		if lo < 0 {
			return nil, exc.ValueError("lo must be non-negative")
		}
		if hi < 0 {
			hi = a.Len()
		}
		kx := x
		if key != starlark.None && !insert {
			kx = x
		} else if key != starlark.None {
			var err error
			if kx, err = starlark.Call(t, key, starlark.Tuple{x}, nil); err != nil {
				return nil, err
			}
		}
		for lo < hi {
			mid := (lo + hi) / 2
			v := a.Index(mid)
			if key != starlark.None {
				var err error
				if v, err = starlark.Call(t, key, starlark.Tuple{v}, nil); err != nil {
					return nil, err
				}
			}
			var goRight bool
			var err error
			if right {
				lt, e := starlark.Compare(syntax.LT, kx, v)
				goRight, err = !lt, e
			} else {
				goRight, err = starlark.Compare(syntax.LT, v, kx)
			}
			if err != nil {
				return nil, err
			}
			if goRight {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if !insert {
			return starlark.MakeInt(lo), nil
		}
		l, ok := a.(*starlark.List)
		if !ok {
			return nil, exc.TypeError("insort needs a list")
		}
		ins, _ := l.Attr("insert")
		return starlark.Call(t, ins, starlark.Tuple{starlark.MakeInt(lo), x}, nil)
	}
}
