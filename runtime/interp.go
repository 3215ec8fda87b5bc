// Package runtime is qstar's interpreter: Starlark with Python-friendly
// options, a plugin registry of modules, load() of modules and files, one
// interpreter lock, cancellation and Python-style output.
package runtime

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pycompat"
)

// FileOptions are the Starlark dialect options every script runs with.
var FileOptions = &syntax.FileOptions{
	Set:             true,
	While:           true,
	TopLevelControl: true,
	GlobalReassign:  true,
	Recursion:       true,
}

// Interp is one interpreter: its modules, loaded files and lock.
//
// All Starlark execution holds the interpreter lock. Builtins that block
// (sleep, network, serial) release it through Block, so other script threads
// and callbacks can run meanwhile. Starlark values are not goroutine-safe;
// the lock is what makes _thread and callbacks safe.
type Interp struct {
	Env *Env

	gil      gil          // the interpreter lock (switch.go)
	recLimit atomic.Int32 // sys.getrecursionlimit() (recursion.go)
	exit     exitState    // a sys.exit from any thread (exit.go)

	predeclared starlark.StringDict

	modules   map[string]*moduleEntry // registered modules, built lazily
	files     map[string]*fileEntry   // loaded files by absolute path
	sourcesMu sync.Mutex
	sources   map[string][]string // file name -> source lines, for tracebacks
	loading   []string            // files being loaded, outermost first
	imports   importState         // modules imported from files (imports.go)
	starDepth atomic.Int32        // nested `from X import *` translations (starimport.go)

	threadsMu sync.Mutex
	running   map[*starlark.Thread]*threadState
	current   *starlark.Thread // the thread holding the lock, for dunders (curthread.go)
	bg        sync.WaitGroup
	closed    bool

	sigs signalTable // the script's signal handlers (signals.go)
}

type moduleEntry struct {
	value starlark.Value
	dict  starlark.StringDict
	err   error
}

type fileEntry struct {
	globals starlark.StringDict // nil while the file is loading
	err     error
	thread  *starlark.Thread // the thread running the file, while it loads
}

// partial returns the globals a file that is still loading has defined
// so far (a circular import sees them, as in CPython), or nil.
func (e *fileEntry) partial() starlark.StringDict {
	if e == nil || e.thread == nil {
		return nil
	}
	n := e.thread.CallStackDepth()
	if n == 0 {
		return nil
	}
	if fn, ok := e.thread.DebugFrame(n - 1).Callable().(*starlark.Function); ok {
		return fn.Globals()
	}
	return nil
}

type threadState struct {
	in     *Interp
	ctx    context.Context // done when the thread is cancelled (stopped for good)
	cancel context.CancelFunc
	// lent: a generator's thread (generator.go), running on the lock its
	// parked consumer holds; it may release and re-take it like any thread
	lent bool

	borrowed atomic.Bool // runs on a lent lock (BorrowsLock)

	raiseMu  sync.Mutex         // guards the fields below (raise.go)
	pending  *exc.Error         // an exception raised from outside the bytecode
	bctx     context.Context    // what Block waits on: done with ctx, or sooner on a pending exception
	bcancel  context.CancelFunc // (both made on first use)
	recDepth int                // depth of the last RecursionError (recursion.go)

	loading *starlark.Thread // the thread running a file this one imports; guarded by in.threadsMu
}

const stateKey = "qstar.state"

// New returns an interpreter using env (NewEnv() if nil).
func New(env *Env) *Interp {
	if env == nil {
		env = NewEnv()
	}
	in := &Interp{
		Env:     env,
		modules: map[string]*moduleEntry{},
		files:   map[string]*fileEntry{},
		sources: map[string][]string{},
		running: map[*starlark.Thread]*threadState{},
	}
	env.interp = in
	in.gil.interval.Store(int64(DefaultSwitchInterval))
	in.recLimit.Store(DefaultRecursionLimit)
	in.predeclared = in.makePredeclared()
	return in
}

// Predeclared returns the names every script sees (builtins).
func (in *Interp) Predeclared() starlark.StringDict { return in.predeclared }

// Lock acquires the interpreter lock. Hosts (the REPL, tests) hold it
// around any call into Starlark they make from Go.
func (in *Interp) Lock() { in.gil.lock() }

// Unlock releases the interpreter lock.
func (in *Interp) Unlock() { in.gil.unlock() }

// NewThread returns a thread bound to this interpreter. The caller must
// call Done when the thread finishes so cancellation stops tracking it.
func (in *Interp) NewThread(name string) *starlark.Thread {
	ctx, cancel := context.WithCancel(context.Background())
	st := &threadState{in: in, ctx: ctx, cancel: cancel}
	t := &starlark.Thread{
		Name:  name,
		Load:  in.load,
		Print: func(_ *starlark.Thread, msg string) { fmt.Fprintln(in.Env, msg) },
	}
	t.OnMaxSteps = func(t *starlark.Thread) { in.onSteps(t, st) }
	t.SetMaxExecutionSteps(checkSteps)
	t.SetLocal(stateKey, st)
	in.threadsMu.Lock()
	in.running[t] = st
	in.current = t
	closed := in.closed
	in.threadsMu.Unlock()
	if closed { // made after CancelAll looked: stop it as CancelAll would have
		in.Cancel(t, "interpreter closed")
	}
	return t
}

// Done stops tracking t.
func (in *Interp) Done(t *starlark.Thread) {
	in.threadsMu.Lock()
	if st := in.running[t]; st != nil {
		st.cancel()
		delete(in.running, t)
	}
	in.threadsMu.Unlock()
}

// Cancel stops thread t: the interpreter checks on every step, and any
// builtin blocked in Block wakes up.
func (in *Interp) Cancel(t *starlark.Thread, reason string) {
	t.Cancel(reason)
	// Read the state from our own map, not t.Local: the thread may be
	// writing its locals on another goroutine.
	in.threadsMu.Lock()
	st := in.running[t]
	in.threadsMu.Unlock()
	if st != nil {
		st.cancel()
	}
}

// CancelAll stops every running thread (SIGINT/SIGTERM in `qstar run`).
func (in *Interp) CancelAll(reason string) {
	in.threadsMu.Lock()
	ts := make([]*starlark.Thread, 0, len(in.running))
	for t := range in.running {
		ts = append(ts, t)
	}
	in.closed = true
	in.threadsMu.Unlock()
	for _, t := range ts {
		in.Cancel(t, reason)
	}
}

// RequestExit ends the whole run with code, from any thread (a device
// restart from a timer callback, say), as a SystemExit there would: every
// thread is cancelled and the host ends with ExitStatus's code. The first
// request wins.
func (in *Interp) RequestExit(code int) { in.exitOn(&ExitError{Code: code}) }

// ExitRequested is ExitStatus, under the name the board modules use.
func (in *Interp) ExitRequested() (int, bool) { return in.ExitStatus() }

func (in *Interp) isClosed() bool {
	in.threadsMu.Lock()
	defer in.threadsMu.Unlock()
	return in.closed
}

// FromThread returns the interpreter running t, or nil.
func FromThread(t *starlark.Thread) *Interp {
	if st, ok := t.Local(stateKey).(*threadState); ok {
		return st.in
	}
	return nil
}

// EnvOf returns the Env of the interpreter running t (a fresh NewEnv for
// bare threads, as in a unit test of one builtin).
func EnvOf(t *starlark.Thread) *Env {
	if in := FromThread(t); in != nil {
		return in.Env
	}
	return NewEnv()
}

// Context returns a context that is done when t is cancelled.
func Context(t *starlark.Thread) context.Context {
	if st, ok := t.Local(stateKey).(*threadState); ok {
		return st.ctx
	}
	return context.Background()
}

// ErrCancelled is returned by Block when the thread was cancelled.
var ErrCancelled = errors.New("interrupted")

// Block runs fn with the interpreter lock released, for builtins that wait
// (sleep, network, serial I/O). fn must not touch Starlark values. Its
// context is done when the thread is cancelled; if that happened, Block
// returns ErrCancelled.
func Block(t *starlark.Thread, fn func(ctx context.Context) error) error {
	st, ok := t.Local(stateKey).(*threadState)
	if !ok { // a bare thread with no interpreter: nothing to release
		return fn(context.Background())
	}
	ctx := st.blockContext()
	st.in.gil.unlock()
	err := fn(ctx)
	st.in.gil.lock()
	st.in.setCurrent(t)
	if ctx.Err() != nil {
		return ErrCancelled
	}
	return err
}

// Call runs fn(args...) on a new thread under the interpreter lock, from a
// goroutine that does not hold it (a network or modem event). A failure is
// reported on Stderr with its traceback and returned.
func (in *Interp) Call(name string, fn starlark.Value, args ...starlark.Value) (starlark.Value, error) {
	in.gil.lock()
	defer in.gil.unlock()
	if in.isClosed() {
		return starlark.None, ErrCancelled
	}
	t := in.NewThread(name)
	defer in.Done(t)
	v, err := starlark.Call(t, fn, starlark.Tuple(args), nil)
	err = takePending(t, err)
	if err != nil && !in.exitOn(err) && !IsCancelled(err) {
		in.ReportError(err)
	}
	return v, err
}

// Go runs fn(args...) on its own goroutine and thread (_thread.start_new_thread).
// Wait blocks until all such threads end.
func (in *Interp) Go(name string, fn starlark.Value, args starlark.Tuple, started func(*starlark.Thread)) {
	in.bg.Add(1)
	in.goThread(name, fn, args, started, in.bg.Done)
}

// GoDaemon is Go for a thread the run does not wait for (a threading
// daemon): Wait returns without it, and closing the interpreter ends it.
func (in *Interp) GoDaemon(name string, fn starlark.Value, args starlark.Tuple, started func(*starlark.Thread)) {
	in.goThread(name, fn, args, started, func() {})
}

func (in *Interp) goThread(name string, fn starlark.Value, args starlark.Tuple, started func(*starlark.Thread), done func()) {
	go func() {
		defer done()
		in.gil.lock()
		if in.isClosed() { // cancelled before this thread got to run
			in.gil.unlock()
			return
		}
		t := in.NewThread(name)
		if started != nil {
			started(t)
		}
		_, err := starlark.Call(t, fn, args, nil)
		err = takePending(t, err)
		in.Done(t)
		in.gil.unlock()
		// After CancelAll the run is ending: an error here comes from the
		// teardown (a socket closed under a blocked recv), not the script.
		if err != nil && !in.exitOn(err) && !IsCancelled(err) && !in.isClosed() {
			in.reportf(err, "Unhandled exception in thread %s:\n", name)
		}
	}()
}

// Wait blocks until every thread started with Go has ended. The caller
// must not hold the lock.
func (in *Interp) Wait() { in.bg.Wait() }

// Close cancels all threads and releases module resources.
func (in *Interp) Close() {
	in.stopSignals()
	in.CancelAll("interpreter closed")
	in.Env.Close()
}

// ExecFile runs the script at path as __main__ on thread t, which must hold
// the lock. .py files go through the Python front end.
func (in *Interp) ExecFile(t *starlark.Thread, path string, src []byte) (starlark.StringDict, error) {
	if src == nil {
		var err error
		if src, err = os.ReadFile(path); err != nil {
			return nil, err
		}
	}
	// The main file counts as loading, so a load back to it is a cycle.
	e := &fileEntry{}
	in.files[fileKey(path)] = e
	in.setMain(path)
	in.loading = append(in.loading, path)
	defer func() { in.loading = in.loading[:len(in.loading)-1] }()
	var boot starlark.StringDict
	if IsPython(path) {
		var err error
		if boot, err = in.bootGlobals(t, src); err != nil {
			return nil, err
		}
		in.bootFiles(src)
	}
	globals, err := in.execFileWith(t, path, src, "__main__", boot)
	err = takePending(t, err)
	e.globals, e.err = globals, err
	return globals, err
}

func (in *Interp) execFile(t *starlark.Thread, path string, src []byte, modName string) (starlark.StringDict, error) {
	return in.execFileWith(t, path, src, modName, nil)
}

// execFileWith is execFile with extra names the file sees as predeclared
// (the main script's boot globals, boot.go).
func (in *Interp) execFileWith(t *starlark.Thread, path string, src []byte, modName string, extra starlark.StringDict) (starlark.StringDict, error) {
	predeclared := in.filePredeclared(modName)
	for k, v := range extra {
		predeclared[k] = v
	}
	f, err := in.parse(path, src, predeclared.Has)
	if err != nil {
		return nil, err
	}
	prog, err := compile(f, predeclared.Has)
	if err != nil {
		return nil, err
	}
	return prog.Init(t, predeclared)
}

// compile is starlark.FileProgram, with a compiler panic (on a tree the
// front end should have rejected) turned into an error naming the file.
func compile(f *syntax.File, isPredeclared func(string) bool) (prog *starlark.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, fmt.Errorf("%s: internal compiler error: %v", f.Path, r)
		}
	}()
	return starlark.FileProgram(f, isPredeclared)
}

// Parse turns a file into a syntax tree: .py through the Python front end,
// anything else as Starlark. Source lines are kept for tracebacks.
func (in *Interp) Parse(path string, src []byte) (*syntax.File, error) {
	return in.parse(path, src, in.predeclared.Has)
}

func (in *Interp) parse(path string, src []byte, isPredeclared func(string) bool) (*syntax.File, error) {
	text := string(src)
	if t, err := pycompat.DecodeSource(path, src); err == nil && IsPython(path) {
		text = t // a GBK file's traceback lines, as UTF-8
	}
	in.sourcesMu.Lock()
	in.sources[path] = strings.Split(text, "\n")
	in.sourcesMu.Unlock()
	if IsPython(path) {
		res, err := pycompat.Translate(path, src, &pycompat.Options{
			FileOptions:    FileOptions,
			ModuleNames:    in.moduleNamesFor(path), // starimport.go
			DynamicGlobals: path == "<stdin>",       // REPL chunks: see the option
			IsPredeclared:  isPredeclared,
		})
		if err != nil {
			return nil, err
		}
		for _, w := range res.Warnings {
			in.Env.Logf("%s", w)
		}
		return res.File, nil
	}
	return FileOptions.Parse(path, src, 0)
}

// IsPython reports whether path is run through the Python front end.
// The REPL's "<stdin>" is Python too.
func IsPython(path string) bool { return strings.HasSuffix(path, ".py") || path == "<stdin>" }

func (in *Interp) filePredeclared(modName string) starlark.StringDict {
	d := make(starlark.StringDict, len(in.predeclared)+1)
	for k, v := range in.predeclared {
		d[k] = v
	}
	d["__name__"] = starlark.String(modName)
	return d
}

// scriptDir is the directory of the innermost Starlark frame's file.
func scriptDir(t *starlark.Thread) string {
	for i := 0; i < t.CallStackDepth(); i++ {
		fn := t.CallFrame(i).Pos.Filename()
		if fn != "" && fn != "<builtin>" && !strings.HasPrefix(fn, "<") {
			return filepath.Dir(fn)
		}
	}
	wd, _ := os.Getwd()
	return wd
}

// Sleep blocks t for d with the lock released; cancellation wakes it.
func Sleep(t *starlark.Thread, d time.Duration) error {
	return Block(t, func(ctx context.Context) error {
		if d <= 0 {
			return nil
		}
		timer := time.NewTimer(d)
		defer timer.Stop()
		select {
		case <-timer.C:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}
