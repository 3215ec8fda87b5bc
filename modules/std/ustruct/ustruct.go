// Package ustruct provides QuecPython's ustruct and CPython's struct:
// pack, unpack, calcsize, pack_into, unpack_from, iter_unpack and Struct,
// with CPython's byte orders, format codes, native alignment and messages.
package ustruct

import (
	"slices"
	"sync"
	"sync/atomic"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	for _, name := range []string{"ustruct", "struct"} {
		runtime.Register(runtime.Module{Name: name, Doc: "pack and unpack binary data (CPython struct)", New: newModule})
	}
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	d := pyargs.Builtins(map[string]builtinFn{
		"pack":        withLayout("pack", (*layout).packFn),
		"unpack":      withLayout("unpack", (*layout).unpackFn),
		"calcsize":    withLayout("calcsize", (*layout).calcsizeFn),
		"pack_into":   withLayout("pack_into", (*layout).packIntoFn),
		"unpack_from": withLayout("unpack_from", (*layout).unpackFromFn, "buffer", "offset"),
		"iter_unpack": withLayout("iter_unpack", (*layout).iterUnpackFn),
	})
	d["Struct"] = pytype.New("_struct.Struct", newStruct, "Struct")
	d["error"] = pylib.ExceptionClass(errName)
	return d, nil
}

type layoutFn = func(l *layout, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// withLayout makes a module function whose first argument is the format;
// keywords outside keywords are refused before the format is read, as
// Python binds arguments before it converts them.
func withLayout(name string, f layoutFn, keywords ...string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		for _, kv := range kwargs {
			if k, _ := starlark.AsString(kv[0]); !slices.Contains(keywords, k) {
				return nil, exc.TypeError("%s() got an unexpected keyword argument '%s'", name, k)
			}
		}
		if len(args) == 0 {
			return nil, exc.TypeError("%s() missing required argument 'format' (pos 1)", name)
		}
		l, err := layoutOf(args[0])
		if err != nil {
			return nil, err
		}
		return f(l, name, args[1:], kwargs)
	}
}

var (
	cache     sync.Map // format string -> *layout
	cacheSize atomic.Int32
)

func layoutOf(v starlark.Value) (*layout, error) {
	s, ok := pyargs.AsText(v)
	if !ok {
		return nil, exc.TypeError("Struct() argument 1 must be a str or bytes object, not %s", pyargs.TypeName(v))
	}
	if l, ok := cache.Load(s); ok {
		return l.(*layout), nil
	}
	l, err := parse(s)
	if err != nil {
		return nil, err
	}
	if cacheSize.Add(1) > 256 { // formats built with '%d' % n: keep the cache bounded
		cache.Range(func(k, _ any) bool { cache.Delete(k); return true })
		cacheSize.Store(0)
	}
	cache.Store(s, l)
	return l, nil
}

func noKwargs(fn string, kwargs []starlark.Tuple) error {
	if len(kwargs) > 0 {
		return exc.TypeError("%s() takes no keyword arguments", fn)
	}
	return nil
}

func (l *layout) packFn(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noKwargs(fn, kwargs); err != nil {
		return nil, err
	}
	buf := make([]byte, l.size)
	if err := l.pack(buf, args); err != nil {
		return nil, err
	}
	return starlark.Bytes(buf), nil
}

// readBuffer is a buffer argument to unpack from.
func readBuffer(v starlark.Value) ([]byte, error) {
	if b, ok := bytesOf(v); ok {
		return b, nil
	}
	return nil, exc.TypeError("a bytes-like object is required, not '%s'", pyargs.TypeName(v))
}

func (l *layout) unpackFn(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var bufv starlark.Value
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &bufv); err != nil {
		return nil, exc.TypeError("unpack expected 2 arguments, got %d", len(args)+1)
	}
	buf, err := readBuffer(bufv)
	if err != nil {
		return nil, err
	}
	if len(buf) != l.size {
		return nil, structErr("unpack requires a buffer of %d bytes", l.size)
	}
	return l.unpack(buf), nil
}

func (l *layout) calcsizeFn(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 || len(kwargs) > 0 {
		return nil, exc.TypeError("calcsize() takes exactly one argument (%d given)", len(args)+1)
	}
	return starlark.MakeInt(l.size), nil
}

func (l *layout) unpackFromFn(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var bufv, offv starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"buffer", "offset?"}, &bufv, &offv); err != nil {
		return nil, err
	}
	buf, err := readBuffer(bufv)
	if err != nil {
		return nil, err
	}
	off := 0
	if offv != nil {
		o, err := pyargs.Int(fn, "offset", offv)
		if err != nil {
			return nil, err
		}
		off = int(o)
	}
	n := len(buf)
	if off < 0 {
		if off+n < 0 {
			return nil, structErr("offset %d out of range for %d-byte buffer", off, n)
		}
		if off+l.size > 0 {
			return nil, structErr("not enough data to unpack %d bytes at offset %d", l.size, off)
		}
		off += n
	}
	if n-off < l.size {
		return nil, structErr("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)",
			l.size+off, l.size, off, n)
	}
	return l.unpack(buf[off:]), nil
}

func (l *layout) packIntoFn(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noKwargs(fn, kwargs); err != nil {
		return nil, err
	}
	switch len(args) {
	case 0:
		return nil, structErr("pack_into expected buffer argument")
	case 1:
		return nil, structErr("pack_into expected offset argument")
	}
	ba, ok := args[0].(*pylib.ByteArray)
	if !ok {
		return nil, exc.TypeError("argument must be read-write bytes-like object, not %s", pyargs.TypeName(args[0]))
	}
	o, err := pyargs.Int(fn, "offset", args[1])
	if err != nil {
		return nil, err
	}
	vals := args[2:]
	if len(vals) != l.nvals {
		return nil, structErr("pack_into expected %d items for packing (got %d)", l.nvals, len(vals))
	}
	buf, off, n := ba.Bytes(), int(o), len(ba.Bytes())
	if off < 0 {
		if off+l.size > 0 {
			return nil, structErr("no space to pack %d bytes at offset %d", l.size, off)
		}
		if off+n < 0 {
			return nil, structErr("offset %d out of range for %d-byte buffer", off, n)
		}
		off += n
	}
	if n-off < l.size {
		return nil, structErr("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)",
			l.size+off, l.size, off, n)
	}
	tmp := make([]byte, l.size) // all or nothing, as CPython
	copy(tmp, buf[off:off+l.size])
	if err := l.pack(tmp, vals); err != nil {
		return nil, err
	}
	copy(buf[off:], tmp)
	return starlark.None, nil
}

func (l *layout) iterUnpackFn(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var bufv starlark.Value
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &bufv); err != nil {
		return nil, err
	}
	buf, err := readBuffer(bufv)
	if err != nil {
		return nil, err
	}
	if l.size == 0 {
		return nil, structErr("cannot iteratively unpack with a struct of length 0")
	}
	if len(buf)%l.size != 0 {
		return nil, structErr("iterative unpacking requires a buffer of a multiple of %d bytes", l.size)
	}
	var out []starlark.Value
	for off := 0; off < len(buf); off += l.size {
		out = append(out, l.unpack(buf[off:off+l.size]))
	}
	return starlark.NewList(out), nil
}
