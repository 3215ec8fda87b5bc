package audio

import (
	"context"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

// The firmware's queue limits: priorities 0..4, 10 waiting tasks each.
const (
	priorities = 5
	perGroup   = 10
)

// events are the callback codes one kind of player reports.
type events struct {
	start, done int
	stopped     int // -1: no event when stopped
}

var (
	fileEvents = events{start: 0, done: 7, stopped: -1}   // Audio: 0 start, 7 complete
	ttsEvents  = events{start: 2, done: 4, stopped: 3}    // TTS: 2 start, 4 complete, 3 stopped
	noEvents   = events{start: -1, done: -1, stopped: -2} // streams
)

// listener is an Audio or TTS object's callback slot; read and written
// under the interpreter lock.
type listener struct {
	cb starlark.Value
	ev events
}

// task is one queued play.
type task struct {
	prio, breakin int
	what          string
	owner         *listener
	play          func(ctx context.Context) error
	ctx           context.Context
	cancel        context.CancelFunc
}

// engine is one interpreter's play queue, shared by Audio and TTS as on
// the module: a higher priority task interrupts a running one that allows
// break-in, others wait in their priority group. A script thread (the
// "player") exists while something plays, so a run ends after the sound
// does and callbacks run one at a time, in order.
type engine struct {
	in   *runtime.Interp
	fifo bool // streams: every task waits its turn, none is refused

	mu      sync.Mutex
	cur     *task
	queues  [priorities][]*task
	running bool
}

func engineOf(in *runtime.Interp) *engine {
	return in.Env.Shared("audio.engine", func() any { return &engine{in: in} }).(*engine)
}

// streamEngine plays playStream's chunks one after another.
func streamEngine(in *runtime.Interp) *engine {
	return in.Env.Shared("audio.stream", func() any { return &engine{in: in, fifo: true} }).(*engine)
}

// submit queues t and returns the firmware's code: 0 playing now, 1
// queued, -2 its priority group is full.
func (e *engine) submit(t *task) int {
	t.ctx, t.cancel = context.WithCancel(context.Background())
	e.mu.Lock()
	defer e.mu.Unlock()
	code := 0
	switch {
	case e.cur == nil:
		e.cur = t
	case e.fifo:
		e.queues[0] = append(e.queues[0], t)
	case t.prio > e.cur.prio && e.cur.breakin == 1:
		e.cur.cancel()
		e.cur = t
	case len(e.queues[t.prio]) >= perGroup:
		t.cancel()
		return -2
	default:
		e.queues[t.prio] = append(e.queues[t.prio], t)
		code = 1
	}
	if !e.running {
		e.running = true
		e.in.Go("audio player", starlark.NewBuiltin("audio player", e.work), nil, nil)
	}
	return code
}

// stop ends the running task if owner's kind played it (all kinds when
// owner is nil); stopAll also empties the queue.
func (e *engine) stop(owner *listener, all bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if all {
		for i := range e.queues {
			for _, t := range e.queues[i] {
				t.cancel()
			}
			e.queues[i] = nil
		}
	}
	if e.cur != nil && (owner == nil || e.cur.owner.ev == owner.ev) {
		e.cur.cancel()
		e.cur = nil
	}
}

// playing reports whether a task of owner's kind is running.
func (e *engine) playing(owner *listener) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.cur != nil && e.cur.owner.ev == owner.ev
}

// next returns the task to run: the current one, else the first of the
// highest non-empty priority group.
func (e *engine) next() *task {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cur == nil {
		for p := priorities - 1; p >= 0; p-- {
			if q := e.queues[p]; len(q) > 0 {
				e.cur, e.queues[p] = q[0], q[1:]
				break
			}
		}
	}
	if e.cur == nil {
		e.running = false
	}
	return e.cur
}

func (e *engine) work(th *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	for {
		t := e.next()
		if t == nil {
			return starlark.None, nil // next cleared running: a new play starts a new player
		}
		if err := e.play(th, t); err != nil {
			e.abandon()
			if err == runtime.ErrCancelled {
				return starlark.None, nil
			}
			return nil, err
		}
	}
}

// play runs t with its events; an error (cancelled, or the run exiting
// from a callback) ends the player.
func (e *engine) play(th *starlark.Thread, t *task) error {
	started := t.ctx.Err() == nil
	if started {
		if err := e.notify(th, t.owner, t.owner.ev.start); err != nil {
			return err
		}
	}
	err := runtime.Block(th, func(ctx context.Context) error {
		defer context.AfterFunc(ctx, t.cancel)()
		return t.play(t.ctx)
	})
	if err == runtime.ErrCancelled {
		return err
	}
	stopped := t.ctx.Err() != nil
	if err != nil && !stopped {
		e.in.Env.Logf("audio: %s: %v", t.what, err)
	}
	e.mu.Lock()
	if e.cur == t {
		e.cur = nil
	}
	e.mu.Unlock()
	t.cancel()
	if !started {
		return nil
	}
	event := t.owner.ev.done
	if stopped {
		event = t.owner.ev.stopped
	}
	return e.notify(th, t.owner, event)
}

// abandon drops everything when the player ends early (the end of the
// run): nothing more plays.
func (e *engine) abandon() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.running = false
	if e.cur != nil {
		e.cur.cancel()
		e.cur = nil
	}
	for i := range e.queues {
		for _, t := range e.queues[i] {
			t.cancel()
		}
		e.queues[i] = nil
	}
}

// notify calls owner's callback with the event; a raising callback
// prints its traceback and playing goes on. The error returned ends the
// player: the run is exiting or cancelled.
func (e *engine) notify(th *starlark.Thread, owner *listener, event int) error {
	if event < 0 || owner.cb == nil {
		return nil
	}
	return callback(e.in, th, owner.cb, starlark.MakeInt(event))
}

// callback runs cb(arg) on th, reporting a script error and returning
// only an exit or a cancellation.
func callback(in *runtime.Interp, th *starlark.Thread, cb starlark.Value, arg starlark.Value) error {
	_, err := starlark.Call(th, cb, starlark.Tuple{arg}, nil)
	if err == nil {
		return nil
	}
	if _, exit := runtime.ExitCode(err); exit || runtime.IsCancelled(err) {
		return err
	}
	in.ReportError(err)
	return nil
}
