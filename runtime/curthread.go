package runtime

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// Python calls a class's dunder methods from places Starlark gives no
// thread (x + y, str(x), a property read). They must run on the thread
// that holds the interpreter lock, so that a method that blocks releases
// the right lock and cancellation reaches it: the interpreter remembers
// that thread, and pylib asks for it.

func init() {
	pylib.ThreadResolver = currentThread
}

func (in *Interp) setCurrent(t *starlark.Thread) {
	in.threadsMu.Lock()
	in.current = t
	in.threadsMu.Unlock()
}

// currentThread is the thread now running in t's interpreter.
func currentThread(t *starlark.Thread) *starlark.Thread {
	in := FromThread(t)
	if in == nil {
		return t
	}
	in.threadsMu.Lock()
	defer in.threadsMu.Unlock()
	if in.current != nil && in.running[in.current] != nil {
		return in.current
	}
	return t
}
