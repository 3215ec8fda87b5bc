// Package datetime is CPython's datetime for scripts: date, time,
// datetime, timedelta and fixed-offset timezones (timezone.utc).
package datetime

import (
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{Name: "datetime", Doc: "dates, times, datetimes, timedeltas and fixed-offset timezones", New: newModule})
	runtime.RegisterDocs("datetime", map[string]string{
		"date": "date(year, month, day)\nA calendar day. Class methods today(), fromisoformat(s), fromordinal(n), fromtimestamp(t); " +
			"methods weekday, isoweekday, isoformat, isocalendar, strftime, replace, toordinal, ctime; date ± timedelta, date - date.",
		"time": "time(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)\nA time of day: isoformat, strftime, replace.",
		"datetime": "datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None)\nA date and time. Class methods now(tz=None), " +
			"utcnow(), today(), fromtimestamp(t, tz=None), utcfromtimestamp(t), strptime(s, format), fromisoformat(s), combine(date, time); " +
			"methods date, time, timestamp, isoformat(sep='T', timespec='auto'), strftime, replace, astimezone, utcoffset; ± timedelta, datetime - datetime.",
		"timedelta": "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\nA duration: days, seconds, " +
			"microseconds, total_seconds(); +, -, * and / with numbers and other timedeltas.",
		"timezone": "timezone(offset, name=None)\nA fixed offset from UTC (timezone.utc is UTC itself): utcoffset, tzname.",
		"MINYEAR":  "MINYEAR\nThe smallest year a date may have (1).",
		"MAXYEAR":  "MAXYEAR\nThe largest year a date may have (9999).",
	})
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	now := time.Now
	if env != nil && env.Now != nil {
		now = env.Now
	}
	localNow := func() datetime {
		t := now().In(time.Local)
		return datetime{time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1000*1000, time.UTC), nil}
	}
	tdType := pytype.New("datetime.timedelta", newTimedelta).With(starlark.StringDict{
		"min":        timedelta{-maxDays * usPerDay},
		"max":        timedelta{(maxDays+1)*usPerDay - 1},
		"resolution": timedelta{1},
	})
	dateType := pytype.New("datetime.date", newDate, "date", "datetime").With(starlark.StringDict{
		"today": builtin("today", func(args *callArgs) (starlark.Value, error) {
			t := localNow().t
			return mkDate(t.Year(), int(t.Month()), t.Day()), args.none()
		}),
		"fromisoformat": builtin("fromisoformat", func(args *callArgs) (starlark.Value, error) {
			var s string
			if err := args.unpack(&s); err != nil {
				return nil, err
			}
			d, err := fromISO(s, false)
			return date{d.t}, err
		}),
		"fromordinal": builtin("fromordinal", func(args *callArgs) (starlark.Value, error) {
			var n int64
			if err := args.unpack(&n); err != nil {
				return nil, err
			}
			return dateFromOrdinal(n)
		}),
		"fromtimestamp": builtin("fromtimestamp", func(args *callArgs) (starlark.Value, error) {
			var ts seconds
			if err := args.unpack(&ts); err != nil {
				return nil, err
			}
			t := fromTimestamp(float64(ts)).In(time.Local)
			return mkDate(t.Year(), int(t.Month()), t.Day()), nil
		}),
		"min":        mkDate(1, 1, 1),
		"max":        mkDate(9999, 12, 31),
		"resolution": timedelta{usPerDay},
	})
	fromTS := func(utcOnly bool) func(args *callArgs) (starlark.Value, error) {
		return func(args *callArgs) (starlark.Value, error) {
			var ts seconds
			var tzv starlark.Value = starlark.None
			if err := args.unpack(&ts, &tzv); err != nil {
				return nil, err
			}
			tz, err := tzArg(tzv)
			if err != nil {
				return nil, err
			}
			instant := fromTimestamp(float64(ts))
			if utcOnly {
				return datetime{instant.UTC(), nil}, nil
			}
			if tz != nil {
				return datetime{fromWallMicros(instant.UnixMicro() + tz.offset), tz}, nil
			}
			t := instant.In(time.Local)
			return datetime{time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC), nil}, nil
		}
	}
	dtType := pytype.New("datetime.datetime", newDatetime).With(starlark.StringDict{
		"now": builtin("now", func(args *callArgs) (starlark.Value, error) {
			var tzv starlark.Value = starlark.None
			if err := args.unpack(&tzv); err != nil {
				return nil, err
			}
			tz, err := tzArg(tzv)
			if err != nil || tz == nil {
				return localNow(), err
			}
			return datetime{fromWallMicros(now().UnixMicro() + tz.offset), tz}, nil
		}),
		"today": builtin("today", func(args *callArgs) (starlark.Value, error) { return localNow(), args.none() }),
		"utcnow": builtin("utcnow", func(args *callArgs) (starlark.Value, error) {
			return datetime{fromWallMicros(now().UnixMicro()), nil}, args.none()
		}),
		"fromtimestamp":    builtin("fromtimestamp", fromTS(false)),
		"utcfromtimestamp": builtin("utcfromtimestamp", fromTS(true)),
		"strptime": builtin("strptime", func(args *callArgs) (starlark.Value, error) {
			var s, format string
			if err := args.unpack(&s, &format); err != nil {
				return nil, err
			}
			return strptime(s, format)
		}),
		"fromisoformat": builtin("fromisoformat", func(args *callArgs) (starlark.Value, error) {
			var s string
			if err := args.unpack(&s); err != nil {
				return nil, err
			}
			return fromISO(s, true)
		}),
		"combine": builtin("combine", func(args *callArgs) (starlark.Value, error) {
			var d starlark.Value
			var c timeOfDay
			var tzv starlark.Value
			if err := args.unpack(&d, &c, &tzv); err != nil {
				return nil, err
			}
			t, _, _ := fields(d)
			if _, ok := d.(date); !ok {
				if _, ok := d.(datetime); !ok {
					return nil, exc.TypeError("combine() argument 1 must be datetime.date, not %s", d.Type())
				}
			}
			tz := c.tz
			if tzv != nil {
				var err error
				if tz, err = tzArg(tzv); err != nil {
					return nil, err
				}
			}
			return datetime{time.Date(t.Year(), t.Month(), t.Day(), c.h, c.m, c.s, c.us*1000, time.UTC), tz}, nil
		}),
		"min":        datetime{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), nil},
		"max":        datetime{time.Date(9999, 12, 31, 23, 59, 59, 999999000, time.UTC), nil},
		"resolution": timedelta{1},
	})
	timeType := pytype.New("datetime.time", newTime).With(starlark.StringDict{
		"min":        timeOfDay{},
		"max":        timeOfDay{23, 59, 59, 999999, nil},
		"resolution": timedelta{1},
	})
	tzType := pytype.New("datetime.timezone", newTimezone).With(starlark.StringDict{"utc": utc})
	return starlark.StringDict{
		"date":      dateType,
		"datetime":  dtType,
		"time":      timeType,
		"timedelta": tdType,
		"timezone":  tzType,
		"MINYEAR":   starlark.MakeInt(1),
		"MAXYEAR":   starlark.MakeInt(9999),
	}, nil
}

func fromTimestamp(ts float64) time.Time {
	us := int64(ts*1e6 + 0.5)
	if ts < 0 {
		us = int64(ts*1e6 - 0.5)
	}
	return time.UnixMicro(us)
}

// callArgs is one class-method call's arguments.
type callArgs struct {
	name   string
	args   starlark.Tuple
	kwargs []starlark.Tuple
}

// unpack binds positional arguments in order; later ones are optional
// when the destination is a starlark.Value.
func (a *callArgs) unpack(out ...any) error {
	required := 0
	for _, o := range out {
		if _, opt := o.(*starlark.Value); opt {
			break
		}
		required++
	}
	return starlark.UnpackPositionalArgs(a.name, a.args, a.kwargs, required, out...)
}

func (a *callArgs) none() error { return starlark.UnpackPositionalArgs(a.name, a.args, a.kwargs, 0) }

func builtin(name string, fn func(*callArgs) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return fn(&callArgs{name, args, kwargs})
	})
}

// seconds unpacks an int or float timestamp.
type seconds float64

func (s *seconds) Unpack(v starlark.Value) error {
	f, ok := starlark.AsFloat(v)
	if !ok {
		return exc.TypeError("'%s' object cannot be interpreted as an integer", v.Type())
	}
	*s = seconds(f)
	return nil
}
