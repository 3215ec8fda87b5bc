package machine

import (
	"fmt"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/callq"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

var extIntConsts = sync.OnceValue(func() starlark.StringDict {
	d := starlark.StringDict{
		"IRQ_RISING": starlark.MakeInt(0), "IRQ_FALLING": starlark.MakeInt(1), "IRQ_RISING_FALLING": starlark.MakeInt(2),
		"PULL_DISABLE": starlark.MakeInt(0), "PULL_PU": starlark.MakeInt(1), "PULL_PD": starlark.MakeInt(2),
	}
	gpioConsts(d, 0)
	return d
})

// extInt is one ExtInt: edges counted in Go, the callback queued with
// [gpio, edge] (edge 0 rising, 1 falling, from the level after the edge).
type extInt struct {
	pin   *pinState
	mode  board.Edge
	pull  board.Pull
	cb    starlark.Value
	q     *callq.Queue
	mu    sync.Mutex
	stop  func()
	env   *runtime.Env // disarms at exit, registered while armed
	unreg func()
	rise  int
	fall  int
	armed bool
}

func (h *hw) extIntClass() *gotype.Class {
	c := gotype.NewClass("ExtInt", extIntConsts(), nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind("ExtInt", args, kw, "pin", "mode", "pull", "callback")
		if err != nil {
			return nil, err
		}
		n, err := intArg(a, "pin", -1)
		if err != nil {
			return nil, err
		}
		mode, err := intArg(a, "mode", -1)
		if err != nil {
			return nil, err
		}
		pull, err := intArg(a, "pull", -1)
		if err != nil {
			return nil, err
		}
		if mode < 0 || mode > 2 {
			return nil, exc.ValueError("invalid mode value")
		}
		if pull < 0 || pull > 2 {
			return nil, exc.ValueError("invalid pull value")
		}
		cb, err := callable("ExtInt", "callback", a.Value("callback"), true)
		if err != nil {
			return nil, err
		}
		p, err := h.pin(h.pinCls, n)
		if err != nil {
			return nil, exc.ValueError("invalid pin value")
		}
		q, err := h.queue(t)
		if err != nil {
			return nil, err
		}
		e := &extInt{pin: p, mode: board.Edge(mode), pull: board.Pull(pull), cb: cb, q: q, env: h.env}
		p.dir, p.pull = board.In, e.pull
		if err := p.line.Configure(board.In, e.pull, 0); err != nil {
			return nil, exc.ValueError("Interrupt initialization failed")
		}
		return gotype.NewObject(c, e.methods(), func() string { return fmt.Sprintf("<ExtInt GPIO%d>", n) }), nil
	}
	return c
}

// edge runs on the board's goroutine for each level change.
func (e *extInt) edge(level int) {
	e.mu.Lock()
	if !e.armed {
		e.mu.Unlock()
		return
	}
	edge := 1
	if level != 0 {
		edge = 0
		e.rise++
	} else {
		e.fall++
	}
	e.mu.Unlock()
	if e.cb != nil {
		n := e.pin.n
		e.q.Push(e.cb, func() starlark.Tuple {
			return starlark.Tuple{starlark.NewList([]starlark.Value{starlark.MakeInt(n), starlark.MakeInt(edge)})}
		})
	}
}

// enable arms the interrupt. The board may report an edge from inside
// Watch (the pin turning into an input), so e.mu is not held across it.
func (e *extInt) enable() error {
	e.mu.Lock()
	armed := e.armed
	e.mu.Unlock()
	if armed {
		return nil
	}
	stop, err := e.pin.line.Watch(e.mode, e.pull, e.edge)
	if err != nil {
		return err
	}
	e.mu.Lock()
	e.stop, e.armed = stop, true
	if e.unreg == nil {
		e.unreg = e.env.OnClose(e.disable)
	}
	e.mu.Unlock()
	return nil
}

func (e *extInt) disable() {
	e.mu.Lock()
	stop, unreg := e.stop, e.unreg
	e.stop, e.armed, e.unreg = nil, false, nil
	e.mu.Unlock()
	if unreg != nil {
		unreg()
	}
	if stop != nil {
		stop()
	}
}

func (e *extInt) methods() map[string]gotype.Method {
	none := func(name string, f func() (starlark.Value, error)) gotype.Method {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(name, args, kw, 0); err != nil {
				return nil, err
			}
			return f()
		}
	}
	return map[string]gotype.Method{
		"enable":  none("enable", func() (starlark.Value, error) { return status(e.enable()), nil }),
		"disable": none("disable", func() (starlark.Value, error) { e.disable(); return zero, nil }),
		"line":    none("line", func() (starlark.Value, error) { return starlark.MakeInt(e.pin.n), nil }),
		"read_level": none("read_level", func() (starlark.Value, error) {
			return e.pin.read(), nil
		}),
		"count_reset": none("count_reset", func() (starlark.Value, error) {
			e.mu.Lock()
			e.rise, e.fall = 0, 0
			e.mu.Unlock()
			return zero, nil
		}),
		"read_count": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			reset := 0
			if err := starlark.UnpackPositionalArgs("read_count", args, kw, 0, &reset); err != nil {
				return nil, err
			}
			if reset != 0 && reset != 1 {
				return nil, exc.ValueError("invalid is_reset value, must in [0,1]")
			}
			e.mu.Lock()
			defer e.mu.Unlock()
			out := starlark.NewList([]starlark.Value{starlark.MakeInt(e.rise), starlark.MakeInt(e.fall)})
			if reset == 1 {
				e.rise, e.fall = 0, 0
			}
			return out, nil
		},
	}
}
