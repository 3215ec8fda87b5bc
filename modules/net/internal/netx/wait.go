package netx

import (
	"context"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

// Timeout is a socket's settimeout() value: Block waits forever (None),
// NonBlocking fails at once with EAGAIN (0), else a duration.
type Timeout time.Duration

const (
	Block       Timeout = -1
	NonBlocking Timeout = 0
)

// nonBlockingWait is how long a non-blocking call may wait: long enough
// for the system call to find data that is already there.
const nonBlockingWait = time.Millisecond

// Deadline is the deadline for one call started now (zero: none).
func (t Timeout) Deadline() time.Time {
	switch {
	case t < 0:
		return time.Time{}
	case t == 0:
		return time.Now().Add(nonBlockingWait)
	}
	return time.Now().Add(time.Duration(t))
}

// Wait runs op with the interpreter lock released. setDeadline arms the
// connection (or listener) with the call's deadline first, and is called
// again with the current time when the thread is cancelled (Ctrl-C), so a
// blocked op returns at once; Wait then reports runtime.ErrCancelled.
func Wait(thread *starlark.Thread, t Timeout, setDeadline func(time.Time) error, op func() error) error {
	return runtime.Block(thread, func(ctx context.Context) error {
		if err := setDeadline(t.Deadline()); err != nil {
			return err
		}
		stop := context.AfterFunc(ctx, func() { _ = setDeadline(time.Now()) })
		defer stop()
		return op()
	})
}

// DialContext is ctx bounded by the socket's timeout, for a dial.
func DialContext(ctx context.Context, t Timeout) (context.Context, context.CancelFunc) {
	if t < 0 {
		return context.WithCancel(ctx)
	}
	d := time.Duration(t)
	if t == 0 {
		// A non-blocking connect cannot report EINPROGRESS usefully here;
		// give it the firmware's short connect wait instead.
		d = time.Second
	}
	return context.WithTimeout(ctx, d)
}
