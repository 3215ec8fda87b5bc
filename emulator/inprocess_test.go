package emulator

import (
	"strings"
	"testing"
)

// In process the dialled host picks the platform; credentials that do not
// fit it are refused the same way, and no password reaches the log. Any
// other host is a plain broker, credentials or not.
func TestInProcessHostPicksThePlatform(t *testing.T) {
	log := &logLines{}
	e := startEmulator(t, Options{})
	e.opts.Logf = log.logf(t)
	const pw = "version=2018-10-31&res=products%2F123456%2Fdevices%2Fdev1&et=9999999999&method=sha1&sign=x"
	script := func(host string) string {
		return `
load("umqtt", "MQTTClient")
c = MQTTClient("dev1", "` + host + `", 1883, user="123456", keepalive=30, password="` + pw + `")
c.connect()
print("connected")
c.disconnect()
`
	}
	out, err := run(t, e, "t.star", script("a1B2c3D4e5F.iot-as-mqtt.cn-shanghai.aliyuncs.com"))
	if err == nil || !strings.Contains(err.Error(), "CONNACK 2") || !strings.Contains(log.String(), `aliyun refused client "dev1"`) {
		t.Fatalf("OneNET credentials on an Aliyun host: err %v\n%s\nlog:\n%s", err, out, log)
	}
	if out, err := run(t, e, "t.star", script("broker.example.com")); err != nil || out != "connected\n" {
		t.Fatalf("a plain host: err %v\n%s", err, out)
	}
	if out, err := run(t, e, "t.star", script("mqtts.heclouds.com")); err != nil || out != "connected\n" {
		t.Fatalf("the OneNET host: err %v\n%s", err, out)
	}
	if strings.Contains(log.String(), "sign=x") {
		t.Fatalf("the password reached the log:\n%s", log)
	}
}
