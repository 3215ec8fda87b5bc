package pycompat

import "testing"

// BenchmarkGenerator: a for loop over a 10,000-item generator (one op).
func BenchmarkGenerator(b *testing.B) {
	benchLoop(b, "def count(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\ndef f():\n    total = 0\n    for x in count(10000):\n        total += x\n    return total\n")
}

// BenchmarkGeneratorExpr: sum over a lazy generator expression of 10,000 items.
func BenchmarkGeneratorExpr(b *testing.B) {
	benchLoop(b, "def f():\n    g = (x * 2 for x in range(10000))\n    return sum(g)\n")
}

// BenchmarkListLoop: the same loop over a list, for comparison.
func BenchmarkListLoop(b *testing.B) {
	benchLoop(b, "def f():\n    total = 0\n    for x in list(range(10000)):\n        total += x\n    return total\n")
}
