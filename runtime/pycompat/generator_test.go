package pycompat

import (
	"strings"
	"testing"
)

// `raise StopIteration` inside a generator ends it quietly, as QuecPython
// (MicroPython) does; CPython 3.7+ would raise RuntimeError instead.
func TestGeneratorRaiseStopIterationEndsIt(t *testing.T) {
	r := runPy(t, "si.py", "def g():\n    yield 1\n    raise StopIteration\n    yield 2\nprint(list(g()))\nfor x in g():\n    print(x)\n")
	if r.err != nil || r.out != "[1]\n1\n" {
		t.Fatalf("out %q, err %v", r.out, r.err)
	}
}

// The port of a generator names what it became, and keeps the body's
// lines in order.
func TestGeneratorPort(t *testing.T) {
	res, err := Translate("p.py", []byte("def gen(n):\n    x = yield n\n    yield from range(x)\nsq = (v * v for v in gen(2))\nprint(sum(v for v in sq))\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"def _gen_gen(n):", "x = _yield(n)", "_yield_from(range(x))", "return _generator(_gen_gen, n)",
		"sq = (_generator(lambda _it:", "sum(_iter_end([v for v in _iter(sq)]))"} {
		if !strings.Contains(res.Starlark, want) {
			t.Errorf("port lacks %q:\n%s", want, res.Starlark)
		}
	}
	var notes []string
	for _, c := range res.Changes {
		notes = append(notes, c.What)
	}
	if all := strings.Join(notes, "\n"); !strings.Contains(all, "generator gen ->") || !strings.Contains(all, "yield from x -> _yield_from(x)") {
		t.Errorf("changes:\n%s", all)
	}
}
