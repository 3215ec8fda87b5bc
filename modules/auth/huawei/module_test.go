package huawei

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/auth/internal/authtest"
)

func TestScriptModule(t *testing.T) {
	out, err := authtest.Run(t, time.Unix(madeUnix, 0), `
load("auth.huawei", "timestamp", "password", "client_id", "mqtt_credentials", "topics", "request_id", "response_topic")
print(timestamp(), timestamp(1532454980))
print(password("12345678", "2025041401"))
print(password(b"secret123"))
print(client_id("64f0a1b2c3d4e5f6a7b8c9d0_dev1", check_timestamp=True))
c = mqtt_credentials("64f0a1b2c3d4e5f6a7b8c9d0_dev1", "secret123", server="a15fbbd7ce.iot-mqtts.cn-north-4.myhuaweicloud.com", keepalive=30)
print(c)
t = topics("d_1")
print(t["properties_report"], t["messages_down"], t["commands"])
rt = "$oc/devices/d_1/sys/commands/request_id=42"
print(request_id(rt), response_topic(rt), request_id("x"))
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := `2023111422 2018072417
c75150e6cb841417396819e4d2ee4358a416344a03a083e3a8567074ddec820a
59907e5c4f19add5cc2a9ccef6cffe9476e3807cca6927bdb9005085c61fb29d
64f0a1b2c3d4e5f6a7b8c9d0_dev1_0_1_2023111422
{'client_id': '64f0a1b2c3d4e5f6a7b8c9d0_dev1_0_0_2023111422', 'server': 'a15fbbd7ce.iot-mqtts.cn-north-4.myhuaweicloud.com', 'port': 1883, 'user': '64f0a1b2c3d4e5f6a7b8c9d0_dev1', 'password': '59907e5c4f19add5cc2a9ccef6cffe9476e3807cca6927bdb9005085c61fb29d', 'keepalive': 30}
$oc/devices/d_1/sys/properties/report $oc/devices/d_1/sys/messages/down $oc/devices/d_1/sys/commands/#
42 $oc/devices/d_1/sys/commands/response/request_id=42 None
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

func TestScriptErrors(t *testing.T) {
	tests := []struct{ call, want string }{
		{`password(None, 1)`, "TypeError: password: argument 'secret' must be str or bytes, not NoneType"},
		{`password("topsecret", "2023")`, `ValueError: password: argument timestamp "2023" is not YYYYMMDDHH`},
		{`password("topsecret", 1.5)`, "TypeError: password: argument 'timestamp' must be int (Unix seconds) or str (YYYYMMDDHH), not float"},
		{`password("topsecret", -1)`, "ValueError: password: argument 'timestamp' must be a Unix time in seconds, got -1"},
		{`client_id("a/b")`, "ValueError: client_id: argument 'device_id' contains '/'"},
		{`client_id("d", check_timestamp="1")`, "TypeError: client_id: argument 'check_timestamp' must be bool, not str"},
		{`mqtt_credentials("d")`, "TypeError: mqtt_credentials() missing required argument 'secret'"},
		{`mqtt_credentials("d", "topsecret", keepalive=10)`, "ValueError: mqtt_credentials: argument 'keepalive' must be 30..1200 seconds for IoTDA, got 10"},
		{`mqtt_credentials("d", "topsecret", port=1883)`, "TypeError: mqtt_credentials() got an unexpected keyword argument 'port'"},
		{`response_topic("$oc/devices/d/sys/messages/down")`, "ValueError: response_topic:"},
	}
	for _, tc := range tests {
		out, err := authtest.Run(t, time.Unix(madeUnix, 0), "load(\"auth.huawei\", \"password\", \"client_id\", \"mqtt_credentials\", \"response_topic\")\n"+tc.call+"\n")
		if err == nil {
			t.Errorf("%s: no error, output %q", tc.call, out)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s:\n got %v\nwant %s", tc.call, err, tc.want)
		}
		if strings.Contains(err.Error(), "topsecret") {
			t.Errorf("%s: error echoes the secret: %v", tc.call, err)
		}
	}
}
