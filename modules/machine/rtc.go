package machine

import (
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/modules/internal/ticker"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// rtcState is RTC(), a singleton over the Env's clock. Setting it keeps
// an offset for this interpreter's RTC; the host clock is not changed.
type rtcState struct {
	now func() time.Time

	mu      sync.Mutex
	offset  time.Duration
	alarm   time.Time
	cb      starlark.Value
	pending *ticker.Ticker
	obj     *gotype.Object
}

func (h *hw) rtcClass() *gotype.Class {
	c := gotype.NewClass("RTC", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs("RTC", args, kw, 0); err != nil {
			return nil, err
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.rtc == nil {
			r := &rtcState{now: h.env.Now}
			r.obj = gotype.NewObject(c, r.methods(), func() string { return "<RTC>" })
			h.env.OnClose(r.cancelAlarm)
			h.rtc = r
		}
		return h.rtc.obj, nil
	}
	return c
}

func (r *rtcState) time() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.now().Add(r.offset)
}

// rtcTuple is (year, month, day, week, hour, minute, second, 0), week 0 = Sunday.
func rtcTuple(t time.Time) starlark.Tuple {
	return starlark.Tuple{
		starlark.MakeInt(t.Year()), starlark.MakeInt(int(t.Month())), starlark.MakeInt(t.Day()),
		starlark.MakeInt(int(t.Weekday())), starlark.MakeInt(t.Hour()), starlark.MakeInt(t.Minute()),
		starlark.MakeInt(t.Second()), zero,
	}
}

// parseRTC reads an 8-item (year, month, day, week, hour, min, sec, us);
// week and microsecond are ignored, as on the device.
func parseRTC(fn string, v starlark.Value, loc *time.Location) (time.Time, error) {
	seq, ok := v.(starlark.Indexable)
	if !ok || seq.Len() != 8 {
		return time.Time{}, exc.ValueError("%s: want a tuple of 8 items (year, month, day, week, hour, minute, second, microsecond)", fn)
	}
	var f [8]int
	for i := range f {
		n, err := starlark.AsInt32(seq.Index(i))
		if err != nil {
			return time.Time{}, exc.TypeError("%s: item %d must be an int", fn, i)
		}
		f[i] = n
	}
	if f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[4] > 23 || f[5] > 59 || f[6] > 59 || f[4] < 0 || f[5] < 0 || f[6] < 0 {
		return time.Time{}, exc.ValueError("%s: date or time out of range", fn)
	}
	return time.Date(f[0], time.Month(f[1]), f[2], f[4], f[5], f[6], 0, loc), nil
}

func (r *rtcState) cancelAlarm() {
	r.mu.Lock()
	p := r.pending
	r.pending = nil
	r.mu.Unlock()
	if p != nil {
		p.Stop()
	}
}

func (r *rtcState) methods() map[string]gotype.Method {
	return map[string]gotype.Method{
		"datetime": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("datetime", args, kw, 0, &v); err != nil {
				return nil, err
			}
			if v == nil {
				return rtcTuple(r.time()), nil
			}
			at, err := parseRTC("datetime", v, r.now().Location())
			if err != nil {
				return minusOne, nil
			}
			r.mu.Lock()
			r.offset = at.Sub(r.now())
			r.mu.Unlock()
			return zero, nil
		},
		"set_alarm": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("set_alarm", args, kw, 1, &v); err != nil {
				return nil, err
			}
			at, err := parseRTC("set_alarm", v, r.now().Location())
			if err != nil || !at.After(r.time()) {
				return minusOne, nil
			}
			r.mu.Lock()
			r.alarm = at
			r.mu.Unlock()
			return zero, nil
		},
		"register_callback": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("register_callback", args, kw, 1, &v); err != nil {
				return nil, err
			}
			cb, err := callable("register_callback", "fun", v, true)
			if err != nil {
				return nil, err
			}
			r.mu.Lock()
			r.cb = cb
			r.mu.Unlock()
			return zero, nil
		},
		"enable_alarm": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var on int
			if err := starlark.UnpackPositionalArgs("enable_alarm", args, kw, 1, &on); err != nil {
				return nil, err
			}
			r.cancelAlarm()
			if on == 0 {
				return zero, nil
			}
			return r.arm(t)
		},
	}
}

// arm schedules the alarm callback, called with None as on the device.
func (r *rtcState) arm(t *starlark.Thread) (starlark.Value, error) {
	in := runtime.FromThread(t)
	r.mu.Lock()
	defer r.mu.Unlock()
	wait := r.alarm.Sub(r.now().Add(r.offset))
	if in == nil || r.alarm.IsZero() || wait <= 0 {
		return minusOne, nil
	}
	if r.cb != nil { // without one, the alarm would only power the module on
		r.pending = ticker.Start(in, "RTC alarm", wait, false, r.cb, starlark.None)
	}
	return zero, nil
}
