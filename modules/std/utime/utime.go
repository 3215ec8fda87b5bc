// Package utime provides QuecPython's utime module and a CPython-flavoured
// time module. Sleeps release the interpreter lock and wake on cancel; the
// wall clock comes from Env.Now so tests can fix it.
package utime

import (
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/ntuple"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "utime", Doc: "sleep, ticks and RTC time (QuecPython)", New: func(env *runtime.Env) (starlark.StringDict, error) {
		return newClock(env).members(false), nil
	}})
	runtime.Register(runtime.Module{Name: "time", Doc: "utime plus CPython's time(), monotonic(), strftime()", New: func(env *runtime.Env) (starlark.StringDict, error) {
		return newClock(env).members(true), nil
	}})
}

// ticks wrap like the firmware's: a 30-bit counter.
const (
	ticksPeriod = 1 << 30
	ticksMask   = ticksPeriod - 1
	ticksHalf   = ticksPeriod / 2
)

// epoch is the ticks origin; ticks use the monotonic clock, not Env.Now,
// so a fixed test clock cannot stall a ticks_diff loop.
var epoch = time.Now()

type clock struct {
	env   *runtime.Env
	tzSet bool
	tz    int // hours east of UTC, once setTimeZone was called
}

func newClock(env *runtime.Env) *clock { return &clock{env: env} }

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func (c *clock) members(cpython bool) starlark.StringDict {
	fns := map[string]builtinFn{
		"sleep":       sleep,
		"sleep_ms":    sleepUnit("sleep_ms", time.Millisecond),
		"sleep_us":    sleepUnit("sleep_us", time.Microsecond),
		"ticks_ms":    ticks(time.Millisecond),
		"ticks_us":    ticks(time.Microsecond),
		"ticks_cpu":   ticks(time.Microsecond),
		"ticks_diff":  ticksDiff,
		"ticks_add":   ticksAdd,
		"time":        c.timeInt,
		"time_ns":     c.timeNs,
		"localtime":   c.localtime8,
		"mktime":      c.mktimeInt,
		"setTimeZone": c.setTimeZone,
		"getTimeZone": c.getTimeZone,
	}
	if cpython {
		fns["time"] = c.timeFloat
		fns["localtime"] = c.structTime("localtime", false)
		fns["gmtime"] = c.structTime("gmtime", true)
		fns["mktime"] = c.mktimeFloat
		fns["monotonic"] = monotonic
		fns["perf_counter"] = monotonic
		fns["monotonic_ns"] = monotonicNs
		fns["strftime"] = c.strftime
	}
	return pyargs.Builtins(fns)
}

func sleep(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	s, err := pyargs.Number(b.Name(), "seconds", v)
	if err != nil {
		return nil, err
	}
	if s < 0 {
		return nil, exc.ValueError("sleep length must be non-negative")
	}
	return starlark.None, runtime.Sleep(t, time.Duration(s*float64(time.Second)))
}

func sleepUnit(name string, unit time.Duration) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		n, err := pyargs.Number(name, "duration", v)
		if err != nil {
			return nil, err
		}
		// MicroPython treats a negative duration as no sleep at all.
		return starlark.None, runtime.Sleep(t, time.Duration(n*float64(unit)))
	}
}

func ticks(unit time.Duration) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return starlark.MakeInt64(int64(time.Since(epoch)/unit) & ticksMask), nil
	}
}

// ticksDiff returns new-old as a signed value in [-period/2, period/2).
func ticksDiff(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var nv, ov starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &nv, &ov); err != nil {
		return nil, err
	}
	n, err := pyargs.Int(b.Name(), "ticks1", nv)
	if err != nil {
		return nil, err
	}
	o, err := pyargs.Int(b.Name(), "ticks2", ov)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt64(((n - o + ticksHalf) & ticksMask) - ticksHalf), nil
}

func ticksAdd(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var tv, dv starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &tv, &dv); err != nil {
		return nil, err
	}
	tk, err := pyargs.Int(b.Name(), "ticks", tv)
	if err != nil {
		return nil, err
	}
	d, err := pyargs.Int(b.Name(), "delta", dv)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt64((tk + d) & ticksMask), nil
}

func monotonic(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.Float(time.Since(epoch).Seconds()), nil
}

func monotonicNs(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.MakeInt64(int64(time.Since(epoch))), nil
}

func (c *clock) now() time.Time { return Now(c.env) }

func (c *clock) timeInt(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.MakeInt64(c.now().Unix()), nil
}

func (c *clock) timeFloat(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.Float(float64(c.now().UnixNano()) / 1e9), nil
}

func (c *clock) timeNs(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.MakeInt64(c.now().UnixNano()), nil
}

// zone is the configured time zone, or the host's until setTimeZone.
func (c *clock) zone() *time.Location {
	if c.tzSet {
		return time.FixedZone("", c.tz*3600)
	}
	if z, ok := rtcZone(c.env); ok {
		return z
	}
	return time.Local
}

func (c *clock) setTimeZone(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	h, err := pyargs.Int(b.Name(), "offset", v)
	if err != nil {
		return nil, err
	}
	if h < -12 || h > 12 {
		return nil, exc.ValueError("setTimeZone: offset must be in [-12, 12] hours, got %d", h)
	}
	c.tz, c.tzSet = int(h), true
	return starlark.None, nil
}

func (c *clock) getTimeZone(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	_, off := c.now().In(c.zone()).Zone()
	return starlark.MakeInt(off / 3600), nil
}

// when returns the optional secs argument as a time, or now.
func (c *clock) when(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (time.Time, error) {
	var v starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 0, &v); err != nil {
		return time.Time{}, err
	}
	if v == starlark.None {
		return c.now(), nil
	}
	s, err := pyargs.Number(fn, "secs", v)
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(int64(s), 0), nil
}

// fields8 is QuecPython's (Y, M, D, h, m, s, weekday 0=Mon, yearday).
func fields8(tm time.Time) starlark.Tuple {
	return starlark.Tuple{
		starlark.MakeInt(tm.Year()), starlark.MakeInt(int(tm.Month())), starlark.MakeInt(tm.Day()),
		starlark.MakeInt(tm.Hour()), starlark.MakeInt(tm.Minute()), starlark.MakeInt(tm.Second()),
		starlark.MakeInt((int(tm.Weekday()) + 6) % 7), starlark.MakeInt(tm.YearDay()),
	}
}

func (c *clock) localtime8(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	tm, err := c.when(b.Name(), args, kwargs)
	if err != nil {
		return nil, err
	}
	return fields8(tm.In(c.zone())), nil
}

var structFields = []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

func structTime(tm time.Time) *ntuple.Tuple {
	isdst := 0
	if tm.IsDST() {
		isdst = 1
	}
	items := append(fields8(tm), starlark.MakeInt(isdst))
	return ntuple.New("time.struct_time", structFields, items...)
}

func (c *clock) structTime(name string, utc bool) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		tm, err := c.when(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		if utc {
			return structTime(tm.UTC()), nil
		}
		return structTime(tm.In(c.zone())), nil
	}
}

// toTime reads an 8- or 9-item date tuple (or struct_time) as local time.
func (c *clock) toTime(fn string, v starlark.Value) (time.Time, error) {
	seq, ok := v.(starlark.Indexable)
	if !ok || (seq.Len() != 8 && seq.Len() != 9) {
		return time.Time{}, exc.TypeError("%s() argument must be an 8- or 9-item tuple (year, month, mday, hour, minute, second, weekday, yearday), not %s", fn, pyargs.TypeName(v))
	}
	var f [6]int64
	for i := range f {
		n, err := pyargs.Int(fn, "tuple item", seq.Index(i))
		if err != nil {
			return time.Time{}, err
		}
		f[i] = n
	}
	// time.Date normalises out-of-range fields as C's mktime does.
	return time.Date(int(f[0]), time.Month(f[1]), int(f[2]), int(f[3]), int(f[4]), int(f[5]), 0, c.zone()), nil
}

func (c *clock) mktimeInt(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	tm, err := c.toTime(b.Name(), v)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt64(tm.Unix()), nil
}

func (c *clock) mktimeFloat(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := c.mktimeInt(t, b, args, kwargs)
	if err != nil {
		return nil, err
	}
	f, _ := starlark.AsFloat(v)
	return starlark.Float(f), nil
}

func (c *clock) strftime(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var format string
	var v starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &format, &v); err != nil {
		return nil, err
	}
	tm := c.now().In(c.zone())
	if v != starlark.None {
		var err error
		if tm, err = c.toTime(b.Name(), v); err != nil {
			return nil, err
		}
	}
	return starlark.String(Strftime(format, tm)), nil
}
