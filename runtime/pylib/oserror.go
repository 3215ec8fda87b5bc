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
