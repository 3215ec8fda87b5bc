package misc

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// PWM's constants, as FW21's misc_pwm.c numbers them.
var pwmConsts = starlark.StringDict{
	"PWM0": starlark.MakeInt(0), "PWM1": starlark.MakeInt(1), "PWM2": starlark.MakeInt(2), "PWM3": starlark.MakeInt(3),
	"ABOVE_1US": starlark.MakeInt(0), "ABOVE_MS": starlark.MakeInt(1), "ABOVE_10US": starlark.MakeInt(2), "ABOVE_BELOW_US": starlark.MakeInt(3),
}

// pwmClass is PWM(PWMn, ABOVE_xx, highTime, cycleTime) with the firmware's
// checks. No board drives a PWM line yet, so open and close only record
// the state (a buzzer or a breathing LED script runs, silently).
func pwmClass() *gotype.Class {
	c := gotype.NewClass("PWM", pwmConsts, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var ch, rng, high, cycle int
		if err := sigs["PWM"].UnpackArgs(args, kw, &ch, &rng, &high, &cycle); err != nil {
			return nil, err
		}
		switch {
		case ch < 0 || ch > 3:
			return nil, exc.ValueError("invalid pwm value, must be in {0~3}")
		case rng < 0 || rng > 3:
			return nil, exc.ValueError("invalid cycle_range value, must be in {0:us or 1:ms or 2:10us}")
		case high <= 0 || high >= 65535:
			return nil, exc.ValueError("invalid high_time value, must be in {0~65535}")
		case cycle <= 0 || cycle >= 65535:
			return nil, exc.ValueError("invalid cycle_time value, must be in {0~65535}")
		case high > cycle:
			return nil, exc.ValueError("invalid high_time value, must less more cycle_time or be equal to cycle_time")
		}
		on := false
		methods := map[string]gotype.Method{
			"open":  noArgs("PWM.open", func(*starlark.Thread) (starlark.Value, error) { on = true; return zero, nil }),
			"close": noArgs("PWM.close", func(*starlark.Thread) (starlark.Value, error) { on = false; return zero, nil }),
		}
		repr := func() string {
			state := "off"
			if on {
				state = "on"
			}
			return fmt.Sprintf("PWM(pin:%d high time:%d cycle_time:%d) %s", ch, high, cycle, state)
		}
		return gotype.NewObject(c, methods, repr), nil
	}
	return c
}

// pwmV2Class is PWM_V2(PWMn, frequency, duty): the newer firmwares' PWM
// that takes a frequency in Hz and a duty cycle in percent. open may
// change both (servo and buzzer scripts call open(freq, duty) per step).
// Like PWM it only records the state.
func pwmV2Class() *gotype.Class {
	c := gotype.NewClass("PWM_V2", starlark.StringDict{
		"PWM0": starlark.MakeInt(0), "PWM1": starlark.MakeInt(1), "PWM2": starlark.MakeInt(2), "PWM3": starlark.MakeInt(3),
	}, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var ch int
		var freqV, dutyV starlark.Value
		if err := sigs["PWM_V2"].UnpackArgs(args, kw, &ch, &freqV, &dutyV); err != nil {
			return nil, err
		}
		if ch < 0 || ch > 3 {
			return nil, exc.ValueError("invalid pwm value, must be in {0~3}")
		}
		freq, duty, err := pwmV2Setting("PWM_V2", freqV, dutyV)
		if err != nil {
			return nil, err
		}
		on := false
		methods := map[string]gotype.Method{
			"open": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				var f, d starlark.Value = starlark.None, starlark.None
				if err := sigs["PWM_V2.open"].UnpackArgs(args, kw, &f, &d); err != nil {
					return nil, err
				}
				if f != starlark.None || d != starlark.None {
					if f == starlark.None || d == starlark.None {
						return nil, exc.TypeError("open() takes frequency and duty together")
					}
					nf, nd, err := pwmV2Setting("open", f, d)
					if err != nil {
						return nil, err
					}
					freq, duty = nf, nd
				}
				on = true
				return zero, nil
			},
			"close": noArgs("PWM_V2.close", func(*starlark.Thread) (starlark.Value, error) { on = false; return zero, nil }),
		}
		repr := func() string {
			state := "off"
			if on {
				state = "on"
			}
			return fmt.Sprintf("PWM_V2(pin:%d frequency:%g duty:%d) %s", ch, freq, duty, state)
		}
		return gotype.NewObject(c, methods, repr), nil
	}
	return c
}

// pwmV2Setting checks a frequency (a number above 0 Hz) and a duty cycle
// (an int percent, 0..100).
func pwmV2Setting(fn string, f, d starlark.Value) (float64, int, error) {
	freq, err := pyargs.Number(fn, "frequency", f)
	if err != nil {
		return 0, 0, err
	}
	duty, err := pyargs.Int(fn, "duty", d)
	if err != nil {
		return 0, 0, err
	}
	if freq <= 0 {
		return 0, 0, exc.ValueError("invalid frequency value, must be greater than 0")
	}
	if duty < 0 || duty > 100 {
		return 0, 0, exc.ValueError("invalid duty value, must be in {0~100}")
	}
	return freq, int(duty), nil
}
