package azure

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/auth/internal/authtest"
	_ "github.com/qstar-dev/qstar/modules/umqtt"
)

// TestCredentialsConnect plugs the credentials dict into the real umqtt
// client (pointed at the local mosquitto, which takes but does not check
// the SAS token) and round-trips a twin reply topic through parse_topic.
func TestCredentialsConnect(t *testing.T) {
	authtest.NeedBroker(t)
	out, err := authtest.Run(t, clock, loadAll+`
load("umqtt", "MQTTClient")
creds = azure.mqtt_credentials("HostName=myhub.azure-devices.net;DeviceId=broker-test;SharedAccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
creds.update(server="127.0.0.1", port=1883, ssl=False)
got = []
c = MQTTClient(**creds)
c.set_callback(lambda topic, msg: got.append(topic))
c.connect()
c.subscribe(azure.TWIN_RESPONSE_TOPIC, 1)
c.publish("$iothub/twin/res/204/?$rid=7&$version=3", "", False, 1)
c.wait_msg()
print(azure.parse_topic(got[0]))  # bytes, as umqtt delivers it
c.disconnect()
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if want := `{'kind': 'twin_response', 'rid': '7', 'status': 204, 'version': 3}`; !strings.Contains(out, want) {
		t.Errorf("output %q, want %q", out, want)
	}
}
