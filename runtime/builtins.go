package runtime

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// makePredeclared builds the names every script sees: Starlark's universe,
// the Python front end's helpers, and Python-style print/str/repr/help.
func (in *Interp) makePredeclared() starlark.StringDict {
	d := starlark.StringDict{}
	for k, v := range starlark.Universe {
		d[k] = v
	}
	for k, v := range pylib.Builtins() {
		d[k] = v
	}
	d["print"] = starlark.NewBuiltin("print", in.print)
	d["str"] = pylib.WrapType("str", starlark.NewBuiltin("str", pyStr))
	d["repr"] = starlark.NewBuiltin("repr", pyReprBuiltin)
	d["help"] = starlark.NewBuiltin("help", in.help) // help.go
	d["dir"], d["_doc_of"] = dirBuiltin(starlark.Universe["dir"]), starlark.NewBuiltin("_doc_of", docOf)
	d["open"] = in.openBuiltin()
	in.addPyBuiltins(d)
	d["_import"] = starlark.NewBuiltin("_import", in.importBuiltin)
	// import_module("time") gives .star scripts a whole module, where
	// load("time", "time") would bind the member time.time.
	d["import_module"] = starlark.NewBuiltin("import_module", in.importBuiltin)
	return d
}

// print(*args, sep=' ', end='\n') writes Python's str() of each argument.
func (in *Interp) print(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sep, end := " ", "\n"
	var file starlark.Value = starlark.None
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		var s string
		switch v := kv[1].(type) {
		case starlark.String:
			s = string(v)
		case starlark.NoneType:
			s = map[string]string{"sep": " ", "end": "\n"}[k]
		default:
			if k == "sep" || k == "end" {
				return nil, fmt.Errorf("print: %s must be None or a string, not %s", k, v.Type())
			}
		}
		switch k {
		case "sep":
			sep = s
		case "end":
			end = s
		case "file":
			file = kv[1] // an open file or sys.stderr: see printTo
		case "flush":
			// accepted for CPython compatibility
		default:
			return nil, fmt.Errorf("print: unexpected keyword argument '%s'", k)
		}
	}
	var sb strings.Builder
	for i, a := range args {
		if i > 0 {
			sb.WriteString(sep)
		}
		s, err := pyrepr.StrErr(a)
		if err != nil {
			return nil, err
		}
		sb.WriteString(s)
	}
	sb.WriteString(end)
	if file != starlark.None {
		return starlark.None, printTo(t, file, sb.String())
	}
	if _, err := in.Env.Write([]byte(sb.String())); err != nil {
		return nil, outputError(err) // output.go
	}
	return starlark.None, nil
}

func pyStr(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 || len(args) > 1 {
		// str(b, 'utf-8') decodes, as in Python
		var x starlark.Value
		var encoding, errors string
		if err := starlark.UnpackArgs("str", args, kwargs, "object", &x, "encoding?", &encoding, "errors?", &errors); err != nil {
			return nil, err
		}
		switch bs := x.(type) {
		case starlark.Bytes:
			return pylib.DecodeBytes([]byte(bs), encoding, errors)
		case *pylib.ByteArray:
			return pylib.DecodeBytes(bs.Bytes(), encoding, errors)
		}
		return nil, fmt.Errorf("str: decoding to str: need a bytes-like object, %s found", x.Type())
	}
	if len(args) == 0 {
		return starlark.String(""), nil
	}
	s, err := pyrepr.StrErr(args[0])
	return starlark.String(s), err
}

func pyReprBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("repr", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	s, err := pyrepr.ReprErr(x)
	return starlark.String(s), err
}

// _import(name) is what the Python front end turns `import name` into.
func (in *Interp) importBuiltin(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return in.importCall(t, args, kwargs) // imports.go
}
