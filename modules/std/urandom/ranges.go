package urandom

import (
	"math"
	"math/big"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// index converts a randrange argument as CPython 3.11 does: an int, or a
// float with an integral value.
func index(v starlark.Value, what string) (*big.Int, error) {
	switch v := v.(type) {
	case starlark.Int:
		return v.BigInt(), nil
	case starlark.Bool:
		if v {
			return big.NewInt(1), nil
		}
		return big.NewInt(0), nil
	case starlark.Float:
		f := float64(v)
		if f == math.Trunc(f) && !math.IsInf(f, 0) {
			n, _ := new(big.Float).SetFloat64(f).Int(nil)
			return n, nil
		}
		return nil, exc.ValueError("non-integer %s for randrange()", what)
	}
	return nil, exc.TypeError("'%s' object cannot be interpreted as an integer", pyargs.TypeName(v))
}

func (g *gen) randrange(startv, stopv, stepv starlark.Value) (starlark.Value, error) {
	start, err := index(startv, "arg 1")
	if err != nil {
		return nil, err
	}
	if stopv == nil || stopv == starlark.None {
		if start.Sign() > 0 {
			return starlark.MakeBigInt(g.below(start)), nil
		}
		return nil, exc.ValueError("empty range for randrange()")
	}
	stop, err := index(stopv, "stop")
	if err != nil {
		return nil, err
	}
	step := big.NewInt(1)
	if stepv != nil {
		if step, err = index(stepv, "step"); err != nil {
			return nil, err
		}
	}
	width := new(big.Int).Sub(stop, start)
	if step.Cmp(big.NewInt(1)) == 0 {
		if width.Sign() > 0 {
			return starlark.MakeBigInt(new(big.Int).Add(start, g.below(width))), nil
		}
		return nil, exc.ValueError("empty range for randrange() (%s, %s, %s)", start, stop, width)
	}
	var n *big.Int
	switch step.Sign() {
	case 1:
		n = floorDiv(new(big.Int).Add(width, new(big.Int).Sub(step, big.NewInt(1))), step)
	case -1:
		n = floorDiv(new(big.Int).Add(width, new(big.Int).Add(step, big.NewInt(1))), step)
	default:
		return nil, exc.ValueError("zero step for randrange()")
	}
	if n.Sign() <= 0 {
		return nil, exc.ValueError("empty range for randrange()")
	}
	r := new(big.Int).Mul(step, g.below(n))
	return starlark.MakeBigInt(r.Add(r, start)), nil
}

func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(a, b, new(big.Int)) // Euclidean
	if m.Sign() != 0 && b.Sign() < 0 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

func (g *gen) randrangeFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var start, stop, step starlark.Value
	if err := pyargs.Unpack(b.Name(), args, kwargs, []string{"start", "stop?", "step?"}, &start, &stop, &step); err != nil {
		return nil, err
	}
	return g.randrange(start, stop, step)
}

func (g *gen) randintFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var av, bv starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "a", &av, "b", &bv); err != nil {
		return nil, err
	}
	hi, err := index(bv, "stop")
	if err != nil {
		return nil, err
	}
	return g.randrange(av, starlark.MakeBigInt(hi.Add(hi, big.NewInt(1))), nil)
}
