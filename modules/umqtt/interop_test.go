package umqtt

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
)

// interopBroker returns host:port of the external broker named by
// QSTAR_TEST_BROKER (e.g. tcp://127.0.0.1:1883), or skips.
func interopBroker(t *testing.T) string {
	v := os.Getenv("QSTAR_TEST_BROKER")
	if v == "" {
		t.Skip("QSTAR_TEST_BROKER not set (e.g. tcp://127.0.0.1:1883 for Mosquitto)")
	}
	if u, err := url.Parse(v); err == nil && u.Host != "" {
		return u.Host
	}
	return v
}

// Round trip, retained message, wildcards and last will against an
// external broker (Mosquitto).
func testInteropMosquitto(t *testing.T) {
	addr := interopBroker(t)
	host, port, _ := net.SplitHostPort(addr)
	prefix := fmt.Sprintf("qstar-test/%d", time.Now().UnixNano())
	s := newScript(t)
	out := s.runOK(t, subst(header+`
P = "$PREFIX"
obs = MQTTClient(P + "/obs", "$HOST", $PORT)
obs.set_callback(cb)
obs.connect()
obs.subscribe(P + "/sensors/+/temp", 1)
obs.subscribe(P + "/will/#", 1)
pub = MQTTClient(P + "/pub", "$HOST", "$PORT", keepalive=30)
pub.connect()
for t in ["sensors/a/temp", "sensors/a/hum", "sensors/b/temp"]:
    pub.publish(P + "/" + t, t, qos=1)
obs.wait_msg()
obs.wait_msg()
print([str(m, "utf-8") for _, m in got])

pub.publish(P + "/retained", "kept", True, 1)
late = MQTTClient(P + "/late", "$HOST", $PORT)
late.set_callback(cb)
late.connect()
late.subscribe(P + "/retained", 1)
late.wait_msg()
print(got[-1][1])
pub.publish(P + "/retained", "", True, 1)  # clear it

dying = MQTTClient(P + "/dying", "$HOST", $PORT)
dying.set_last_will(P + "/will/dying", "gone", qos=1)
dying.connect()
dying.close()
obs.wait_msg()
print(got[-1][1])
for c in [obs, pub, late]:
    c.disconnect()
`, "$PREFIX", prefix, "$HOST", host, "$PORT", port))
	want := "['sensors/a/temp', 'sensors/b/temp']\nb'kept'\nb'gone'\n"
	if out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
}

// The vendor samples run to completion against Mosquitto when another
// client publishes to their topic, and mosquitto_sub sees what they
// publish.
func testInteropVendorSamples(t *testing.T) {
	addr := interopBroker(t)
	host, port, _ := net.SplitHostPort(addr)
	subBin, _ := exec.LookPath("mosquitto_sub")
	for _, sm := range samples {
		t.Run(sm.file, func(t *testing.T) {
			var watched bytes.Buffer
			var sub *exec.Cmd
			if subBin != "" {
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				defer cancel()
				sub = exec.CommandContext(ctx, subBin, "-h", host, "-p", port, "-t", sm.pubTopic, "-C", "1", "-W", "15")
				sub.Stdout = &watched
				if err := sub.Start(); err != nil {
					t.Fatal(err)
				}
				time.Sleep(300 * time.Millisecond) // let it subscribe
			}
			path := filepath.Join("..", "..", "scripts", sm.file+".star")
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s := newScript(t)
			s.routeAll(addr)
			res := make(chan error, 1)
			go func() { res <- s.run(string(src)) }()

			o := paho.NewClientOptions().AddBroker("tcp://" + addr).SetClientID(fmt.Sprintf("qstar-app-%d", time.Now().UnixNano()))
			app := paho.NewClient(o)
			if tok := app.Connect(); !tok.WaitTimeout(5*time.Second) || tok.Error() != nil {
				t.Fatalf("app connect: %v", tok.Error())
			}
			defer app.Disconnect(100)
			// The broker cannot say when the script has subscribed, so
			// the "cloud" repeats its message until the script is done.
			deadline := time.After(15 * time.Second)
		loop:
			for {
				app.Publish(sm.downTopic, 0, false, `{"id":123}`).WaitTimeout(time.Second)
				select {
				case err := <-res:
					if err != nil {
						t.Fatalf("%s\n%s", s.in.FormatError(err), s.err.String())
					}
					break loop
				case <-time.After(100 * time.Millisecond):
				case <-deadline:
					t.Fatal("script did not finish")
				}
			}
			if want := "Subscribe Recv: Topic=" + sm.downTopic + `,Msg={"id":123}`; !strings.Contains(s.out.String(), want) {
				t.Errorf("stdout %q lacks %q", s.out.String(), want)
			}
			if sub != nil {
				if err := sub.Wait(); err != nil {
					t.Errorf("mosquitto_sub: %v", err)
				}
				if !strings.Contains(watched.String(), sm.pubHas) {
					t.Errorf("mosquitto_sub saw %q, want it to contain %q", watched.String(), sm.pubHas)
				}
			}
		})
	}
}
