package pylib_test

import (
	"testing"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// A CPU-bound Python loop whose `%` goes through _mod (the translator
// cannot tell an int from a format string): the divisor sums of
// gcd_primes.py, 1..300.
const modLoop = `
def perfect(n):
    return n == sum([d for d in range(1, n) if n % d == 0])
print([n for n in range(1, 300) if perfect(n)])
`

func BenchmarkModLoop(b *testing.B) {
	for i := 0; i < b.N; i++ {
		in, out := runtimetest.NewInterp(b, nil)
		if err := runtimetest.Exec(in, "bench.py", modLoop); err != nil {
			b.Fatal(err)
		}
		if out.String() != "[6, 28]\n" {
			b.Fatalf("output %q", out.String())
		}
	}
}
