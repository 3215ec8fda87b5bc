package pylib

import (
	"fmt"

	"go.starlark.net/starlark"
)

// A for loop over a list walks it by index, as CPython does: the loop may
// append to the list (a work queue) and sees the new items, where
// Starlark's own iteration forbids changing the list.
type liveList struct{ l *starlark.List }

func (v *liveList) String() string        { return fmt.Sprintf("<list_iterator object at %p>", v) }
func (v *liveList) Type() string          { return "list_iterator" }
func (v *liveList) Freeze()               {}
func (v *liveList) Truth() starlark.Bool  { return true }
func (v *liveList) Hash() (uint32, error) { return hashPointer(v), nil }
func (v *liveList) Iterate() starlark.Iterator {
	return &liveListIter{l: v.l}
}

type liveListIter struct {
	l *starlark.List
	i int
}

func (it *liveListIter) Next(p *starlark.Value) bool {
	if it.i >= it.l.Len() {
		return false
	}
	*p = it.l.Index(it.i)
	it.i++
	return true
}
func (it *liveListIter) Done() {}
