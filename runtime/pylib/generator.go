package pylib

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// A generator runs its body on a Starlark thread (and goroutine) of its
// own. Control passes like a baton: the consumer sends a resume message and
// parks on a channel until the generator yields, returns or fails, so
// exactly one of them runs at a time and the consumer's interpreter lock is
// lent to the generator for that time. The channel handovers order every
// access to Starlark values between the two goroutines.

// GeneratorThread is the thread a generator body runs on, as the host
// (runtime) makes it.
type GeneratorThread struct {
	Thread *starlark.Thread
	// Stop is closed when the generator must end (the interpreter closed);
	// nil: never.
	Stop <-chan struct{}
	// Lock and Unlock take and release the interpreter lock. A generator
	// abandoned while suspended takes it to unwind; nil: there is no lock.
	Lock, Unlock func()
	// Cancel stops the thread while it runs (its consumer was cancelled).
	Cancel func()
	// Release is called once the body has ended.
	Release func()
}

// NewGeneratorThread makes the thread for a generator started from parent.
// The runtime replaces it to give the thread its interpreter (Block,
// cancellation, print); the default serves bare threads, as in tests.
var NewGeneratorThread = BareGeneratorThread

// ThreadStopped returns a channel closed when thread t is cancelled, or nil.
// The runtime sets it; a consumer waiting for its generator watches it.
var ThreadStopped = func(t *starlark.Thread) <-chan struct{} { return nil }

// BareGeneratorThread is a generator thread with no interpreter: it prints
// and loads like parent and is never stopped from outside.
func BareGeneratorThread(parent *starlark.Thread, name string) GeneratorThread {
	t := &starlark.Thread{Name: name, Print: parent.Print, Load: parent.Load}
	return GeneratorThread{Thread: t, Cancel: func() { t.Cancel("interrupted") }, Release: func() {}}
}

// CopyThreadLocals gives a generator thread the translated code's locals of
// its parent (the module namespace of REPL chunks).
func CopyThreadLocals(parent, child *starlark.Thread) {
	if ns := parent.Local(moduleNSKey); ns != nil {
		child.SetLocal(moduleNSKey, ns)
	}
}

const genKey = "pylib.generator"

type genState int

const (
	genNew genState = iota
	genSuspended
	genRunning
	genDone
)

// genMsg resumes a generator: the value `yield` evaluates to, or an
// exception to raise at the yield (close, throw).
type genMsg struct {
	value starlark.Value
	err   error
}

// genResult is what a generator hands back: a yielded value, or its end
// (done) with the return value or the error it failed with.
type genResult struct {
	value starlark.Value
	done  bool
	err   error
}

// errAbandoned unwinds a suspended generator nobody can resume any more
// (unreachable, or its interpreter closed). No handler or finally runs.
var errAbandoned = errors.New("interrupted (generator abandoned)")

// genCore is the generator's machinery. The producer goroutine refers only
// to the core, never to the Generator, so an unreachable Generator can be
// collected and its goroutine told to end.
type genCore struct {
	name  string
	fn    starlark.Value
	args  starlark.Tuple
	home  *starlark.Thread // where it was created, to start it without a thread
	state genState

	toGen   chan genMsg
	fromGen chan genResult
	gone    chan struct{} // closed when the producer stopped waiting for resumes
	abandon chan struct{}
	once    sync.Once
	gt      GeneratorThread

	abandoned bool  // producer side: unwinding after abandon
	lastErr   error // the error of a resume made with no way to report it
}

// Generator is a Python generator object.
type Generator struct{ c *genCore }

var (
	_ starlark.Iterable = (*Generator)(nil)
	_ starlark.HasAttrs = (*Generator)(nil)
)

func newGenerator(thread *starlark.Thread, name string, fn starlark.Value, args starlark.Tuple) *Generator {
	c := &genCore{name: name, fn: fn, args: args, home: thread,
		toGen: make(chan genMsg), fromGen: make(chan genResult, 1),
		gone: make(chan struct{}), abandon: make(chan struct{})}
	g := &Generator{c}
	runtime.AddCleanup(g, func(c *genCore) { c.once.Do(func() { close(c.abandon) }) }, c)
	return g
}

func (g *Generator) String() string {
	return fmt.Sprintf("<generator object %s at %p>", g.c.name, g)
}
func (g *Generator) Type() string          { return "generator" }
func (g *Generator) Freeze()               {}
func (g *Generator) Truth() starlark.Bool  { return true }
func (g *Generator) Hash() (uint32, error) { return hashPointer(g), nil }
func (g *Generator) Iterate() starlark.Iterator {
	return &plainIterator{src: g}
}

func (g *Generator) AttrNames() []string {
	return []string{"__iter__", "__next__", "close", "send", "throw"}
}

func (g *Generator) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__next__":
		return method(name, func(t *starlark.Thread, _ starlark.Tuple) (starlark.Value, error) {
			return nextOrStop(t, g)
		}), nil
	case "__iter__":
		return method(name, func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) { return g, nil }), nil
	case "send":
		return method(name, func(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, exc.TypeError("send() takes exactly one argument (%d given)", len(args))
			}
			return g.c.step(t, genMsg{value: args[0]})
		}), nil
	case "throw":
		return method(name, func(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if len(args) < 1 {
				return nil, exc.TypeError("throw expected at least 1 argument, got 0")
			}
			return g.c.step(t, genMsg{err: raiseErr(t, args[0])})
		}), nil
	case "close":
		return method(name, func(t *starlark.Thread, _ starlark.Tuple) (starlark.Value, error) {
			return starlark.None, g.c.close(t)
		}), nil
	case "gi_running":
		return starlark.Bool(g.c.state == genRunning), nil
	}
	return nil, nil
}

// pyNext advances the generator for the iterator protocol.
func (g *Generator) pyNext(t *starlark.Thread) (starlark.Value, bool, error) {
	v, done, err := g.c.resume(t, genMsg{})
	return v, !done && err == nil, err
}

func (g *Generator) fresh() bool { return g.c.state == genNew }

func (g *Generator) closeFrom(t *starlark.Thread) error { return g.c.close(t) }

func (g *Generator) takeErr() error {
	err := g.c.lastErr
	g.c.lastErr = nil
	return err
}

func (g *Generator) keepErr(err error) { g.c.lastErr = err }

// step is send/throw: the next yielded value, or StopIteration at the end.
func (c *genCore) step(t *starlark.Thread, m genMsg) (starlark.Value, error) {
	v, done, err := c.resume(t, m)
	if err != nil {
		return nil, err
	}
	if done {
		return nil, stopIteration(v)
	}
	return v, nil
}

// resume runs the generator until it yields (v, false) or ends (return
// value, true) or fails. t is the consumer's thread, or nil.
func (c *genCore) resume(t *starlark.Thread, m genMsg) (v starlark.Value, done bool, err error) {
	switch c.state {
	case genRunning:
		return nil, false, exc.ValueError("generator already executing")
	case genDone:
		if m.err != nil {
			return nil, false, m.err
		}
		return starlark.None, true, nil
	case genNew:
		if m.err != nil {
			c.state = genDone
			return nil, false, m.err
		}
		if m.value != nil && m.value != starlark.None {
			return nil, false, exc.TypeError("can't send non-None value to a just-started generator")
		}
		c.state = genRunning
		c.start(t)
	default:
		c.state = genRunning
		select {
		case c.toGen <- m:
		case <-c.gone:
			c.state = genDone
			return nil, false, errAbandoned
		}
	}
	r := c.wait(t)
	if r.done {
		c.state = genDone
		c.fn, c.args, c.home = nil, nil, nil
		if r.err != nil && !isExc(r.err, "StopIteration") {
			return nil, false, crossed(r.err)
		}
		// `raise StopIteration` in the body ends it, as in MicroPython
		// (CPython 3.7+ makes it a RuntimeError)
		if r.err != nil {
			r.value = starlark.None
		}
		return r.value, true, nil
	}
	c.state = genSuspended
	return r.value, false, nil
}

// wait parks the consumer until the generator hands control back. A
// cancelled consumer stops the generator and still waits for it, so the
// two never run at once.
func (c *genCore) wait(t *starlark.Thread) genResult {
	var stop <-chan struct{}
	if t != nil {
		stop = ThreadStopped(t)
	}
	select {
	case r := <-c.fromGen:
		return r
	case <-stop:
		c.gt.Cancel()
		return <-c.fromGen
	}
}

func (c *genCore) start(t *starlark.Thread) {
	parent := t
	if parent == nil {
		parent = c.home
	}
	if parent == nil {
		parent = &starlark.Thread{Name: "generator"}
	}
	c.gt = NewGeneratorThread(parent, c.name)
	CopyThreadLocals(parent, c.gt.Thread)
	c.gt.Thread.SetLocal(genKey, c)
	fn, args := c.fn, c.args
	go c.run(fn, args)
}

// run is the producer goroutine.
func (c *genCore) run(fn starlark.Value, args starlark.Tuple) {
	v, err := starlark.Call(c.gt.Thread, fn, args, nil)
	c.gt.Release()
	if c.abandoned {
		if c.gt.Unlock != nil {
			c.gt.Unlock()
		}
		return // nobody waits for the result
	}
	c.fromGen <- genResult{value: v, done: true, err: err}
}

// yield hands v to the consumer and parks until it resumes the generator.
func (c *genCore) yield(v starlark.Value) (starlark.Value, error) {
	c.fromGen <- genResult{value: v}
	abandon := c.abandon
	if c.gt.Lock == nil {
		abandon = nil // no lock to unwind under: a bare thread stays parked
	}
	select {
	case m := <-c.toGen:
		if m.err != nil {
			return nil, m.err
		}
		if m.value == nil {
			return starlark.None, nil
		}
		return m.value, nil
	case <-abandon:
	case <-c.gt.Stop:
	}
	// Unwinding touches values the body shares (a list's iterator count),
	// so it takes the interpreter lock first.
	close(c.gone)
	c.abandoned = true
	if c.gt.Lock != nil {
		c.gt.Lock()
	}
	return nil, errAbandoned
}

// close is generator.close(): GeneratorExit at the suspended yield, so
// handlers and finally blocks run.
func (c *genCore) close(t *starlark.Thread) error {
	switch c.state {
	case genNew, genDone:
		c.state = genDone
		return nil
	case genRunning:
		return exc.ValueError("generator already executing")
	}
	_, done, err := c.resume(t, genMsg{err: &exc.Error{Type: "GeneratorExit"}})
	if err != nil {
		if isExc(err, "GeneratorExit") || isExc(err, "StopIteration") || errors.Is(err, errAbandoned) {
			return nil
		}
		return err
	}
	if !done {
		return exc.RuntimeError("generator ignored GeneratorExit")
	}
	return nil
}

func isExc(err error, typ string) bool {
	e, ok := exc.As(err)
	return ok && e.Type == typ
}

// stopIteration is the StopIteration a finished generator raises, with
// its return value as args[0] and .value.
func stopIteration(v starlark.Value) error {
	inst := newExc("StopIteration", "", nil)
	msg := ""
	if v != nil && v != starlark.None {
		inst.args = starlark.Tuple{v}
		msg = reprOf(v)
	}
	if v == nil {
		v = starlark.None
	}
	inst.attrs.SetKey(starlark.String("value"), v)
	return &exc.Error{Type: "StopIteration", Msg: msg, Value: inst}
}

// raiseErr is the error `raise x` would give (throw(x)).
func raiseErr(t *starlark.Thread, x starlark.Value) error {
	_, err := raiseBuiltin(t, nil, starlark.Tuple{x}, nil)
	return err
}

func currentGenerator(t *starlark.Thread) (*genCore, error) {
	c, ok := t.Local(genKey).(*genCore)
	if !ok {
		return nil, exc.New("SyntaxError", "'yield' outside function")
	}
	return c, nil
}

// _generator(fn, *args) is a call of a generator function: a generator
// that runs fn(*args) when first advanced.
func generatorBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 1 || len(kwargs) > 0 {
		return nil, exc.TypeError("_generator(fn, *args)")
	}
	name := "<genexpr>"
	if f, ok := args[0].(*starlark.Function); ok && f.Name() != "lambda" {
		name = genFuncName(f.Name())
	}
	return newGenerator(t, name, args[0], append(starlark.Tuple(nil), args[1:]...)), nil
}

// genFuncName is the Python name of a translated generator body (_gen_f).
func genFuncName(s string) string { return pyrepr.FuncName(s) }

// _yield(v=None) is `yield v`: it evaluates to the value sent in.
func yieldBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	c, err := currentGenerator(t)
	if err != nil {
		return nil, err
	}
	var v starlark.Value = starlark.None
	switch len(args) {
	case 0:
	case 1:
		v = args[0]
	default:
		v = args // yield a, b
	}
	return c.yield(v)
}

// _yield_from(it) is `yield from it`: it evaluates to the sub-generator's
// return value. Sent values and close go through to a sub-generator.
func yieldFromBuiltin(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	c, err := currentGenerator(t)
	if err != nil {
		return nil, err
	}
	if len(args) != 1 || len(kwargs) > 0 {
		return nil, exc.TypeError("yield from takes one iterable")
	}
	if sub, ok := args[0].(*Generator); ok {
		return yieldFromGenerator(t, c, sub)
	}
	it, err := toIterator(t, args[0])
	if err != nil {
		return nil, err
	}
	for {
		v, ok, err := it.pyNext(t)
		if err != nil || !ok {
			return starlark.None, err
		}
		if _, err := c.yield(v); err != nil {
			return nil, err
		}
	}
}

func yieldFromGenerator(t *starlark.Thread, c *genCore, sub *Generator) (starlark.Value, error) {
	m := genMsg{}
	for {
		v, done, err := sub.c.resume(t, m)
		if err != nil {
			return nil, err
		}
		if done {
			return v, nil
		}
		sent, err := c.yield(v)
		if err != nil {
			if isExc(err, "GeneratorExit") {
				if cerr := sub.c.close(t); cerr != nil {
					return nil, cerr
				}
			}
			if errors.Is(err, errAbandoned) {
				return nil, err
			}
			if isExc(err, "GeneratorExit") {
				return nil, err
			}
			m = genMsg{err: err} // throw() goes to the sub-generator
			continue
		}
		m = genMsg{value: sent}
	}
}

// crossedError is a generator's error as its consumer sees it: Starlark
// wraps it in an EvalError with the consumer's frames, and the traceback
// shows the generator's frames after those (CallStacks).
type crossedError struct{ err error }

func (e *crossedError) Error() string {
	var ee *starlark.EvalError
	if errors.As(e.err, &ee) {
		return ee.Msg
	}
	return e.err.Error()
}
func (e *crossedError) Unwrap() error { return e.err }

func crossed(err error) error {
	if err == nil || uncatchable(err) {
		return err
	}
	return &crossedError{err}
}

// CallStacks is ee's call stack followed by those of the generators the
// error came through, innermost last.
func CallStacks(ee *starlark.EvalError) starlark.CallStack {
	stack := append(starlark.CallStack(nil), ee.CallStack...)
	var err error = ee
	for {
		var ce *crossedError
		if !errors.As(err, &ce) {
			return stack
		}
		var inner *starlark.EvalError
		if !errors.As(ce.err, &inner) {
			return stack
		}
		stack = append(stack, inner.CallStack...)
		err = inner
	}
}

// FrameName is the Python name of a call frame: a generator's body is the
// generator function.
func FrameName(name string) string { return genFuncName(name) }
