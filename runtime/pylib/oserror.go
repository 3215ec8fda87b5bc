package pylib

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// osExc gives an errno-carrying Go error CPython's OSError shape:
// args == (errno, strerror), with errno, strerror and filename attributes.
func osExc(e *exc.Error, err error) *Instance {
	inst := newInstance(builtinClass(e.Type), nil)
	inst.err = err
	inst.args = starlark.Tuple{starlark.MakeInt(e.Errno), starlark.String(e.Strerror)}
	var filename starlark.Value = starlark.None
	if e.Filename != nil {
		filename = starlark.String(*e.Filename)
	}
	inst.attrs.SetKey(starlark.String("errno"), starlark.MakeInt(e.Errno))
	inst.attrs.SetKey(starlark.String("strerror"), starlark.String(e.Strerror))
	inst.attrs.SetKey(starlark.String("filename"), filename)
	var filename2 starlark.Value = starlark.None
	if e.Filename2 != nil {
		filename2 = starlark.String(*e.Filename2)
	}
	inst.attrs.SetKey(starlark.String("filename2"), filename2)
	return inst
}

// osErrorStr is str() of an OSError built from (errno, strerror[,
// filename]): "[Errno 2] No such file or directory: 'x'", as CPython.
func osErrorStr(x *Instance) (string, bool) {
	if !x.class.isSubclass(builtinClass("OSError")) || len(x.args) < 2 || len(x.args) > 3 {
		return "", false
	}
	s := "[Errno " + pyrepr.Str(x.args[0]) + "] " + pyrepr.Str(x.args[1])
	filename, ok, _ := x.attrs.Get(starlark.String("filename"))
	if len(x.args) == 3 {
		filename, ok = x.args[2], true
	}
	if ok && filename != starlark.None {
		s += ": " + pyrepr.Repr(filename)
		if f2, ok, _ := x.attrs.Get(starlark.String("filename2")); ok && f2 != starlark.None {
			s += " -> " + pyrepr.Repr(f2)
		}
	}
	return s, true
}

// osErrorAttr answers errno/strerror/filename for a script-made OSError,
// None where CPython has None.
func osErrorAttr(x *Instance, name string) (starlark.Value, bool) {
	if !x.class.isSubclass(builtinClass("OSError")) {
		return nil, false
	}
	i := map[string]int{"errno": 0, "strerror": 1, "filename": 2}
	k, ok := i[name]
	if !ok {
		return nil, false
	}
	if len(x.args) >= 2 && k < len(x.args) && len(x.args) <= 5 {
		return x.args[k], true
	}
	return starlark.None, true
}

// osErrnoClasses are the OSError subclasses Python's OSError(errno, ...)
// constructor picks by errno (Linux numbers).
var osErrnoClasses = map[int64]string{
	1: "PermissionError", 2: "FileNotFoundError", 3: "ProcessLookupError", 4: "InterruptedError",
	10: "ChildProcessError", 11: "BlockingIOError", 13: "PermissionError", 17: "FileExistsError",
	20: "NotADirectoryError", 21: "IsADirectoryError", 32: "BrokenPipeError", 103: "ConnectionAbortedError",
	104: "ConnectionResetError", 108: "BrokenPipeError", 110: "TimeoutError", 111: "ConnectionRefusedError",
	114: "BlockingIOError", 115: "BlockingIOError",
}

// osErrorSubclass is the class OSError(errno, strerror, ...) makes, or nil.
func osErrorSubclass(c *Class, args starlark.Tuple) *Class {
	if len(args) < 2 || c != builtinClass("OSError") {
		return nil
	}
	n, ok := args[0].(starlark.Int)
	if !ok {
		return nil
	}
	i, ok := n.Int64()
	if !ok {
		return nil
	}
	if name, ok := osErrnoClasses[i]; ok {
		return builtinClass(name)
	}
	return nil
}
