package runtime

import (
	"bytes"
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.starlark.net/starlark"
)

var newCalls atomic.Int32

func init() {
	Register(Module{Name: "rtest", Doc: "runtime test module", New: func(env *Env) (starlark.StringDict, error) {
		newCalls.Add(1)
		return starlark.StringDict{
			"answer": starlark.MakeInt(42),
			// wait() blocks until cancelled, with the lock released.
			"wait": starlark.NewBuiltin("wait", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				err := Block(t, func(ctx context.Context) error { <-ctx.Done(); return nil })
				return starlark.None, err
			}),
			// call(fn) runs fn from another goroutine, as a network event would.
			"call": starlark.NewBuiltin("call", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				in := FromThread(t)
				fn := args[0]
				err := Block(t, func(ctx context.Context) error {
					_, err := in.Call("callback", fn, starlark.MakeInt(7))
					return err
				})
				return starlark.None, err
			}),
		}, nil
	}})
	Register(Module{Name: "rtestpkg.sub", Doc: "nested", New: func(env *Env) (starlark.StringDict, error) {
		return starlark.StringDict{"x": starlark.String("sub-x")}, nil
	}})
}

func run(t *testing.T, src string) (string, error) {
	t.Helper()
	env := NewEnv()
	var out bytes.Buffer
	env.Stdout, env.Stderr = &out, &out
	in := New(env)
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, "test.star", []byte(src))
	in.Done(th)
	in.Unlock()
	return out.String(), err
}

func TestRegisterRejectsDuplicates(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "registered twice") {
			t.Fatalf("recover() = %v, want a duplicate-name panic", r)
		}
	}()
	Register(Module{Name: "rtest", New: func(*Env) (starlark.StringDict, error) { return nil, nil }})
}

func TestModulesAreBuiltLazilyOncePerInterp(t *testing.T) {
	before := newCalls.Load()
	in := New(nil)
	if newCalls.Load() != before {
		t.Fatal("New() built modules eagerly")
	}
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, "t.star", []byte("load('rtest', 'answer')\nload('rtest', rt='rtest')\nx = rt.answer + answer\n"))
	in.Done(th)
	in.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if got := newCalls.Load() - before; got != 1 {
		t.Fatalf("module built %d times, want 1", got)
	}
}

func TestImportPackagesAndMissingModules(t *testing.T) {
	out, err := run(t, "p = _import('rtestpkg')\nprint(p.sub.x, _import('rtestpkg.sub').x)\n")
	if err != nil || out != "sub-x sub-x\n" {
		t.Fatalf("out=%q err=%v", out, err)
	}
	_, err = run(t, "_import('rtst')\n")
	if err == nil || !strings.Contains(err.Error(), "No module named 'rtst' (did you mean 'rtest'?)") {
		t.Fatalf("err = %v", err)
	}
}

// A builtin blocked in Block must not hold the interpreter lock, and
// cancelling the thread must wake it.
func TestBlockReleasesLockAndWakesOnCancel(t *testing.T) {
	in := New(nil)
	defer in.Close()
	th := in.NewThread("main")
	errc := make(chan error, 1)
	go func() {
		in.Lock()
		_, err := in.ExecFile(th, "t.star", []byte("load('rtest', 'wait')\nwait()\n"))
		in.Unlock()
		errc <- err
	}()
	// The lock becomes free once the script waits.
	deadline := time.After(5 * time.Second)
	for !in.gil.mu.TryLock() {
		select {
		case <-deadline:
			t.Fatal("lock still held while the script waits in Block")
		case <-time.After(time.Millisecond):
		}
	}
	in.Unlock()
	in.Cancel(th, "test")
	select {
	case err := <-errc:
		if !IsCancelled(err) {
			t.Fatalf("err = %v, want cancellation", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("cancel did not wake the blocked builtin")
	}
}

// Callbacks from Go goroutines run under the lock on their own thread; a
// failing callback prints a traceback and the caller carries on.
func TestCallFromGoroutine(t *testing.T) {
	out, err := run(t, `
load('rtest', 'call')
seen = []
def cb(n):
    seen.append(n)
def bad(n):
    fail("callback broke " + str(n))
call(cb)
call(bad)
print("seen", seen)
`)
	if err == nil || !strings.Contains(err.Error(), "callback broke 7") {
		t.Fatalf("err = %v, want the callback's error passed back", err)
	}
	if !strings.Contains(out, "Traceback (most recent call last):") || !strings.Contains(out, `line 7, in bad`) {
		t.Fatalf("no traceback for the failing callback in %q", out)
	}
}

func TestSleepIsCancellable(t *testing.T) {
	in := New(nil)
	th := in.NewThread("main")
	go func() { time.Sleep(20 * time.Millisecond); in.Cancel(th, "x") }()
	in.Lock()
	err := Sleep(th, time.Hour)
	in.Unlock()
	if err != ErrCancelled {
		t.Fatalf("Sleep = %v, want ErrCancelled", err)
	}
}
