// Package ostimer is QuecPython's osTimer: `import osTimer; t = osTimer()`,
// software timers without the machine.Timer limit of four, whose callbacks
// run under the interpreter lock on their own thread (see ticker).
package ostimer

import (
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/modules/internal/ticker"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "osTimer",
		Doc:  "software timers: osTimer().start(ms, cycle, callback), stop, delete_timer",
		New:  newModule,
	})
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	c := gotype.NewClass("osTimer", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := sigs["osTimer"].UnpackArgs(args, kw); err != nil {
			return nil, err
		}
		// No closer: closing the interpreter cancels every thread,
		// the timer's included (and a closer per timer would keep each
		// one alive until exit).
		tm := &timer{}
		return gotype.NewObject(c, tm.methods(), nil), nil
	}
	// the module is the type: osTimer() calls __call__
	return starlark.StringDict{"__call__": c, "osTimer": c}, nil
}

type timer struct {
	mu      sync.Mutex
	run     *ticker.Ticker
	deleted bool
}

func (tm *timer) stop() {
	tm.mu.Lock()
	run := tm.run
	tm.run = nil
	tm.mu.Unlock()
	if run != nil {
		run.Stop()
	}
}

var (
	zero     = starlark.MakeInt(0)
	minusOne = starlark.MakeInt(-1)
)

// start(initialTime_ms, cyclialEn, callback): positional, as FW21, which
// takes 3 to 5 arguments and ignores the extras. A started timer restarts.
func (tm *timer) start(t *starlark.Thread, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 5 {
		return nil, exc.TypeError("start() takes at most 5 arguments (%d given)", len(args))
	}
	if len(args) > 3 {
		args = args[:3]
	}
	a, err := sigs["osTimer.start"].Bind(args, kw)
	if err != nil {
		return nil, err
	}
	ms, err := a.Int("initialTime", 0)
	if err != nil {
		return nil, err
	}
	cyc, err := a.Int("cyclialEn", 0)
	if err != nil {
		return nil, err
	}
	cb := a.Value("callback")
	if _, ok := cb.(starlark.Callable); !ok {
		return nil, exc.TypeError("callback must be callable, not %s", pyargs.TypeName(cb))
	}
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("osTimer.start needs a script thread")
	}
	tm.mu.Lock()
	deleted := tm.deleted
	tm.mu.Unlock()
	if deleted || ms < 0 {
		return minusOne, nil
	}
	tm.stop()
	run := ticker.Start(in, "osTimer", time.Duration(max(ms, 1))*time.Millisecond, cyc != 0, cb, starlark.None)
	tm.mu.Lock()
	tm.run = run
	tm.mu.Unlock()
	return zero, nil
}

func (tm *timer) methods() map[string]gotype.Method {
	noArgs := func(name string, f func() starlark.Value) gotype.Method {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := sigs["osTimer."+name].UnpackArgs(args, kw); err != nil {
				return nil, err
			}
			return f(), nil
		}
	}
	return map[string]gotype.Method{
		"start": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return tm.start(t, args, kw)
		},
		"stop": noArgs("stop", func() starlark.Value {
			tm.mu.Lock()
			deleted := tm.deleted
			tm.mu.Unlock()
			if deleted {
				return minusOne
			}
			tm.stop()
			return zero
		}),
		"delete_timer": noArgs("delete_timer", func() starlark.Value {
			tm.stop()
			tm.mu.Lock()
			tm.deleted = true
			tm.mu.Unlock()
			return zero
		}),
	}
}
