package utime

import (
	"fmt"
	"strings"
	"time"
)

// Strftime formats tm with the C directives scripts commonly use. Unknown
// directives are copied through, as glibc does.
func Strftime(format string, tm time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' || i+1 == len(format) {
			b.WriteByte(ch)
			continue
		}
		i++
		switch format[i] {
		case 'Y':
			fmt.Fprintf(&b, "%d", tm.Year())
		case 'y':
			fmt.Fprintf(&b, "%02d", tm.Year()%100)
		case 'm':
			fmt.Fprintf(&b, "%02d", int(tm.Month()))
		case 'd':
			fmt.Fprintf(&b, "%02d", tm.Day())
		case 'H':
			fmt.Fprintf(&b, "%02d", tm.Hour())
		case 'I':
			h := tm.Hour() % 12
			if h == 0 {
				h = 12
			}
			fmt.Fprintf(&b, "%02d", h)
		case 'M':
			fmt.Fprintf(&b, "%02d", tm.Minute())
		case 'S':
			fmt.Fprintf(&b, "%02d", tm.Second())
		case 'p':
			if tm.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'j':
			fmt.Fprintf(&b, "%03d", tm.YearDay())
		case 'a':
			b.WriteString(tm.Weekday().String()[:3])
		case 'A':
			b.WriteString(tm.Weekday().String())
		case 'b', 'h':
			b.WriteString(tm.Month().String()[:3])
		case 'B':
			b.WriteString(tm.Month().String())
		case 'w':
			fmt.Fprintf(&b, "%d", int(tm.Weekday()))
		case 'z':
			b.WriteString(tm.Format("-0700"))
		case 'Z':
			name, _ := tm.Zone()
			b.WriteString(name)
		case 'F':
			b.WriteString(tm.Format("2006-01-02"))
		case 'T':
			b.WriteString(tm.Format("15:04:05"))
		case 'c':
			b.WriteString(tm.Format("Mon Jan _2 15:04:05 2006"))
		case 'x':
			b.WriteString(tm.Format("01/02/06"))
		case 'X':
			b.WriteString(tm.Format("15:04:05"))
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}
