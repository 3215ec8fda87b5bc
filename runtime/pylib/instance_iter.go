package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Iteration over script objects: for loops, list(x), `in` call __iter__,
// then __next__ until StopIteration; a class with only __getitem__
// iterates x[0], x[1], ... until IndexError, as in Python.
//
// Starlark's iterator protocol has no error result, so an exception other
// than StopIteration raised by __next__ ends the loop; iterErr reports it
// to Go callers that can return it.

// iterable reports whether iter(x) would work.
func (x *Instance) iterable() bool {
	if fn, _ := x.class.find("__iter__"); fn != nil {
		return true
	}
	fn, _ := x.class.find("__getitem__")
	return fn != nil
}

// Iterate is iter(x).
func (x *Instance) Iterate() starlark.Iterator {
	it, err := x.iter()
	if err != nil {
		return &failedIterator{err: err}
	}
	return it
}

// iter is iter(x) with its error.
func (x *Instance) iter() (starlark.Iterator, error) {
	res, ok, err := x.dunder("__iter__")
	if err != nil {
		return nil, err
	}
	if !ok {
		if fn, _ := x.class.find("__getitem__"); fn != nil {
			return &getitemIterator{x: x}, nil
		}
		return nil, exc.TypeError("'%s' object is not iterable", x.class.name)
	}
	if inst, ok := res.(*Instance); ok {
		if fn, _ := inst.class.find("__next__"); fn != nil {
			return &nextIterator{x: inst}, nil
		}
		if inst != x && inst.iterable() {
			return inst.iter()
		}
		return nil, exc.TypeError("iter() returned non-iterator of type '%s'", inst.class.name)
	}
	if nx, ok := res.(starlark.HasAttrs); ok {
		// an iterator object from another helper (a generator, iter(list))
		if fn, err := nx.Attr("__next__"); err == nil && fn != nil {
			return &callIterator{next: fn, thread: x.callThread("__next__")}, nil
		}
	}
	if v, ok := res.(starlark.Iterable); ok {
		return v.Iterate(), nil
	}
	return nil, exc.TypeError("iter() returned non-iterator of type '%s'", typeName(res))
}

// iterErr is the exception that ended an iteration early, if any.
func iterErr(it starlark.Iterator) error {
	if e, ok := it.(interface{ Err() error }); ok {
		return e.Err()
	}
	return nil
}

// isStopIteration reports whether err is StopIteration (which ends a loop).
func isStopIteration(err error) bool {
	inst := errToInstance(err)
	return inst.class.isSubclass(builtinClass("StopIteration"))
}

// nextIterator calls x.__next__() until StopIteration.
type nextIterator struct {
	x   *Instance
	err error
}

func (it *nextIterator) Next(p *starlark.Value) bool {
	if it.err != nil {
		return false
	}
	v, _, err := it.x.dunder("__next__")
	return it.step(v, err, p)
}

func (it *nextIterator) step(v starlark.Value, err error, p *starlark.Value) bool {
	if err != nil {
		if !isStopIteration(err) {
			it.err = err
		} else {
			it.err = errStopped
		}
		return false
	}
	*p = v
	return true
}

func (it *nextIterator) Done() {}
func (it *nextIterator) Err() error {
	if it.err == errStopped {
		return nil
	}
	return it.err
}

var errStopped = exc.New("StopIteration", "")

// callIterator calls a __next__ function until StopIteration.
type callIterator struct {
	nextIterator
	next   starlark.Value
	thread *starlark.Thread
}

func (it *callIterator) Next(p *starlark.Value) bool {
	if it.err != nil {
		return false
	}
	v, err := starlark.Call(it.thread, it.next, nil, nil)
	return it.step(v, err, p)
}

// getitemIterator is the old protocol: x[0], x[1], ... until IndexError.
type getitemIterator struct {
	x   *Instance
	i   int
	err error
}

func (it *getitemIterator) Next(p *starlark.Value) bool {
	if it.err != nil {
		return false
	}
	v, _, err := it.x.dunder("__getitem__", starlark.MakeInt(it.i))
	if err != nil {
		inst := errToInstance(err)
		if !inst.class.isSubclass(builtinClass("IndexError")) && !inst.class.isSubclass(builtinClass("StopIteration")) {
			it.err = err
		} else {
			it.err = errStopped
		}
		return false
	}
	it.i++
	*p = v
	return true
}

func (it *getitemIterator) Done() {}
func (it *getitemIterator) Err() error {
	if it.err == errStopped {
		return nil
	}
	return it.err
}

// failedIterator is an iteration that could not start.
type failedIterator struct{ err error }

func (it *failedIterator) Next(*starlark.Value) bool { return false }
func (it *failedIterator) Done()                     {}
func (it *failedIterator) Err() error                { return it.err }
