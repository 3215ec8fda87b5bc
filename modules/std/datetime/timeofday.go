package datetime

import (
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// timeOfDay is datetime.time.
type timeOfDay struct {
	h, m, s, us int
	tz          *timezone
}

var (
	_ starlark.Comparable = timeOfDay{}
	_ starlark.HasAttrs   = timeOfDay{}
)

func (c timeOfDay) micros() int64 {
	return (int64(c.h)*3600+int64(c.m)*60+int64(c.s))*usPerSec + int64(c.us)
}

func (c timeOfDay) String() string { return isoTime(c.h, c.m, c.s, c.us, "auto") + tzSuffix(c.tz) }

func (c timeOfDay) PyRepr() string {
	s := fmt.Sprintf("datetime.time(%d, %d", c.h, c.m)
	if c.s != 0 || c.us != 0 {
		s += fmt.Sprintf(", %d", c.s)
	}
	if c.us != 0 {
		s += fmt.Sprintf(", %d", c.us)
	}
	if c.tz != nil {
		s += ", tzinfo=" + c.tz.PyRepr()
	}
	return s + ")"
}

func (c timeOfDay) PyStr() string                        { return c.String() }
func (c timeOfDay) Type() string                         { return "time" }
func (c timeOfDay) Freeze()                              {}
func (c timeOfDay) Truth() starlark.Bool                 { return true }
func (c timeOfDay) Hash() (uint32, error)                { return starlark.MakeInt64(c.micros()).Hash() }
func (c timeOfDay) PyFormat(spec string) (string, error) { return formatSpec(c, spec) }

func (c timeOfDay) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	return compareInts(op, c.micros(), y.(timeOfDay).micros()), nil
}

func (c timeOfDay) AttrNames() []string {
	return []string{"hour", "minute", "second", "microsecond", "tzinfo", "isoformat", "strftime", "replace"}
}

func (c timeOfDay) Attr(name string) (starlark.Value, error) {
	switch name {
	case "hour":
		return starlark.MakeInt(c.h), nil
	case "minute":
		return starlark.MakeInt(c.m), nil
	case "second":
		return starlark.MakeInt(c.s), nil
	case "microsecond":
		return starlark.MakeInt(c.us), nil
	case "tzinfo":
		return tzValue(c.tz), nil
	case "isoformat":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			spec := "auto"
			if err := starlark.UnpackArgs(name, args, kwargs, "timespec?", &spec); err != nil {
				return nil, err
			}
			if !validTimespec(spec) {
				return nil, exc.ValueError("Unknown timespec value")
			}
			return starlark.String(isoTime(c.h, c.m, c.s, c.us, spec) + tzSuffix(c.tz)), nil
		}), nil
	case "strftime":
		return dateAttr(c, c.asTime(), name)
	case "replace":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			n := c
			var tz starlark.Value = tzValue(c.tz)
			if err := starlark.UnpackArgs(name, args, kwargs, "hour?", &n.h, "minute?", &n.m, "second?", &n.s, "microsecond?", &n.us, "tzinfo?", &tz); err != nil {
				return nil, err
			}
			return checkedTime(n.h, n.m, n.s, n.us, tz)
		}), nil
	}
	return nil, nil
}

func tzValue(z *timezone) starlark.Value {
	if z == nil {
		return starlark.None
	}
	return z
}

func tzSuffix(z *timezone) string {
	if z == nil {
		return ""
	}
	return offsetText(z.offset, ":")
}

func validTimespec(s string) bool {
	switch s {
	case "auto", "hours", "minutes", "seconds", "milliseconds", "microseconds":
		return true
	}
	return false
}

func isoTime(h, m, s, us int, spec string) string {
	switch spec {
	case "hours":
		return fmt.Sprintf("%02d", h)
	case "minutes":
		return fmt.Sprintf("%02d:%02d", h, m)
	case "seconds":
		return fmt.Sprintf("%02d:%02d:%02d", h, m, s)
	case "milliseconds":
		return fmt.Sprintf("%02d:%02d:%02d.%03d", h, m, s, us/1000)
	case "auto":
		if us == 0 {
			return fmt.Sprintf("%02d:%02d:%02d", h, m, s)
		}
	}
	return fmt.Sprintf("%02d:%02d:%02d.%06d", h, m, s, us)
}

func checkTime(h, m, s, us int) error {
	switch {
	case h < 0 || h > 23:
		return exc.ValueError("hour must be in 0..23")
	case m < 0 || m > 59:
		return exc.ValueError("minute must be in 0..59")
	case s < 0 || s > 59:
		return exc.ValueError("second must be in 0..59")
	case us < 0 || us > 999999:
		return exc.ValueError("microsecond must be in 0..999999")
	}
	return nil
}

func checkedTime(h, m, s, us int, tzv starlark.Value) (starlark.Value, error) {
	if err := checkTime(h, m, s, us); err != nil {
		return nil, err
	}
	tz, err := tzArg(tzv)
	if err != nil {
		return nil, err
	}
	return timeOfDay{h, m, s, us, tz}, nil
}

func newTime(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var h, m, s, us int
	var tz starlark.Value = starlark.None
	if err := starlark.UnpackArgs("time", args, kwargs, "hour?", &h, "minute?", &m, "second?", &s, "microsecond?", &us, "tzinfo?", &tz); err != nil {
		return nil, err
	}
	return checkedTime(h, m, s, us, tz)
}
