package pylib

import "go.starlark.net/starlark"

// CopyInstance is copy.copy/deepcopy of a script object without
// __copy__/__deepcopy__: a new object of the same class, not initialised
// again, whose __dict__ is copyDict(new, x.__dict__) (new is passed first so a
// deepcopy memo can hold it before the attributes refer back to it). ok is false for other values.
func CopyInstance(v starlark.Value, copyDict func(y starlark.Value, d *starlark.Dict) (starlark.Value, error)) (out starlark.Value, ok bool, err error) {
	x, isInst := v.(*Instance)
	if !isInst || x.inner != nil || x.class.exc {
		return nil, false, nil
	}
	if m, _ := x.class.find("__copy__"); m != nil {
		return nil, false, nil
	}
	if m, _ := x.class.find("__deepcopy__"); m != nil {
		return nil, false, nil
	}
	y := newInstance(x.class, x.thread)
	d, err := copyDict(y, x.attrs)
	if err != nil {
		return nil, true, err
	}
	if dd, isDict := d.(*starlark.Dict); isDict {
		y.attrs = dd
	}
	return y, true, nil
}
