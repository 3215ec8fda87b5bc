package pyrepr

import (
	"math"
	"math/big"
	"testing"

	"go.starlark.net/starlark"
)

// TestHashMatchesCPython: hash() values CPython 3.11 prints for each.
func TestHashMatchesCPython(t *testing.T) {
	i := starlark.MakeInt
	big2 := func(s string) starlark.Int {
		n, _ := new(big.Int).SetString(s, 10)
		return starlark.MakeBigInt(n)
	}
	f := func(x float64) starlark.Value { return starlark.Float(x) }
	cases := []struct {
		v    starlark.Value
		want int64
	}{
		{i(0), 0}, {i(1), 1}, {i(-1), -2}, {i(-2), -2}, {i(7), 7},
		{big2("2305843009213693951"), 0}, {big2("2305843009213693952"), 1},
		{big2("-2305843009213693952"), -2}, {big2("1180591620717411303424"), 512},
		{big2("-1180591620717411303421"), -509},
		{f(0.5), 1152921504606846976}, {f(-0.5), -1152921504606846976}, {f(1.5), 1152921504606846977},
		{f(3.14159), 326484311674566659}, {f(1e300), 1224995262755759164}, {f(-2.5e-8), -789396629831109982},
		{f(math.Inf(1)), 314159}, {f(math.Inf(-1)), -314159},
		{starlark.Tuple{}, 5740354900026072187}, {starlark.Tuple{i(0)}, -8753497827991233192},
		{starlark.Tuple{i(1), i(2)}, -3550055125485641917}, {starlark.Tuple{i(-1), f(3.5)}, -3802032039975279148},
		{starlark.Tuple{starlark.Tuple{i(1), i(2)}, starlark.Tuple{i(3)}}, -8303551883679707139},
		{starlark.True, 1}, {starlark.False, 0},
	}
	for _, c := range cases {
		got, ok := Hash(c.v)
		if !ok || got != c.want {
			t.Errorf("Hash(%s) = %d, %v; CPython says %d", c.v, got, ok, c.want)
		}
	}
	if _, ok := Hash(starlark.String("x")); ok {
		t.Error("a str's hash is randomised in CPython: SetOrder must not claim it")
	}
}

// TestSetOrder: the orders CPython 3.11 prints for sets built by add().
func TestSetOrder(t *testing.T) {
	cases := []struct {
		add  []int
		want []int
	}{
		{[]int{3, 1, 2}, []int{1, 2, 3}},
		{[]int{100, 7, 64}, []int{64, 100, 7}},
		{[]int{9, 8, 1}, []int{8, 9, 1}},
		{[]int{10, 2, 33, 1000}, []int{1000, 33, 10, 2}},
		{[]int{300, 200, 100}, []int{200, 100, 300}},
	}
	for _, c := range cases {
		s := starlark.NewSet(len(c.add))
		for _, v := range c.add {
			s.Insert(starlark.MakeInt(v))
		}
		got := SetElems(s)
		for k, v := range got {
			if n, _ := starlark.AsInt32(v); n != c.want[k] {
				t.Errorf("set from %v iterates %v, CPython %v", c.add, got, c.want)
				break
			}
		}
	}
}
