package pylib

import "go.starlark.net/starlark"

// Exception chaining: raise X from Y sets X.__cause__; an exception raised
// while a handler runs gets the handled one as __context__, as in CPython.

const handlingKey = "pylib.handling"

// handling runs a handler with inst as the exception being handled.
func handling(thread *starlark.Thread, inst *Instance, run func() (starlark.Value, error)) (starlark.Value, error) {
	prev := thread.Local(handlingKey)
	thread.SetLocal(handlingKey, inst)
	defer thread.SetLocal(handlingKey, prev)
	return run()
}

// chainException fills __cause__ and __context__ on an exception being raised.
func chainException(thread *starlark.Thread, inst *Instance, args starlark.Tuple) {
	if len(args) == 2 {
		inst.SetField("__cause__", args[1])
		inst.SetField("__suppress_context__", starlark.True)
	} else if v, _ := inst.Attr("__cause__"); v == nil {
		inst.SetField("__cause__", starlark.None)
	}
	if v, _ := inst.Attr("__context__"); v == nil || v == starlark.None {
		var ctx starlark.Value = starlark.None
		if h, ok := thread.Local(handlingKey).(*Instance); ok && h != inst {
			ctx = h
		}
		inst.SetField("__context__", ctx)
	}
}
