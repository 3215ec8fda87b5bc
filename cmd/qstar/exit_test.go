package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitFromCallbacks: sys.exit(n) and `raise SystemExit(n)` end the
// whole run with n from wherever they are raised: an MQTT message
// callback (run inside wait_msg), a _thread thread, or wait_msg running in
// a thread. An exception in a callback or thread prints its traceback
// and the rest goes on.
func TestExitFromCallbacks(t *testing.T) {
	const mqtt = `from umqtt import MQTTClient
import sys, utime, _thread
c = MQTTClient('dev-exit', 'broker.example.com', 1883)
`
	for _, tc := range []struct {
		name, src string
		code      int
		stdout    string
		stderr    []string
	}{
		{"thread_sys_exit", `import _thread, sys, utime
def worker():
    print('worker exits')
    sys.exit(3)
_thread.start_new_thread(worker, ())
while True:
    utime.sleep_ms(5)
`, 3, "worker exits\n", nil},
		{"thread_raise_after_main", `import _thread, utime
def worker():
    utime.sleep_ms(20)
    raise SystemExit(5)
_thread.start_new_thread(worker, ())
def forever():
    while True:
        utime.sleep_ms(5)
_thread.start_new_thread(forever, ())
print('main done')
`, 5, "main done\n", nil},
		{"thread_error_goes_on", `import _thread, utime
def bad():
    x = {}
    return x['missing']
_thread.start_new_thread(bad, ())
utime.sleep_ms(50)
print('main goes on')
`, 0, "main goes on\n", []string{"Traceback (most recent call last):", `File "SCRIPT", line 4, in bad`, "KeyError: 'missing'"}},
		{"mqtt_callback_exit", mqtt + `def cb(topic, msg):
    print('got', msg)
    if msg == b'stop':
        sys.exit(4)
    raise ValueError('bad payload ' + msg.decode())
c.set_callback(cb)
c.connect()
c.subscribe(b'exit/test')
c.publish(b'exit/test', b'first')
c.publish(b'exit/test', b'stop')
while True:
    c.wait_msg()
`, 4, "got b'first'\ngot b'stop'\n", []string{`File "SCRIPT", line 8, in cb`, "ValueError: bad payload first"}},
		{"mqtt_thread_raise", mqtt + `def cb(topic, msg):
    raise SystemExit(6)
c.set_callback(cb)
c.connect()
c.subscribe(b'exit/t2')
def loop():
    while True:
        c.wait_msg()
_thread.start_new_thread(loop, ())
c.publish(b'exit/t2', b'x')
while True:
    utime.sleep_ms(5)
`, 6, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Contains(tc.src, "umqtt") && !moduleRegistered("umqtt") {
				t.Skip("umqtt not registered")
			}
			path := filepath.Join(t.TempDir(), tc.name+".py")
			os.WriteFile(path, []byte(tc.src), 0o644)
			var stdout, stderr bytes.Buffer
			code := Main([]string{"run", "--emulate", path}, strings.NewReader(""), &stdout, &stderr)
			if code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			if stdout.String() != tc.stdout {
				t.Errorf("stdout %q, want %q", stdout.String(), tc.stdout)
			}
			for _, want := range tc.stderr {
				want = strings.ReplaceAll(want, "SCRIPT", path)
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
				}
			}
		})
	}
}
