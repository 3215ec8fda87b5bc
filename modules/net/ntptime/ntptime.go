// Package ntptime is QuecPython's ntptime: an SNTP client over UDP/123
// (dialled through Env.Dial) that sets qstar's RTC, the clock utime and
// time read, never the host's.
//
// ntptime.host (default "ntp.aliyun.com") is a plain module attribute, as
// on the module. time(use_rhost=1, timeout=10) returns seconds since
// 2000-01-01 (QuecPython's epoch) and, when the host fails and use_rhost
// is 1, tries the firmware's fallback servers in its order; it raises
// OSError("Server connection failed!") when none answers. settime(
// timezone=0, use_rhost=1, timeout=10) sets the RTC to the server's time
// and makes localtime() show UTC+timezone (as the firmware's RTC does),
// returning 0, or -1 on any failure or a bad argument.
package ntptime

import (
	"context"
	"net"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/utime"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

const defaultHost = "ntp.aliyun.com"

// fallbacks is the firmware's r_host list; as in its loop, the last one
// is never reached (the host itself takes the first try).
var fallbacks = []string{"pool.ntp.org", "asia.pool.ntp.org", "cn.ntp.org.cn", "cn.pool.ntp.org"}

// epoch2000 is QuecPython's time origin.
var epoch2000 = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func init() {
	runtime.Register(runtime.Module{Name: "ntptime", Doc: "SNTP client that sets the RTC utime reads (QuecPython ntptime)", New: newModule})
}

type module struct {
	env     *runtime.Env
	members starlark.StringDict
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	m := &module{env: env}
	m.members = pyargs.Builtins(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
		"sethost": m.sethost,
		"time":    m.time,
		"settime": m.settime,
	})
	m.members["host"] = starlark.String(defaultHost)
	return m.members, nil
}

// sethost(host) returns 0, or -1 when host is None.
func (m *module) sethost(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "ntp_host?")
	if err != nil {
		return nil, err
	}
	if !a.Has("ntp_host") {
		return starlark.MakeInt(-1), nil
	}
	h, err := a.Str("ntp_host", "")
	if err != nil {
		return nil, err
	}
	m.members["host"] = starlark.String(h)
	return starlark.MakeInt(0), nil
}

// options are time() and settime()'s use_rhost and timeout.
type options struct {
	useRhost bool
	timeout  time.Duration
}

func parseOptions(a *pyargs.Args) (options, error) {
	r, err := a.Int("use_rhost", 1)
	if err != nil {
		return options{}, err
	}
	if r != 0 && r != 1 {
		return options{}, exc.ValueError("use_rhost must be 0 or 1")
	}
	secs := 10.0
	if a.Has("timeout") {
		if secs, err = pyargs.Number(a.Fn, "timeout", a.Value("timeout")); err != nil {
			return options{}, err
		}
	}
	if secs <= 0 {
		return options{}, exc.ValueError("timeout must be > 0")
	}
	return options{useRhost: r == 1, timeout: time.Duration(secs * float64(time.Second))}, nil
}

// now asks the host, then the fallbacks, and returns the server's time.
func (m *module) now(thread *starlark.Thread, o options) (time.Time, error) {
	host, _ := starlark.AsString(m.members["host"])
	hosts := []string{host}
	if o.useRhost {
		hosts = append(hosts, fallbacks[:len(fallbacks)-1]...)
	}
	dial := m.env.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	var got time.Time
	var last error
	err := runtime.Block(thread, func(ctx context.Context) error {
		for _, h := range hosts {
			if got, last = ask(ctx, dial, h, o.timeout); last == nil {
				return nil
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		return last
	})
	if runtime.IsCancelled(err) {
		return time.Time{}, err
	}
	if err != nil {
		m.env.Logf("ntptime: %v", err)
		return time.Time{}, exc.OSError("Server connection failed!")
	}
	return got, nil
}

// time(use_rhost=1, timeout=10): seconds since 2000-01-01 UTC.
func (m *module) time(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "use_rhost?", "timeout?")
	if err != nil {
		return nil, err
	}
	o, err := parseOptions(a)
	if err != nil {
		return nil, err
	}
	t, err := m.now(thread, o)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt64(int64(t.Sub(epoch2000) / time.Second)), nil
}

// settime(timezone=0, use_rhost=1, timeout=10) returns 0 or -1.
func (m *module) settime(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "timezone?", "use_rhost?", "timeout?")
	if err != nil {
		return nil, err
	}
	fail := starlark.MakeInt(-1)
	tz, err := a.Int("timezone", 0)
	if err != nil || tz < -12 || tz > 12 {
		return fail, nil
	}
	o, err := parseOptions(a)
	if err != nil {
		return fail, nil
	}
	t, err := m.now(thread, o)
	if err != nil {
		if runtime.IsCancelled(err) {
			return nil, err
		}
		return fail, nil
	}
	utime.SetNow(m.env, t)
	utime.SetZone(m.env, tz)
	return starlark.MakeInt(0), nil
}
