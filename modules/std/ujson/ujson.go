// Package ujson provides QuecPython's ujson and CPython's json: dumps and
// loads with CPython's output format and error messages, dump and load on
// any object with write()/read(), and encode/decode aliases.
package ujson

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

const jsonDecodeError = "json.decoder.JSONDecodeError"

func init() {
	for _, name := range []string{"ujson", "json"} {
		runtime.Register(runtime.Module{Name: name, Doc: "JSON dumps/loads (CPython-compatible output)", New: newModule})
	}
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"dumps":  starlark.NewBuiltin("dumps", dumps),
		"loads":  starlark.NewBuiltin("loads", loads),
		"dump":   starlark.NewBuiltin("dump", dump),
		"load":   starlark.NewBuiltin("load", load),
		"encode": starlark.NewBuiltin("encode", dumps),
		"decode": starlark.NewBuiltin("decode", loads),
		// CPython's class for malformed input, a ValueError subclass
		"JSONDecodeError": pylib.ExceptionClass(jsonDecodeError),
	}, nil
}

// Encode renders v as dumps(v) would with default options.
func Encode(v starlark.Value) (string, error) {
	e, _ := newEncoder(nil, "dumps", nil)
	if err := e.encode(v, 0); err != nil {
		return "", err
	}
	return e.b.String(), nil
}

func dumps(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, exc.TypeError("%s() takes exactly one positional argument (%d given)", b.Name(), len(args))
	}
	e, err := newEncoder(t, b.Name(), kwargs)
	if err != nil {
		return nil, err
	}
	if err := e.encode(args[0], 0); err != nil {
		return nil, err
	}
	return starlark.String(e.b.String()), nil
}

func loads(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v, objectHook, pairsHook starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "s", &v, "object_hook?", &objectHook, "object_pairs_hook?", &pairsHook); err != nil {
		return nil, err
	}
	var h *hooks
	if !pyargs.IsNone(objectHook) || !pyargs.IsNone(pairsHook) {
		h = &hooks{thread: t}
		if !pyargs.IsNone(objectHook) {
			h.object = objectHook
		}
		if !pyargs.IsNone(pairsHook) {
			h.objectPairs = pairsHook
		}
	}
	switch s := v.(type) {
	case starlark.String:
		return decodeWith(string(s), h)
	case starlark.Bytes:
		// CPython decodes bytes as UTF-8, dropping a BOM.
		text := string(s)
		if len(text) >= 3 && text[:3] == "\ufeff" {
			text = text[3:]
		}
		return decodeWith(text, h)
	}
	return nil, exc.TypeError("the JSON object must be str or bytes, not %s", pyargs.TypeName(v))
}

// dump(obj, stream, **kw) writes dumps(obj, **kw) with stream.write.
func dump(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, exc.TypeError("dump() takes obj and stream (%d positional arguments given)", len(args))
	}
	s, err := dumps(t, starlark.NewBuiltin("dump", nil), args[:1], kwargs)
	if err != nil {
		return nil, err
	}
	if _, err := callMethod(t, "dump", args[1], "write", s); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

// load(stream) parses stream.read().
func load(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var stream starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &stream); err != nil {
		return nil, err
	}
	data, err := callMethod(t, "load", stream, "read")
	if err != nil {
		return nil, err
	}
	return loads(t, starlark.NewBuiltin("load", nil), starlark.Tuple{data}, nil)
}

func callMethod(t *starlark.Thread, fn string, recv starlark.Value, name string, args ...starlark.Value) (starlark.Value, error) {
	var m starlark.Value
	if ha, ok := recv.(starlark.HasAttrs); ok {
		m, _ = ha.Attr(name)
	}
	if m == nil {
		return nil, exc.TypeError("%s(): stream must have a %s() method, %s has none", fn, name, pyargs.TypeName(recv))
	}
	return starlark.Call(t, m, args, nil)
}
