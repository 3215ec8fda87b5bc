package runtime

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// DefaultRecursionLimit is CPython's sys.getrecursionlimit().
const DefaultRecursionLimit = 1000

// nearLimitSteps is how often, at least, the depth is looked at once the
// stack is near the limit: a few calls' worth of steps, so the limit is
// met within a frame or two of where CPython meets it.
const nearLimitSteps = 48

// RecursionLimit returns the maximum depth of Python calls.
func (in *Interp) RecursionLimit() int { return int(in.recLimit.Load()) }

// SetRecursionLimit sets it (sys.setrecursionlimit, called on thread t,
// which may be nil). Starlark itself stops at 100,000 frames, whatever
// the limit.
func (in *Interp) SetRecursionLimit(t *starlark.Thread, n int) {
	in.recLimit.Store(int32(min(n, 90_000)))
	if t != nil { // look at the depth again soon, for the new limit
		t.SetMaxExecutionSteps(t.ExecutionSteps() + 1)
	}
}

// checkDepth raises RecursionError in t when it runs more than the limit
// of Python frames deep, and returns the steps until the next look. The
// cheap Starlark depth (which also counts builtins and the functions the
// translator makes for try blocks) is looked at first; the frames are
// counted only when it is over the limit, and then at most once per as
// many steps as there are frames.
func (in *Interp) checkDepth(t *starlark.Thread, st *threadState) uint64 {
	limit := int(in.recLimit.Load())
	depth := t.CallStackDepth()
	if depth <= limit {
		// A call takes a few steps: the stack cannot pass the limit sooner.
		st.recDepth = 0
		return uint64(min(max(2*(limit-depth), 4), checkSteps))
	}
	n := pythonDepth(t)
	if n <= limit {
		st.recDepth = 0
	} else if n > st.recDepth { // a handler at the same depth may still run
		st.recDepth = n
		in.raisePending(t, &exc.Error{Type: "RecursionError", Msg: "maximum recursion depth exceeded"})
	}
	return uint64(max(nearLimitSteps, depth))
}

// pythonDepth counts the frames of t a Python traceback would show.
func pythonDepth(t *starlark.Thread) int {
	n := 0
	for i := 0; i < t.CallStackDepth(); i++ {
		fr := t.DebugFrame(i)
		if fn, ok := fr.Callable().(*starlark.Function); ok && !pylib.SyntheticFrame(fn.Name()) {
			n++
		}
	}
	return n
}
