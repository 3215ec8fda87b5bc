package datetime

import (
	"fmt"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// datetime is a date and time of day: t holds the wall-clock fields (in
// time.UTC), tz the fixed offset of an aware datetime (nil when naive).
type datetime struct {
	t  time.Time
	tz *timezone
}

var (
	_ starlark.HasBinary  = datetime{}
	_ starlark.Comparable = datetime{}
	_ starlark.HasAttrs   = datetime{}
)

func wallMicros(t time.Time) int64 { return t.Unix()*usPerSec + int64(t.Nanosecond()/1000) }

func fromWallMicros(us int64) time.Time {
	return time.Unix(floorDiv(us, usPerSec), floorMod(us, usPerSec)*1000).UTC()
}

// utcMicros is the instant of an aware datetime.
func (d datetime) utcMicros() int64 { return wallMicros(d.t) - d.tz.offset }

func (d datetime) isoformat(sep, spec string) string {
	return isoDate(d.t) + sep + isoTime(d.t.Hour(), d.t.Minute(), d.t.Second(), d.t.Nanosecond()/1000, spec) + tzSuffix(d.tz)
}

func (d datetime) String() string { return d.isoformat(" ", "auto") }

func (d datetime) PyRepr() string {
	t := d.t
	s := fmt.Sprintf("datetime.datetime(%d, %d, %d, %d, %d", t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute())
	us := t.Nanosecond() / 1000
	if t.Second() != 0 || us != 0 {
		s += fmt.Sprintf(", %d", t.Second())
	}
	if us != 0 {
		s += fmt.Sprintf(", %d", us)
	}
	if d.tz != nil {
		s += ", tzinfo=" + d.tz.PyRepr()
	}
	return s + ")"
}

func (d datetime) PyStr() string                        { return d.String() }
func (d datetime) Type() string                         { return "datetime" }
func (d datetime) Freeze()                              {}
func (d datetime) Truth() starlark.Bool                 { return true }
func (d datetime) PyFormat(spec string) (string, error) { return formatSpec(d, spec) }

func (d datetime) Hash() (uint32, error) {
	if d.tz != nil {
		return starlark.MakeInt64(d.utcMicros()).Hash()
	}
	return starlark.MakeInt64(wallMicros(d.t)).Hash()
}

func (d datetime) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	e := y.(datetime)
	if (d.tz == nil) != (e.tz == nil) {
		if op == syntax.EQL || op == syntax.NEQ {
			return op == syntax.NEQ, nil
		}
		return false, exc.TypeError("can't compare offset-naive and offset-aware datetimes")
	}
	if d.tz != nil {
		return compareInts(op, d.utcMicros(), e.utcMicros()), nil
	}
	return compareInts(op, wallMicros(d.t), wallMicros(e.t)), nil
}

func (d datetime) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch y := y.(type) {
	case timedelta:
		us := y.us
		if op == syntax.MINUS && side == starlark.Left {
			us = -us
		} else if op != syntax.PLUS {
			return nil, nil
		}
		return d.shifted(us)
	case datetime:
		if op != syntax.MINUS {
			return nil, nil
		}
		a, b := d, y
		if side == starlark.Right {
			a, b = b, a
		}
		if (a.tz == nil) != (b.tz == nil) {
			return nil, exc.TypeError("can't subtract offset-naive and offset-aware datetimes")
		}
		if a.tz != nil {
			return mkDelta(a.utcMicros() - b.utcMicros())
		}
		return mkDelta(wallMicros(a.t) - wallMicros(b.t))
	}
	return nil, nil
}

func (d datetime) shifted(us int64) (starlark.Value, error) {
	t := fromWallMicros(wallMicros(d.t) + us)
	if t.Year() < 1 || t.Year() > 9999 {
		return nil, exc.New("OverflowError", "date value out of range")
	}
	return datetime{t, d.tz}, nil
}

func (d datetime) AttrNames() []string {
	return append(dateAttrNames(), "hour", "minute", "second", "microsecond", "tzinfo", "date", "time", "timetz",
		"timestamp", "replace", "astimezone", "utcoffset", "tzname")
}

func (d datetime) Attr(name string) (starlark.Value, error) {
	t := d.t
	switch name {
	case "hour":
		return starlark.MakeInt(t.Hour()), nil
	case "minute":
		return starlark.MakeInt(t.Minute()), nil
	case "second":
		return starlark.MakeInt(t.Second()), nil
	case "microsecond":
		return starlark.MakeInt(t.Nanosecond() / 1000), nil
	case "tzinfo":
		return tzValue(d.tz), nil
	case "date":
		return noArgs(name, func() (starlark.Value, error) { return mkDate(t.Year(), int(t.Month()), t.Day()), nil }), nil
	case "time", "timetz":
		return noArgs(name, func() (starlark.Value, error) {
			c := timeOfDay{t.Hour(), t.Minute(), t.Second(), t.Nanosecond() / 1000, nil}
			if name == "timetz" {
				c.tz = d.tz
			}
			return c, nil
		}), nil
	case "utcoffset":
		return noArgs(name, func() (starlark.Value, error) {
			if d.tz == nil {
				return starlark.None, nil
			}
			return timedelta{d.tz.offset}, nil
		}), nil
	case "tzname":
		return noArgs(name, func() (starlark.Value, error) {
			if d.tz == nil {
				return starlark.None, nil
			}
			return starlark.String(d.tz.String()), nil
		}), nil
	case "timestamp":
		return noArgs(name, func() (starlark.Value, error) {
			if d.tz != nil {
				return starlark.Float(float64(d.utcMicros()) / 1e6), nil
			}
			local := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.Local)
			return starlark.Float(float64(local.UnixMicro()) / 1e6), nil
		}), nil
	case "isoformat":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			sep, spec := "T", "auto"
			if err := starlark.UnpackArgs(name, args, kwargs, "sep?", &sep, "timespec?", &spec); err != nil {
				return nil, err
			}
			if !validTimespec(spec) {
				return nil, exc.ValueError("Unknown timespec value")
			}
			return starlark.String(d.isoformat(sep, spec)), nil
		}), nil
	case "replace":
		return starlark.NewBuiltin(name, d.replace), nil
	case "astimezone":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var tzv starlark.Value = starlark.None
			if err := starlark.UnpackArgs(name, args, kwargs, "tz?", &tzv); err != nil {
				return nil, err
			}
			tz, err := tzArg(tzv)
			if err != nil {
				return nil, err
			}
			return d.astimezone(tz), nil
		}), nil
	}
	return dateAttr(d, t, name)
}

// astimezone converts to tz (the local zone when nil); a naive datetime
// is taken as local time.
func (d datetime) astimezone(tz *timezone) datetime {
	var instant int64
	if d.tz != nil {
		instant = d.utcMicros()
	} else {
		t := d.t
		instant = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.Local).UnixMicro()
	}
	if tz == nil {
		tz = localZone(time.UnixMicro(instant))
	}
	return datetime{fromWallMicros(instant + tz.offset), tz}
}

// localZone is the local offset at t, named as the system names it.
func localZone(t time.Time) *timezone {
	name, off := t.In(time.Local).Zone()
	return &timezone{offset: int64(off) * usPerSec, name: name}
}

func (d datetime) replace(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	t := d.t
	y, mo, dd, h, mi, s, us := t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1000
	var tz starlark.Value = tzValue(d.tz)
	if err := starlark.UnpackArgs("replace", args, kwargs, "year?", &y, "month?", &mo, "day?", &dd, "hour?", &h,
		"minute?", &mi, "second?", &s, "microsecond?", &us, "tzinfo?", &tz); err != nil {
		return nil, err
	}
	return checkedDatetime(y, mo, dd, h, mi, s, us, tz)
}

func checkedDatetime(y, mo, d, h, mi, s, us int, tzv starlark.Value) (starlark.Value, error) {
	if err := checkDate(y, mo, d); err != nil {
		return nil, err
	}
	if err := checkTime(h, mi, s, us); err != nil {
		return nil, err
	}
	tz, err := tzArg(tzv)
	if err != nil {
		return nil, err
	}
	return datetime{time.Date(y, time.Month(mo), d, h, mi, s, us*1000, time.UTC), tz}, nil
}

func newDatetime(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var y, mo, d, h, mi, s, us int
	var tz starlark.Value = starlark.None
	if err := starlark.UnpackArgs("datetime", args, kwargs, "year", &y, "month", &mo, "day", &d, "hour?", &h,
		"minute?", &mi, "second?", &s, "microsecond?", &us, "tzinfo?", &tz); err != nil {
		return nil, err
	}
	return checkedDatetime(y, mo, d, h, mi, s, us, tz)
}
