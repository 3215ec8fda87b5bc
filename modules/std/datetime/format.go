package datetime

import (
	"fmt"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/utime"
)

// parts of a date, datetime or time for strftime.
func fields(v starlark.Value) (t time.Time, us int, tz *timezone) {
	switch v := v.(type) {
	case date:
		return v.t, 0, nil
	case datetime:
		return v.t, v.t.Nanosecond() / 1000, v.tz
	case timeOfDay:
		return v.asTime(), v.us, v.tz
	}
	return time.Time{}, 0, nil
}

func (c timeOfDay) asTime() time.Time {
	return time.Date(1900, 1, 1, c.h, c.m, c.s, c.us*1000, time.UTC)
}

// strftime handles %f, %z and %Z here (empty for a naive value, as in
// CPython) and the C directives in utime.Strftime.
func strftime(v starlark.Value, format string) string {
	t, us, tz := fields(v)
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i+1 == len(format) {
			b.WriteByte(format[i])
			continue
		}
		i++
		switch format[i] {
		case 'f':
			fmt.Fprintf(&b, "%06d", us)
		case 'z':
			if tz != nil {
				b.WriteString(offsetText(tz.offset, ""))
			}
		case 'Z':
			if tz != nil {
				b.WriteString(strings.ReplaceAll(tz.String(), "%", "%%"))
			}
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return utime.Strftime(b.String(), t)
}

// formatSpec is format(value, spec): strftime with a spec, str without.
func formatSpec(v starlark.Value, spec string) (string, error) {
	if spec == "" {
		return v.(interface{ PyStr() string }).PyStr(), nil
	}
	return strftime(v, spec), nil
}
