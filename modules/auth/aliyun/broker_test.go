package aliyun

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/auth/internal/authtest"
	_ "github.com/qstar-dev/qstar/modules/umqtt"
)

// TestCredentialsConnect plugs the credentials dict into the real umqtt
// client and round-trips a property post through the local mosquitto
// (which does not check the signature, but does take the fields).
func TestCredentialsConnect(t *testing.T) {
	authtest.NeedBroker(t)
	out, err := authtest.Run(t, clock, `
load("auth.aliyun", "mqtt_credentials", "topics")
load("umqtt", "MQTTClient")
creds = mqtt_credentials("a1B2c3D4e5F", "broker-test", "secret", endpoint="127.0.0.1", secure_mode=3)
got = []
c = MQTTClient(**creds)
c.set_callback(lambda topic, msg: got.append((topic, msg)))
c.connect()
t = topics("a1B2c3D4e5F", "broker-test")["property_post"]
c.subscribe(t, 1)
c.publish(t, '{"id":"1","params":{"t":21}}', False, 1)
c.wait_msg()
print(got[0][0], got[0][1])
c.disconnect()
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if want := `b'/sys/a1B2c3D4e5F/broker-test/thing/event/property/post' b'{"id":"1","params":{"t":21}}'`; !strings.Contains(out, want) {
		t.Errorf("output %q, want %q", out, want)
	}
}
