package datetime

import (
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// timezone is a fixed offset from UTC (datetime.timezone).
type timezone struct {
	offset int64 // microseconds east of UTC
	name   string
}

var utc = &timezone{}

var (
	_ starlark.HasAttrs   = (*timezone)(nil)
	_ starlark.Comparable = (*timezone)(nil)
)

func (z *timezone) String() string {
	if z.name != "" {
		return z.name
	}
	if z.offset == 0 {
		return "UTC"
	}
	return "UTC" + offsetText(z.offset, ":")
}

func (z *timezone) PyRepr() string {
	if z == utc || z.offset == 0 && z.name == "" {
		return "datetime.timezone.utc"
	}
	d := timedelta{z.offset}.PyRepr()
	if z.name != "" {
		return fmt.Sprintf("datetime.timezone(%s, '%s')", d, z.name)
	}
	return "datetime.timezone(" + d + ")"
}

func (z *timezone) PyStr() string         { return z.String() }
func (z *timezone) Type() string          { return "timezone" }
func (z *timezone) Freeze()               {}
func (z *timezone) Truth() starlark.Bool  { return true }
func (z *timezone) Hash() (uint32, error) { return starlark.MakeInt64(z.offset).Hash() }

func (z *timezone) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	switch op {
	case syntax.EQL:
		return z.offset == y.(*timezone).offset, nil
	case syntax.NEQ:
		return z.offset != y.(*timezone).offset, nil
	}
	return false, exc.TypeError("'%s' not supported between instances of 'datetime.timezone' and 'datetime.timezone'", op)
}

func (z *timezone) AttrNames() []string { return []string{"utcoffset", "tzname", "dst"} }

func (z *timezone) Attr(name string) (starlark.Value, error) {
	var fn func() starlark.Value
	switch name {
	case "utcoffset":
		fn = func() starlark.Value { return timedelta{z.offset} }
	case "tzname":
		fn = func() starlark.Value { return starlark.String(z.String()) }
	case "dst":
		fn = func() starlark.Value { return starlark.None }
	default:
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var dt starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &dt); err != nil {
			return nil, err
		}
		return fn(), nil
	}), nil
}

// offsetText is +HH<sep>MM, with <sep>SS and .ffffff only when not zero.
func offsetText(us int64, sep string) string {
	sign := "+"
	if us < 0 {
		sign, us = "-", -us
	}
	secs := us / usPerSec
	s := fmt.Sprintf("%s%02d%s%02d", sign, secs/3600, sep, secs/60%60)
	if secs%60 != 0 || us%usPerSec != 0 {
		s += fmt.Sprintf("%s%02d", sep, secs%60)
	}
	if us%usPerSec != 0 {
		s += fmt.Sprintf(".%06d", us%usPerSec)
	}
	return s
}

func newTimezone(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var off timedelta
	var name string
	if err := starlark.UnpackArgs("timezone", args, kwargs, "offset", &off, "name?", &name); err != nil {
		return nil, err
	}
	if off.us <= -usPerDay || off.us >= usPerDay {
		return nil, exc.ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %s.", off.PyRepr())
	}
	return &timezone{offset: off.us, name: name}, nil
}

// tzArg accepts None or a timezone for a tzinfo/tz argument.
func tzArg(v starlark.Value) (*timezone, error) {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		return nil, nil
	case *timezone:
		return v, nil
	}
	return nil, exc.TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'", v.Type())
}
