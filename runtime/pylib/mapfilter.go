package pylib

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// map and filter are lazy iterators, as in Python 3: they work on infinite
// generators and next() advances them. Without a consumer's thread (a
// builtin draining them) the function runs on the thread that made them.

type mapIter struct {
	iterBase
	fn   starlark.Value
	srcs []pyIter
	home *starlark.Thread
	done bool
}

func (m *mapIter) String() string             { return fmt.Sprintf("<map object at %p>", m) }
func (m *mapIter) Type() string               { return "map" }
func (m *mapIter) Iterate() starlark.Iterator { return &plainIterator{src: m} }
func (m *mapIter) AttrNames() []string        { return []string{"__iter__", "__next__"} }
func (m *mapIter) Attr(name string) (starlark.Value, error) {
	return iterAttrs(m, name)
}
func (m *mapIter) Has(x starlark.Value) (bool, error) { return consume(m, x) }

func (m *mapIter) pyNext(t *starlark.Thread) (starlark.Value, bool, error) {
	if m.done {
		return nil, false, nil
	}
	if t == nil {
		t = m.home
	}
	args := make(starlark.Tuple, len(m.srcs))
	for i, src := range m.srcs {
		v, ok, err := src.pyNext(t)
		if !ok || err != nil {
			m.done = true
			return nil, false, err
		}
		args[i] = v
	}
	v, err := starlark.Call(t, m.fn, args, nil)
	if err != nil {
		m.done = true
		return nil, false, err
	}
	return v, true, nil
}

func lazyMapBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("map() must have at least two arguments.")
	}
	m := &mapIter{fn: args[0], home: t}
	for _, a := range args[1:] {
		src, err := toIterator(t, a)
		if err != nil {
			return nil, err
		}
		m.srcs = append(m.srcs, src)
	}
	return m, nil
}

type filterIter struct {
	iterBase
	fn   starlark.Value
	src  pyIter
	home *starlark.Thread
}

func (f *filterIter) String() string             { return fmt.Sprintf("<filter object at %p>", f) }
func (f *filterIter) Type() string               { return "filter" }
func (f *filterIter) Iterate() starlark.Iterator { return &plainIterator{src: f} }
func (f *filterIter) AttrNames() []string        { return []string{"__iter__", "__next__"} }
func (f *filterIter) Attr(name string) (starlark.Value, error) {
	return iterAttrs(f, name)
}
func (f *filterIter) Has(x starlark.Value) (bool, error) { return consume(f, x) }

func (f *filterIter) pyNext(t *starlark.Thread) (starlark.Value, bool, error) {
	if t == nil {
		t = f.home
	}
	for {
		v, ok, err := f.src.pyNext(t)
		if !ok || err != nil {
			return nil, false, err
		}
		keep := v.Truth()
		if f.fn != starlark.None {
			r, err := starlark.Call(t, f.fn, starlark.Tuple{v}, nil)
			if err != nil {
				return nil, false, err
			}
			keep = r.Truth()
		}
		if keep {
			return v, true, nil
		}
	}
}

func lazyFilterBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn, seq starlark.Value
	if err := starlark.UnpackPositionalArgs("filter", args, kwargs, 2, &fn, &seq); err != nil {
		return nil, err
	}
	src, err := toIterator(t, seq)
	if err != nil {
		return nil, err
	}
	return &filterIter{fn: fn, src: src, home: t}, nil
}
