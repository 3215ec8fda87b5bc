package azure

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/auth/internal/authtest"
)

// clock is the interpreter time the scripts see.
var clock = time.Unix(vNow, 0)

const loadAll = `load("auth.azure", "azure")
`

func TestScriptModule(t *testing.T) {
	out, err := authtest.Run(t, clock, loadAll+`
key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
cs = "HostName=myhub.azure-devices.net;DeviceId=dev1;ModuleId=mod1;SharedAccessKey=" + key
p = azure.parse_connection_string(cs)
print(p["HostName"], p["DeviceId"], p["ModuleId"], sorted(p.keys()))
print(azure.sas_token(azure.resource_uri("myhub.azure-devices.net", "dev1"), key, expiry=1700003600))
print(azure.sas_token("myhub.azure-devices.net", key, key_name="iothubowner"))
c = azure.mqtt_credentials(cs)
print(c["client_id"], c["user"], c["server"], c["port"], c["ssl"], c["keepalive"])
print(c["password"])
c = azure.mqtt_credentials(hostname="myhub.azure-devices.net", device_id="dev1", sas_token="SharedAccessSignature sr=x&sig=y&se=1")
print(c["password"], azure.username("h", "d", api_version="2018-06-30"))
print(azure.telemetry_topic("dev1", properties={"$.ct": "application/json", "n": 1}))
print(azure.c2d_topic("dev1"), azure.TWIN_RESPONSE_TOPIC, azure.twin_get_topic(1), azure.twin_patch_topic("r2"))
print(azure.method_response_topic(200, "9"))
print(azure.mqtt_credentials("HostName=h;DeviceId=d;x509=true")["password"])
print(azure.parse_topic("$iothub/twin/res/204/?$rid=r2&$version=5"))
print(azure.parse_topic("devices/dev1/messages/devicebound/%24.mid=m1&k=v"))
print(azure.parse_topic("other/topic"))
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := `myhub.azure-devices.net dev1 mod1 ['DeviceId', 'HostName', 'ModuleId', 'SharedAccessKey']
SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fdev1&sig=2ylB6nEi79Klft8tf1Kvo0b6LMQ48k36e6OQLeqX2ZI%3D&se=1700003600
SharedAccessSignature sr=myhub.azure-devices.net&sig=z2GsBnDbkPF5ILfrd9UgHrn3tqxZXTLBEN85EQUGBb0%3D&se=1700003600&skn=iothubowner
dev1/mod1 myhub.azure-devices.net/dev1/mod1/?api-version=2021-04-12 myhub.azure-devices.net 8883 True 60
SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fdev1%2Fmodules%2Fmod1&sig=UArd2DDNhzusWxVBiEprQWSop1RiNTA1NnmVsG0AmXw%3D&se=1700003600
SharedAccessSignature sr=x&sig=y&se=1 h/d/?api-version=2018-06-30
devices/dev1/messages/events/%24.ct=application%2Fjson&n=1
devices/dev1/messages/devicebound/# $iothub/twin/res/# $iothub/twin/GET/?$rid=1 $iothub/twin/PATCH/properties/reported/?$rid=r2
$iothub/methods/res/200/?$rid=9
None
{'kind': 'twin_response', 'rid': 'r2', 'status': 204, 'version': 5}
{'kind': 'c2d', 'device_id': 'dev1', 'properties': {'.mid': 'm1', 'k': 'v'}}
None
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

func TestScriptErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`azure.sas_token("u", "not base64!")`, "ValueError: sas_token: argument 'key' is not valid base64"},
		{`azure.sas_token("u", 5)`, "TypeError: sas_token: argument 'key' must be str, not int"},
		{`azure.sas_token("u", "AAAA", ttl=0)`, "argument 'ttl' must be positive"},
		{`azure.sas_token("u", "AAAA", ttl=5, expiry=9)`, "give expiry or ttl, not both"},
		{`azure.parse_connection_string("HostName=h;DeviceId=d")`, "ValueError: parse_connection_string: device connection string needs"},
		{`azure.parse_connection_string("HostName=h;DeviceId=d;SharedAccessKey=SECRETSECRET;Bogus=1")`, "unknown key \"Bogus\""},
		{`azure.mqtt_credentials()`, "TypeError: mqtt_credentials: give connection_string, or hostname, device_id"},
		{`azure.mqtt_credentials(hostname="h", device_id="d")`, "give connection_string, or shared_access_key or sas_token"},
		{`azure.mqtt_credentials("HostName=h;DeviceId=d;x509=true", device_id="d")`, "give connection_string or device_id, not both"},
		{`azure.resource_uri("h", module_id="m")`, "argument 'module_id' needs a device_id"},
		{`azure.telemetry_topic("d", properties=[1])`, "argument 'properties' must be dict, not list"},
		{`azure.twin_get_topic(rid=None)`, "argument 'rid' must not be empty"},
	} {
		out, err := authtest.Run(t, clock, loadAll+c.src+"\n")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q (%s)", c.src, err, c.want, out)
		}
		if err != nil && strings.Contains(err.Error(), "SECRET") {
			t.Errorf("%s: error shows the key: %v", c.src, err)
		}
	}
}
