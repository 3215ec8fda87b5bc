// Package queue provides the queue module of QuecPython and CPython:
// Queue, LifoQueue and PriorityQueue, whose blocking get and put release
// the interpreter lock and wake on Ctrl-C, and queue.Empty / queue.Full.
package queue

import (
	"context"
	"fmt"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{Name: "queue", Doc: "thread-safe FIFO, LIFO and priority queues (blocking get/put)", New: newModule})
}

const (
	emptyName = "queue.Empty"
	fullName  = "queue.Full"
)

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{}
	for k, name := range kindNames {
		d[name] = pytype.New("queue."+name, constructor(kind(k)))
	}
	d["Empty"] = pylib.ExceptionClass(emptyName)
	d["Full"] = pylib.ExceptionClass(fullName)
	return d, nil
}

type kind int

const (
	fifo kind = iota
	lifo
	priority
	simple
)

var kindNames = [...]string{"Queue", "LifoQueue", "PriorityQueue", "SimpleQueue"}

// Queue holds its items under the interpreter lock; waiters sleep on
// changed, which is closed and replaced whenever items come or go.
type Queue struct {
	kind       kind
	items      []starlark.Value
	maxsize    int
	changed    chan struct{}
	unfinished int
}

func constructor(k kind) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		q := &Queue{kind: k, changed: make(chan struct{})}
		if k == simple {
			return q, starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
		}
		var size, stubSize starlark.Value
		// maxsize as CPython and QuecPython's docs name it, max_size as its stub does
		if err := pyargs.Unpack(b.Name(), args, kwargs, []string{"maxsize?", "max_size?"}, &size, &stubSize); err != nil {
			return nil, err
		}
		if size == nil {
			size = stubSize
		}
		if size != nil {
			n, err := pyargs.Int(b.Name(), "maxsize", size)
			if err != nil {
				return nil, err
			}
			q.maxsize = int(n)
		}
		return q, nil
	}
}

var _ starlark.HasAttrs = (*Queue)(nil)

func (q *Queue) String() string {
	return fmt.Sprintf("<queue.%s object at %p>", kindNames[q.kind], q)
}
func (q *Queue) PyRepr() string        { return q.String() }
func (q *Queue) Type() string          { return kindNames[q.kind] }
func (q *Queue) Freeze()               {}
func (q *Queue) Truth() starlark.Bool  { return true }
func (q *Queue) Hash() (uint32, error) { return starlark.String(q.String()).Hash() }

func (q *Queue) full() bool { return q.maxsize > 0 && len(q.items) >= q.maxsize }

func (q *Queue) signal() {
	close(q.changed)
	q.changed = make(chan struct{})
}

// wait sleeps with the interpreter lock released until the queue changes,
// the deadline passes (ok false) or the thread is cancelled (err).
func (q *Queue) wait(t *starlark.Thread, deadline time.Time) (ok bool, err error) {
	ch := q.changed
	ok = true
	err = runtime.Block(t, func(ctx context.Context) error {
		var expire <-chan time.Time
		if !deadline.IsZero() {
			timer := time.NewTimer(time.Until(deadline))
			defer timer.Stop()
			expire = timer.C
		}
		select {
		case <-ch:
		case <-expire:
			ok = false
		case <-ctx.Done():
		}
		return nil
	})
	return ok, err
}

// blocking reads the block and timeout arguments into a deadline: zero
// for no limit; nonblocking is true for block=False.
func blocking(fn string, block, timeout starlark.Value) (nonblocking bool, deadline time.Time, err error) {
	if block != nil && !bool(block.Truth()) {
		return true, time.Time{}, nil
	}
	if pyargs.IsNone(timeout) {
		return false, time.Time{}, nil
	}
	secs, err := pyargs.Number(fn, "timeout", timeout)
	if err != nil {
		return false, time.Time{}, err
	}
	if secs < 0 {
		return false, time.Time{}, exc.ValueError("'timeout' must be a non-negative number")
	}
	return false, time.Now().Add(time.Duration(secs * float64(time.Second))), nil
}

var zeroTime time.Time
