// Package worker runs an SDK client's callbacks one at a time on its own
// goroutine, in the order the network delivered them, as the vendor
// SDKs' callback threads do.
package worker

import (
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

// Queue is one client's callback thread.
type Queue struct {
	interp *runtime.Interp
	name   string
	jobs   chan func()
	quit   chan struct{}
	done   chan struct{}
	once   sync.Once
}

// New starts a queue that runs script callbacks on interp; name labels
// their threads in tracebacks.
func New(interp *runtime.Interp, name string) *Queue {
	q := &Queue{interp: interp, name: name, jobs: make(chan func(), 2000),
		quit: make(chan struct{}), done: make(chan struct{})}
	go q.run()
	return q
}

func (q *Queue) run() {
	defer close(q.done)
	for {
		select {
		case f := <-q.jobs:
			f()
		case <-q.quit:
			return
		}
	}
}

// Go queues a Go function (which may call Call).
func (q *Queue) Go(f func()) {
	select {
	case q.jobs <- f:
	case <-q.quit:
	}
}

// Post queues the script callback fn(args...); then, if not nil, gets
// its result on the worker.
func (q *Queue) Post(fn starlark.Value, then func(starlark.Value, error), args ...starlark.Value) {
	if fn == nil || fn == starlark.None {
		return
	}
	q.Go(func() {
		v, err := q.Call(fn, args...)
		if then != nil {
			then(v, err)
		}
	})
}

// Call runs fn(args...) now, under the interpreter lock; an exception is
// reported with its traceback (the SDKs print and swallow them).
func (q *Queue) Call(fn starlark.Value, args ...starlark.Value) (starlark.Value, error) {
	return q.interp.Call(q.name, fn, args...)
}

// Stop ends the queue; queued callbacks that have not run are dropped.
func (q *Queue) Stop() { q.once.Do(func() { close(q.quit) }) }
