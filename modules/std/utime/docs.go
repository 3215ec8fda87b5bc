package utime

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of utime (and time, which has the same members plus
// CPython's), for help(), __doc__ and `qstar stubs`.
func init() {
	docs := map[string]string{
		"sleep":       "sleep(seconds, /)\nSleep for seconds (int or float); Ctrl-C wakes it.",
		"sleep_ms":    "sleep_ms(ms, /)\nSleep for ms milliseconds.",
		"sleep_us":    "sleep_us(us, /)\nSleep for us microseconds.",
		"ticks_ms":    "ticks_ms()\nA millisecond counter that wraps at 2**30; compare with ticks_diff.",
		"ticks_us":    "ticks_us()\nA microsecond counter that wraps at 2**30.",
		"ticks_cpu":   "ticks_cpu()\nThe finest counter available, wrapping at 2**30.",
		"ticks_add":   "ticks_add(ticks, delta, /)\nticks + delta, wrapped as the counters wrap.",
		"ticks_diff":  "ticks_diff(ticks1, ticks2, /)\nticks1 - ticks2, correct across a wrap.",
		"time":        "time()\nSeconds since the epoch as an int (QuecPython) or float (time.time).",
		"time_ns":     "time_ns()\nNanoseconds since the epoch.",
		"localtime":   "localtime(secs=None, /)\n(year, month, mday, hour, minute, second, weekday, yearday) in the set time zone.",
		"mktime":      "mktime(tuple, /)\nSeconds since the epoch for a localtime() tuple.",
		"setTimeZone": "setTimeZone(offset, /)\nSet the time zone as hours from UTC.",
		"getTimeZone": "getTimeZone()\nThe time zone as hours from UTC.",
		"monotonic":   "monotonic()\nSeconds from a clock that never goes back (CPython).",
		"strftime":    "strftime(format, t=None, /)\nFormat a time tuple as CPython does.",
		"gmtime":      "gmtime(secs=None, /)\nThe time tuple in UTC.",
	}
	runtime.RegisterDocs("utime", docs)
	runtime.RegisterDocs("time", docs)
	runtime.RegisterDocs("time", map[string]string{
		"monotonic_ns": "monotonic_ns()\nmonotonic() in nanoseconds (CPython).",
		"perf_counter": "perf_counter()\nSeconds from the finest monotonic clock, for timing (CPython).",
	})
}
