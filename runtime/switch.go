package runtime

import (
	goruntime "runtime"
	"sync"
	"sync/atomic"
	"time"

	"go.starlark.net/starlark"
)

// DefaultSwitchInterval is how long a thread running Starlark keeps the
// interpreter lock while another thread waits for it, as CPython's
// sys.getswitchinterval() (5 ms).
const DefaultSwitchInterval = 5 * time.Millisecond

// checkSteps is how many Starlark steps run between two looks at the lock
// (tens of microseconds): a look with nobody waiting is one atomic load.
const checkSteps = 2048

// gil is the interpreter lock. A thread that keeps running Starlark hands
// it over, once per switch interval, to a thread waiting for it, so a busy
// loop (`while not done: pass`) cannot starve the others.
type gil struct {
	mu       sync.Mutex
	waiting  atomic.Int32  // goroutines blocked in lock()
	turns    atomic.Uint64 // acquisitions so far, to see a hand-over happen
	interval atomic.Int64  // switch interval in nanoseconds
	asked    time.Time     // when the holder first saw a waiter (zero: not yet); holder only
}

func (g *gil) lock() {
	if !g.mu.TryLock() {
		g.waiting.Add(1)
		g.mu.Lock()
		g.waiting.Add(-1)
	}
	g.turns.Add(1)
	g.asked = time.Time{}
}

func (g *gil) unlock() { g.mu.Unlock() }

// yield releases the lock, waits until a waiting thread has taken it (a
// plain Unlock+Lock would usually win it straight back), then retakes it.
func (g *gil) yield() {
	turn := g.turns.Load()
	g.mu.Unlock()
	for g.turns.Load() == turn && g.waiting.Load() > 0 {
		goruntime.Gosched()
	}
	g.lock()
}

// SwitchInterval returns the interpreter's switch interval.
func (in *Interp) SwitchInterval() time.Duration { return time.Duration(in.gil.interval.Load()) }

// SetSwitchInterval sets the switch interval (sys.setswitchinterval).
func (in *Interp) SetSwitchInterval(d time.Duration) {
	if d <= 0 {
		d = time.Microsecond
	}
	in.gil.interval.Store(int64(d))
}

// BorrowsLock marks t as a thread that runs on a lock lent to it: another
// thread holds the interpreter lock and waits, in Go, while t runs (a
// generator's body running for its consumer). The switch never releases
// the lock on t's behalf: the lender owns it. Call it before t runs.
func BorrowsLock(t *starlark.Thread) {
	if st, ok := t.Local(stateKey).(*threadState); ok {
		st.borrowed.Store(true)
	}
}

// onSteps runs every checkSteps steps of a thread of this interpreter,
// which holds the lock: it checks the recursion depth, and hands the lock
// over when another thread has been waiting for a switch interval.
func (in *Interp) onSteps(t *starlark.Thread, st *threadState) {
	t.SetMaxExecutionSteps(t.ExecutionSteps() + in.checkDepth(t, st))
	g := &in.gil
	if g.waiting.Load() == 0 || st.borrowed.Load() {
		return
	}
	if g.mu.TryLock() { // not held: t runs outside the lock, nothing to hand over
		g.mu.Unlock()
		return
	}
	now := time.Now()
	if g.asked.IsZero() {
		g.asked = now
		return
	}
	if now.Sub(g.asked) >= time.Duration(g.interval.Load()) {
		g.yield()
		if !st.lent {
			in.setCurrent(t)
		}
	}
}
