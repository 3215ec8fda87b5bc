package pymath_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
)

func TestCombinatoricsMatchCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import math
print(math.comb(10, 3), math.comb(4, 9), math.comb(100, 50))
print(math.perm(6, 2), math.perm(5), math.perm(3, 7))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10**30 + 1))
print(math.prod([2, 3, 4]), math.prod([], start=5), math.prod(range(1, 21)))
`)
}
