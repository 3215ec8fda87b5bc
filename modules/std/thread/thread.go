// Package thread provides QuecPython's _thread: script threads on their own
// goroutines, taking turns under the interpreter lock; locks and semaphores
// whose waits release that lock and wake on cancellation; stop_thread.
package thread

import (
	"fmt"
	goruntime "runtime"
	"sync"
	"weak"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "_thread", Doc: "threads, locks and semaphores (QuecPython)", New: newModule})
}

// defaultStack is QuecPython's default thread stack, bytes.
const defaultStack = 8448

// registry tracks the threads one interpreter started, and the ids of
// all threads that asked for one. Ids live here rather than in thread
// locals: SetLocal on a running thread would race with Interp.Cancel
// reading its locals from another goroutine.
type registry struct {
	mu        sync.Mutex
	next      int64
	live      map[int64]*entry
	ids       map[weak.Pointer[starlark.Thread]]int64 // entries go when the thread is collected
	stackSize int64
}

type entry struct {
	t    *starlark.Thread // nil until the goroutine got the interpreter lock
	stop bool             // stop_thread came before the thread started
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	r := &registry{next: 1, live: map[int64]*entry{}, ids: map[weak.Pointer[starlark.Thread]]int64{}, stackSize: defaultStack}
	return pyargs.Builtins(map[string]builtinFn{
		"start_new_thread":  r.startNewThread,
		"_start_daemon":     r.startDaemon,
		"get_ident":         r.getIdent,
		"stop_thread":       r.stopThread,
		"threadIsRunning":   r.isRunning,
		"exit":              exitThread,
		"stack_size":        r.stackSizeFn,
		"get_heap_size":     heapSize,
		"allocate_lock":     allocateLock,
		"delete_lock":       deleteLock,
		"allocate_semphore": allocateSemaphore,
		"delete_semphore":   deleteSemaphore,
	}), nil
}

func (r *registry) newID() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	id := r.next
	r.next++
	return id
}

// ident is the id of t, given on first use to threads _thread did not start.
func (r *registry) ident(t *starlark.Thread) int64 {
	key := weak.Make(t)
	r.mu.Lock()
	defer r.mu.Unlock()
	if id, ok := r.ids[key]; ok {
		return id
	}
	id := r.next
	r.next++
	r.setID(t, key, id)
	return id
}

// setID records t's id until t is garbage collected. r.mu must be held.
func (r *registry) setID(t *starlark.Thread, key weak.Pointer[starlark.Thread], id int64) {
	r.ids[key] = id
	goruntime.AddCleanup(t, func(k weak.Pointer[starlark.Thread]) {
		r.mu.Lock()
		delete(r.ids, k)
		r.mu.Unlock()
	}, key)
}

func (r *registry) startNewThread(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return r.start(t, b, args, kwargs, false)
}

// startDaemon is start_new_thread for a thread the run does not wait for
// at its end (threading's daemon threads, as CPython ends them at exit).
func (r *registry) startDaemon(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return r.start(t, b, args, kwargs, true)
}

func (r *registry) start(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, daemon bool) (starlark.Value, error) {
	var fn, fargs starlark.Value
	var fkw starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &fn, &fargs, &fkw); err != nil {
		return nil, err
	}
	callable, ok := fn.(starlark.Callable)
	if !ok {
		return nil, exc.TypeError("start_new_thread(): first arg must be callable, not %s", pyargs.TypeName(fn))
	}
	var posargs starlark.Tuple
	switch a := fargs.(type) {
	case starlark.Tuple:
		posargs = a
	case *starlark.List:
		for i := 0; i < a.Len(); i++ {
			posargs = append(posargs, a.Index(i))
		}
	default:
		return nil, exc.TypeError("start_new_thread(): 2nd arg must be a tuple, not %s", pyargs.TypeName(fargs))
	}
	var kw []starlark.Tuple
	switch d := fkw.(type) {
	case starlark.NoneType:
	case *starlark.Dict:
		for _, item := range d.Items() {
			if _, ok := item[0].(starlark.String); !ok {
				return nil, exc.TypeError("start_new_thread(): keywords must be strings")
			}
			kw = append(kw, starlark.Tuple{item[0], item[1]})
		}
	default:
		return nil, exc.TypeError("start_new_thread(): optional 3rd arg must be a dictionary, not %s", pyargs.TypeName(fkw))
	}
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("start_new_thread(): no interpreter")
	}

	id := r.newID()
	e := &entry{}
	r.mu.Lock()
	r.live[id] = e
	r.mu.Unlock()

	body := starlark.NewBuiltin(callable.Name(), func(th *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		defer r.finish(id)
		return starlark.Call(th, callable, posargs, kw)
	})
	name := fmt.Sprintf("%d (%s)", id, callable.Name())
	goThread := in.Go
	if daemon {
		goThread = in.GoDaemon
	}
	goThread(name, body, nil, func(th *starlark.Thread) {
		r.mu.Lock()
		r.setID(th, weak.Make(th), id)
		e.t = th
		stop := e.stop
		r.mu.Unlock()
		if stop {
			in.Cancel(th, "stopped by _thread.stop_thread")
		}
	})
	return starlark.MakeInt64(id), nil
}

func (r *registry) finish(id int64) {
	r.mu.Lock()
	delete(r.live, id)
	r.mu.Unlock()
}

func (r *registry) getIdent(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.MakeInt64(r.ident(t)), nil
}

// stop_thread(id) cancels a thread started by start_new_thread; 0 means the
// calling thread. Blocked waits (sleep, lock, network) wake at once; a
// running thread stops at its next step.
func (r *registry) stopThread(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	id, err := pyargs.Int(b.Name(), "thread_id", v)
	if err != nil {
		return nil, err
	}
	if id == 0 {
		id = r.ident(t)
	}
	r.mu.Lock()
	e, live := r.live[id]
	issued := id > 0 && id < r.next
	var target *starlark.Thread
	if live {
		if e.t == nil {
			e.stop = true
		}
		target = e.t
	}
	r.mu.Unlock()
	switch {
	case live && target != nil:
		runtime.FromThread(target).Cancel(target, "stopped by _thread.stop_thread")
	case live:
		// cancelled as soon as it starts
	case id == r.ident(t):
		return nil, exc.RuntimeError("stop_thread: the main thread cannot be stopped")
	case !issued:
		return nil, exc.ValueError("stop_thread: no thread with id %d", id)
	}
	// a finished thread: nothing to do
	return starlark.None, nil
}

func (r *registry) isRunning(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	id, err := pyargs.Int(b.Name(), "thread_id", v)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	_, live := r.live[id]
	r.mu.Unlock()
	return starlark.Bool(live), nil
}

// exit() ends the calling thread, as CPython's _thread.exit does.
func exitThread(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	if in := runtime.FromThread(t); in != nil {
		in.Cancel(t, "_thread.exit")
	}
	return nil, runtime.ErrCancelled
}

func (r *registry) stackSizeFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &v); err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	old := r.stackSize
	if v == starlark.None {
		return starlark.MakeInt64(old), nil
	}
	n, err := pyargs.Int(b.Name(), "size", v)
	if err != nil {
		return nil, err
	}
	// The firmware keeps whatever it is given (QuecPython's own watch_dog
	// asks for 0x1000): only a negative size is refused.
	if n < 0 {
		return nil, exc.ValueError("stack_size: size not valid: %d bytes", n)
	}
	if n == 0 {
		n = defaultStack
	}
	// Go stacks grow on demand; the value is kept only for scripts that read it back.
	r.stackSize = n
	return starlark.MakeInt64(old), nil
}

// heapSize reports free heap: what the Go runtime holds but is not using.
func heapSize(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.MakeUint64(FreeHeap()), nil
}

// FreeHeap is the heap the Go runtime has obtained but not allocated.
func FreeHeap() uint64 {
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	return m.HeapSys - m.HeapAlloc
}
