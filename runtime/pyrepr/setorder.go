package pyrepr

import (
	"math"
	"math/big"

	"go.starlark.net/starlark"
)

// CPython iterates a set in the order of its hash table, not in insertion
// order: {3, 1, 2} prints {1, 2, 3}. For elements whose hash CPython
// computes the same way in every run (ints, bools, floats and tuples of
// them; not str, whose hash is randomised), SetOrder replays CPython's
// table (setobject.c: 8 slots, linear probes of 9, perturbation, growth
// to 4x the used count at 3/5 full) over the insertion order, so that the
// elements come out as CPython lists them. A set that had elements
// removed may still differ (CPython keeps dummies in the table).

const (
	setMinSize    = 8
	linearProbes  = 9
	perturbShift  = 5
	hashBits      = 61
	hashModulus   = (1 << hashBits) - 1
	hashInf       = 314159
	xxPrime1      = 11400714785074694791
	xxPrime2      = 14029467366897019727
	xxPrime5      = 2870177450012600261
	tupleLenMixin = xxPrime5 ^ 3527539
)

// SetOrder returns s's elements in CPython's iteration order, or nil when
// an element's CPython hash is not fixed (a str) or the order is
// insertion order anyway.
func SetOrder(s *starlark.Set) []starlark.Value {
	n := s.Len()
	if n < 2 {
		return nil
	}
	vals := make([]starlark.Value, 0, n)
	hashes := make([]uint64, 0, n)
	iter := s.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		h, ok := Hash(x)
		if !ok {
			return nil
		}
		vals = append(vals, x)
		hashes = append(hashes, uint64(h))
	}
	order := tableOrder(hashes)
	out := make([]starlark.Value, len(order))
	for i, k := range order {
		out[i] = vals[k]
	}
	return out
}

// SetElems is s's elements in CPython's order where that is known, else
// in insertion order.
func SetElems(s *starlark.Set) []starlark.Value {
	if o := SetOrder(s); o != nil {
		return o
	}
	out := make([]starlark.Value, 0, s.Len())
	iter := s.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		out = append(out, x)
	}
	return out
}

// tableOrder inserts hashes (distinct keys) one by one into a CPython set
// table and returns the indexes in table order.
func tableOrder(hashes []uint64) []int {
	mask := uint64(setMinSize - 1)
	table := newTable(setMinSize)
	fill := 0
	for k, h := range hashes {
		insertClean(table, mask, h, k)
		fill++
		if uint64(fill)*5 >= mask*3 {
			used := fill
			minused := used * 4
			if used > 50000 {
				minused = used * 2
			}
			newSize := uint64(setMinSize)
			for newSize <= uint64(minused) {
				newSize <<= 1
			}
			old := table
			table = newTable(int(newSize))
			mask = newSize - 1
			for _, idx := range old {
				if idx >= 0 {
					insertClean(table, mask, hashes[idx], idx)
				}
			}
		}
	}
	out := make([]int, 0, len(hashes))
	for _, idx := range table {
		if idx >= 0 {
			out = append(out, idx)
		}
	}
	return out
}

func newTable(n int) []int {
	t := make([]int, n)
	for i := range t {
		t[i] = -1
	}
	return t
}

// insertClean is setobject.c's probe sequence for a key not yet present.
func insertClean(table []int, mask, h uint64, idx int) {
	perturb := h
	i := h & mask
	for {
		if table[i] < 0 {
			table[i] = idx
			return
		}
		if i+linearProbes <= mask {
			for j := uint64(1); j <= linearProbes; j++ {
				if table[i+j] < 0 {
					table[i+j] = idx
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Hash is CPython's hash(x) for values whose hash does not depend on the
// run: ints, bools, floats and tuples of such values.
func Hash(x starlark.Value) (int64, bool) {
	switch v := x.(type) {
	case starlark.Bool:
		if v {
			return 1, true
		}
		return 0, true
	case starlark.Int:
		return intHash(v), true
	case starlark.Float:
		return floatHash(float64(v))
	case starlark.Tuple:
		acc := uint64(xxPrime5)
		for _, e := range v {
			h, ok := Hash(e)
			if !ok {
				return 0, false
			}
			acc += uint64(h) * xxPrime2
			acc = acc<<31 | acc>>33
			acc *= xxPrime1
		}
		acc += uint64(len(v)) ^ tupleLenMixin
		if acc == math.MaxUint64 {
			return 1546275796, true
		}
		return int64(acc), true
	}
	return 0, false
}

func intHash(v starlark.Int) int64 {
	var h int64
	if i, ok := v.Int64(); ok {
		neg := i < 0
		u := uint64(i)
		if neg {
			u = uint64(-i)
			if i == math.MinInt64 {
				u = 1 << 63
			}
		}
		u %= hashModulus
		h = int64(u)
		if neg {
			h = -h
		}
	} else {
		b := v.BigInt()
		m := new(big.Int).Abs(b)
		m.Mod(m, big.NewInt(hashModulus))
		h = m.Int64()
		if b.Sign() < 0 {
			h = -h
		}
	}
	if h == -1 {
		h = -2
	}
	return h
}

// floatHash is _Py_HashDouble; a NaN's hash is its address, so none.
func floatHash(f float64) (int64, bool) {
	if math.IsNaN(f) {
		return 0, false
	}
	if math.IsInf(f, 1) {
		return hashInf, true
	}
	if math.IsInf(f, -1) {
		return -hashInf, true
	}
	m, e := math.Frexp(f)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(hashBits-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= hashBits
	} else {
		e = hashBits - 1 - ((-1 - e) % hashBits)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(hashBits-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h, true
}
