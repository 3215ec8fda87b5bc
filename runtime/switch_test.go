package runtime

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"
)

func init() {
	Register(Module{Name: "rswitch", Doc: "switch test helpers", New: func(env *Env) (starlark.StringDict, error) {
		return starlark.StringDict{
			// spawn(fn, *args) runs fn on its own thread, as _thread does.
			"spawn": starlark.NewBuiltin("spawn", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				FromThread(t).Go("spawned", args[0], args[1:], nil)
				return starlark.None, nil
			}),
			// nap() waits a millisecond with the lock released.
			"nap": starlark.NewBuiltin("nap", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				return starlark.None, Sleep(t, time.Millisecond)
			}),
		}, nil
	}})
}

// runPy runs Python source as the main script, then waits for its threads.
func runPy(t testing.TB, src string) (string, error) {
	t.Helper()
	return runPyIn(New(nil), src)
}

// runPyIn runs src on in, with output captured.
func runPyIn(in *Interp, src string) (string, error) {
	var out bytes.Buffer
	in.Env.Stdout, in.Env.Stderr = &out, &out
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, "test.py", []byte(src))
	in.Done(th)
	in.Unlock()
	in.Wait()
	return out.String(), err
}

// A main thread spinning on a flag must let the thread that sets it run.
func TestSwitchBusyWaitDoesNotStarve(t *testing.T) {
	done := make(chan struct{})
	var out string
	var err error
	go func() {
		out, err = runPy(t, `
import rswitch
done = False
def worker(n):
    global done
    for i in range(n):
        rswitch.nap()
    done = True
rswitch.spawn(worker, 3)
spins = 0
while not done:
    spins += 1
print("main saw done")
`)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the busy loop starved the other thread")
	}
	if err != nil || out != "main saw done\n" {
		t.Fatalf("out %q, err %v", out, err)
	}
}

// Two threads that both compute take turns: each logs progress while the
// other is still running, instead of one finishing before the other starts.
func TestSwitchInterleavesBusyThreads(t *testing.T) {
	out, err := runPy(t, `
import rswitch
log = []
def busy(name):
    for round in range(10):
        x = 0
        for i in range(50000):
            x += i
        log.append(name)
rswitch.spawn(busy, "a")
rswitch.spawn(busy, "b")
while len(log) < 20:
    rswitch.nap()
s = "".join(log)
print(s.index("b") < s.rindex("a") and s.index("a") < s.rindex("b"), s)
`)
	if err != nil || !strings.HasPrefix(out, "True ") {
		t.Fatalf("out %q, err %v: the threads did not interleave", out, err)
	}
}

func TestSwitchIntervalSetting(t *testing.T) {
	in := New(nil)
	if got := in.SwitchInterval(); got != DefaultSwitchInterval {
		t.Fatalf("default %v, want %v", got, DefaultSwitchInterval)
	}
	in.SetSwitchInterval(time.Millisecond)
	if got := in.SwitchInterval(); got != time.Millisecond {
		t.Fatalf("set to %v", got)
	}
}

// A thread on a borrowed lock never hands it over: the lender holds it.
func TestBorrowedThreadKeepsLock(t *testing.T) {
	in := New(nil)
	defer in.Close()
	in.Lock()
	th := in.NewThread("generator")
	BorrowsLock(th)
	other := make(chan struct{})
	go func() { in.Lock(); in.Unlock(); close(other) }()
	for in.gil.waiting.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	in.SetSwitchInterval(time.Microsecond)
	_, err := in.ExecFile(th, "gen.star", []byte("x = 0\nfor i in range(200000):\n    x += i\n"))
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-other:
		t.Fatal("the step hook released a lent lock")
	default:
	}
	in.Done(th)
	in.Unlock()
	<-other
}

const loopSrc = `
def loop(n):
    x = 0
    for i in range(n):
        x += i
    return x
`

// BenchmarkLoop measures the step hook's cost: a loop alone, with a second
// thread that sleeps (nobody competes for the lock most of the time), and
// with a second thread that computes too (the lock changes hands every
// switch interval).
func BenchmarkLoop(b *testing.B) {
	for _, other := range []string{"alone", "sleeping", "busy"} {
		b.Run(other, func(b *testing.B) {
			in := New(nil)
			defer in.Close()
			in.Lock()
			th := in.NewThread("main")
			g, err := in.ExecFile(th, "bench.star", []byte(loopSrc+benchOther[other]))
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			if _, err := starlark.Call(th, g["loop"], starlark.Tuple{starlark.MakeInt(b.N)}, nil); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			in.Done(th)
			in.Unlock()
			in.CancelAll("end")
			in.Wait()
		})
	}
}

// BenchmarkLoopBare is the same loop on a plain Starlark thread, with no
// step hook: the floor BenchmarkLoop/alone is compared with.
func BenchmarkLoopBare(b *testing.B) {
	th := &starlark.Thread{}
	g, err := starlark.ExecFileOptions(FileOptions, th, "bench.star", loopSrc, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if _, err := starlark.Call(th, g["loop"], starlark.Tuple{starlark.MakeInt(b.N)}, nil); err != nil {
		b.Fatal(err)
	}
}

var benchOther = map[string]string{
	"alone":    "",
	"sleeping": "load('rtest', 'wait')\nload('rswitch', 'spawn')\nspawn(wait)\n",
	"busy":     "load('rswitch', 'spawn')\ndef spin():\n    while True:\n        pass\nspawn(spin)\n",
}
