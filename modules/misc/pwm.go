package misc

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime/exc"
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
