package callq

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// Calls run in the order pushed; past Max waiting calls, pushes are
// dropped and said so on stderr.
func TestOrderAndOverflow(t *testing.T) {
	in, out := runtimetest.NewInterp(t, nil)
	var got []int
	record := starlark.NewBuiltin("record", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		n, _ := starlark.AsInt32(args[0])
		got = append(got, n)
		return starlark.None, nil
	})
	q := New(in, "test")
	in.Lock() // the worker cannot run until the lock is free
	dropped := 0
	for i := range Max + 5 {
		n := i
		if !q.Push(record, func() starlark.Tuple { return starlark.Tuple{starlark.MakeInt(n)} }) {
			dropped++
		}
	}
	in.Unlock()
	q.Wait()
	if dropped != 5 || len(got) != Max {
		t.Fatalf("dropped %d, ran %d", dropped, len(got))
	}
	for i, n := range got {
		if n != i {
			t.Fatalf("call %d got %d: out of order", i, n)
		}
	}
	if !strings.Contains(out.String(), "callback queue full") {
		t.Errorf("no drop report: %q", out.String())
	}
	// the worker ended; a new push starts another
	q.Push(record, func() starlark.Tuple { return starlark.Tuple{starlark.MakeInt(-1)} })
	q.Wait()
	if got[len(got)-1] != -1 {
		t.Error("a push after the worker ended did not run")
	}
}
