// Package misc is QuecPython's misc module on a qstar board: Power
// (restart and power-down as a clean end of the run with a documented
// exit code, battery voltage, power-on and power-down reasons), ADC, PWM,
// PowerKey and USB.
package misc

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "misc",
		Doc:  "Power (restart/down as exit codes 75/0, getVbatt, reasons), ADC, PWM, PWM_V2, PowerKey, USB on the --board backend",
		New:  newModule,
	})
}

var (
	zero     = starlark.MakeInt(0)
	minusOne = starlark.MakeInt(-1)
)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"Power":    powerClass(env),
		"ADC":      adcClass(env),
		"PowerKey": powerKeyClass(),
		"PWM":      pwmClass(),
		"PWM_V2":   pwmV2Class(),
		"USB":      usbClass(env),
		"USBNET":   usbnetClass(),
		"replEnable": starlark.NewBuiltin("replEnable", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var flag int
			var pw starlark.Value
			if err := sigs["replEnable"].UnpackArgs(args, kw, &flag, &pw); err != nil {
				return nil, err
			}
			if flag < 0 || flag > 2 {
				return minusOne, nil
			}
			return zero, nil
		}),
	}, nil
}

// noArgs is a method without parameters; member names its signature
// ("Power.getVbatt").
func noArgs(member string, f func(t *starlark.Thread) (starlark.Value, error)) gotype.Method {
	sig := sigs[member]
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := sig.UnpackArgs(args, kw); err != nil {
			return nil, err
		}
		return f(t)
	}
}

// Power is used as a class of static functions (Power.powerDown()).
func powerClass(env *runtime.Env) *gotype.Class {
	boardOf := func() (board.Board, error) {
		b, err := board.For(env)
		if err != nil {
			return nil, exc.OSError("%v", err)
		}
		return b, nil
	}
	end := func(what string, code int) gotype.Method {
		return noArgs("Power."+what, func(t *starlark.Thread) (starlark.Value, error) {
			env.Logf("Power.%s(): closing connections, exit code %d", what, code)
			if in := runtime.FromThread(t); in != nil {
				in.RequestExit(code)
			}
			return nil, &runtime.ExitError{Code: code}
		})
	}
	bat := &batteryCurve{}
	statics := map[string]gotype.Method{
		"batManageInit":  bat.init,
		"batSetCallback": bat.setCallback,
		"batGetSoc": noArgs("Power.batGetSoc", func(*starlark.Thread) (starlark.Value, error) {
			b, err := boardOf()
			if err != nil {
				return nil, err
			}
			mv, err := b.Vbatt()
			if err != nil {
				return minusOne, nil
			}
			return starlark.MakeInt(bat.soc(mv)), nil
		}),
		"powerRestart": end("powerRestart", board.ExitRestart),
		"powerDown":    end("powerDown", board.ExitPowerDown),
		"getVbatt": noArgs("Power.getVbatt", func(*starlark.Thread) (starlark.Value, error) {
			b, err := boardOf()
			if err != nil {
				return nil, err
			}
			mv, err := b.Vbatt()
			if err != nil {
				return minusOne, nil
			}
			return starlark.MakeInt(mv), nil
		}),
		"powerOnReason": noArgs("Power.powerOnReason", func(*starlark.Thread) (starlark.Value, error) {
			b, err := boardOf()
			if err != nil {
				return nil, err
			}
			on, _ := b.PowerReasons()
			return starlark.MakeInt(on), nil
		}),
		"powerDownReason": noArgs("Power.powerDownReason", func(*starlark.Thread) (starlark.Value, error) {
			b, err := boardOf()
			if err != nil {
				return nil, err
			}
			_, down := b.PowerReasons()
			return starlark.MakeInt(down), nil
		}),
	}
	c := gotype.NewClass("Power", nil, nil)
	c.Statics = statics
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := sigs["Power"].UnpackArgs(args, kw); err != nil {
			return nil, err
		}
		return gotype.NewObject(c, statics, func() string { return "<Power>" }), nil
	}
	return c
}

var adcConsts = starlark.StringDict{
	"ADC0": starlark.MakeInt(0), "ADC1": starlark.MakeInt(1), "ADC2": starlark.MakeInt(2), "ADC3": starlark.MakeInt(3),
}

// ADC(): open, read(ADCn) in mV (-1 for a channel the board lacks), close.
func adcClass(env *runtime.Env) *gotype.Class {
	c := gotype.NewClass("ADC", adcConsts, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := sigs["ADC"].UnpackArgs(args, kw); err != nil {
			return nil, err
		}
		methods := map[string]gotype.Method{
			"open":  noArgs("ADC.open", func(*starlark.Thread) (starlark.Value, error) { return zero, nil }),
			"close": noArgs("ADC.close", func(*starlark.Thread) (starlark.Value, error) { return zero, nil }),
			"read": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				var ch int
				if err := sigs["ADC.read"].UnpackArgs(args, kw, &ch); err != nil {
					return nil, err
				}
				bd, err := board.For(env)
				if err != nil {
					return nil, exc.OSError("%v", err)
				}
				if ch < 0 || ch > 3 {
					return minusOne, nil
				}
				mv, err := bd.ADC(ch)
				if err != nil {
					return minusOne, nil
				}
				return starlark.MakeInt(mv), nil
			},
		}
		return gotype.NewObject(c, methods, func() string { return "<ADC>" }), nil
	}
	return c
}

// PowerKey(): a gateway has no module power key, so the callback is
// checked and never called; registration succeeds as on a device whose
// key is not pressed.
func powerKeyClass() *gotype.Class {
	c := gotype.NewClass("PowerKey", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := sigs["PowerKey"].UnpackArgs(args, kw); err != nil {
			return nil, err
		}
		methods := map[string]gotype.Method{
			"powerKeyEventRegister": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				var fn starlark.Value
				if err := sigs["PowerKey.powerKeyEventRegister"].UnpackArgs(args, kw, &fn); err != nil {
					return nil, err
				}
				if _, ok := fn.(starlark.Callable); !ok {
					return minusOne, nil
				}
				return zero, nil
			},
		}
		return gotype.NewObject(c, methods, func() string { return "<PowerKey>" }), nil
	}
	return c
}
