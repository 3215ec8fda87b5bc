// Package hashlib provides uhashlib/hashlib (md5, sha1, sha224, sha256,
// sha384, sha512 objects) and hmac, with CPython's results: digest() is
// bytes, hexdigest() is str.
package hashlib

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"fmt"
	"hash"
	"sort"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	for _, name := range []string{"uhashlib", "hashlib"} {
		runtime.Register(runtime.Module{Name: name, Doc: "md5, sha1, sha256, sha512 message digests", New: newHashlib})
	}
	runtime.Register(runtime.Module{Name: "hmac", Doc: "keyed hashing (RFC 2104)", New: newHMAC})
}

// algorithms maps a hashlib name to its Go constructor.
var algorithms = map[string]func() hash.Hash{
	"md5":    md5.New,
	"sha1":   sha1.New,
	"sha224": sha256.New224,
	"sha256": sha256.New,
	"sha384": sha512.New384,
	"sha512": sha512.New,
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newHashlib(env *runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{}
	names := make([]string, 0, len(algorithms))
	for name := range algorithms {
		names = append(names, name)
		d[name] = starlark.NewBuiltin(name, constructor(name))
	}
	sort.Strings(names)
	d["new"] = starlark.NewBuiltin("new", newByName)
	set := starlark.NewSet(len(names))
	for _, n := range names {
		set.Insert(starlark.String(n))
	}
	set.Freeze()
	d["algorithms_available"] = set
	d["algorithms_guaranteed"] = set
	return d, nil
}

// lookup resolves an algorithm name as hashlib.new does (case-insensitive).
func lookup(fn, name string) (func() hash.Hash, string, error) {
	n := strings.ToLower(strings.ReplaceAll(name, "-", ""))
	if h, ok := algorithms[n]; ok {
		return h, n, nil
	}
	return nil, "", exc.ValueError("%s(): unsupported hash type %s", fn, name)
}

func constructor(name string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		data, err := dataArg(name, args, kwargs, 0)
		if err != nil {
			return nil, err
		}
		h := &Hash{name: name, h: algorithms[name]()}
		h.h.Write(data)
		return h, nil
	}
}

// dataArg reads the optional initial data after skip leading positionals;
// CPython calls it "string" (or "data"), and usedforsecurity is accepted.
func dataArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple, skip int) ([]byte, error) {
	var v starlark.Value = starlark.None
	rest := args[skip:]
	if len(rest) > 1 {
		return nil, exc.TypeError("%s() takes at most %d positional arguments (%d given)", fn, skip+1, len(args))
	}
	if len(rest) == 1 {
		v = rest[0]
	}
	for _, kv := range kwargs {
		switch k := string(kv[0].(starlark.String)); k {
		case "string", "data":
			v = kv[1]
		case "usedforsecurity":
		default:
			return nil, exc.TypeError("%s() got an unexpected keyword argument '%s'", fn, k)
		}
	}
	if v == starlark.None {
		return nil, nil
	}
	return pyargs.Buffer(fn, "data", v)
}

func newByName(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	for _, kv := range kwargs { // bind before converting, as Python does
		switch k, _ := starlark.AsString(kv[0]); k {
		case "name", "string", "data", "usedforsecurity":
		default:
			return nil, exc.TypeError("new() got an unexpected keyword argument '%s'", k)
		}
	}
	if len(args) < 1 { // new(name='sha256'), as CPython takes it
		for i, kv := range kwargs {
			if kv[0] == starlark.String("name") {
				args = starlark.Tuple{kv[1]}
				kwargs = append(kwargs[:i:i], kwargs[i+1:]...)
				break
			}
		}
	}
	if len(args) < 1 {
		return nil, exc.TypeError("new() missing required argument 'name'")
	}
	name, ok := args[0].(starlark.String)
	if !ok {
		return nil, exc.TypeError("new() argument 'name' must be str, not %s", pyargs.TypeName(args[0]))
	}
	mk, canon, err := lookup("new", string(name))
	if err != nil {
		return nil, err
	}
	data, err := dataArg("new", args, kwargs, 1)
	if err != nil {
		return nil, err
	}
	h := &Hash{name: canon, h: mk()}
	h.h.Write(data)
	return h, nil
}

// Hash is a hashlib hash object.
type Hash struct {
	name string
	h    hash.Hash
}

var _ starlark.HasAttrs = (*Hash)(nil)

func (h *Hash) String() string        { return fmt.Sprintf("<%s _hashlib.HASH object>", h.name) }
func (h *Hash) PyRepr() string        { return h.String() }
func (h *Hash) Type() string          { return "_hashlib.HASH" }
func (h *Hash) Freeze()               {}
func (h *Hash) Truth() starlark.Bool  { return true }
func (h *Hash) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: '_hashlib.HASH'") }

func (h *Hash) AttrNames() []string {
	return []string{"block_size", "copy", "digest", "digest_size", "hexdigest", "name", "update"}
}

func (h *Hash) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(h.name), nil
	case "digest_size":
		return starlark.MakeInt(h.h.Size()), nil
	case "block_size":
		return starlark.MakeInt(h.h.BlockSize()), nil
	case "update":
		return method(h, name, func(args starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("update() takes exactly one argument (%d given)", len(args))
			}
			data, err := pyargs.Buffer("update", "data", args[0])
			if err != nil {
				return nil, err
			}
			h.h.Write(data)
			return starlark.None, nil
		}), nil
	case "digest":
		return method(h, name, func(starlark.Tuple) (starlark.Value, error) {
			return starlark.Bytes(h.h.Sum(nil)), nil
		}), nil
	case "hexdigest":
		return method(h, name, func(starlark.Tuple) (starlark.Value, error) {
			return starlark.String(hex.EncodeToString(h.h.Sum(nil))), nil
		}), nil
	case "copy":
		return method(h, name, func(starlark.Tuple) (starlark.Value, error) {
			c, err := clone(h.h, algorithms[h.name])
			if err != nil {
				return nil, err
			}
			return &Hash{name: h.name, h: c}, nil
		}), nil
	}
	return nil, nil
}

// method binds a no-keyword method to recv.
func method(recv starlark.Value, name string, f func(args starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, exc.TypeError("%s() takes no keyword arguments", name)
		}
		if name != "update" && len(args) > 0 {
			return nil, exc.TypeError("%s() takes no arguments (%d given)", name, len(args))
		}
		return f(args)
	}).BindReceiver(recv)
}

// clone copies a running hash through its marshalled state (every Go
// standard hash supports it).
func clone(h hash.Hash, mk func() hash.Hash) (hash.Hash, error) {
	state, err := h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		return nil, err
	}
	c := mk()
	if err := c.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
		return nil, err
	}
	return c, nil
}
