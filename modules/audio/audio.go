// Package audio is QuecPython's audio module on a gateway: Audio (files
// and streams), TTS and Record, sharing one play queue with the
// firmware's priorities, break-in and callback events. Sound goes to the
// host's players (aplay, mpg123, espeak-ng) with the linux backend, or is
// simulated: each play takes as long as the sound would.
package audio

import (
	"context"
	"os"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "audio",
		Doc:  "Audio (play files and streams), TTS, Record with the firmware's queue and events; host players or simulated",
		New:  newModule,
	})
}

var (
	zero     = starlark.MakeInt(0)
	minusOne = starlark.MakeInt(-1)
)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"Audio":  audioClass(env),
		"TTS":    ttsClass(env),
		"Record": recordClass(env),
	}, nil
}

// method binds member's documented signature to f.
func method(member string, f func(t *starlark.Thread, args ...any) (starlark.Value, error), out ...any) gotype.Method {
	sig := sigs[member]
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := sig.UnpackArgs(args, kw, out...); err != nil {
			return nil, err
		}
		return f(t, out...)
	}
}

// code turns a firmware-style result into an int.
func code(ok bool) starlark.Value {
	if ok {
		return zero
	}
	return minusOne
}

// devicePath maps the firmware's "U:/x" (the user partition) to /usr/x.
func devicePath(name string) string {
	if rest, ok := strings.CutPrefix(name, "U:/"); ok {
		return "/usr/" + rest
	}
	return name
}

// player is what Audio and TTS objects share: the env, its backend and
// the object's callback.
type player struct {
	env    *runtime.Env
	back   backend
	listen *listener
	volume int
}

func newPlayer(env *runtime.Env, ev events, volume int) (*player, error) {
	b, err := backendFor(env)
	if err != nil {
		return nil, exc.OSError("%v", err)
	}
	return &player{env: env, back: b, listen: &listener{ev: ev}, volume: volume}, nil
}

func (p *player) setCallback(fn starlark.Value) starlark.Value {
	if _, ok := fn.(starlark.Callable); !ok {
		return minusOne
	}
	p.listen.cb = fn
	return zero
}

func checkDevice(class string, device int) error {
	if device < 0 || device > 2 {
		return exc.ValueError("%s: invalid device %d, must be 0 (handset), 1 (headset) or 2 (speaker)", class, device)
	}
	return nil
}

// submit queues a play on e; -1 when the arguments are out of range or
// there is no interpreter to run the player on.
func submit(t *starlark.Thread, e func(*runtime.Interp) *engine, prio, breakin int, tk *task) starlark.Value {
	in := runtime.FromThread(t)
	if in == nil || prio < 0 || prio >= priorities || breakin < 0 || breakin > 1 {
		return minusOne
	}
	tk.prio, tk.breakin = prio, breakin
	return starlark.MakeInt(e(in).submit(tk))
}

func audioClass(env *runtime.Env) *gotype.Class {
	c := gotype.NewClass("Audio", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var device int
		if err := sigs["Audio"].UnpackArgs(args, kw, &device); err != nil {
			return nil, err
		}
		if err := checkDevice("Audio", device); err != nil {
			return nil, err
		}
		p, err := newPlayer(env, fileEvents, 7)
		if err != nil {
			return nil, err
		}
		stream := &streamState{listen: &listener{ev: noEvents}, byteRate: 16000}
		var prio, breakin, vol, gpio, tone, ms int
		var name string
		var fn, num starlark.Value
		var buf starlark.Value
		methods := map[string]gotype.Method{
			"play": method("Audio.play", func(t *starlark.Thread, _ ...any) (starlark.Value, error) {
				s, ok := p.load(name)
				if !ok {
					return minusOne, nil
				}
				vol := p.volume
				return submit(t, engineOf, prio, breakin, &task{what: s.name, owner: p.listen,
					play: func(ctx context.Context) error { return p.back.play(ctx, s, vol) }}), nil
			}, &prio, &breakin, &name),
			"stop": method("Audio.stop", func(t *starlark.Thread, _ ...any) (starlark.Value, error) {
				if in := runtime.FromThread(t); in != nil {
					engineOf(in).stop(p.listen, false)
				}
				return zero, nil
			}),
			"stopAll": method("Audio.stopAll", func(t *starlark.Thread, _ ...any) (starlark.Value, error) {
				if in := runtime.FromThread(t); in != nil {
					engineOf(in).stop(nil, true)
				}
				return zero, nil
			}),
			"setCallback": method("Audio.setCallback", func(*starlark.Thread, ...any) (starlark.Value, error) {
				return p.setCallback(fn), nil
			}, &fn),
			"getState":  method("Audio.getState", func(*starlark.Thread, ...any) (starlark.Value, error) { return zero, nil }),
			"getVolume": method("Audio.getVolume", func(*starlark.Thread, ...any) (starlark.Value, error) { return starlark.MakeInt(p.volume), nil }),
			"setVolume": method("Audio.setVolume", func(*starlark.Thread, ...any) (starlark.Value, error) {
				if vol < 0 || vol > 11 {
					return minusOne, nil
				}
				p.volume = vol
				return zero, nil
			}, &vol),
			"set_pa": method("Audio.set_pa", func(*starlark.Thread, ...any) (starlark.Value, error) {
				return starlark.MakeInt(1), nil // a gateway has no amplifier pin to pulse: done
			}, &gpio, &num),
			"playStream": method("Audio.playStream", func(t *starlark.Thread, _ ...any) (starlark.Value, error) {
				var data []byte
				var err error
				if ba, ok := buf.(*pylib.ByteArray); ok {
					data = ba.Bytes()
				} else if data, err = pyargs.Buffer("playStream", "buf", buf); err != nil {
					return nil, err
				}
				s, ok := stream.chunk(vol, data)
				if !ok {
					return minusOne, nil
				}
				vol := p.volume
				return submit(t, streamEngine, 0, 0, &task{what: "stream", owner: stream.listen,
					play: func(ctx context.Context) error { return p.back.play(ctx, s, vol) }}), nil
			}, &vol, &buf),
			"stopPlayStream": method("Audio.stopPlayStream", func(t *starlark.Thread, _ ...any) (starlark.Value, error) {
				if in := runtime.FromThread(t); in != nil {
					streamEngine(in).stop(nil, true)
				}
				return zero, nil
			}),
			"aud_tone_play": method("Audio.aud_tone_play", func(*starlark.Thread, ...any) (starlark.Value, error) {
				return code(tone >= 0 && tone <= 16 && ms >= 0), nil
			}, &tone, &ms),
			"aud_tone_play_stop": method("Audio.aud_tone_play_stop", func(*starlark.Thread, ...any) (starlark.Value, error) { return zero, nil }),
		}
		return gotype.NewObject(c, methods, func() string { return "<Audio>" }), nil
	}
	return c
}

// load reads a file to play and works out its format and length; false
// (logged) when the firmware would refuse it.
func (p *player) load(name string) (sound, bool) {
	host, err := p.env.FS().Resolve(devicePath(name))
	if err != nil {
		p.env.Logf("audio: play %s: %v", name, err)
		return sound{}, false
	}
	data, err := os.ReadFile(host)
	if err != nil { // the device path, not the host's
		p.env.Logf("audio: play %s: cannot read %s", name, devicePath(name))
		return sound{}, false
	}
	f := formatOf(name, data)
	length, err := duration(f, data)
	if err != nil {
		p.env.Logf("audio: play %s: %v", name, err)
		return sound{}, false
	}
	return sound{name: name, path: host, format: f, length: length}, true
}

// Stream formats, as playStream numbers them.
const (
	streamWAVPCM = 2
	streamMP3    = 3
	streamAMRNB  = 4
)

// streamState remembers a WAV stream's byte rate: only its first chunk
// has the header.
type streamState struct {
	listen   *listener
	byteRate int
}

func (s *streamState) chunk(kind int, data []byte) (sound, bool) {
	snd := sound{name: "stream", data: data}
	var err error
	switch kind {
	case streamWAVPCM:
		snd.format = formatWAV
		if formatOf("", data) == formatWAV {
			if rate := wavByteRate(data); rate > 0 {
				s.byteRate = rate
			}
			snd.length, err = wavDuration(data)
		} else {
			snd.length = durationOfBytes(len(data), s.byteRate)
		}
	case streamMP3:
		snd.format = formatMP3
		snd.length, err = mp3Duration(data)
	case streamAMRNB:
		snd.format = formatAMR
		snd.length = amrFrames(data, amrNBSizes)
	default:
		return snd, false
	}
	return snd, err == nil
}
