package urandom

import (
	"fmt"
	"math"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// Random is random.Random(seed=None): a generator of its own.
type Random struct {
	g       *gen
	members starlark.StringDict
}

var _ starlark.HasAttrs = (*Random)(nil)

func newRandom(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	r := &Random{g: &gen{}}
	r.members = r.g.methods()
	if _, err := r.g.seedFn(t, b, args, kwargs); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Random) String() string        { return fmt.Sprintf("<random.Random object at %p>", r) }
func (r *Random) PyRepr() string        { return r.String() }
func (r *Random) Type() string          { return "Random" }
func (r *Random) Freeze()               {}
func (r *Random) Truth() starlark.Bool  { return true }
func (r *Random) Hash() (uint32, error) { return starlark.String(r.String()).Hash() }
func (r *Random) AttrNames() []string   { return r.members.Keys() }
func (r *Random) Attr(name string) (starlark.Value, error) {
	return r.members[name], nil
}

func (g *gen) numbers(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, names []string, defs ...float64) ([]float64, error) {
	vals := make([]starlark.Value, len(names))
	out := make([]*starlark.Value, len(names))
	for i := range out {
		out[i] = &vals[i]
	}
	if err := pyargs.Unpack(b.Name(), args, kwargs, names, out...); err != nil {
		return nil, err
	}
	fs := make([]float64, len(names))
	for i, v := range vals {
		if pyargs.IsNone(v) {
			fs[i] = defs[i]
			continue
		}
		f, err := pyargs.Number(b.Name(), names[i], v)
		if err != nil {
			return nil, err
		}
		fs[i] = f
	}
	return fs, nil
}

func (g *gen) normalvariateFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	f, err := g.numbers(b, args, kwargs, []string{"mu?", "sigma?"}, 0, 1)
	if err != nil {
		return nil, err
	}
	magic := 4 * math.Exp(-0.5) / math.Sqrt(2.0)
	var z float64
	for {
		u1 := g.random()
		u2 := 1.0 - g.random()
		z = magic * (u1 - 0.5) / u2
		if z*z/4.0 <= -math.Log(u2) {
			break
		}
	}
	return starlark.Float(f[0] + z*f[1]), nil
}

func (g *gen) expovariateFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	f, err := g.numbers(b, args, kwargs, []string{"lambd?"}, 1)
	if err != nil {
		return nil, err
	}
	if f[0] == 0 {
		return nil, exc.New("ZeroDivisionError", "float division by zero")
	}
	return starlark.Float(-math.Log(1.0-g.random()) / f[0]), nil
}

func (g *gen) triangularFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	f, err := g.numbers(b, args, kwargs, []string{"low?", "high?", "mode?"}, 0, 1, math.NaN())
	if err != nil {
		return nil, err
	}
	low, high, mode := f[0], f[1], f[2]
	u := g.random()
	if high == low {
		return starlark.Float(low), nil
	}
	c := 0.5
	if !math.IsNaN(mode) {
		c = (mode - low) / (high - low)
	}
	if u > c {
		u, c, low, high = 1-u, 1-c, high, low
	}
	return starlark.Float(low + (high-low)*math.Sqrt(u*c)), nil
}

// randbytes(n) is getrandbits(n*8) as n little-endian bytes.
func (g *gen) randbytesFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var nv starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &nv); err != nil {
		return nil, err
	}
	n, err := pyargs.Int(b.Name(), "n", nv)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, exc.ValueError("negative argument not allowed")
	}
	v := g.getrandbits(int(n) * 8).Bytes() // big-endian, without leading zeros
	out := make([]byte, n)
	for i := range v {
		out[i] = v[len(v)-1-i]
	}
	return starlark.Bytes(out), nil
}
