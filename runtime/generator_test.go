package runtime

import (
	"bytes"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"
)

// runPy runs a .py script on a fresh interpreter in the background and
// returns the interpreter, its main thread's result channel and output.
func startPy(t *testing.T, src string) (*Interp, chan error, *bytes.Buffer) {
	t.Helper()
	env := NewEnv()
	var out bytes.Buffer
	env.Stdout, env.Stderr = &out, &out
	in := New(env)
	errc := make(chan error, 1)
	go func() {
		in.Lock()
		th := in.NewThread("main")
		_, err := in.ExecFile(th, "gen.py", []byte(src))
		in.Done(th)
		in.Unlock()
		errc <- err
	}()
	return in, errc, &out
}

func waitErr(t *testing.T, errc chan error) error {
	t.Helper()
	select {
	case err := <-errc:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("script did not end")
		return nil
	}
}

// settle waits until the goroutine count drops to at most n.
func settle(t *testing.T, n int, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for goruntime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%s: %d goroutines, want <= %d\n%s", what, goruntime.NumGoroutine(), n, buf[:goruntime.Stack(buf, true)])
		}
		goruntime.GC()
		time.Sleep(5 * time.Millisecond)
	}
}

// A generator body that blocks (here in rtest.wait) releases the lock its
// parked consumer lent it, and cancelling the consumer stops it there.
func TestGeneratorBlockReleasesLentLockAndCancels(t *testing.T) {
	in, errc, _ := startPy(t, "import rtest\ndef slow():\n    yield 1\n    rtest.wait()\n    yield 2\ng = slow()\nprint(next(g))\nprint(next(g))\n")
	defer in.Close()
	deadline := time.After(5 * time.Second)
	for lentThreads(in) == 0 {
		select {
		case <-deadline:
			t.Fatal("the generator never started")
		case <-time.After(time.Millisecond):
		}
	}
	for !in.gil.mu.TryLock() {
		select {
		case <-deadline:
			t.Fatal("lock still held while the generator waits in Block")
		case <-time.After(time.Millisecond):
		}
	}
	in.Unlock()
	in.threadsMu.Lock()
	var main, gen int
	for th, st := range in.running {
		if st.lent {
			gen++
		} else if th.Name == "main" {
			main++
		}
	}
	in.threadsMu.Unlock()
	if main != 1 || gen != 1 {
		t.Fatalf("threads: main %d, generator %d; want 1 and 1", main, gen)
	}
	in.CancelAll("test")
	if err := waitErr(t, errc); !IsCancelled(err) {
		t.Fatalf("err = %v, want cancellation", err)
	}
}

func lentThreads(in *Interp) int {
	in.threadsMu.Lock()
	defer in.threadsMu.Unlock()
	n := 0
	for _, st := range in.running {
		if st.lent {
			n++
		}
	}
	return n
}

// A generator spinning without yielding is stopped by CancelAll, and its
// consumer returns.
func TestGeneratorSpinIsCancellable(t *testing.T) {
	in, errc, _ := startPy(t, "def spin():\n    n = 0\n    while True:\n        n += 1\n    yield n\nnext(spin())\n")
	defer in.Close()
	time.Sleep(20 * time.Millisecond)
	in.CancelAll("test")
	if err := waitErr(t, errc); !IsCancelled(err) {
		t.Fatalf("err = %v, want cancellation", err)
	}
}

// Suspended generators (kept, or dropped) end when the interpreter closes;
// unreachable ones end before that, once collected.
func TestSuspendedGeneratorsEnd(t *testing.T) {
	base := goruntime.NumGoroutine()
	src := `
def numbers():
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("finally ran")
kept = []
for i in range(20):
    g = numbers()
    next(g)
    kept.append(g)
for i in range(20):
    next(numbers())
print("started", len(kept))
`
	in, errc, out := startPy(t, src)
	if err := waitErr(t, errc); err != nil {
		t.Fatal(err)
	}
	// the 20 dropped generators are collected while the interpreter runs
	settle(t, base+25, "after dropping generators")
	in.Close()
	settle(t, base+2, "after Close")
	if !strings.Contains(out.String(), "started 20") || strings.Contains(out.String(), "finally ran") {
		t.Fatalf("output %q", out.String())
	}
}

// The generator script cases behave the same on the interpreter, where
// generators run on lent locks and abandoned ones unwind under the lock.
func TestGeneratorCasesOnInterpreter(t *testing.T) {
	files, _ := filepath.Glob("pycompat/testdata/cases/gen_*.py")
	if len(files) == 0 {
		t.Fatal("no generator cases")
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".out")
		if err != nil {
			t.Fatal(err)
		}
		in, errc, out := startPy(t, string(src))
		if err := waitErr(t, errc); err != nil {
			t.Errorf("%s: %v", file, err)
		}
		goruntime.GC() // let dropped generators unwind while the interpreter is open
		in.Close()
		if out.String() != string(want) {
			t.Errorf("%s prints\n%s\nwant\n%s", file, out.String(), want)
		}
	}
}

// An error inside a generator shows the consumer's frames, then the
// generator's, under the generator function's own name.
func TestGeneratorTraceback(t *testing.T) {
	in, errc, _ := startPy(t, "def parse(items):\n    for s in items:\n        yield int(s)\ndef main():\n    for v in parse(['1', 'x']):\n        pass\nmain()\n")
	defer in.Close()
	err := waitErr(t, errc)
	if err == nil {
		t.Fatal("no error")
	}
	tb := in.FormatError(err)
	for _, want := range []string{"line 7, in <module>", "line 5, in main", "line 3, in parse", "ValueError: invalid literal for int() with base 10: 'x'"} {
		if !strings.Contains(tb, want) {
			t.Errorf("traceback lacks %q:\n%s", want, tb)
		}
	}
	if strings.Index(tb, "in main") > strings.Index(tb, "in parse") {
		t.Errorf("generator frame before its consumer's:\n%s", tb)
	}
}
