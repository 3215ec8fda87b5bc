package hashlib

import (
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"hash"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func newHMAC(env *runtime.Env) (starlark.StringDict, error) {
	return pyargs.Builtins(map[string]builtinFn{
		"new":            hmacNew,
		"digest":         hmacDigest,
		"compare_digest": compareDigest,
	}), nil
}

// HMAC is RFC 2104 over two running hashes, so copy() can clone both.
type HMAC struct {
	name         string
	mk           func() hash.Hash
	inner, outer hash.Hash // outer already holds key^opad
}

// NewHMAC keys a new HMAC with the algorithm called name.
func NewHMAC(name string, key []byte) (*HMAC, error) {
	mk, canon, err := lookup("hmac.new", name)
	if err != nil {
		return nil, err
	}
	m := &HMAC{name: canon, mk: mk, inner: mk(), outer: mk()}
	block := m.inner.BlockSize()
	if len(key) > block {
		h := mk()
		h.Write(key)
		key = h.Sum(nil)
	}
	ipad := make([]byte, block)
	opad := make([]byte, block)
	copy(ipad, key)
	copy(opad, key)
	for i := range ipad {
		ipad[i] ^= 0x36
		opad[i] ^= 0x5c
	}
	m.inner.Write(ipad)
	m.outer.Write(opad)
	return m, nil
}

// Write adds message bytes.
func (m *HMAC) Write(p []byte) { m.inner.Write(p) }

// Sum returns the MAC of the message so far without ending it.
func (m *HMAC) Sum() []byte {
	o, _ := clone(m.outer, m.mk)
	o.Write(m.inner.Sum(nil))
	return o.Sum(nil)
}

// digestmodName reads digestmod: a name ('sha256') or a hashlib constructor.
func digestmodName(fn string, v starlark.Value) (string, error) {
	switch v := v.(type) {
	case starlark.String:
		return string(v), nil
	case *starlark.Builtin:
		if _, ok := algorithms[v.Name()]; ok {
			return v.Name(), nil
		}
	case starlark.NoneType:
		return "", exc.TypeError("Missing required parameter 'digestmod'.")
	}
	return "", exc.TypeError("%s(): digestmod must be a hash name such as 'sha256' or a hashlib constructor, not %s", fn, pyargs.TypeName(v))
}

func hmacNew(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key, msg, digestmod starlark.Value = nil, starlark.None, starlark.None
	if err := starlark.UnpackArgs("new", args, kwargs, "key", &key, "msg?", &msg, "digestmod?", &digestmod); err != nil {
		return nil, err
	}
	k, err := pyargs.Buffer("new", "key", key)
	if err != nil {
		return nil, err
	}
	name, err := digestmodName("new", digestmod)
	if err != nil {
		return nil, err
	}
	m, err := NewHMAC(name, k)
	if err != nil {
		return nil, err
	}
	if msg != starlark.None {
		p, err := pyargs.Buffer("new", "msg", msg)
		if err != nil {
			return nil, err
		}
		m.Write(p)
	}
	return m, nil
}

// hmac.digest(key, msg, digest) is the one-shot form.
func hmacDigest(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key, msg, digest starlark.Value
	if err := starlark.UnpackArgs("digest", args, kwargs, "key", &key, "msg", &msg, "digest", &digest); err != nil {
		return nil, err
	}
	k, err := pyargs.Buffer("digest", "key", key)
	if err != nil {
		return nil, err
	}
	p, err := pyargs.Buffer("digest", "msg", msg)
	if err != nil {
		return nil, err
	}
	name, err := digestmodName("digest", digest)
	if err != nil {
		return nil, err
	}
	m, err := NewHMAC(name, k)
	if err != nil {
		return nil, err
	}
	m.Write(p)
	return starlark.Bytes(m.Sum()), nil
}

// compare_digest compares in constant time; both arguments must be str
// (ASCII) or both bytes, as in CPython.
func compareDigest(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, c starlark.Value
	if err := starlark.UnpackPositionalArgs("compare_digest", args, kwargs, 2, &a, &c); err != nil {
		return nil, err
	}
	as, aStr := a.(starlark.String)
	cs, cStr := c.(starlark.String)
	ab, aBytes := a.(starlark.Bytes)
	cb, cBytes := c.(starlark.Bytes)
	switch {
	case aStr && cStr:
		for _, s := range []starlark.String{as, cs} {
			for i := 0; i < len(s); i++ {
				if s[i] >= 0x80 {
					return nil, exc.TypeError("comparing strings with non-ASCII characters is not supported")
				}
			}
		}
		return starlark.Bool(subtle.ConstantTimeCompare([]byte(as), []byte(cs)) == 1), nil
	case aBytes && cBytes:
		return starlark.Bool(subtle.ConstantTimeCompare([]byte(ab), []byte(cb)) == 1), nil
	}
	return nil, exc.TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'", pyargs.TypeName(a), pyargs.TypeName(c))
}

var _ starlark.HasAttrs = (*HMAC)(nil)

func (m *HMAC) String() string        { return fmt.Sprintf("<hmac.HMAC object (%s)>", m.name) }
func (m *HMAC) PyRepr() string        { return m.String() }
func (m *HMAC) Type() string          { return "hmac.HMAC" }
func (m *HMAC) Freeze()               {}
func (m *HMAC) Truth() starlark.Bool  { return true }
func (m *HMAC) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'HMAC'") }

func (m *HMAC) AttrNames() []string {
	return []string{"block_size", "copy", "digest", "digest_size", "hexdigest", "name", "update"}
}

func (m *HMAC) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String("hmac-" + m.name), nil
	case "digest_size":
		return starlark.MakeInt(m.inner.Size()), nil
	case "block_size":
		return starlark.MakeInt(m.inner.BlockSize()), nil
	case "update":
		return method(m, name, func(args starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("update() takes exactly one argument (%d given)", len(args))
			}
			p, err := pyargs.Buffer("update", "msg", args[0])
			if err != nil {
				return nil, err
			}
			m.Write(p)
			return starlark.None, nil
		}), nil
	case "digest":
		return method(m, name, func(starlark.Tuple) (starlark.Value, error) {
			return starlark.Bytes(m.Sum()), nil
		}), nil
	case "hexdigest":
		return method(m, name, func(starlark.Tuple) (starlark.Value, error) {
			return starlark.String(hex.EncodeToString(m.Sum())), nil
		}), nil
	case "copy":
		return method(m, name, func(starlark.Tuple) (starlark.Value, error) {
			in, err := clone(m.inner, m.mk)
			if err != nil {
				return nil, err
			}
			out, err := clone(m.outer, m.mk)
			if err != nil {
				return nil, err
			}
			return &HMAC{name: m.name, mk: m.mk, inner: in, outer: out}, nil
		}), nil
	}
	return nil, nil
}
