package audio

import (
	"context"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
)

// TTS(device): speech through the shared play queue; volume and speed
// 0..9 (default 4), events 2 start, 3 stopped, 4 complete.
func ttsClass(env *runtime.Env) *gotype.Class {
	c := gotype.NewClass("TTS", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var device int
		if err := sigs["TTS"].UnpackArgs(args, kw, &device); err != nil {
			return nil, err
		}
		if err := checkDevice("TTS", device); err != nil {
			return nil, err
		}
		p, err := newPlayer(env, ttsEvents, 4)
		if err != nil {
			return nil, err
		}
		speed := 4
		var prio, breakin, mode, n int
		var text string
		var fn starlark.Value
		level := func(set *int) func(*starlark.Thread, ...any) (starlark.Value, error) {
			return func(*starlark.Thread, ...any) (starlark.Value, error) {
				if n < 0 || n > 9 {
					return minusOne, nil
				}
				*set = n
				return zero, nil
			}
		}
		stop := func(all bool) func(*starlark.Thread, ...any) (starlark.Value, error) {
			return func(t *starlark.Thread, _ ...any) (starlark.Value, error) {
				if in := runtime.FromThread(t); in != nil {
					if all {
						engineOf(in).stop(nil, true)
					} else {
						engineOf(in).stop(p.listen, false)
					}
				}
				return zero, nil
			}
		}
		methods := map[string]gotype.Method{
			"play": method("TTS.play", func(t *starlark.Thread, _ ...any) (starlark.Value, error) {
				if text == "" || mode < 0 {
					return minusOne, nil
				}
				said, sp, vol := text, speed, p.volume
				length := speechDuration(said, sp)
				return submit(t, engineOf, prio, breakin, &task{what: "TTS", owner: p.listen,
					play: func(ctx context.Context) error { return p.back.speak(ctx, said, length, sp, vol) }}), nil
			}, &prio, &breakin, &mode, &text),
			"stop":    method("TTS.stop", stop(false)),
			"stopAll": method("TTS.stopAll", stop(true)),
			"close":   method("TTS.close", stop(false)),
			"setCallback": method("TTS.setCallback", func(*starlark.Thread, ...any) (starlark.Value, error) {
				return p.setCallback(fn), nil
			}, &fn),
			"getVolume": method("TTS.getVolume", func(*starlark.Thread, ...any) (starlark.Value, error) { return starlark.MakeInt(p.volume), nil }),
			"setVolume": method("TTS.setVolume", level(&p.volume), &n),
			"getSpeed":  method("TTS.getSpeed", func(*starlark.Thread, ...any) (starlark.Value, error) { return starlark.MakeInt(speed), nil }),
			"setSpeed":  method("TTS.setSpeed", level(&speed), &n),
			"getState": method("TTS.getState", func(t *starlark.Thread, _ ...any) (starlark.Value, error) {
				if in := runtime.FromThread(t); in != nil && engineOf(in).playing(p.listen) {
					return minusOne, nil // the firmware's "playing"
				}
				return zero, nil
			}),
		}
		return gotype.NewObject(c, methods, func() string { return "<TTS>" }), nil
	}
	return c
}
