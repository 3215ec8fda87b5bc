// Package quecgnss is QuecPython's quecgnss module on a qstar board: the
// NMEA output of the board's GNSS receiver (a serial receiver or a
// modem's NMEA port on the linux board, a receiver printing the
// profile's fix once a second on the simulated one).
package quecgnss

import (
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "quecgnss",
		Doc:  "the board's GNSS receiver: init, gnssEnable, get_state, read(size) -> (n, NMEA text)",
		New:  newModule,
	})
	runtime.RegisterSigs("quecgnss", sigs)
}

var sigs = map[string]*pyargs.Sig{
	"init":        pyargs.NewSig("init()", "Open the board's receiver and start positioning; 0, or -1 when the board has none."),
	"gnssEnable":  pyargs.NewSig("gnssEnable(opt, /)", "Start (1) or stop (0) positioning; 0, or -1 for another value or no receiver."),
	"get_state":   pyargs.NewSig("get_state()", "0 off, 2 positioning (1, a firmware update, never happens here)."),
	"read":        pyargs.NewSig("read(size, /)", "(n, data): the NMEA sentences printed since the last read, whole lines, at most size bytes ((0, '') when none); -1 when positioning is off."),
	"setPriority": pyargs.NewSig("setPriority(priority, /)", "GNSS (0) or LTE (1) first for the radio; 0, or -1 for another value. Kept only: a gateway's receiver has its own radio."),
	"getPriority": pyargs.NewSig("getPriority()", "The priority setPriority last set (0 by default)."),
	"configSet":   pyargs.NewSig("configSet(config_type, config_value, /)", "Set a receiver option (0 constellations, 1 NMEA sentence mask, 2 AGPS, 3 APFLASH, 4 backup power); 0, or -1 for an unknown type. Kept and reported only."),
	"configGet":   pyargs.NewSig("configGet(config_type, /)", "The option configSet last set (defaults: 1 GPS+BeiDou, 63 all sentences, 0, 0, 0); -1 for an unknown type."),
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

var (
	zero     = starlark.MakeInt(0)
	minusOne = starlark.MakeInt(-1)
)

// gnss is one interpreter's receiver state.
type gnss struct {
	env *runtime.Env

	mu       sync.Mutex
	src      board.GNSSSource
	on       bool
	priority int
	config   [5]int
}

func (g *gnss) open() bool {
	if g.src != nil {
		return true
	}
	b, err := board.For(g.env)
	if err != nil {
		g.env.Logf("quecgnss: %v", err)
		return false
	}
	r, ok := b.(board.GNSSReceiver)
	if !ok {
		return false
	}
	src, err := r.GNSS()
	if err != nil {
		g.env.Logf("quecgnss: %v", err)
		return false
	}
	g.src = src
	g.env.OnClose(func() { _ = src.Close() })
	return true
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	g := &gnss{env: env, config: [5]int{1, 63, 0, 0, 0}}
	intArg := func(name string, f func(n int) starlark.Value) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var n int
			if err := sigs[name].UnpackArgs(args, kw, &n); err != nil {
				return nil, err
			}
			g.mu.Lock()
			defer g.mu.Unlock()
			return f(n), nil
		}
	}
	noArgs := func(name string, f func() starlark.Value) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := sigs[name].UnpackArgs(args, kw); err != nil {
				return nil, err
			}
			g.mu.Lock()
			defer g.mu.Unlock()
			return f(), nil
		}
	}
	return pyargs.Builtins(map[string]builtinFn{
		"init": noArgs("init", func() starlark.Value {
			if !g.open() {
				return minusOne
			}
			g.on = true
			return zero
		}),
		"gnssEnable": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := sigs["gnssEnable"].UnpackArgs(args, kw, &v); err != nil {
				return nil, err
			}
			opt := -1
			switch x := v.(type) {
			case starlark.Bool: // gnssEnable(True), as samples write it
				if x {
					opt = 1
				} else {
					opt = 0
				}
			case starlark.Int:
				if n, ok := x.Int64(); ok {
					opt = int(n)
				}
			}
			g.mu.Lock()
			defer g.mu.Unlock()
			switch {
			case opt == 0:
				g.on = false
			case opt == 1 && g.open():
				g.on = true
			default:
				return minusOne, nil
			}
			return zero, nil
		},
		"get_state": noArgs("get_state", func() starlark.Value {
			if g.on {
				return starlark.MakeInt(2)
			}
			return zero
		}),
		"read": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var size int
			if err := sigs["read"].UnpackArgs(args, kw, &size); err != nil {
				return nil, err
			}
			g.mu.Lock()
			src, on := g.src, g.on
			g.mu.Unlock()
			if !on || size <= 0 {
				return minusOne, nil
			}
			data, err := src.Read(size)
			if err != nil {
				g.env.Logf("quecgnss.read: %v", err)
				return minusOne, nil
			}
			return starlark.Tuple{starlark.MakeInt(len(data)), starlark.String(data)}, nil
		},
		"setPriority": intArg("setPriority", func(n int) starlark.Value {
			if n != 0 && n != 1 {
				return minusOne
			}
			g.priority = n
			return zero
		}),
		"getPriority": noArgs("getPriority", func() starlark.Value { return starlark.MakeInt(g.priority) }),
		"configSet": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var typ, val int
			if err := sigs["configSet"].UnpackArgs(args, kw, &typ, &val); err != nil {
				return nil, err
			}
			if typ < 0 || typ > 4 || val < 0 {
				return minusOne, nil
			}
			g.mu.Lock()
			g.config[typ] = val
			g.mu.Unlock()
			return zero, nil
		},
		"configGet": intArg("configGet", func(n int) starlark.Value {
			if n < 0 || n > 4 {
				return minusOne
			}
			return starlark.MakeInt(g.config[n])
		}),
	}), nil
}
