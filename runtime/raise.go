package runtime

import (
	"context"
	"errors"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// Raising an exception in a running thread from outside its bytecode (a
// KeyboardInterrupt from Ctrl-C, a RecursionError from the step hook):
// go.starlark.net offers only Thread.Cancel, which stops the thread at its
// next step. So the exception is recorded as pending and the thread is
// cancelled with the exception's line as the reason (Block wakes too). The
// first try statement met on the way up takes the pending exception back
// (takePending, through pylib.TakePending): the thread is un-cancelled and
// the handlers see an ordinary exception, which `except KeyboardInterrupt`
// catches and `except Exception` does not. A thread stopped for good
// (Interp.Cancel) is never un-cancelled.

const cancelledPrefix = "Starlark computation cancelled: "

func init() { pylib.TakePending = takePending }

// raisePending raises e in thread t at its next step; if t is importing
// a file, in the thread running that file. Safe from any goroutine.
func (in *Interp) raisePending(t *starlark.Thread, e *exc.Error) {
	in.threadsMu.Lock()
	st := in.running[t]
	for st != nil && st.loading != nil {
		t = st.loading
		st = in.running[t]
	}
	in.threadsMu.Unlock()
	if st == nil {
		return
	}
	st.raiseMu.Lock()
	st.pending = e
	if st.bcancel != nil {
		st.bcancel()
	}
	st.raiseMu.Unlock()
	t.Cancel(e.Error())
}

// blockContext is the context Block waits on: done when the thread is
// stopped, or when an exception is raised in it.
func (st *threadState) blockContext() context.Context {
	st.raiseMu.Lock()
	defer st.raiseMu.Unlock()
	if st.bctx == nil { // made on first use: most callback threads never block
		st.bctx, st.bcancel = context.WithCancel(st.ctx)
		if st.pending != nil {
			st.bcancel()
		}
	}
	return st.bctx
}

// takePending turns the cancellation that carries a pending exception into
// that exception, keeping the traceback of where it was raised, and lets t
// run on. Other errors are returned unchanged.
func takePending(t *starlark.Thread, err error) error {
	if err == nil {
		return nil
	}
	st, ok := t.Local(stateKey).(*threadState)
	if !ok {
		return err
	}
	st.raiseMu.Lock()
	e := st.pending
	if e == nil || st.ctx.Err() != nil || !isCancellation(err) {
		st.raiseMu.Unlock()
		return err
	}
	st.pending = nil
	if st.bcancel != nil {
		st.bcancel()
	}
	st.bctx, st.bcancel = nil, nil
	st.raiseMu.Unlock()
	t.Uncancel()
	if st.ctx.Err() != nil { // stopped for good meanwhile: stay stopped
		t.Cancel("stopped")
	}
	return &raisedError{exc: e, cause: err}
}

// isCancellation reports whether err is the raw error of a cancelled step
// or Block.
func isCancellation(err error) bool {
	if _, ok := exc.As(err); ok {
		return false
	}
	return errors.Is(err, ErrCancelled) || strings.Contains(err.Error(), "Starlark computation cancelled")
}

// pendingReason returns the exception line a thread was cancelled with
// ("RecursionError: maximum recursion depth exceeded"), when err is such a
// cancellation that no try statement took back.
func pendingReason(err error) (string, bool) {
	msg := err.Error()
	i := strings.Index(msg, cancelledPrefix)
	if i < 0 {
		return "", false
	}
	reason := msg[i+len(cancelledPrefix):]
	cls, _, _ := strings.Cut(reason, ":")
	if cls == "KeyboardInterrupt" || !exc.Known(cls) {
		return "", false
	}
	return reason, true
}

// raisedError is a pending exception taken back: exc.As finds the Python
// exception, FormatError the frames of the cancelled step.
type raisedError struct {
	exc   *exc.Error
	cause error
}

func (r *raisedError) Error() string   { return r.exc.Error() }
func (r *raisedError) Unwrap() []error { return []error{r.exc, r.cause} }

// Interrupt raises KeyboardInterrupt in thread t (the main script's, on
// Ctrl-C) where it is: running, sleeping, or waiting for a message.
func (in *Interp) Interrupt(t *starlark.Thread) {
	in.raisePending(t, &exc.Error{Type: "KeyboardInterrupt"})
}

// setLoading records that t waits for child, which runs a file t imports,
// so an exception raised in t goes to the code running now.
func (in *Interp) setLoading(t, child *starlark.Thread) {
	in.threadsMu.Lock()
	if st := in.running[t]; st != nil {
		st.loading = child
	}
	in.threadsMu.Unlock()
}

// Running reports whether t is a live thread of this interpreter (not yet
// Done).
func (in *Interp) Running(t *starlark.Thread) bool {
	in.threadsMu.Lock()
	defer in.threadsMu.Unlock()
	return in.running[t] != nil
}
