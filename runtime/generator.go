package runtime

import (
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
	// a thread like any other (tracked, cancellable, whatever NewThread
	// sets up), with its own context: a generator outlives the callback or
	// thread that made it
	t := in.NewThread(name)
	t.Print = parent.Print
	st := t.Local(stateKey).(*threadState)
	st.lent = true
	in.setCurrent(parent) // the consumer goes on running until it calls next()
	if in.isClosed() {
		in.Cancel(t, "interpreter closed")
	}
	return pylib.GeneratorThread{
		Thread:  t,
		Stop:    st.ctx.Done(),
		Lock:    in.Lock,
		Unlock:  in.Unlock,
		Cancel:  func() { in.Cancel(t, "interrupted") },
		Release: func() { in.Done(t) },
	}
}
