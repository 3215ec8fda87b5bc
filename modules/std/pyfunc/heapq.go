package pyfunc

import (
	"sort"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "heapq", Doc: "binary min-heaps on lists: heappush, heappop, heapify, nlargest, nsmallest", New: newHeapq})
}

func newHeapq(*runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"heappush": starlark.NewBuiltin("heappush", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var h *starlark.List
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs("heappush", args, kw, 2, &h, &x); err != nil {
				return nil, err
			}
			if err := h.Append(x); err != nil {
				return nil, err
			}
			return starlark.None, siftDown(h, 0, h.Len()-1)
		}),
		"heappop":     starlark.NewBuiltin("heappop", heappop),
		"heapify":     starlark.NewBuiltin("heapify", heapify),
		"heapreplace": starlark.NewBuiltin("heapreplace", heapreplace),
		"heappushpop": starlark.NewBuiltin("heappushpop", heappushpop),
		"nsmallest":   starlark.NewBuiltin("nsmallest", nBest(false)),
		"nlargest":    starlark.NewBuiltin("nlargest", nBest(true)),
		"merge":       starlark.NewBuiltin("merge", merge),
	}, nil
}

func less(a, b starlark.Value) (bool, error) { return starlark.Compare(syntax.LT, a, b) }

// siftDown and siftUp are CPython's heapq algorithms, so equal keys
// come out in the same order as there.
func siftDown(h *starlark.List, start, pos int) error {
	item := h.Index(pos)
	for pos > start {
		parent := (pos - 1) >> 1
		lt, err := less(item, h.Index(parent))
		if err != nil {
			return err
		}
		if !lt {
			break
		}
		h.SetIndex(pos, h.Index(parent))
		pos = parent
	}
	return h.SetIndex(pos, item)
}

func siftUp(h *starlark.List, pos int) error {
	end, start, item := h.Len(), pos, h.Index(pos)
	child := 2*pos + 1
	for child < end {
		if right := child + 1; right < end {
			lt, err := less(h.Index(child), h.Index(right))
			if err != nil {
				return err
			}
			if !lt {
				child = right
			}
		}
		h.SetIndex(pos, h.Index(child))
		pos = child
		child = 2*pos + 1
	}
	h.SetIndex(pos, item)
	return siftDown(h, start, pos)
}

func popLast(t *starlark.Thread, h *starlark.List) (starlark.Value, error) {
	pop, _ := h.Attr("pop")
	return starlark.Call(t, pop, nil, nil)
}

func heappop(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var h *starlark.List
	if err := starlark.UnpackPositionalArgs("heappop", args, kw, 1, &h); err != nil {
		return nil, err
	}
	if h.Len() == 0 {
		return nil, exc.New("IndexError", "index out of range")
	}
	last, err := popLast(t, h)
	if err != nil || h.Len() == 0 {
		return last, err
	}
	top := h.Index(0)
	h.SetIndex(0, last)
	return top, siftUp(h, 0)
}

func heapify(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var h *starlark.List
	if err := starlark.UnpackPositionalArgs("heapify", args, kw, 1, &h); err != nil {
		return nil, err
	}
	for i := h.Len()/2 - 1; i >= 0; i-- {
		if err := siftUp(h, i); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

func heapreplace(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var h *starlark.List
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("heapreplace", args, kw, 2, &h, &x); err != nil {
		return nil, err
	}
	if h.Len() == 0 {
		return nil, exc.New("IndexError", "index out of range")
	}
	top := h.Index(0)
	h.SetIndex(0, x)
	return top, siftUp(h, 0)
}

func heappushpop(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var h *starlark.List
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("heappushpop", args, kw, 2, &h, &x); err != nil {
		return nil, err
	}
	if h.Len() > 0 {
		if lt, err := less(h.Index(0), x); err != nil || !lt {
			return x, err
		}
		top := h.Index(0)
		h.SetIndex(0, x)
		return top, siftUp(h, 0)
	}
	return x, nil
}

// nBest is nsmallest/nlargest(n, iterable, key=None): a stable sort's first n.
func nBest(largest bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var n int
		var seq, key starlark.Value = nil, starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kw, "n", &n, "iterable", &seq, "key?", &key); err != nil {
			return nil, err
		}
		vals, err := pylib.Collect(t, seq)
		if err != nil {
			return nil, err
		}
		keys := vals
		if key != starlark.None {
			keys = make([]starlark.Value, len(vals))
			for i, v := range vals {
				if keys[i], err = starlark.Call(t, key, starlark.Tuple{v}, nil); err != nil {
					return nil, err
				}
			}
		}
		idx := make([]int, len(vals))
		for i := range idx {
			idx[i] = i
		}
		var cmpErr error
		sort.SliceStable(idx, func(i, j int) bool {
			a, c := keys[idx[i]], keys[idx[j]]
			if largest {
				a, c = c, a
			}
			lt, err := less(a, c)
			if err != nil {
				cmpErr = err
			}
			return lt
		})
		if cmpErr != nil {
			return nil, cmpErr
		}
		if n > len(idx) {
			n = len(idx)
		}
		if n < 0 {
			n = 0
		}
		out := make([]starlark.Value, n)
		for i := range out {
			out[i] = vals[idx[i]]
		}
		return starlark.NewList(out), nil
	}
}
