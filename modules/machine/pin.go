package machine

import (
	"errors"
	"fmt"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// pinState is one GPIO; Pin(n) returns the same object each time, as
// QuecPython's pins are singletons.
type pinState struct {
	n    int
	line board.Pin
	dir  board.Dir
	pull board.Pull
	obj  *gotype.Object
}

var pinConsts = sync.OnceValue(func() starlark.StringDict {
	d := starlark.StringDict{
		"IN": starlark.MakeInt(0), "OUT": starlark.MakeInt(1),
		"PULL_DISABLE": starlark.MakeInt(0), "PULL_PU": starlark.MakeInt(1), "PULL_PD": starlark.MakeInt(2),
	}
	gpioConsts(d, 1)
	return d
})

func (h *hw) pinClass() *gotype.Class {
	c := gotype.NewClass("Pin", pinConsts(), nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind("Pin", args, kw, "GPIOn", "dir?", "pull?", "value?")
		if err != nil {
			return nil, err
		}
		n, err := intArg(a, "GPIOn", 0)
		if err != nil {
			return nil, err
		}
		p, err := h.pin(c, n)
		if err != nil {
			return nil, err
		}
		if err := p.init(a, len(args) <= 1 && len(kw) == 0); err != nil {
			return nil, err
		}
		return p.obj, nil
	}
	return c
}

// pin returns GPIO n's singleton, opening the line on first use.
func (h *hw) pin(c *gotype.Class, n int) (*pinState, error) {
	h.mu.Lock()
	p := h.pins[n]
	h.mu.Unlock()
	if p != nil {
		return p, nil
	}
	if n < 1 {
		return nil, exc.ValueError("invalid pin")
	}
	bd, err := h.board()
	if err != nil {
		return nil, err
	}
	line, err := bd.Pin(n)
	if err != nil {
		if !errors.Is(err, board.ErrNoDevice) {
			h.env.Logf("%v", err) // why, beyond QuecPython's message
		}
		return nil, exc.ValueError("invalid pin")
	}
	p = &pinState{n: n, line: line, dir: board.Out}
	p.obj = gotype.NewObject(c, p.methods(), func() string { return fmt.Sprintf("<Pin GPIO%d>", n) })
	h.mu.Lock()
	h.pins[n] = p
	h.mu.Unlock()
	return p, nil
}

// init applies Pin(n, dir, pull, value); -1 or absent keeps the current
// setting, and Pin(n) alone makes an output driven low (FW21).
func (p *pinState) init(a *pyargs.Args, bare bool) error {
	dir, err := intArg(a, "dir", -1)
	if err != nil {
		return err
	}
	pull, err := intArg(a, "pull", -1)
	if err != nil {
		return err
	}
	value, err := intArg(a, "value", -1)
	if err != nil {
		return err
	}
	if dir < -1 || dir > 1 {
		return exc.ValueError("invalid pin dir, range{0:dir in, 1:dir out}")
	}
	if pull < -1 || pull > 2 {
		return exc.ValueError("invalid pin pull, range{0:PULL_DISABLE, 1:PULL_PU, 2:PULL_PD}")
	}
	if value < -1 || value > 1 {
		return exc.ValueError("invalid pin value, range{0:low level, 1:high level}")
	}
	if bare {
		dir, pull, value = 1, 0, 0
	}
	if dir >= 0 {
		p.dir = board.Dir(dir)
	}
	if pull >= 0 {
		p.pull = board.Pull(pull)
	}
	if value < 0 {
		value, _ = p.line.Read()
	}
	if err := p.line.Configure(p.dir, p.pull, value); err != nil {
		return exc.ValueError("GPIO%d init failed: %v", p.n, err)
	}
	return nil
}

func (p *pinState) methods() map[string]gotype.Method {
	noArgs := func(name string, f func() starlark.Value) gotype.Method {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(name, args, kw, 0); err != nil {
				return nil, err
			}
			return f(), nil
		}
	}
	level := func(name string) gotype.Method {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var v int
			if err := starlark.UnpackPositionalArgs(name, args, kw, 1, &v); err != nil {
				return nil, err
			}
			return p.write(v)
		}
	}
	return map[string]gotype.Method{
		"read":    noArgs("read", p.read),
		"write":   level("write"),
		"get_dir": noArgs("get_dir", func() starlark.Value { return starlark.MakeInt(int(p.dir)) }),
		"on":      noArgs("on", func() starlark.Value { v, _ := p.write(1); return v }),
		"off":     noArgs("off", func() starlark.Value { v, _ := p.write(0); return v }),
		"set_dir": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var d int
			if err := starlark.UnpackPositionalArgs("set_dir", args, kw, 1, &d); err != nil {
				return nil, err
			}
			if d != 0 && d != 1 {
				return nil, exc.ValueError("Invalid direction parameter")
			}
			level, _ := p.line.Read()
			p.dir = board.Dir(d)
			return status(p.line.Configure(p.dir, p.pull, level)), nil
		},
		"value": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("value", args, kw, 0, &v); err != nil {
				return nil, err
			}
			if v == nil {
				return p.read(), nil
			}
			n, err := starlark.AsInt32(v)
			if err != nil {
				if b, ok := v.(starlark.Bool); ok {
					n = map[bool]int{false: 0, true: 1}[bool(b)]
				} else {
					return nil, exc.TypeError("value: want 0 or 1, not %s", pyargs.TypeName(v))
				}
			}
			_, err = p.write(min(max(n, 0), 1))
			return starlark.None, err
		},
		"init": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("init", args, kw, "dir?", "pull?", "value?")
			if err != nil {
				return nil, err
			}
			return zero, p.init(a, false)
		},
	}
}

func (p *pinState) read() starlark.Value {
	v, err := p.line.Read()
	if err != nil {
		return minusOne
	}
	return starlark.MakeInt(v)
}

// write drives the pin: 0, or -1 when it is an input or the level is not 0/1.
func (p *pinState) write(v int) (starlark.Value, error) {
	if p.dir != board.Out || (v != 0 && v != 1) {
		return minusOne, nil
	}
	return status(p.line.Write(v)), nil
}
