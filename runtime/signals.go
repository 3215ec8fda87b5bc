package runtime

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	"go.starlark.net/starlark"
)

// The script's signal handlers (the signal module). The signals the CLI
// owns (SIGINT and SIGTERM in cmd/qstar/signals.go) it delivers itself,
// calling DeliverSignal before doing its default; any other signal is
// watched here once a handler is set, and each delivery runs the handler as
// a callback, under the interpreter lock.

type signalTable struct {
	mu       sync.Mutex
	handlers map[syscall.Signal]starlark.Value
	owned    map[syscall.Signal]bool // the CLI's, which calls DeliverSignal itself
	watched  map[syscall.Signal]bool
	chans    []chan os.Signal // stopped when the interpreter closes
}

func (in *Interp) signals() *signalTable {
	t := &in.sigs
	t.mu.Lock()
	if t.handlers == nil {
		t.handlers, t.watched = map[syscall.Signal]starlark.Value{}, map[syscall.Signal]bool{}
	}
	if t.owned == nil {
		t.owned = map[syscall.Signal]bool{}
	}
	t.mu.Unlock()
	return t
}

// SignalHandler is what signal.signal set for sig: a callable, an int
// (SIG_DFL 0, SIG_IGN 1), or nil when the script set nothing.
func (in *Interp) SignalHandler(sig syscall.Signal) starlark.Value {
	t := in.signals()
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.handlers[sig]
}

// OwnSignals says the caller delivers sigs (with DeliverSignal).
func (in *Interp) OwnSignals(sigs ...syscall.Signal) {
	t := in.signals()
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, s := range sigs {
		t.owned[s] = true
	}
}

// SetSignalHandler records h for sig and returns the previous handler;
// a signal the CLI does not handle is watched from then on.
func (in *Interp) SetSignalHandler(sig syscall.Signal, h starlark.Value) starlark.Value {
	t := in.signals()
	t.mu.Lock()
	old := t.handlers[sig]
	t.handlers[sig] = h
	if watch := !t.owned[sig] && !t.watched[sig]; watch {
		t.watched[sig] = true
		ch := make(chan os.Signal, 4)
		t.chans = append(t.chans, ch)
		signal.Notify(ch, sig)
		go func() {
			for range ch {
				in.DeliverSignal(sig)
			}
		}()
	}
	t.mu.Unlock()
	return old
}

// stopSignals ends the watching (Close).
func (in *Interp) stopSignals() {
	t := &in.sigs
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, ch := range t.chans {
		signal.Stop(ch)
		close(ch)
	}
	t.chans = nil
	t.watched = map[syscall.Signal]bool{}
}

// DeliverSignal runs the script's handler for sig, if it set a callable
// one, as CPython does: handler(signum, frame) with frame None. It reports
// whether the script handled (or ignored) the signal.
func (in *Interp) DeliverSignal(sig syscall.Signal) bool {
	h := in.SignalHandler(sig)
	switch h := h.(type) {
	case nil:
		return false
	case starlark.Int:
		n, _ := h.Int64()
		return n == 1 // SIG_IGN
	case starlark.Callable:
		go in.Call("signal handler", h, starlark.MakeInt(int(sig)), starlark.None)
		return true
	}
	return false
}
