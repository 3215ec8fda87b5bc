package linkkit

import (
	"sync"

	"go.starlark.net/starlark"
)

// handlerQueue is 1.2.13's HandlerTask queue length.
const handlerQueue = 2000

// handlerThread names the Starlark threads callbacks run on, so destroy()
// can tell it was called from a callback.
const handlerThread = "linkkit handler"

// handler runs the script's callbacks one at a time in arrival order, as
// LinkKit's HandlerTask does: network events only enqueue. An exception
// in a callback is reported with its traceback and the handler goes on.
type handler struct {
	lk    *LinkKit
	queue chan callback
	done  chan struct{}
	once  sync.Once
	quit  chan struct{}
}

type callback struct {
	name string // the on_* attribute, read when the callback runs
	args []starlark.Value
	sync chan struct{} // closed when done, for callers that wait
}

func newHandler(lk *LinkKit) *handler {
	h := &handler{lk: lk, queue: make(chan callback, handlerQueue), done: make(chan struct{}), quit: make(chan struct{})}
	go h.run()
	return h
}

// post queues the callback name(args...); a full queue drops it, logged.
func (h *handler) post(name string, args ...starlark.Value) {
	select {
	case h.queue <- callback{name: name, args: args}:
	case <-h.quit:
	default:
		h.lk.env.Logf("linkkit: handler queue full (%d): %s dropped", handlerQueue, name)
	}
}

// flush waits until everything queued so far has run.
func (h *handler) flush() {
	c := callback{sync: make(chan struct{})}
	select {
	case h.queue <- c:
		select {
		case <-c.sync:
		case <-h.done:
		}
	case <-h.done:
	}
}

func (h *handler) run() {
	defer close(h.done)
	for {
		select {
		case c := <-h.queue:
			h.call(c)
		case <-h.quit:
			// run what is already queued, then end (destroy joins here)
			for {
				select {
				case c := <-h.queue:
					h.call(c)
				default:
					return
				}
			}
		}
	}
}

func (h *handler) call(c callback) {
	if c.sync != nil {
		close(c.sync)
		return
	}
	h.lk.mu.Lock()
	fn := h.lk.callbacks[c.name]
	h.lk.mu.Unlock()
	if fn == nil || fn == starlark.None {
		return
	}
	h.lk.interp.Call(handlerThread, fn, c.args...) // errors are reported by Call
}

// stop ends the handler after the queued callbacks; wait blocks until then.
func (h *handler) stop() { h.once.Do(func() { close(h.quit) }) }

func (h *handler) wait() { <-h.done }
