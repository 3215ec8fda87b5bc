package emulator

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// A device subscribes and publishes only in its own topic space: SUBACK
// 0x80 outside it, and a publish outside it is acknowledged and dropped
// (the device stays connected, the other device gets nothing).
func TestOutsideDeviceTopicSpace(t *testing.T) {
	needPaho(t)
	e, log := standalone(t, Options{})
	a, b := onenetCreds(t, "123456", "dev1"), onenetCreds(t, "123456", "dev2")
	done := make(chan []string)
	go func() {
		done <- pahoSession(t, e.Addr(), map[string]any{"client_id": b.ClientID, "user": b.Username, "password": b.Password,
			"subscribe": []string{"$sys/123456/dev2/#"}, "wait": 2.5})
	}()
	time.Sleep(800 * time.Millisecond)
	got := pahoSession(t, e.Addr(), map[string]any{"client_id": a.ClientID, "user": a.Username, "password": a.Password,
		"subscribe": []string{"$sys/123456/dev1/dp/post/json/+", "$sys/123456/dev2/#", "$sys/#", "#", "$sys/123456/+/dp/post/json/accepted", handledTopic},
		"publish": [][]any{{"$sys/123456/dev2/dp/post/json", `{"id":1,"dp":{"t":[{"v":1}]}}`, 1},
			{"$sys/123456/dev1/dp/post/json", `{"id":2,"dp":{"t":[{"v":1}]}}`, 1}}})
	// the platform's reply may come before or after the PUBACK
	want := []string{"connack 0", "suback $sys/123456/dev1/dp/post/json/+ 1", "suback $sys/123456/dev2/# 128", "suback $sys/# 128",
		"suback # 128", "suback $sys/123456/+/dp/post/json/accepted 128", "suback " + handledTopic + " 128",
		"puback $sys/123456/dev2/dp/post/json", "puback $sys/123456/dev1/dp/post/json",
		`msg $sys/123456/dev1/dp/post/json/accepted {"id":2}`, "closed"}
	if len(got) != len(want) || !hasAll(got, want) {
		t.Fatalf("device A:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := <-done; strings.Join(got, "\n") != "connack 0\nsuback $sys/123456/dev2/# 1\nclosed" {
		t.Fatalf("device B saw another device's publish:\n%s", strings.Join(got, "\n"))
	}
	if !strings.Contains(log.String(), `onenet client "dev1": publish outside its topic space dropped (topic "$sys/123456/dev2/dp/post/json")`) {
		t.Fatalf("no log line for the dropped publish:\n%s", log)
	}
}

// A plain client (no credentials) subscribed to "#" and to the platforms'
// system prefixes sees plain traffic only: no device's publishes, no
// platform replies, no emulator-internal copies; the system prefixes get
// SUBACK 0x80, and its own publishes into a device's space reach no one.
func TestOutsidePlainClientSeesNoPlatformTraffic(t *testing.T) {
	needPaho(t)
	needMosquittoClients(t)
	e, _ := standalone(t, Options{})
	host, port, _ := net.SplitHostPort(e.Addr())
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var subOut bytes.Buffer
	sub := exec.CommandContext(ctx, "mosquitto_sub", "-h", host, "-p", port, "-v", "-W", "30",
		"-t", "#", "-t", "$sys/#", "-t", "/sys/#", "-t", "$iothub/#", "-t", "$oc/#", "-t", "qstar/#")
	sub.Stdout, sub.Stderr = &subOut, &subOut
	if err := sub.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(800 * time.Millisecond)

	plainSubs := pahoSession(t, e.Addr(), map[string]any{"client_id": "plain2",
		"subscribe": []string{"$sys/#", "/sys/#", "$iothub/#", "$oc/#", "/ext/register", "#"}})
	for _, want := range []string{"suback $sys/# 128", "suback /sys/# 128", "suback $iothub/# 128", "suback $oc/# 128",
		"suback /ext/register 128", "suback # 1"} {
		if !has(plainSubs, want) {
			t.Fatalf("plain client subscriptions: %q lacks %q", plainSubs, want)
		}
	}
	one := onenetCreds(t, "123456", "dev1")
	pahoSession(t, e.Addr(), map[string]any{"client_id": one.ClientID, "user": one.Username, "password": one.Password,
		"subscribe": []string{"$sys/123456/dev1/#"},
		"publish":   [][]any{{"$sys/123456/dev1/dp/post/json", `{"id":3,"dp":{}}`, 1}}})
	ali := aliyunCreds(t, "dev1", "3")
	aliGot := pahoSession(t, e.Addr(), map[string]any{"client_id": ali.ClientID, "user": ali.Username, "password": ali.Password,
		"publish": [][]any{{"/sys/a1B2c3D4e5F/dev1/thing/event/property/post", `{"id":"4","params":{}}`, 1},
			{"/a1B2c3D4e5F/dev1/user/update", "custom", 0}}, "wait": 2.5})
	if !has(aliGot, `msg /sys/a1B2c3D4e5F/dev1/thing/event/property/post_reply {"code":200,"data":{},"id":"4","message":"success","method":"thing.event.property.post","version":"1.0"}`) {
		t.Fatalf("the Aliyun device got no reply: %q", aliGot)
	}
	hw := huaweiCreds(t, "64f0a1b2c3d4e5f6a7b8c9d0_dev1")
	hwSub := make(chan []string)
	go func() {
		hwSub <- pahoSession(t, e.Addr(), map[string]any{"client_id": hw.ClientID, "user": hw.Username, "password": hw.Password, "keepalive": 60,
			"subscribe": []string{"$oc/devices/" + hw.Username + "/sys/messages/down"}, "wait": 1.5})
	}()
	time.Sleep(600 * time.Millisecond)
	pahoSession(t, e.Addr(), map[string]any{"client_id": "plain3", "publish": [][]any{
		{"$oc/devices/" + hw.Username + "/sys/messages/down", "injected", 1}, {"plain/hello", "world", 0}}})
	if got := <-hwSub; has(got, "msg $oc/devices/"+hw.Username+"/sys/messages/down injected") {
		t.Fatalf("a plain client's publish reached a Huawei device: %q", got)
	}
	time.Sleep(300 * time.Millisecond)
	sub.Process.Signal(os.Interrupt)
	sub.Wait()
	out := subOut.String()
	if !strings.Contains(out, "plain/hello world") {
		t.Fatalf("mosquitto_sub missed plain traffic:\n%s", out)
	}
	for _, leak := range []string{"$sys/", "/sys/", "/a1B2c3D4e5F/", "$oc/", "qstar/emulator", "injected"} {
		if strings.Contains(out, leak) {
			t.Fatalf("mosquitto_sub saw platform traffic (%s):\n%s", leak, out)
		}
	}
}

func hasAll(lines, want []string) bool {
	for _, w := range want {
		if !has(lines, w) {
			return false
		}
	}
	return true
}
