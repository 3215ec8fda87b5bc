package pylib

import (
	"fmt"
	"unsafe"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Python's iterator protocol: iter(), next(), StopIteration, lazy
// enumerate/zip/reversed, and the for-loop side of generators.
//
// A Starlark iterator cannot fail, so an iterator whose next step raised
// keeps the error: a translated for loop checks it with _iter_end() right
// after the loop, and the builtins that drain iterators check it on return.

// pyIter is a Python iterator.
type pyIter interface {
	starlark.Value
	// pyNext returns the next value, or ok=false at the end. t may be nil.
	pyNext(t *starlark.Thread) (v starlark.Value, ok bool, err error)
	// takeErr returns (and forgets) the error a plain Iterate hit.
	takeErr() error
	keepErr(err error)
}

func iterBuiltins(d starlark.StringDict) {
	for name, fn := range map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
		"iter": iterFuncBuiltin, "next": nextBuiltin, "enumerate": enumerateBuiltin, "zip": zipBuiltin,
		"reversed": reversedBuiltin, "_generator": generatorBuiltin, "_yield": yieldBuiltin,
		"_yield_from": yieldFromBuiltin, "_iter_end": iterEndBuiltin,
		"map": lazyMapBuiltin, "filter": lazyFilterBuiltin, // mapfilter.go
	} {
		d[name] = starlark.NewBuiltin(name, fn)
	}
	// builtins that drain an iterator report the error that ended it
	for _, name := range []string{"list", "tuple", "sorted", "set", "dict", "min", "max", "any", "all"} {
		switch b := d[name].(type) {
		case *pyType: // already error-aware (pytypes.go)
		case *starlark.Builtin: // pylib's own (min/max with key and default)
			d[name] = errorAware(b)
		default:
			d[name] = errorAware(starlark.Universe[name].(*starlark.Builtin))
		}
	}
	d["hasattr"] = iterHasattr(d["hasattr"])
	for _, name := range []string{"sum", "_join"} { // _join: s.join(it)
		if b, ok := d[name].(*starlark.Builtin); ok {
			d[name] = errorAware(b)
		}
	}
}

func errorAware(inner *starlark.Builtin) *starlark.Builtin {
	return starlark.NewBuiltin(inner.Name(), func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		args, kwargs = textIterArgs(inner.Name(), args), dropNoneKey(kwargs) // corpus_iterargs.go
		if len(args) > 0 {
			if set, ok := args[0].(*starlark.Set); ok && (inner.Name() == "list" || inner.Name() == "tuple") {
				if order := pyrepr.SetOrder(set); order != nil {
					args = append(starlark.Tuple{starlark.Tuple(order)}, args[1:]...) // CPython's order
				}
			}
			if inst, ok := args[0].(*Instance); ok && (inst.class.lookup("__iter__") != nil || inst.class.lookup("__next__") != nil) {
				it, err := toIterator(t, inst) // a script object with __iter__
				if err != nil {
					return nil, err
				}
				args = append(starlark.Tuple{it}, args[1:]...)
			}
		}
		if name := inner.Name(); (name == "min" || name == "max") && len(args) == 1 {
			if v, done, err := minMaxDefault(t, args, &kwargs); done || err != nil {
				return v, err
			}
		}
		v, err := inner.CallInternal(t, args, kwargs)
		for _, a := range args {
			if it, ok := a.(pyIter); ok {
				if e := it.takeErr(); e != nil && err == nil {
					err = e
				}
			}
		}
		return v, err
	})
}

func hashPointer[T any](p *T) uint32 {
	u := uint64(uintptr(unsafe.Pointer(p))) // 64 bits on every arch, for the shift
	return uint32(u ^ u>>32)
}

// method is a builtin method of a Go value.
func method(name string, fn func(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, exc.TypeError("%s() takes no keyword arguments", name)
		}
		return fn(t, args)
	})
}

// plainIterator is a pyIter seen through starlark.Iterator (builtins,
// untranslated loops): an error ends it and is kept on the source.
type plainIterator struct {
	src  pyIter
	done bool
}

func (it *plainIterator) Next(p *starlark.Value) bool {
	if it.done {
		return false
	}
	v, ok, err := it.src.pyNext(nil)
	if err != nil {
		it.src.keepErr(err)
	}
	if !ok {
		it.done = true
		return false
	}
	*p = v
	return true
}
func (it *plainIterator) Done() {}

// loopGuard is what _iter gives a translated for loop over an iterator:
// an error is kept on the thread for _iter_end; owned (the loop called the
// generator function itself) closes a generator the loop leaves early, as
// CPython does when the last reference goes.
type loopGuard struct {
	src   pyIter
	t     *starlark.Thread
	owned bool
}

func (g *loopGuard) String() string        { return g.src.String() }
func (g *loopGuard) Type() string          { return g.src.Type() }
func (g *loopGuard) Freeze()               {}
func (g *loopGuard) Truth() starlark.Bool  { return true }
func (g *loopGuard) Hash() (uint32, error) { return hashPointer(g), nil }
func (g *loopGuard) Iterate() starlark.Iterator {
	gen, isGen := g.src.(*Generator)
	return &guardIterator{g: g, closeEarly: g.owned && isGen && gen.fresh()}
}

type guardIterator struct {
	g          *loopGuard
	ended      bool
	closeEarly bool
}

const iterErrKey = "pylib.iterErr"

func (it *guardIterator) Next(p *starlark.Value) bool {
	if it.ended {
		return false
	}
	v, ok, err := it.g.src.pyNext(it.g.t)
	if err != nil && it.g.t.Local(iterErrKey) == nil {
		it.g.t.SetLocal(iterErrKey, err)
	}
	if !ok {
		it.ended = true
		return false
	}
	*p = v
	return true
}

func (it *guardIterator) Done() {
	if it.closeEarly && !it.ended {
		it.ended = true
		_ = it.g.src.(*Generator).closeFrom(it.g.t) // CPython ignores it too ("Exception ignored")
	}
}

// loopIterable is _iter's answer for iterators (generators, iter() results,
// objects with __next__): ok is false for everything else.
func loopIterable(t *starlark.Thread, x starlark.Value, owned bool) (starlark.Value, bool, error) {
	switch v := x.(type) {
	case pyIter:
		return &loopGuard{src: v, t: t, owned: owned}, true, nil
	case *Instance:
		if v.class.lookup("__iter__") == nil && v.class.lookup("__next__") == nil && v.class.lookup("__getitem__") == nil {
			return nil, false, nil
		}
		it, err := toIterator(t, v)
		if err != nil {
			return nil, true, err
		}
		return &loopGuard{src: it, t: t, owned: owned}, true, nil
	}
	return nil, false, nil
}

// _iter_end(v=None) raises the error that ended the loop just left, or
// returns v (a comprehension's result).
func iterEndBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if err, ok := t.Local(iterErrKey).(error); ok && err != nil {
		t.SetLocal(iterErrKey, nil)
		return nil, err
	}
	if len(args) > 0 {
		return args[0], nil
	}
	return starlark.None, nil
}

// toIterator is iter(x).
func toIterator(t *starlark.Thread, x starlark.Value) (pyIter, error) {
	switch v := x.(type) {
	case pyIter:
		return v, nil
	case *loopGuard:
		return v.src, nil
	case *Instance:
		if fn := v.class.lookup("__iter__"); fn != nil {
			r, err := starlark.Call(t, bind(fn, v), nil, nil)
			if err != nil {
				return nil, err
			}
			if r == starlark.Value(v) {
				if v.class.lookup("__next__") == nil {
					return nil, exc.TypeError("iter() returned non-iterator of type '%s'", v.class.name)
				}
				return &instIter{obj: v}, nil
			}
			return toIterator(t, r)
		}
		if v.class.lookup("__next__") != nil {
			return &instIter{obj: v}, nil
		}
		if v.class.lookup("__getitem__") != nil {
			return &getitemIter{obj: v}, nil
		}
		return nil, exc.TypeError("'%s' object is not iterable", v.class.name)
	case starlark.String:
		var chars []starlark.Value
		for _, r := range string(v) {
			chars = append(chars, starlark.String(string(r)))
		}
		return &seqIter{kind: "str_ascii_iterator", vals: chars}, nil
	case starlark.Bytes, *ByteArray:
		vals, _ := collect(v)
		return &seqIter{kind: "bytes_iterator", vals: vals}, nil
	case *starlark.List:
		return &seqIter{kind: "list_iterator", list: v}, nil
	case starlark.Tuple:
		return &seqIter{kind: "tuple_iterator", vals: v}, nil
	case *starlark.Dict:
		return &seqIter{kind: "dict_keyiterator", vals: v.Keys()}, nil
	case *starlark.Set:
		return &seqIter{kind: "set_iterator", vals: pyrepr.SetElems(v)}, nil // in CPython's order
	case starlark.Iterable:
		vals, err := collect(v)
		if err != nil {
			return nil, err
		}
		return &seqIter{kind: typeName(v) + "_iterator", vals: vals}, nil
	}
	return nil, exc.TypeError("'%s' object is not iterable", typeName(x))
}

// iterBase gives iterator types the error slot and value plumbing.
type iterBase struct{ lastErr error }

func (b *iterBase) takeErr() error {
	err := b.lastErr
	b.lastErr = nil
	return err
}
func (b *iterBase) keepErr(err error)     { b.lastErr = err }
func (b *iterBase) Freeze()               {}
func (b *iterBase) Truth() starlark.Bool  { return true }
func (b *iterBase) Hash() (uint32, error) { return hashPointer(b), nil }

// iterAttrs gives an iterator __next__ and __iter__.
func iterAttrs(it pyIter, name string) (starlark.Value, error) {
	switch name {
	case "__next__":
		return method(name, func(t *starlark.Thread, _ starlark.Tuple) (starlark.Value, error) { return nextOrStop(t, it) }), nil
	case "__iter__":
		return method(name, func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) { return it, nil }), nil
	}
	return nil, nil
}

// seqIter walks a list by index (the list stays mutable, as in Python) or
// a snapshot of values.
type seqIter struct {
	iterBase
	kind string
	list *starlark.List
	vals []starlark.Value
	i    int
}

func (s *seqIter) String() string             { return fmt.Sprintf("<%s object at %p>", s.kind, s) }
func (s *seqIter) Type() string               { return s.kind }
func (s *seqIter) Iterate() starlark.Iterator { return &plainIterator{src: s} }
func (s *seqIter) AttrNames() []string        { return []string{"__iter__", "__next__"} }
func (s *seqIter) Attr(name string) (starlark.Value, error) {
	return iterAttrs(s, name)
}
func (s *seqIter) pyNext(*starlark.Thread) (starlark.Value, bool, error) {
	if s.list != nil {
		if s.i >= s.list.Len() {
			return nil, false, nil
		}
		s.i++
		return s.list.Index(s.i - 1), true, nil
	}
	if s.i >= len(s.vals) {
		return nil, false, nil
	}
	s.i++
	return s.vals[s.i-1], true, nil
}

// instIter drives a script object's __next__; StopIteration ends it.
type instIter struct {
	iterBase
	obj *Instance
}

func (s *instIter) String() string             { return s.obj.String() }
func (s *instIter) Type() string               { return s.obj.Type() }
func (s *instIter) Iterate() starlark.Iterator { return &plainIterator{src: s} }
func (s *instIter) pyNext(t *starlark.Thread) (starlark.Value, bool, error) {
	if t == nil {
		t = &starlark.Thread{Name: "__next__"}
	}
	fn := s.obj.class.lookup("__next__")
	if fn == nil {
		return nil, false, exc.TypeError("'%s' object is not an iterator", s.obj.class.name)
	}
	v, err := starlark.Call(t, bind(fn, s.obj), nil, nil)
	if err != nil {
		if isExc(err, "StopIteration") {
			return nil, false, nil
		}
		return nil, false, err
	}
	return v, true, nil
}

// getitemIter is the old protocol: x[0], x[1], ... until IndexError.
type getitemIter struct {
	iterBase
	obj *Instance
	i   int
}

func (s *getitemIter) String() string             { return "<iterator object>" }
func (s *getitemIter) Type() string               { return "iterator" }
func (s *getitemIter) Iterate() starlark.Iterator { return &plainIterator{src: s} }
func (s *getitemIter) pyNext(t *starlark.Thread) (starlark.Value, bool, error) {
	if t == nil {
		t = &starlark.Thread{Name: "__getitem__"}
	}
	v, err := indexBuiltin(t, nil, starlark.Tuple{s.obj, starlark.MakeInt(s.i)}, nil)
	if err != nil {
		if isExc(err, "IndexError") || isExc(err, "StopIteration") {
			return nil, false, nil
		}
		return nil, false, err
	}
	s.i++
	return v, true, nil
}

// callIter is iter(fn, sentinel): fn() until it returns sentinel.
type callIter struct {
	iterBase
	fn, sentinel starlark.Value
	done         bool
}

func (s *callIter) String() string             { return fmt.Sprintf("<callable_iterator object at %p>", s) }
func (s *callIter) Type() string               { return "callable_iterator" }
func (s *callIter) Iterate() starlark.Iterator { return &plainIterator{src: s} }
func (s *callIter) AttrNames() []string        { return []string{"__iter__", "__next__"} }
func (s *callIter) Attr(name string) (starlark.Value, error) {
	return iterAttrs(s, name)
}
func (s *callIter) pyNext(t *starlark.Thread) (starlark.Value, bool, error) {
	if s.done {
		return nil, false, nil
	}
	if t == nil {
		t = &starlark.Thread{Name: "iter"}
	}
	v, err := starlark.Call(t, s.fn, nil, nil)
	if err != nil {
		return nil, false, err
	}
	if eq, err := starlark.Equal(v, s.sentinel); err == nil && eq {
		s.done = true
		return nil, false, nil
	}
	return v, true, nil
}

// nextOrStop is it.__next__(): StopIteration at the end.
func nextOrStop(t *starlark.Thread, it pyIter) (starlark.Value, error) {
	if g, ok := it.(*Generator); ok {
		return g.c.step(t, genMsg{})
	}
	v, ok, err := it.pyNext(t)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, stopIteration(nil)
	}
	return v, nil
}

func iterFuncBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, sentinel starlark.Value
	if err := starlark.UnpackPositionalArgs("iter", args, kwargs, 1, &x, &sentinel); err != nil {
		return nil, err
	}
	if sentinel != nil {
		if _, ok := x.(starlark.Callable); !ok {
			return nil, exc.TypeError("iter(v, w): v must be callable")
		}
		return &callIter{fn: x, sentinel: sentinel}, nil
	}
	return toIterator(t, x)
}

func nextBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, dflt starlark.Value
	if err := starlark.UnpackPositionalArgs("next", args, kwargs, 1, &x, &dflt); err != nil {
		return nil, err
	}
	var it pyIter
	switch v := x.(type) {
	case pyIter:
		it = v
	case *loopGuard:
		it = v.src
	case *Instance:
		if v.class.lookup("__next__") == nil {
			return nil, exc.TypeError("'%s' object is not an iterator", v.class.name)
		}
		it = &instIter{obj: v}
	default:
		if fn := attrOf(x, "__next__"); fn != nil { // a Go value with __next__
			v, err := starlark.Call(t, fn, nil, nil)
			if err != nil && dflt != nil && isExc(err, "StopIteration") {
				return dflt, nil
			}
			return v, err
		}
		return nil, exc.TypeError("'%s' object is not an iterator", typeName(x))
	}
	v, err := nextOrStop(t, it)
	if err != nil && dflt != nil && isExc(err, "StopIteration") {
		return dflt, nil
	}
	return v, err
}

// enumIter is enumerate(it, start).
type enumIter struct {
	iterBase
	src pyIter
	n   int
}

func (s *enumIter) String() string             { return fmt.Sprintf("<enumerate object at %p>", s) }
func (s *enumIter) Type() string               { return "enumerate" }
func (s *enumIter) Iterate() starlark.Iterator { return &plainIterator{src: s} }
func (s *enumIter) AttrNames() []string        { return []string{"__iter__", "__next__"} }
func (s *enumIter) Attr(name string) (starlark.Value, error) {
	return iterAttrs(s, name)
}
func (s *enumIter) pyNext(t *starlark.Thread) (starlark.Value, bool, error) {
	v, ok, err := s.src.pyNext(t)
	if !ok || err != nil {
		return nil, false, err
	}
	s.n++
	return starlark.Tuple{starlark.MakeInt(s.n - 1), v}, true, nil
}

func enumerateBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	start := 0
	if err := starlark.UnpackArgs("enumerate", args, kwargs, "iterable", &x, "start?", &start); err != nil {
		return nil, err
	}
	src, err := toIterator(t, x)
	if err != nil {
		return nil, err
	}
	return &enumIter{src: src, n: start}, nil
}

// zipIter is zip(*its): tuples until the shortest ends.
type zipIter struct {
	iterBase
	srcs   []pyIter
	done   bool
	strict bool // zip(..., strict=True): unequal lengths raise ValueError
}

func (s *zipIter) String() string             { return fmt.Sprintf("<zip object at %p>", s) }
func (s *zipIter) Type() string               { return "zip" }
func (s *zipIter) Iterate() starlark.Iterator { return &plainIterator{src: s} }
func (s *zipIter) AttrNames() []string        { return []string{"__iter__", "__next__"} }
func (s *zipIter) Attr(name string) (starlark.Value, error) {
	return iterAttrs(s, name)
}
func (s *zipIter) pyNext(t *starlark.Thread) (starlark.Value, bool, error) {
	if s.done || len(s.srcs) == 0 {
		return nil, false, nil
	}
	out := make(starlark.Tuple, len(s.srcs))
	for i, src := range s.srcs {
		v, ok, err := src.pyNext(t)
		if !ok || err != nil {
			s.done = true
			if err == nil && s.strict {
				err = s.strictCheck(t, i)
			}
			return nil, false, err
		}
		out[i] = v
	}
	return out, true, nil
}

// strictCheck is zip(strict=True)'s error when argument i+1 ended: CPython's words.
func (s *zipIter) strictCheck(t *starlark.Thread, i int) error {
	args := func(n int) string {
		if n == 1 {
			return "argument 1"
		}
		return fmt.Sprintf("arguments 1-%d", n)
	}
	if i > 0 {
		return exc.ValueError("zip() argument %d is shorter than %s", i+1, args(i))
	}
	for k, src := range s.srcs[1:] {
		if _, more, err := src.pyNext(t); err != nil || more {
			if err != nil {
				return err
			}
			return exc.ValueError("zip() argument %d is longer than %s", k+2, args(k+1))
		}
	}
	return nil
}

func zipBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	z := &zipIter{}
	for _, kv := range kwargs {
		if k, _ := starlark.AsString(kv[0]); k != "strict" || len(kwargs) > 1 {
			return nil, exc.TypeError("zip() got an unexpected keyword argument '%s'", k)
		}
		z.strict = bool(kwargs[0][1].Truth())
	}
	for i, a := range args {
		src, err := toIterator(t, a)
		if err != nil {
			return nil, exc.TypeError("zip argument #%d must support iteration", i+1)
		}
		z.srcs = append(z.srcs, src)
	}
	return z, nil
}

func reversedBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("reversed", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if inst, ok := x.(*Instance); ok {
		if fn := inst.class.lookup("__reversed__"); fn != nil {
			return starlark.Call(t, bind(fn, inst), nil, nil)
		}
		if inst.class.lookup("__len__") != nil && inst.class.lookup("__getitem__") != nil {
			vals, err := collect(inst) // the sequence protocol
			if err != nil {
				return nil, err
			}
			x = starlark.NewList(vals)
		}
	}
	switch x.(type) {
	case pyIter, *starlark.Set:
		return nil, exc.TypeError("'%s' object is not reversible", typeName(x))
	}
	if _, ok := x.(starlark.Indexable); !ok {
		_, isDict := x.(*starlark.Dict)
		_, isView := x.(*dictView) // reversed(d.items()), as since Python 3.8
		if !isDict && !isView {
			return nil, exc.TypeError("'%s' object is not reversible", typeName(x))
		}
	}
	vals, err := collectPy(x) // a str reverses by characters
	if err != nil {
		return nil, err
	}
	rev := make([]starlark.Value, len(vals))
	for i, v := range vals {
		rev[len(vals)-1-i] = v
	}
	return &seqIter{kind: "reversed", vals: rev}, nil
}

// drain collects a pyIter's values, with its error.
func drain(t *starlark.Thread, it pyIter) ([]starlark.Value, error) {
	var out []starlark.Value
	for {
		v, ok, err := it.pyNext(t)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, v)
	}
}

// consume is `x in it`: it advances the iterator up to the first equal value.
func consume(it pyIter, x starlark.Value) (bool, error) {
	for {
		v, ok, err := it.pyNext(nil)
		if err != nil || !ok {
			return false, err
		}
		if eq, err := starlark.Equal(v, x); err != nil || eq {
			return eq, err
		}
	}
}

func (g *Generator) Has(x starlark.Value) (bool, error) { return consume(g, x) }
func (s *seqIter) Has(x starlark.Value) (bool, error)   { return consume(s, x) }
func (s *enumIter) Has(x starlark.Value) (bool, error)  { return consume(s, x) }
func (s *zipIter) Has(x starlark.Value) (bool, error)   { return consume(s, x) }
func (s *callIter) Has(x starlark.Value) (bool, error)  { return consume(s, x) }

// attrOf is x's attribute name, or nil.
func attrOf(x starlark.Value, name string) starlark.Value {
	if ha, ok := x.(starlark.HasAttrs); ok {
		if v, err := ha.Attr(name); err == nil && v != nil {
			return v
		}
	}
	return nil
}

// minMaxDefault handles min/max(iterable, default=x), which Starlark lacks:
// the default when the iterable is empty (done), else kwargs without it.
func minMaxDefault(t *starlark.Thread, args starlark.Tuple, kwargs *[]starlark.Tuple) (starlark.Value, bool, error) {
	var dflt starlark.Value
	var rest []starlark.Tuple
	for _, kv := range *kwargs {
		if k, _ := starlark.AsString(kv[0]); k == "default" {
			dflt = kv[1]
		} else {
			rest = append(rest, kv)
		}
	}
	if dflt == nil {
		return nil, false, nil
	}
	it, err := toIterator(t, args[0])
	if err != nil {
		return nil, true, err
	}
	vals, err := drain(t, it)
	if err != nil || len(vals) == 0 {
		return dflt, true, err
	}
	args[0] = starlark.NewList(vals)
	*kwargs = rest
	return nil, false, nil
}

// iterHasattr is hasattr with Python's answer for hasattr(x, "__iter__")
// on built-in iterables (a common duck-typing test); inner is the hasattr
// it wraps (Starlark's when nil).
func iterHasattr(inner starlark.Value) *starlark.Builtin {
	if inner == nil {
		inner = starlark.Universe["hasattr"]
	}
	return starlark.NewBuiltin("hasattr", func(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 2 && len(kwargs) == 0 && args[1] == starlark.String("__iter__") {
			switch args[0].(type) {
			case starlark.String, starlark.Bytes, *ByteArray, starlark.Iterable:
				if _, isInst := args[0].(*Instance); !isInst {
					return starlark.True, nil
				}
			}
		}
		return starlark.Call(t, inner, args, kwargs)
	})
}
