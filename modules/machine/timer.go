package machine

import (
	"fmt"
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/modules/internal/ticker"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

var timerConsts = starlark.StringDict{
	"Timer0": starlark.MakeInt(0), "Timer1": starlark.MakeInt(1), "Timer2": starlark.MakeInt(2), "Timer3": starlark.MakeInt(3),
	"PERIODIC": starlark.MakeInt(1), "ONE_SHOT": starlark.MakeInt(2),
}

// timerState is Timer(n), a singleton per id; callback(t) gets the Timer.
type timerState struct {
	id  int
	obj *gotype.Object

	mu      sync.Mutex
	cb      starlark.Value
	started bool
	run     *ticker.Ticker
}

func (h *hw) timerClass() *gotype.Class {
	c := gotype.NewClass("Timer", timerConsts, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var id int
		if err := starlark.UnpackPositionalArgs("Timer", args, kw, 1, &id); err != nil {
			return nil, err
		}
		if id < 0 || id > 3 {
			return nil, exc.ValueError("invalid value, Timern should be in (Timer0~Timer3).")
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.timers[id] == nil {
			ts := &timerState{id: id}
			ts.obj = gotype.NewObject(c, ts.methods(), func() string { return fmt.Sprintf("Timer(%d)", id) })
			h.timers[id] = ts
			h.env.OnClose(ts.stop)
		}
		return h.timers[id].obj, nil
	}
	return c
}

func (ts *timerState) stop() {
	ts.mu.Lock()
	run := ts.run
	ts.run = nil
	ts.mu.Unlock()
	if run != nil {
		run.Stop()
	}
}

// start takes DOC's positional form and FW's keywords alike:
// start(period, mode, callback, tick_hz=1000, freq=None).
func (ts *timerState) start(t *starlark.Thread, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("start", args, kw, "period?", "mode?", "callback?", "tick_hz?", "freq?")
	if err != nil {
		return nil, err
	}
	mode, err := intArg(a, "mode", 1)
	if err != nil {
		return nil, err
	}
	if mode != 1 && mode != 2 {
		return nil, exc.ValueError("invalid mode, want Timer.PERIODIC or Timer.ONE_SHOT")
	}
	cb, err := callable("start", "callback", a.Value("callback"), true)
	if err != nil {
		return nil, exc.TypeError("callback must be callable")
	}
	period, err := timerPeriod(a)
	if err != nil {
		return nil, err
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.cb = cb
	ts.started = true
	if ts.run != nil && ts.run.Active() {
		return zero, nil // FW21: a running timer keeps going, with the new callback
	}
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("Timer.start needs a script thread")
	}
	ts.run = ticker.Start(in, fmt.Sprintf("Timer%d", ts.id), period, mode == 1, starlark.NewBuiltin("timer", ts.fire), ts.obj)
	return zero, nil
}

// fire calls the current callback (start on a running timer may change it).
func (ts *timerState) fire(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	ts.mu.Lock()
	cb := ts.cb
	ts.mu.Unlock()
	if cb == nil {
		return starlark.None, nil
	}
	return starlark.Call(t, cb, args, nil)
}

// timerPeriod is period*1000/tick_hz ms, or 1000/freq ms.
func timerPeriod(a *pyargs.Args) (time.Duration, error) {
	if a.Has("freq") {
		f, err := pyargs.Number("start", "freq", a.Value("freq"))
		if err != nil || f <= 0 {
			return 0, exc.ValueError("invalid freq")
		}
		return time.Duration(float64(time.Second) / f), nil
	}
	period, err := intArg(a, "period", -1)
	if err != nil {
		return 0, err
	}
	hz, err := intArg(a, "tick_hz", 1000)
	if err != nil {
		return 0, err
	}
	if period < 1 || hz < 1 {
		return 0, exc.ValueError("invalid period, want >= 1 ms")
	}
	return time.Duration(period) * time.Second / time.Duration(hz), nil
}

func (ts *timerState) methods() map[string]gotype.Method {
	return map[string]gotype.Method{
		"start": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return ts.start(t, args, kw)
		},
		"stop": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs("stop", args, kw, 0); err != nil {
				return nil, err
			}
			ts.mu.Lock()
			started := ts.started
			ts.mu.Unlock()
			if !started {
				return minusOne, nil
			}
			ts.stop()
			return zero, nil
		},
	}
}
