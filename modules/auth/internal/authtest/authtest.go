// Package authtest holds what the auth.* modules' tests share: running a
// script with a fixed clock, cross-checking against CPython, and finding
// the local MQTT broker.
package authtest

import (
	"encoding/json"
	"net"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// Run executes src as test.star with the interpreter clock fixed at now
// and returns what it printed (stdout and stderr together).
func Run(t testing.TB, now time.Time, src string) (string, error) {
	t.Helper()
	return runtimetest.Run(t, src, func(env *runtime.Env) {
		env.Now = func() time.Time { return now }
	})
}

// Python runs code with python3, input JSON-encoded on its stdin, and
// returns its stdout; the test is skipped when python3 is not installed.
func Python(t testing.TB, code string, input any) string {
	t.Helper()
	in, err := json.Marshal(input)
	if err != nil {
		t.Fatal(err)
	}
	return runtimetest.Python(t, code, string(in))
}

// Broker is the local MQTT broker the connect tests use.
const Broker = "127.0.0.1:1883"

// NeedBroker skips the test when nothing listens on Broker.
func NeedBroker(t testing.TB) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", Broker, time.Second)
	if err != nil {
		t.Skip("no MQTT broker on " + Broker)
	}
	conn.Close()
}
