package urandom_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"

	_ "github.com/qstar-dev/qstar/modules/std/urandom"
)

// After seed(n), every draw must be CPython's.
func TestSeededSequenceMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import random
for s in [0, 1, 42, -7, 2**40 + 3, 'hello', b'bytes', 1.5]:
    random.seed(s)
    print(random.random(), random.getrandbits(8), random.getrandbits(33), random.getrandbits(100))
    print(random.randint(1, 6), random.randrange(10), random.randrange(5, 100, 7), random.randrange(10, 0, -3))
    print(random.uniform(-2, 3), random.choice('abcdef'), random.choice([10, 20, 30]))
    l = list(range(10))
    random.shuffle(l)
    print(l, random.sample(range(1000), 5), random.sample('abcdefgh', 3))
    print(random.sample(range(100), 30))
    print(random.choices([1, 2, 3], k=4), random.choices('xyz', weights=[1, 0, 5], k=5))
    print(round(random.gauss(), 9), round(random.gauss(10, 2), 9))  # libm may differ in the last bit
    print(random.randrange(2**70), random.sample(['a', 'b'], 2, counts=[2, 1]))
random.seed(3)
a = [random.random() for _ in range(3)]
random.seed(3)
print(a == [random.random() for _ in range(3)])
`)
}

func TestQuecPythonNamesShareState(t *testing.T) {
	stdtest.SamePyOutput(t, `import urandom
import random
urandom.seed(20)
x = urandom.randint(0, 1000)
random.seed(20)
print(x == random.randint(0, 1000), 0 <= urandom.random() < 1)
`)
}

func TestErrorsMatchCPython(t *testing.T) {
	stdtest.CompareErrors(t, `random = import_module("random")`, "import random", []string{
		`random.randrange(0)`,
		`random.randrange(5, 2)`,
		`random.randrange(1, 10, 0)`,
		`random.randrange(10, 1, 2)`,
		`random.randrange(1.5)`,
		`random.randint(1, 2.5)`,
		`random.choice([])`,
		`random.sample([1, 2], 3)`,
		`random.sample(set([1, 2]), 1)`,
		`random.getrandbits(-1)`,
		`random.choices([1], weights=[1, 2])`,
	}, errLine)
}

func TestRandomInstancesAndDistributions(t *testing.T) {
	stdtest.SamePyOutput(t, `import random
r = random.Random(7)
s = random.Random('seven')
random.seed(7)
print(r.random() == random.random(), r.randint(1, 100), s.choice('abcdef'), r.sample(range(50), 4))
print(round(r.normalvariate(5, 2), 9), round(r.expovariate(0.5), 9), round(r.triangular(0, 10, 2), 9), r.randbytes(5))
print(isinstance(r, random.Random), round(random.triangular(), 9), random.randbytes(3))
`)
}
