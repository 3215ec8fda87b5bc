// Package wifiscan is QuecPython's wifiScan module on a qstar board: the
// access points around the gateway, from the board's Wi-Fi radio (iw on
// the linux board, the profile's "wifi" list on the simulated one).
package wifiscan

import (
	"context"
	"errors"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "wifiScan",
		Doc:  "Wi-Fi access points around the gateway: start() / asyncStart() -> (n, [(mac, rssi), ...]) from the --board backend",
		New:  newModule,
	})
	runtime.RegisterSigs("wifiScan", sigs)
}

var sigs = map[string]*pyargs.Sig{
	"control":     pyargs.NewSig("control(option, /)", "Turn scanning on (1) or off (0); 0, or -1 for another value or a board without Wi-Fi."),
	"getState":    pyargs.NewSig("getState()", "True when scanning is on."),
	"support":     pyargs.NewSig("support()", "True when the board has a Wi-Fi radio to scan with (older firmwares' name)."),
	"setCfgParam": pyargs.NewSig("setCfgParam(timeout, round, maxNums, priority=0, /)", "Set the scan's timeout (4..60 s), rounds (1..3), most hotspots reported (4..30) and priority (0 network first, 1 scan first); 0, or -1 out of range."),
	"getCfgParam": pyargs.NewSig("getCfgParam()", "(timeout, round, maxNums, priority) as last set."),
	"setConfig":   pyargs.NewSig("setConfig(timeout, round, maxNums, priority=0, extra=0, /)", "Older firmwares' setCfgParam; 0, or -1 out of range."),
	"getConfig":   pyargs.NewSig("getConfig()", "Older firmwares' getCfgParam."),
	"setCallback": pyargs.NewSig("setCallback(fun, /)", "fun(args) receives asyncStart's result, (nums, [(mac, rssi), ...]); 0, or -1 when not callable."),
	"asyncStart":  pyargs.NewSig("asyncStart()", "Scan in the background and pass the result to the setCallback function; 0, or -1 without a callback or Wi-Fi."),
	"start":       pyargs.NewSig("start()", "Scan and return (wifiNums, [(mac, rssi), ...]), strongest first and at most maxNums; -1 when the board cannot scan."),
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

var (
	zero     = starlark.MakeInt(0)
	minusOne = starlark.MakeInt(-1)
)

// scanner is one interpreter's wifiScan state.
type scanner struct {
	env *runtime.Env

	mu       sync.Mutex
	on       bool
	cfg      [4]int // timeout, round, maxNums, priority
	callback starlark.Value
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	s := &scanner{env: env, cfg: [4]int{5, 2, 10, 0}}
	noArgs := func(name string, f func() starlark.Value) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := sigs[name].UnpackArgs(args, kw); err != nil {
				return nil, err
			}
			return f(), nil
		}
	}
	getCfg := func() starlark.Value {
		s.mu.Lock()
		defer s.mu.Unlock()
		return starlark.Tuple{starlark.MakeInt(s.cfg[0]), starlark.MakeInt(s.cfg[1]), starlark.MakeInt(s.cfg[2]), starlark.MakeInt(s.cfg[3])}
	}
	return pyargs.Builtins(map[string]builtinFn{
		"control": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var opt int
			if err := sigs["control"].UnpackArgs(args, kw, &opt); err != nil {
				return nil, err
			}
			if opt != 0 && opt != 1 {
				return minusOne, nil
			}
			if opt == 1 && !s.supported() {
				return minusOne, nil
			}
			s.mu.Lock()
			s.on = opt == 1
			s.mu.Unlock()
			return zero, nil
		},
		"getState": noArgs("getState", func() starlark.Value {
			s.mu.Lock()
			defer s.mu.Unlock()
			return starlark.Bool(s.on)
		}),
		"support":     noArgs("support", func() starlark.Value { return starlark.Bool(s.supported()) }),
		"setCfgParam": s.setCfg("setCfgParam"),
		"setConfig":   s.setCfg("setConfig"),
		"getCfgParam": noArgs("getCfgParam", getCfg),
		"getConfig":   noArgs("getConfig", getCfg),
		"setCallback": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var fn starlark.Value
			if err := sigs["setCallback"].UnpackArgs(args, kw, &fn); err != nil {
				return nil, err
			}
			in := runtime.FromThread(t)
			if _, ok := fn.(starlark.Callable); !ok || in == nil {
				return minusOne, nil
			}
			s.mu.Lock()
			s.callback = fn
			s.mu.Unlock()
			return zero, nil
		},
		"start": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := sigs["start"].UnpackArgs(args, kw); err != nil {
				return nil, err
			}
			var aps []board.WiFiAP
			err := runtime.Block(t, func(ctx context.Context) error {
				var err error
				aps, err = s.scan(ctx)
				return err
			})
			if errors.Is(err, runtime.ErrCancelled) {
				return nil, err
			}
			if err != nil {
				s.env.Logf("wifiScan.start: %v", err)
				return minusOne, nil
			}
			return result(aps), nil
		},
		"asyncStart": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := sigs["asyncStart"].UnpackArgs(args, kw); err != nil {
				return nil, err
			}
			s.mu.Lock()
			fn := s.callback
			s.mu.Unlock()
			in := runtime.FromThread(t)
			if fn == nil || in == nil || !s.supported() {
				return minusOne, nil
			}
			// the scan runs on a script thread of its own, so the run
			// waits for the callback as it waits for a _thread thread
			in.Go("wifiScan", starlark.NewBuiltin("wifiScan scan", func(t *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
				var aps []board.WiFiAP
				err := runtime.Block(t, func(ctx context.Context) error {
					var err error
					aps, err = s.scan(ctx)
					return err
				})
				if errors.Is(err, runtime.ErrCancelled) {
					return nil, err
				}
				if err != nil {
					s.env.Logf("wifiScan.asyncStart: %v", err)
					return starlark.None, nil
				}
				return starlark.Call(t, fn, starlark.Tuple{result(aps)}, nil)
			}), nil, nil)
			return zero, nil
		},
	}), nil
}

// setCfg checks the ranges the firmware documents.
func (s *scanner) setCfg(name string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var timeout, rounds, maxNums, priority, extra int
		dst := []any{&timeout, &rounds, &maxNums, &priority}
		if name == "setConfig" {
			dst = append(dst, &extra)
		}
		if err := sigs[name].UnpackArgs(args, kw, dst...); err != nil {
			return nil, err
		}
		if timeout < 4 || timeout > 60 || rounds < 1 || rounds > 3 || maxNums < 4 || maxNums > 30 || priority < 0 || priority > 1 {
			return minusOne, nil
		}
		s.mu.Lock()
		s.cfg = [4]int{timeout, rounds, maxNums, priority}
		s.mu.Unlock()
		return zero, nil
	}
}

func (s *scanner) supported() bool {
	b, err := board.For(s.env)
	if err != nil {
		return false
	}
	_, ok := b.(board.WiFiScanner)
	return ok
}

// scan asks the board, keeping the strongest maxNums.
func (s *scanner) scan(ctx context.Context) ([]board.WiFiAP, error) {
	b, err := board.For(s.env)
	if err != nil {
		return nil, err
	}
	ws, ok := b.(board.WiFiScanner)
	if !ok {
		return nil, errors.New("the board has no Wi-Fi radio")
	}
	aps, err := ws.WiFiScan(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	limit := s.cfg[2]
	s.mu.Unlock()
	if len(aps) > limit {
		aps = aps[:limit]
	}
	return aps, nil
}

// result is the firmware's (nums, [(mac, rssi), ...]).
func result(aps []board.WiFiAP) starlark.Value {
	list := make([]starlark.Value, len(aps))
	for i, ap := range aps {
		list[i] = starlark.Tuple{starlark.String(ap.MAC), starlark.MakeInt(ap.RSSI)}
	}
	return starlark.Tuple{starlark.MakeInt(len(aps)), starlark.NewList(list)}
}
