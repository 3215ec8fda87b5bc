package onenet

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/auth/internal/authtest"
)

func TestScriptModule(t *testing.T) {
	out, err := authtest.Run(t, time.Unix(1700000000, 0), `
load("auth.onenet", "token", "mqtt_credentials", "topics", "cmd_response_topic", "cmd_id", "SERVER")
print(token("238322", b"EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=", device_name="mqtts-test-device", expire_time=7557387130))
print(token("Ab12Cd34Ef", "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=", expire_time=1700003600, method="sha256"))
c = mqtt_credentials("Ab12Cd34Ef", "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=", "dev1", method="sha256", ssl=True, keepalive=30)
print(c["client_id"], c["user"], c["server"], c["port"], c["keepalive"], c["ssl"])
print(c["password"])
print(topics("469948", "Chic_D")["dp_post"], cmd_response_topic("469948", "Chic_D", "abc"))
print(cmd_id("$sys/469948/Chic_D/cmd/request/abc"), cmd_id("nope"))
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := `version=2018-10-31&res=products%2F238322%2Fdevices%2Fmqtts-test-device&et=7557387130&method=sha1&sign=Rs0u%2FKnyoK5%2FMuKo5xKa0tW%2BWqY%3D
version=2018-10-31&res=products%2FAb12Cd34Ef&et=1700003600&method=sha256&sign=DnqoTcfeWLzAAK8C37%2ByeOdXvUu2oIWRYS%2FFeFa0IVA%3D
dev1 Ab12Cd34Ef mqttstls.heclouds.com 8883 30 True
version=2018-10-31&res=products%2FAb12Cd34Ef%2Fdevices%2Fdev1&et=1700003600&method=sha256&sign=N%2Fu9JR1gqpjrNa8j5ZxyWPiyi2Ea0mDmFzuSq2cucsA%3D
$sys/469948/Chic_D/dp/post/json $sys/469948/Chic_D/cmd/response/abc
abc None
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

// The default expiry comes from the interpreter clock, and the token
// verifies until then.
func TestScriptDefaultExpiry(t *testing.T) {
	now := time.Unix(1800000000, 0)
	out, err := authtest.Run(t, now, `
load("auth.onenet", "mqtt_credentials")
c = mqtt_credentials("P1", "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=", "d1")
print(c["password"])
`)
	if err != nil {
		t.Fatal(err)
	}
	tok := strings.TrimSpace(out)
	if !strings.Contains(tok, "&et=1800003600&") {
		t.Errorf("token %s: want et = now+3600", tok)
	}
	if _, err := Verify("d1", "P1", tok, now.Add(time.Hour), fixedKey(madeKey)); err != nil {
		t.Errorf("token refused within its lifetime: %v", err)
	}
	if _, err := Verify("d1", "P1", tok, now.Add(time.Hour+time.Second), fixedKey(madeKey)); err == nil {
		t.Error("token accepted after its lifetime")
	}
}

func TestScriptErrors(t *testing.T) {
	key := `"ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM="`
	tests := []struct{ call, want string }{
		{`token(1, ` + key + `)`, "TypeError: token: argument 'product_id' must be str or bytes, not int"},
		{`token("p")`, "TypeError: token() missing required argument 'access_key'"},
		{`token("p", ` + key + `, bogus=1)`, "TypeError: token() got an unexpected keyword argument 'bogus'"},
		{`token("p", "%%%secret%%%")`, "ValueError: token: argument 'access_key' is not valid base64"},
		{`token("p", ` + key + `, method="sm2")`, `ValueError: token: argument 'method' must be 'md5', 'sha1' or 'sha256', got "sm2"`},
		{`token("p", ` + key + `, expire_time="soon")`, "TypeError: token: argument 'expire_time' must be int, not str"},
		{`token("p", ` + key + `, expire_time=-5)`, "ValueError: token: argument 'expire_time' must be a Unix time in seconds, got -5"},
		{`token("p", ` + key + `, version="2020")`, `ValueError: token: argument 'version' must be "2018-10-31", got "2020"`},
		{`token("p/q", ` + key + `)`, "ValueError: token: argument 'product_id' contains '/'"},
		{`mqtt_credentials("p", ` + key + `, "")`, "ValueError: mqtt_credentials: argument 'device_name' is empty"},
		{`mqtt_credentials("p", ` + key + `, "d", keepalive=5)`, "ValueError: mqtt_credentials: argument 'keepalive' must be 10..1800 seconds for OneNET, got 5"},
		{`mqtt_credentials("p", ` + key + `, "d", ssl="yes")`, "TypeError: mqtt_credentials: argument 'ssl' must be bool, not str"},
		{`topics("p")`, "TypeError: topics() missing required argument 'device_name'"},
	}
	for _, tc := range tests {
		out, err := authtest.Run(t, time.Unix(1, 0), "load(\"auth.onenet\", \"token\", \"mqtt_credentials\", \"topics\")\n"+tc.call+"\n")
		if err == nil {
			t.Errorf("%s: no error, output %q", tc.call, out)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s:\n got %v\nwant %s", tc.call, err, tc.want)
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: error echoes the key: %v", tc.call, err)
		}
	}
}
