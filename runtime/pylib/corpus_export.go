package pylib

import (
	"fmt"

	"go.starlark.net/starlark"
)

// NextFunc yields an iterator's next value; ok=false ends it. t may be nil.
type NextFunc func(t *starlark.Thread) (v starlark.Value, ok bool, err error)

// NewIterator is a Python iterator (next(), for loops, list(), lazy)
// whose values come from next; kind is its type name ("itertools.count").
// next gets t when the caller has no thread (a builtin draining it).
func NewIterator(t *starlark.Thread, kind string, next NextFunc) starlark.Value {
	return &funcIter{kind: kind, next: next, thread: t}
}

// Iter is iter(x) for Go modules: a str gives its characters, bytes its
// ints, a generator or script iterator is pulled lazily.
func Iter(t *starlark.Thread, x starlark.Value) (NextFunc, error) {
	it, err := toIterator(t, x)
	if err != nil {
		return nil, err
	}
	return func(t *starlark.Thread) (starlark.Value, bool, error) { return it.pyNext(t) }, nil
}

// Collect is list(x) for Go modules, with Python's iteration rules.
func Collect(t *starlark.Thread, x starlark.Value) ([]starlark.Value, error) {
	it, err := toIterator(t, x)
	if err != nil {
		return nil, err
	}
	return drain(t, it)
}

// NewIteratorWith is NewIterator for an iterator with attributes of its
// own (csv.reader's line_num): attr answers the names iterators lack.
func NewIteratorWith(t *starlark.Thread, kind string, next NextFunc, attr func(name string) (starlark.Value, error), names []string) starlark.Value {
	return &funcIter{kind: kind, next: next, thread: t, attr: attr, names: names}
}

type funcIter struct {
	iterBase
	kind   string
	next   NextFunc
	done   bool
	thread *starlark.Thread
	attr   func(name string) (starlark.Value, error)
	names  []string
}

func (f *funcIter) String() string             { return fmt.Sprintf("<%s object at %p>", f.kind, f) }
func (f *funcIter) Type() string               { return f.kind }
func (f *funcIter) Iterate() starlark.Iterator { return &plainIterator{src: f} }
func (f *funcIter) AttrNames() []string {
	return append([]string{"__iter__", "__next__"}, f.names...)
}
func (f *funcIter) Attr(name string) (starlark.Value, error) {
	if v, err := iterAttrs(f, name); v != nil || err != nil || f.attr == nil {
		return v, err
	}
	return f.attr(name)
}
func (f *funcIter) pyNext(t *starlark.Thread) (starlark.Value, bool, error) {
	if f.done {
		return nil, false, nil
	}
	if t == nil {
		t = f.thread
	}
	v, ok, err := f.next(t)
	if !ok || err != nil {
		f.done = true
	}
	return v, ok && err == nil, err
}

// NewPlainClass is a read-only class with no methods of its own that
// scripts can derive from (abc.ABC).
func NewPlainClass(name string) starlark.Value {
	c := &Class{name: name, dict: starlark.StringDict{}, shared: true}
	c.linearization()
	return c
}
