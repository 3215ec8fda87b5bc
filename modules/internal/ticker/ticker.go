// Package ticker runs a script callback after a delay, once or
// periodically, on a script thread of its own (machine.Timer, osTimer).
// The callback runs under the interpreter lock; one that raises prints
// its traceback and the timer goes on. A timer ends when stopped, when
// the interpreter closes, or on Ctrl-C, and `qstar run` waits for a
// running timer as it does for a thread.
package ticker

import (
	"context"
	"errors"
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

// Ticker is one started timer.
type Ticker struct {
	stopOnce sync.Once
	stopped  chan struct{}
	done     chan struct{}
}

var errStopped = errors.New("timer stopped")

// Start calls fn(arg) after period, then every period if periodic.
func Start(in *runtime.Interp, name string, period time.Duration, periodic bool, fn starlark.Value, arg starlark.Value) *Ticker {
	k := &Ticker{stopped: make(chan struct{}), done: make(chan struct{})}
	loop := func(t *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		defer close(k.done)
		k.run(in, t, period, periodic, fn, arg)
		return starlark.None, nil
	}
	in.Go(name, starlark.NewBuiltin(name, loop), nil, nil)
	return k
}

func (k *Ticker) run(in *runtime.Interp, t *starlark.Thread, period time.Duration, periodic bool, fn, arg starlark.Value) {
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		err := runtime.Block(t, func(ctx context.Context) error {
			select {
			case <-tick.C:
				return nil
			case <-k.stopped:
				return errStopped
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		// Stopped while this thread waited for the interpreter lock after
		// the tick: the script's stop() came first, so no callback.
		if err != nil || k.Stopped() {
			return
		}
		if _, err := starlark.Call(t, fn, starlark.Tuple{arg}, nil); err != nil {
			if runtime.IsCancelled(err) {
				return
			}
			if _, exit := runtime.ExitCode(err); exit {
				return
			}
			in.ReportError(err)
		}
		if !periodic || k.Stopped() {
			return
		}
	}
}

// Stop ends the timer; a callback already running finishes. It is safe
// to call more than once and from the timer's own callback.
func (k *Ticker) Stop() { k.stopOnce.Do(func() { close(k.stopped) }) }

// Stopped reports whether Stop was called.
func (k *Ticker) Stopped() bool {
	select {
	case <-k.stopped:
		return true
	default:
		return false
	}
}

// Active reports whether the timer is neither stopped nor finished.
func (k *Ticker) Active() bool {
	select {
	case <-k.done:
		return false
	default:
		return !k.Stopped()
	}
}

// Done is closed when the timer's thread has ended (never, if the
// interpreter was closed before it could start).
func (k *Ticker) Done() <-chan struct{} { return k.done }
