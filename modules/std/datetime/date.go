package datetime

import (
	"fmt"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// date is a calendar day, held as midnight UTC.
type date struct{ t time.Time }

var (
	_ starlark.HasBinary  = date{}
	_ starlark.Comparable = date{}
	_ starlark.HasAttrs   = date{}
)

// epochOrdinal is the proleptic Gregorian ordinal of 1970-01-01
// (0001-01-01 is day 1).
const epochOrdinal = 719163

func mkDate(y, m, d int) date { return date{time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)} }

func ordinal(t time.Time) int64 {
	return floorDiv(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix(), 86400) + epochOrdinal
}

func fromOrdinal(n int64) time.Time { return time.Unix((n-epochOrdinal)*86400, 0).UTC() }

func (d date) String() string { return isoDate(d.t) }
func (d date) PyRepr() string {
	return fmt.Sprintf("datetime.date(%d, %d, %d)", d.t.Year(), int(d.t.Month()), d.t.Day())
}
func (d date) PyStr() string                        { return d.String() }
func (d date) Type() string                         { return "date" }
func (d date) Freeze()                              {}
func (d date) Truth() starlark.Bool                 { return true }
func (d date) Hash() (uint32, error)                { return starlark.MakeInt64(ordinal(d.t)).Hash() }
func (d date) PyFormat(spec string) (string, error) { return formatSpec(d, spec) }

func isoDate(t time.Time) string {
	return fmt.Sprintf("%04d-%02d-%02d", t.Year(), int(t.Month()), t.Day())
}

func (d date) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	return compareInts(op, ordinal(d.t), ordinal(y.(date).t)), nil
}

func (d date) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch y := y.(type) {
	case timedelta:
		days := floorDiv(y.us, usPerDay)
		if op == syntax.MINUS && side == starlark.Left {
			days = -days
		} else if op != syntax.PLUS {
			return nil, nil
		}
		return dateFromOrdinal(ordinal(d.t) + days)
	case date:
		if op == syntax.MINUS {
			a, b := ordinal(d.t), ordinal(y.t)
			if side == starlark.Right {
				a, b = b, a
			}
			return timedelta{(a - b) * usPerDay}, nil
		}
	}
	return nil, nil
}

func dateFromOrdinal(n int64) (starlark.Value, error) {
	if n < 1 || n > 3652059 {
		return nil, exc.New("OverflowError", "date value out of range")
	}
	return date{fromOrdinal(n)}, nil
}

func (d date) AttrNames() []string { return append(dateAttrNames(), "replace") }

func (d date) Attr(name string) (starlark.Value, error) {
	if name == "replace" {
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			y, m, dd := d.t.Year(), int(d.t.Month()), d.t.Day()
			if err := starlark.UnpackArgs("replace", args, kwargs, "year?", &y, "month?", &m, "day?", &dd); err != nil {
				return nil, err
			}
			return checkedDate(y, m, dd)
		}), nil
	}
	return dateAttr(d, d.t, name)
}

func dateAttrNames() []string {
	return []string{"year", "month", "day", "weekday", "isoweekday", "isoformat", "isocalendar", "strftime", "toordinal", "ctime", "timetuple"}
}

// dateAttr gives the attributes date and datetime share.
func dateAttr(recv starlark.Value, t time.Time, name string) (starlark.Value, error) {
	switch name {
	case "year":
		return starlark.MakeInt(t.Year()), nil
	case "month":
		return starlark.MakeInt(int(t.Month())), nil
	case "day":
		return starlark.MakeInt(t.Day()), nil
	case "weekday":
		return noArgs(name, func() (starlark.Value, error) { return starlark.MakeInt((int(t.Weekday()) + 6) % 7), nil }), nil
	case "isoweekday":
		return noArgs(name, func() (starlark.Value, error) { return starlark.MakeInt((int(t.Weekday())+6)%7 + 1), nil }), nil
	case "toordinal":
		return noArgs(name, func() (starlark.Value, error) { return starlark.MakeInt64(ordinal(t)), nil }), nil
	case "ctime":
		return noArgs(name, func() (starlark.Value, error) { return starlark.String(t.Format("Mon Jan _2 15:04:05 2006")), nil }), nil
	case "isocalendar":
		return noArgs(name, func() (starlark.Value, error) {
			y, w := t.ISOWeek()
			return starlark.Tuple{starlark.MakeInt(y), starlark.MakeInt(w), starlark.MakeInt((int(t.Weekday())+6)%7 + 1)}, nil
		}), nil
	case "timetuple":
		return noArgs(name, func() (starlark.Value, error) {
			return starlark.Tuple{starlark.MakeInt(t.Year()), starlark.MakeInt(int(t.Month())), starlark.MakeInt(t.Day()),
				starlark.MakeInt(t.Hour()), starlark.MakeInt(t.Minute()), starlark.MakeInt(t.Second()),
				starlark.MakeInt((int(t.Weekday()) + 6) % 7), starlark.MakeInt(t.YearDay()), starlark.MakeInt(-1)}, nil
		}), nil
	case "isoformat":
		if d, ok := recv.(date); ok {
			return noArgs(name, func() (starlark.Value, error) { return starlark.String(d.String()), nil }), nil
		}
	case "strftime":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var format string
			if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &format); err != nil {
				return nil, err
			}
			return starlark.String(strftime(recv, format)), nil
		}), nil
	}
	return nil, nil
}

func checkedDate(y, m, d int) (starlark.Value, error) {
	if err := checkDate(y, m, d); err != nil {
		return nil, err
	}
	return mkDate(y, m, d), nil
}

func checkDate(y, m, d int) error {
	if y < 1 || y > 9999 {
		return exc.ValueError("year %d is out of range", y)
	}
	if m < 1 || m > 12 {
		return exc.ValueError("month must be in 1..12")
	}
	if d < 1 || d > daysIn(y, m) {
		return exc.ValueError("day is out of range for month")
	}
	return nil
}

func daysIn(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func newDate(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var y, m, d int
	if err := starlark.UnpackArgs("date", args, kwargs, "year", &y, "month", &m, "day", &d); err != nil {
		return nil, err
	}
	return checkedDate(y, m, d)
}
