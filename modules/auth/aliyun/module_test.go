package aliyun

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/auth/internal/authtest"
)

// clock is the interpreter time the scripts see.
var clock = time.UnixMilli(1700000000123)

func TestScriptModule(t *testing.T) {
	out, err := authtest.Run(t, clock, `
load("auth.aliyun", "sign", "mqtt_credentials", "register_credentials", "register_request", "topics", "event_topic", "reply_topic", "register_topic")
print(sign("a1B2c3D4e5F", "dev1", "secret", client_id="dev1", timestamp=1700000000000, sign_method="hmacmd5"))
print(sign("a1B2c3D4e5F", "dev1", "secret", sign_method="hmacsha1"))
c = mqtt_credentials("a1B2c3D4e5F", "dev1", "secret", client_id="dev1")
print(c["client_id"], c["user"], c["server"], c["port"], c["ssl"], c["keepalive"])
print(c["password"] == sign("a1B2c3D4e5F", "dev1", "secret", client_id="dev1", timestamp="1700000000123"))
c = mqtt_credentials(product_key="pk", device_name="d", device_secret="s", timestamp=None, secure_mode=3, endpoint="127.0.0.1")
print(c["client_id"], c["server"], c["port"], c["ssl"])
r = register_credentials("a1B2c3D4e5F", "dev1", "prodSecret01", random="abc123", instance_id="iot-06z00abc")
print(r["client_id"], r["password"])
print(register_request("a1B2c3D4e5F", "dev1", "prodSecret01", random="abc123")["body"])
print(topics("pk", "dn")["property_post_reply"], event_topic("pk", "dn", "alarm"), reply_topic("/x"), register_topic("regnwl"))
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := `6e1789cdceea89e42028fc5127ef05d7
e1961e0d685dcf980f76c5496aa6b540eccd4d9e
dev1|securemode=2,signmethod=hmacsha256,timestamp=1700000000123| dev1&a1B2c3D4e5F a1B2c3D4e5F.iot-as-mqtt.cn-shanghai.aliyuncs.com 8883 True 60
True
pk.d|securemode=3,signmethod=hmacsha256| 127.0.0.1 1883 False
dev1|securemode=-2,authType=register,random=abc123,signmethod=hmacsha256,instanceId=iot-06z00abc| 0719f5da717bff062ee6e75c4bfe5443c1fb8b5de897cd2f0a70f1a5e5ac72fa
productKey=a1B2c3D4e5F&deviceName=dev1&random=abc123&sign=0719f5da717bff062ee6e75c4bfe5443c1fb8b5de897cd2f0a70f1a5e5ac72fa&signMethod=hmacsha256
/sys/pk/dn/thing/event/property/post_reply /sys/pk/dn/thing/event/alarm/post /x_reply /ext/regnwl
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

func TestScriptErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`sign(1, "d", "s")`, "TypeError: sign: argument 'product_key' must be str, not int"},
		{`sign("p", "d", "s", sign_method="sha1")`, "ValueError: sign: argument 'sign_method'"},
		{`sign("p", "d")`, "missing required argument 'device_secret'"},
		{`sign("p", "d", "s", foo=1)`, "unexpected keyword argument 'foo'"},
		{`mqtt_credentials("p", "d", "s", keepalive=10)`, "argument 'keepalive' must be 30..1200"},
		{`mqtt_credentials("p", "", "s")`, "argument 'device_name' must not be empty"},
		{`mqtt_credentials("p", "d", "s", secure_mode=5)`, "argument 'secure_mode'"},
		{`mqtt_credentials("p", "d", "s", timestamp="x")`, "argument 'timestamp' must be a decimal number"},
		{`mqtt_credentials("p", "d", "s", client_id="a|b")`, "ValueError"},
		{`register_credentials("p", "d", "s", auth_type="connwl")`, "argument 'auth_type'"},
	} {
		out, err := authtest.Run(t, clock, "load(\"auth.aliyun\", \"sign\", \"mqtt_credentials\", \"register_credentials\")\n"+c.src+"\n")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q (%s)", c.src, err, c.want, out)
		}
		if err != nil && strings.Contains(err.Error(), "\"s\"") {
			t.Errorf("%s: error shows the secret: %v", c.src, err)
		}
	}
}
