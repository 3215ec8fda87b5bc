package datetime

import (
	"fmt"
	"math"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
)

const (
	usPerSec = int64(1e6)
	usPerDay = 86400 * usPerSec
	maxDays  = 106751990 // what int64 microseconds hold (CPython allows 999999999)
)

// timedelta is a duration in whole microseconds.
type timedelta struct{ us int64 }

var (
	_ starlark.HasBinary  = timedelta{}
	_ starlark.HasUnary   = timedelta{}
	_ starlark.Comparable = timedelta{}
	_ starlark.HasAttrs   = timedelta{}
)

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }

func (d timedelta) parts() (days, secs, us int64) {
	days = floorDiv(d.us, usPerDay)
	rest := d.us - days*usPerDay
	return days, rest / usPerSec, rest % usPerSec
}

func (d timedelta) String() string {
	days, secs, us := d.parts()
	s := fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	if days != 0 {
		plural := "s"
		if days == 1 || days == -1 {
			plural = ""
		}
		s = fmt.Sprintf("%d day%s, %s", days, plural, s)
	}
	if us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	return s
}

func (d timedelta) PyRepr() string {
	days, secs, us := d.parts()
	var parts []string
	if days != 0 {
		parts = append(parts, fmt.Sprintf("days=%d", days))
	}
	if secs != 0 {
		parts = append(parts, fmt.Sprintf("seconds=%d", secs))
	}
	if us != 0 {
		parts = append(parts, fmt.Sprintf("microseconds=%d", us))
	}
	if len(parts) == 0 {
		parts = []string{"0"}
	}
	return "datetime.timedelta(" + strings.Join(parts, ", ") + ")"
}

func (d timedelta) PyStr() string         { return d.String() }
func (d timedelta) Type() string          { return "timedelta" }
func (d timedelta) Freeze()               {}
func (d timedelta) Truth() starlark.Bool  { return d.us != 0 }
func (d timedelta) Hash() (uint32, error) { return starlark.MakeInt64(d.us).Hash() }

func (d timedelta) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	return compareInts(op, d.us, y.(timedelta).us), nil
}

func compareInts(op syntax.Token, a, b int64) bool {
	switch op {
	case syntax.EQL:
		return a == b
	case syntax.NEQ:
		return a != b
	case syntax.LT:
		return a < b
	case syntax.LE:
		return a <= b
	case syntax.GT:
		return a > b
	}
	return a >= b
}

func (d timedelta) AttrNames() []string {
	return []string{"days", "seconds", "microseconds", "total_seconds"}
}

func (d timedelta) Attr(name string) (starlark.Value, error) {
	days, secs, us := d.parts()
	switch name {
	case "days":
		return starlark.MakeInt64(days), nil
	case "seconds":
		return starlark.MakeInt64(secs), nil
	case "microseconds":
		return starlark.MakeInt64(us), nil
	case "total_seconds":
		return noArgs(name, func() (starlark.Value, error) { return starlark.Float(float64(d.us) / 1e6), nil }), nil
	}
	return nil, nil
}

func (d timedelta) Unary(op syntax.Token) (starlark.Value, error) {
	switch op {
	case syntax.MINUS:
		return mkDelta(-d.us)
	case syntax.PLUS:
		return d, nil
	}
	return nil, nil
}

// mkDelta checks the range CPython allows (|days| <= 999999999).
func mkDelta(us int64) (starlark.Value, error) {
	days := floorDiv(us, usPerDay)
	if days > maxDays || days < -maxDays {
		return nil, exc.New("OverflowError", "days=%d; must have magnitude <= %d", days, maxDays)
	}
	return timedelta{us}, nil
}

func (d timedelta) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch y := y.(type) {
	case timedelta:
		a, b := d.us, y.us
		if side == starlark.Right {
			a, b = b, a
		}
		switch op {
		case syntax.PLUS:
			return mkDelta(a + b)
		case syntax.MINUS:
			return mkDelta(a - b)
		case syntax.SLASH:
			if b == 0 {
				return nil, exc.New("ZeroDivisionError", "division by zero")
			}
			return starlark.Float(float64(a) / float64(b)), nil
		case syntax.SLASHSLASH:
			if b == 0 {
				return nil, exc.New("ZeroDivisionError", "integer division or modulo by zero")
			}
			return starlark.MakeInt64(floorDiv(a, b)), nil
		case syntax.PERCENT:
			if b == 0 {
				return nil, exc.New("ZeroDivisionError", "integer division or modulo by zero")
			}
			return mkDelta(floorMod(a, b))
		}
	case starlark.Int:
		n, ok := y.Int64()
		if !ok {
			return nil, exc.New("OverflowError", "Python int too large to convert to C int")
		}
		switch {
		case op == syntax.STAR:
			return mkDelta(d.us * n)
		case op == syntax.SLASHSLASH && side == starlark.Left:
			if n == 0 {
				return nil, exc.New("ZeroDivisionError", "integer division or modulo by zero")
			}
			return mkDelta(floorDiv(d.us, n))
		case op == syntax.SLASH && side == starlark.Left:
			if n == 0 {
				return nil, exc.New("ZeroDivisionError", "division by zero")
			}
			return mkDelta(roundDiv(d.us, n))
		}
	case starlark.Float:
		switch {
		case op == syntax.STAR:
			return mkDelta(int64(math.RoundToEven(float64(d.us) * float64(y))))
		case op == syntax.SLASH && side == starlark.Left:
			if y == 0 {
				return nil, exc.New("ZeroDivisionError", "division by zero")
			}
			return mkDelta(int64(math.RoundToEven(float64(d.us) / float64(y))))
		}
	}
	return nil, nil
}

// roundDiv is a/b rounded half to even, as timedelta / int is.
func roundDiv(a, b int64) int64 {
	if b < 0 {
		a, b = -a, -b
	}
	q := floorDiv(a, b)
	switch r := a - q*b; {
	case 2*r > b, 2*r == b && q%2 != 0:
		q++
	}
	return q
}

var deltaUnits = []struct {
	name string
	us   float64
}{
	{"days", float64(usPerDay)}, {"seconds", 1e6}, {"microseconds", 1}, {"milliseconds", 1e3},
	{"minutes", 60e6}, {"hours", 3600e6}, {"weeks", 7 * float64(usPerDay)},
}

func newTimedelta(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	vals := make([]starlark.Value, len(deltaUnits))
	pairs := make([]any, 0, 2*len(deltaUnits))
	for i, u := range deltaUnits {
		pairs = append(pairs, u.name+"?", &vals[i])
	}
	if err := starlark.UnpackArgs("timedelta", args, kwargs, pairs...); err != nil {
		return nil, err
	}
	var total int64
	var frac float64
	for i, v := range vals {
		switch v := v.(type) {
		case nil:
		case starlark.Int:
			n, ok := v.Int64()
			if !ok {
				return nil, exc.New("OverflowError", "Python int too large to convert to C int")
			}
			total += n * int64(deltaUnits[i].us)
		case starlark.Float:
			whole := math.Trunc(float64(v))
			total += int64(whole) * int64(deltaUnits[i].us)
			frac += (float64(v) - whole) * deltaUnits[i].us
		default:
			return nil, exc.TypeError("unsupported type for timedelta %s component: %s", deltaUnits[i].name, v.Type())
		}
	}
	return mkDelta(total + int64(math.RoundToEven(frac)))
}

// noArgs is a method that takes no arguments.
func noArgs(name string, fn func() (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0); err != nil {
			return nil, err
		}
		return fn()
	})
}
