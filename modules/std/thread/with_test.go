package thread_test

import (
	"testing"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// `with lock:` from Python holds the lock inside the block and releases it
// on the way out, also when the block raises or returns.
func TestWithLock(t *testing.T) {
	in, out := runtimetest.NewInterp(t, nil)
	err := runtimetest.Exec(in, "with_lock.py", `import _thread
lock = _thread.allocate_lock()
with lock:
    print('held', lock.locked())
print('after', lock.locked())
try:
    with lock:
        raise ValueError('boom')
except ValueError as e:
    print('raised', e, lock.locked())
def f():
    with lock:
        return lock.locked()
print('returned', f(), lock.locked())
sem = _thread.allocate_semphore(2)
with sem:
    print('count', sem.getCnt())
print('count', sem.getCnt())
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := "held True\nafter False\nraised boom False\nreturned True False\ncount (2, 1)\ncount (2, 2)\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
