package runtime

import (
	"context"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// Generators (pylib/generator.go) run their bodies on threads of their own.
// Such a thread runs on a *lent* lock: its consumer holds the interpreter
// lock and parks on a channel until the generator hands control back, so
// the generator may release and re-take the lock exactly as the consumer
// could (Block, a switch interval); threadState.lent marks these threads.
// The interpreter tracks them like any thread, so CancelAll and Close stop
// them, including ones left suspended.

func init() {
	pylib.NewGeneratorThread = newGeneratorThread
	pylib.ThreadStopped = func(t *starlark.Thread) <-chan struct{} {
		if st, ok := t.Local(stateKey).(*threadState); ok {
			return st.ctx.Done()
		}
		return nil
	}
}

func newGeneratorThread(parent *starlark.Thread, name string) pylib.GeneratorThread {
	pst, ok := parent.Local(stateKey).(*threadState)
	if !ok {
		return pylib.BareGeneratorThread(parent, name)
	}
	in := pst.in
	// not derived from the parent's context: a generator outlives the
	// callback or thread that made it
	ctx, cancel := context.WithCancel(context.Background())
	st := &threadState{in: in, ctx: ctx, cancel: cancel, lent: true}
	t := &starlark.Thread{Name: name, Load: in.load, Print: parent.Print}
	t.SetLocal(stateKey, st)
	in.threadsMu.Lock()
	in.running[t] = st
	closed := in.closed
	in.threadsMu.Unlock()
	stopAfter := context.AfterFunc(ctx, func() { t.Cancel("interrupted") })
	if closed {
		cancel()
	}
	return pylib.GeneratorThread{
		Thread:  t,
		Stop:    ctx.Done(),
		Lock:    in.Lock,
		Unlock:  in.Unlock,
		Cancel:  func() { in.Cancel(t, "interrupted") },
		Release: func() { stopAfter(); in.Done(t) },
	}
}
