package pylib

import "go.starlark.net/starlark"

// HandledException is the exception the thread's innermost except block
// is handling (sys.exc_info, traceback.print_exc), or nil outside one.
func HandledException(t *starlark.Thread) starlark.Value {
	if inst, ok := t.Local(handlingKey).(*Instance); ok {
		return inst
	}
	return nil
}

// ExceptionErr is the error exception object v was raised with, which
// holds its traceback; nil if v was never raised (or is no exception).
func ExceptionErr(v starlark.Value) error {
	if inst, ok := v.(*Instance); ok {
		return inst.err
	}
	return nil
}
