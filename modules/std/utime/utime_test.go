package utime_test

import (
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

// fixed is the QuecPython doc example: 2020-09-29 08:54:42 at UTC+8.
var fixed = time.Unix(1601340882, 0)

func fixClock(env *runtime.Env) { env.Now = func() time.Time { return fixed } }

func TestRTCWithFixedClock(t *testing.T) {
	out := stdtest.MustRun(t, `
load("utime", "utime")
utime.setTimeZone(8)
print(utime.getTimeZone(), utime.time())
print(utime.localtime())
print(utime.mktime((2020, 9, 29, 8, 54, 42, 1, 273)))
print(utime.mktime(utime.localtime()) == utime.time())
utime.setTimeZone(0)
print(utime.localtime(0), utime.localtime(86400 * 366 + 3661))
utime.setTimeZone(-5)
print(utime.localtime())
`, fixClock)
	want := "8 1601340882\n" +
		"(2020, 9, 29, 8, 54, 42, 1, 273)\n" +
		"1601340882\n" +
		"True\n" +
		"(1970, 1, 1, 0, 0, 0, 3, 1) (1971, 1, 2, 1, 1, 1, 5, 2)\n" +
		"(2020, 9, 28, 19, 54, 42, 0, 272)\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestTicksWrap(t *testing.T) {
	out := stdtest.MustRun(t, `
load("utime", "ticks_diff", "ticks_add", "ticks_ms", "ticks_us", "sleep_ms")
top = 0x3FFFFFFF
print(ticks_add(top, 1), ticks_add(top, 5), ticks_add(0, -1))
print(ticks_diff(ticks_add(top, 5), top), ticks_diff(0, top), ticks_diff(5, 10), ticks_diff(top, 0))
start, ustart = ticks_ms(), ticks_us()
sleep_ms(30)
print(ticks_diff(ticks_ms(), start) >= 30, ticks_diff(ticks_us(), ustart) >= 30000)
print(0 <= ticks_ms() and ticks_ms() <= top)
`, nil)
	want := "0 4 1073741823\n5 1 -5 -1\nTrue True\nTrue\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestTimeMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, `time = _import("time")  # load binds the time() member, not the module`, "import time", []string{
		`time.gmtime(1601340882)`,
		`time.gmtime(0)`,
		`time.localtime(1601340882)`,
		`time.localtime(1700000000)[:8]`,
		`time.mktime((2020, 9, 29, 8, 54, 42, 1, 273, -1))`,
		`time.mktime(time.localtime(1234567890))`,
		`time.strftime('%Y-%m-%d %H:%M:%S %j %a %A %b %B %p %I %y %w %%', time.gmtime(1601340882))`,
		`time.strftime('%F %T', time.gmtime(0))`,
		`time.gmtime(1601340882).tm_yday`,
		`list(time.gmtime(86399))`,
	})
}

func TestCPythonTimeWithFixedClock(t *testing.T) {
	out := stdtest.MustRun(t, `
time = _import("time")
t0 = time.monotonic()
time.sleep(0.01)
print(time.time(), time.monotonic() - t0 >= 0.01, type(time.time_ns()))
`, fixClock)
	if out != "1601340882.0 True <class 'int'>\n" {
		t.Errorf("got %q", out)
	}
}

func TestSleepWakesOnCancel(t *testing.T) {
	env := runtime.NewEnv()
	out := &stdtest.Output{}
	env.Stdout, env.Stderr = out, out
	in := runtime.New(env)
	defer in.Close()
	errc := make(chan error, 1)
	go func() {
		in.Lock()
		th := in.NewThread("main")
		_, err := in.ExecFile(th, "test.star", []byte("load('utime', 'sleep')\nsleep(3600)\n"))
		in.Done(th)
		in.Unlock()
		errc <- err
	}()
	time.Sleep(30 * time.Millisecond)
	in.CancelAll("interrupted")
	select {
	case err := <-errc:
		if !runtime.IsCancelled(err) {
			t.Errorf("sleep ended with %v, want cancellation", err)
		}
	case <-time.After(10 * time.Second): // hang guard
		t.Fatal("sleep not woken by cancellation")
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"utime.setTimeZone(13)", "ValueError: setTimeZone: offset must be in [-12, 12] hours, got 13"},
		{"utime.sleep(-1)", "ValueError: sleep length must be non-negative"},
		{"utime.sleep('1')", "TypeError: sleep() argument 'seconds' must be a number, not str"},
		{"utime.mktime((2020, 1))", "TypeError: mktime() argument must be an 8- or 9-item tuple (year, month, mday, hour, minute, second, weekday, yearday), not tuple"},
		{"utime.ticks_diff(1.5, 1)", "TypeError: ticks_diff() argument 'ticks1' must be int, not float"},
	} {
		_, err := stdtest.Run(t, "load('utime', 'utime')\n"+tc.src, nil)
		if err == nil || runtime.ErrorLine(err) != tc.want {
			t.Errorf("%s:\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}
