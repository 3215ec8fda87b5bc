package thread_test

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/thread"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

const prelude = `_thread = _import("_thread")  # load() cannot bind names starting with _
load("utime", "utime")
`

// The sleep inside the critical section hands the interpreter lock to the
// other thread, so without the _thread lock updates would be lost.
func TestLockGivesExactTotal(t *testing.T) {
	out := stdtest.MustRun(t, prelude+`
lock = _thread.allocate_lock()
state = {"count": 0, "done": 0}
def worker(n, use_lock=True):
    for i in range(n):
        if use_lock:
            lock.acquire()
        v = state["count"]
        utime.sleep_ms(1)
        state["count"] = v + 1
        if use_lock:
            lock.release()
    state["done"] += 1
_thread.start_new_thread(worker, (40,))
_thread.start_new_thread(worker, [40], {"use_lock": True})
while state["done"] < 2:
    utime.sleep_ms(5)
print(state["count"], lock.locked())
`, nil)
	if out != "80 False\n" {
		t.Errorf("got %q, want exact total 80", out)
	}
}

func TestStopThreadWakesBlockedWaits(t *testing.T) {
	out := stdtest.MustRun(t, prelude+`
lock = _thread.allocate_lock()
lock.acquire()
state = {"acquired": False, "slept": False}
def waiter():
    state["acquired"] = lock.acquire()
def sleeper():
    utime.sleep(3600)
    state["slept"] = True
a = _thread.start_new_thread(waiter, ())
b = _thread.start_new_thread(sleeper, ())
utime.sleep_ms(20)
print(_thread.threadIsRunning(a), _thread.threadIsRunning(b))
_thread.stop_thread(a)
_thread.stop_thread(b)
while _thread.threadIsRunning(a) or _thread.threadIsRunning(b):
    utime.sleep_ms(2)
print(state, lock.locked())
lock.release()
print(lock.acquire(0))
`, nil)
	want := "True True\n{'acquired': False, 'slept': False} True\nTrue\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestStopCurrentThreadAndBeforeStart(t *testing.T) {
	out := stdtest.MustRun(t, prelude+`
state = {"after": False, "ran": False}
def selfstop():
    _thread.stop_thread(0)
    state["after"] = True
def never():
    state["ran"] = True
a = _thread.start_new_thread(selfstop, ())
b = _thread.start_new_thread(never, ())
_thread.stop_thread(b)  # b has not had the interpreter lock yet
while _thread.threadIsRunning(a) or _thread.threadIsRunning(b):
    utime.sleep_ms(2)
print(state)
`, nil)
	if out != "{'after': False, 'ran': False}\n" {
		t.Errorf("got %q", out)
	}
}

// Cancelling the interpreter (Ctrl-C, SIGTERM) ends every thread, so
// `qstar run`'s wait for threads returns.
func TestCancelAllEndsThreads(t *testing.T) {
	env := runtime.NewEnv()
	out := &stdtest.Output{}
	env.Stdout, env.Stderr = out, out
	in := runtime.New(env)
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, "test.star", []byte(prelude+`
lock = _thread.allocate_lock()
lock.acquire()
sem = _thread.allocate_semphore(1)
sem.acquire()
def forever_lock():
    lock.acquire()
def forever_sem():
    sem.acquire()
def forever_sleep():
    while True:
        utime.sleep_ms(10)
for f in (forever_lock, forever_sem, forever_sleep):
    _thread.start_new_thread(f, ())
`))
	in.Done(th)
	in.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { in.Wait(); close(done) }()
	select {
	case <-done:
		t.Fatal("threads ended before cancellation")
	case <-time.After(50 * time.Millisecond):
	}
	in.CancelAll("interrupted")
	select {
	case <-done:
	case <-time.After(10 * time.Second): // a hang guard, not a speed check
		t.Fatal("threads still running after CancelAll")
	}
	if out.String() != "" {
		t.Errorf("cancelled threads printed: %s", out.String())
	}
}

func TestIdentsAndArguments(t *testing.T) {
	out := stdtest.MustRun(t, prelude+`
main = _thread.get_ident()
seen = {}
def f(a, b, c=0):
    seen["id"] = _thread.get_ident()
    seen["args"] = (a, b, c)
tid = _thread.start_new_thread(f, (1, "x"), {"c": 3})
while _thread.threadIsRunning(tid):
    utime.sleep_ms(1)
print(main == _thread.get_ident(), seen["id"] == tid, tid != main, seen["args"])
print(_thread.stack_size(), _thread.stack_size(16384), _thread.stack_size(), _thread.stack_size(0x1000), _thread.stack_size())
print(_thread.get_heap_size() > 0)
`, nil)
	want := "True True True (1, 'x', 3)\n8448 8448 16384 16384 4096\nTrue\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestSemaphoreAndTimeouts(t *testing.T) {
	out := stdtest.MustRun(t, prelude+`
sem = _thread.allocate_semphore(2)
print(sem.acquire(), sem.acquire(), sem.getCnt(), sem.acquire(0))
sem.release()
print(sem.getCnt())
sem.release()
sem.release()
print(sem.getCnt())
lock = _thread.allocate_lock()
print(lock.acquire(), lock.acquire(1, 0.02), lock.acquire(False), lock.locked())
_thread.delete_lock(lock)
_thread.delete_semphore(sem)
`, nil)
	want := "True True (2, 0) False\n(2, 1)\n(2, 2)\nTrue False False True\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestUnhandledExceptionInThread(t *testing.T) {
	out := stdtest.MustRun(t, prelude+`
def bad():
    fail("boom")
tid = _thread.start_new_thread(bad, ())
while _thread.threadIsRunning(tid):
    utime.sleep_ms(1)
print("main continues")
`, nil)
	if !strings.Contains(out, "Unhandled exception in thread") || !strings.Contains(out, "boom") || !strings.Contains(out, "main continues\n") {
		t.Errorf("got:\n%s", out)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"_thread.start_new_thread(1, ())", "TypeError: start_new_thread(): first arg must be callable, not int"},
		{"_thread.start_new_thread(print, 5)", "TypeError: start_new_thread(): 2nd arg must be a tuple, not int"},
		{"_thread.stop_thread(0)", "RuntimeError: stop_thread: the main thread cannot be stopped"},
		{"_thread.stop_thread(9999)", "ValueError: stop_thread: no thread with id 9999"},
		{"_thread.allocate_lock().release()", "RuntimeError: release unlocked lock"},
		{"_thread.stack_size(-1)", "ValueError: stack_size: size not valid: -1 bytes"},
		{"_thread.allocate_lock().acquire(0, 1)", "ValueError: can't specify a timeout for a non-blocking call"},
		{"_thread.delete_lock(_thread.allocate_semphore(1))", "TypeError: delete_lock() argument must be a lock, not semphore"},
	} {
		_, err := stdtest.Run(t, prelude+tc.src, nil)
		if err == nil || runtime.ErrorLine(err) != tc.want {
			t.Errorf("%s:\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

// BenchmarkLockHandoff measures two threads passing a lock back and forth
// through blocking acquires.
func BenchmarkLockHandoff(b *testing.B) {
	for b.Loop() {
		stdtest.MustRun(b, prelude+`
ping = _thread.allocate_lock()
pong = _thread.allocate_lock()
ping.acquire()
pong.acquire()
def other(n):
    for i in range(n):
        ping.acquire()
        pong.release()
tid = _thread.start_new_thread(other, (1000,))
for i in range(1000):
    ping.release()
    pong.acquire()
`, nil)
	}
}
