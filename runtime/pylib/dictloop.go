package pylib

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// A for loop over a dict (or one of its views) walks the entries as they
// were when it started, so the body may update values, as in Python; a
// body that adds or removes keys ends the loop with Python's RuntimeError,
// which _iter_end raises after it.
type dictLoop struct {
	d    *starlark.Dict
	vals []starlark.Value
	what string // "dictionary" in the message
	t    *starlark.Thread
}

func (v *dictLoop) String() string        { return fmt.Sprintf("<dict_keyiterator object at %p>", v) }
func (v *dictLoop) Type() string          { return "dict_keyiterator" }
func (v *dictLoop) Freeze()               {}
func (v *dictLoop) Truth() starlark.Bool  { return true }
func (v *dictLoop) Hash() (uint32, error) { return hashPointer(v), nil }
func (v *dictLoop) Iterate() starlark.Iterator {
	return &dictLoopIter{loop: v, size: v.d.Len()}
}

type dictLoopIter struct {
	loop *dictLoop
	size int
	i    int
}

func (it *dictLoopIter) Next(p *starlark.Value) bool {
	l := it.loop
	if l.d.Len() != it.size {
		if l.t.Local(iterErrKey) == nil {
			l.t.SetLocal(iterErrKey, exc.New("RuntimeError", "%s changed size during iteration", l.what))
		}
		return false
	}
	if it.i >= len(l.vals) {
		return false
	}
	*p = l.vals[it.i]
	it.i++
	return true
}
func (it *dictLoopIter) Done() {}

// dictLoopOf is the loop iterable for a dict or dict view, or nil.
func dictLoopOf(t *starlark.Thread, x starlark.Value) starlark.Value {
	switch v := x.(type) {
	case *starlark.Dict:
		return &dictLoop{d: v, vals: v.Keys(), what: "dictionary", t: t}
	case *dictView:
		return &dictLoop{d: v.d, vals: v.values(), what: "dictionary", t: t}
	}
	return nil
}
