// Package callq runs script callbacks that Go code raises (a GPIO edge,
// UART data, a sys_bus message) one at a time, in the order they were
// raised, on a script thread of their own under the interpreter lock.
//
// The worker thread exists only while calls are waiting, so `qstar run`
// waits for pending callbacks and then ends; a raising callback prints
// its traceback and the next one still runs.
package callq

import (
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

// Max is how many calls may wait; more are dropped (and counted), as a
// device's callback queue drops events when full.
const Max = 1024

// Queue is one interpreter's pending callbacks of one kind.
type Queue struct {
	in   *runtime.Interp
	name string

	mu      sync.Mutex
	items   []call
	running bool
	dropped int
	idle    *sync.Cond
}

type call struct {
	fn   starlark.Value
	args func() starlark.Tuple
}

// New returns a queue whose worker threads are named name.
func New(in *runtime.Interp, name string) *Queue {
	q := &Queue{in: in, name: name}
	q.idle = sync.NewCond(&q.mu)
	return q
}

// Push queues fn(args()...). args runs on the worker, under the lock, so
// it may build any Starlark value. Push never blocks and may be called
// from any goroutine, with or without the interpreter lock; it reports
// false when the queue was full.
func (q *Queue) Push(fn starlark.Value, args func() starlark.Tuple) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) >= Max {
		q.dropped++
		if q.dropped == 1 || q.dropped%100 == 0 {
			q.in.Env.Logf("%s: callback queue full, %d dropped", q.name, q.dropped)
		}
		return false
	}
	q.items = append(q.items, call{fn, args})
	if !q.running {
		q.running = true
		q.in.Go(q.name, starlark.NewBuiltin(q.name, q.work), nil, nil)
	}
	return true
}

// work drains the queue on its own thread, then ends.
func (q *Queue) work(t *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	defer q.stop()
	for {
		q.mu.Lock()
		if len(q.items) == 0 {
			q.mu.Unlock()
			return starlark.None, nil
		}
		c := q.items[0]
		q.items = q.items[1:]
		q.mu.Unlock()
		if _, err := starlark.Call(t, c.fn, c.args(), nil); err != nil {
			if runtime.IsCancelled(err) {
				return starlark.None, nil
			}
			if _, exit := runtime.ExitCode(err); !exit {
				q.in.ReportError(err)
			}
		}
	}
}

func (q *Queue) stop() {
	q.mu.Lock()
	q.running = false
	if len(q.items) > 0 { // cancelled with calls left: they are dropped
		q.items = nil
	}
	q.idle.Broadcast()
	q.mu.Unlock()
}

// Wait blocks until no call is waiting or running; the caller must not
// hold the interpreter lock.
func (q *Queue) Wait() {
	q.mu.Lock()
	for q.running {
		q.idle.Wait()
	}
	q.mu.Unlock()
}
