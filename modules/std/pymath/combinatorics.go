package pymath

import (
	"math/big"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// comb(n, k) and perm(n, k=None), exact as CPython's.
func comb(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n, k int64
	if err := starlark.UnpackPositionalArgs("comb", args, kwargs, 2, &n, &k); err != nil {
		return nil, err
	}
	if n < 0 || k < 0 {
		return nil, exc.ValueError("n must be a non-negative integer")
	}
	if k > n {
		return starlark.MakeInt(0), nil
	}
	return starlark.MakeBigInt(new(big.Int).Binomial(n, k)), nil
}

func perm(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n int64
	var kv starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs("perm", args, kwargs, 1, &n, &kv); err != nil {
		return nil, err
	}
	k := n
	if kv != starlark.None {
		if err := starlark.AsInt(kv, &k); err != nil {
			return nil, err
		}
	}
	if n < 0 || k < 0 {
		return nil, exc.ValueError("n must be a non-negative integer")
	}
	if k > n {
		return starlark.MakeInt(0), nil
	}
	return starlark.MakeBigInt(new(big.Int).MulRange(n-k+1, n)), nil
}

// isqrt(n) is the floor of n's square root, exact for big ints.
func isqrt(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n starlark.Int
	if err := starlark.UnpackPositionalArgs("isqrt", args, kwargs, 1, &n); err != nil {
		return nil, err
	}
	b := n.BigInt()
	if b.Sign() < 0 {
		return nil, exc.ValueError("isqrt() argument must be nonnegative")
	}
	return starlark.MakeBigInt(new(big.Int).Sqrt(b)), nil
}

// prod(iterable, start=1) multiplies like a loop of *.
func prod(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Iterable
	var acc starlark.Value = starlark.MakeInt(1)
	if err := starlark.UnpackArgs("prod", args, kwargs, "iterable", &seq, "start?", &acc); err != nil {
		return nil, err
	}
	it := seq.Iterate()
	defer it.Done()
	var x starlark.Value
	for it.Next(&x) {
		var err error
		if acc, err = starlark.Binary(syntax.STAR, acc, x); err != nil {
			return nil, err
		}
	}
	return acc, nil
}
