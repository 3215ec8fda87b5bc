package linkkit_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/qstar-dev/qstar/emulator"

	_ "github.com/qstar-dev/qstar/modules/all"
	"github.com/qstar-dev/qstar/modules/sdk/internal/sdktest"
)

const (
	pk     = "a18wPzZJzNG"
	dn     = "LightSwitch"
	secret = "uwMTmVAMnGGHaAkqmeDY6cHxxB12345"
	psk    = "prodSecretXYZ123"
)

func startEmulator(t *testing.T, devices emulator.Devices) *emulator.Emulator {
	return sdktest.Emulator(t, devices)
}

func run(t *testing.T, em *emulator.Emulator, src string) *sdktest.Script {
	return sdktest.Start(t, em, "lk.py", src)
}

// until is a script helper: wait (at most 5 s) for a condition.
const until = `
import time
def until(cond, tries=250):
    for i in range(tries):
        if cond():
            return True
        time.sleep(0.02)
    return False
`

const device = `
from linkkit import linkkit
lk = linkkit.LinkKit(host_name="cn-shanghai", product_key="` + pk + `",
    device_name="` + dn + `", device_secret="` + secret + `")
lk.config_mqtt(port=1883, protocol="MQTTv311", transport="TCP",
            secure="TLS", keep_alive=60, clean_session=True,
            max_inflight_message=20, max_queued_message=0,
            auto_reconnect_min_sec=1, auto_reconnect_max_sec=60, cadata=None)
`

// The seed's one-device-one-secret sample with its callbacks, against a
// registered device (so the signature is checked): connect, thing-model
// post and its reply, a property set from the application side with the
// auto-reply, a user topic round trip, disconnect.
func TestDeviceSecretSession(t *testing.T) {
	em := startEmulator(t, emulator.Devices{"aliyun": {pk + "/" + dn: secret}})
	api, err := em.ServeHTTP("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := run(t, em, until+device+`
lk.config_device_info("Eth|03ACDEFF0032|Eth|03ACDEFF0031")
print("setup", lk.thing_setup())
got = {}
def on_connect(session_flag, rc, userdata):
    print("on_connect:%d,rc:%d" % (session_flag, rc))
def on_disconnect(rc, userdata):
    print("on_disconnect:rc:%d" % rc)
    got["disc"] = rc
def on_thing_enable(userdata):
    print("thing enabled")
def on_thing_prop_post(request_id, code, data, message, userdata):
    print("prop post reply", request_id, code, data, message)
    got["post"] = code
def on_thing_prop_changed(params, userdata):
    print("prop changed", params)
    got["set"] = params
def on_subscribe_topic(mid, granted_qos, userdata):
    print("subscribed", granted_qos)
    got["sub"] = mid
def on_topic_message(topic, payload, qos, userdata):
    print("message", topic, payload, qos)
    got["msg"] = payload
lk.on_connect = on_connect
lk.on_disconnect = on_disconnect
lk.on_thing_enable = on_thing_enable
lk.on_thing_prop_post = on_thing_prop_post
lk.on_thing_prop_changed = on_thing_prop_changed
lk.on_subscribe_topic = on_subscribe_topic
lk.on_topic_message = on_topic_message
print(lk.check_state())
print("connect", lk.connect_async())
until(lambda: lk.check_state() == lk.LinkKitState.CONNECTED)
print(lk.check_state())
print("post", lk.thing_post_property({"LightSwitch": 1}))
until(lambda: "post" in got)
until(lambda: "set" in got)
topic = lk.to_full_topic("user/get")
print("subscribe", lk.subscribe_topic(topic, 1))
until(lambda: "sub" in got)
print(lk.dump_user_topics())
print("again", lk.subscribe_topic(topic, 1))
print("publish", lk.publish_topic(topic, "ping"))
until(lambda: "msg" in got)
print("disconnect", lk.disconnect())
until(lambda: "disc" in got)
print(lk.check_state())
`)
	s.WaitFor(regexp.QuoteMeta("thing enabled"))
	req, _ := http.NewRequest("POST", "http://"+api+"/aliyun/"+pk+"/"+dn+"/properties", strings.NewReader(`{"LightSwitch": 0}`))
	req.Header.Set("Authorization", "Bearer "+em.APIToken())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("property set: HTTP %d", resp.StatusCode)
	}
	out := s.Wait()
	// the property set comes from the test, at any time after enable
	assertInOrder(t, out, []string{"thing enabled", "prop changed {'LightSwitch': 0}", "subscribe (0, 1)"})
	want := []string{
		"setup 0", "LinkKitState.INITIALIZED", "connect 0", "on_connect:0,rc:0", "thing enabled",
		"LinkKitState.CONNECTED", "post (0, '1')", "prop post reply 1 200 {} success",
		"subscribe (0, 1)", "subscribed [1]",
		"{'/" + pk + "/" + dn + "/user/get': 1}", "again (1, None)", "publish (0, 2)",
		"message /" + pk + "/" + dn + "/user/get b'ping' 1", "on_disconnect:rc:0",
		"LinkKitState.DISCONNECTED",
	}
	assertInOrder(t, out, want)
	// disconnect() returning and the on_disconnect callback race, as on the
	// device: the callback may print before or after the main thread does
	assertInOrder(t, out, []string{"message /" + pk + "/" + dn + "/user/get b'ping' 1", "disconnect None", "LinkKitState.DISCONNECTED"})
}

func assertInOrder(t *testing.T, out string, want []string) {
	t.Helper()
	rest := out
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("missing (in order) %q in:\n%s", w, out)
		}
		rest = rest[i+len(w):]
	}
}

// A wrong device secret is refused by the local cloud; LinkKit keeps
// retrying with backoff and never reports on_connect.
func TestWrongSecretIsRefused(t *testing.T) {
	var logMu sync.Mutex
	var log strings.Builder
	em, err := emulator.Start(emulator.Options{Devices: emulator.Devices{"aliyun": {pk + "/" + dn: "another-secret"}},
		Logf: func(f string, a ...any) { logMu.Lock(); fmt.Fprintf(&log, f+"\n", a...); logMu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	defer em.Close()
	defer func() {
		logMu.Lock()
		defer logMu.Unlock()
		if !strings.Contains(log.String(), "refused") {
			t.Errorf("no refusal logged:\n%s", log.String())
		}
		if strings.Contains(log.String(), secret) || strings.Contains(log.String(), "another-secret") {
			t.Errorf("a secret reached the log:\n%s", log.String())
		}
	}()
	out := run(t, em, until+device+`
def on_connect(session_flag, rc, userdata):
    print("on_connect", rc)
lk.on_connect = on_connect
lk.connect_async()
time.sleep(0.5)
print(lk.check_state())
lk.destroy()
print(lk.check_state())
`).Wait()
	if strings.Contains(out, "on_connect") {
		t.Errorf("a refused CONNACK reached on_connect:\n%s", out)
	}
	assertInOrder(t, out, []string{"LinkKitState.CONNECTING", "LinkKitState.DESTRUCTED"})
}

// MQTT pre-registered dynamic registration (auth_type="register"): the
// device secret arrives in on_device_dynamic_register, and a new LinkKit
// with it signs in (the emulator checks it against the issued secret).
func TestRegisterThenSignIn(t *testing.T) {
	em := startEmulator(t, emulator.Devices{"aliyun": {pk: psk}})
	out := run(t, em, until+`
from linkkit import linkkit
got = {}
def on_device_dynamic_register(rc, value, userdata):
    print("register rc", rc, "userdata", userdata, "secret", len(value))
    got["secret"] = value
def on_disconnect(rc, userdata):
    print("on_disconnect", rc)
lk = linkkit.LinkKit(host_name="cn-shanghai", product_key="`+pk+`", device_name="dev7",
    device_secret="", auth_type="register", product_secret="`+psk+`")
lk.on_device_dynamic_register = on_device_dynamic_register
lk.on_disconnect = on_disconnect
lk.connect_async()
until(lambda: "secret" in got)
print(lk.check_state())
lk2 = linkkit.LinkKit(host_name="cn-shanghai", product_key="`+pk+`", device_name="dev7",
    device_secret=got["secret"])
lk2.connect_async()
print("signed in", until(lambda: lk2.check_state() == lk2.LinkKitState.CONNECTED))
lk2.disconnect()
`).Wait()
	assertInOrder(t, out, []string{"register rc 0 userdata None secret 32", "on_disconnect 0",
		"LinkKitState.DISCONNECTED", "signed in True"})
}

// No pre-registration (auth_type="regnwl"): the reply carries a client id,
// user name and device token, with which a new LinkKit connects (connwl).
func TestRegNWLThenConnWL(t *testing.T) {
	em := startEmulator(t, emulator.Devices{"aliyun": {pk: psk}})
	out := run(t, em, until+`
from linkkit import linkkit
got = {}
def on_device_dynamic_register_nwl_reply(code, client_id, user_name, password):
    print("code:", code)
    print("user_name:", user_name)
    print("connwl:", "authType=connwl,securemode=-2" in client_id)
    got["triple"] = (client_id, user_name, password)
lk = linkkit.LinkKit(host_name="cn-shanghai", product_key="`+pk+`", device_name="dev8",
    device_secret="", auth_type="regnwl", instance_id="", product_secret="`+psk+`")
lk.on_device_dynamic_register_nwl_reply = on_device_dynamic_register_nwl_reply
lk.connect_async()
until(lambda: "triple" in got)
lk.destroy()
cid, user, token = got["triple"]
lk2 = linkkit.LinkKit(host_name="cn-shanghai", product_key="`+pk+`", device_name="dev8",
    device_secret="", username=user, client_id=cid, password=token)
lk2.connect_async()
print("connected", until(lambda: lk2.check_state() == lk2.LinkKitState.CONNECTED))
lk2.disconnect()
lk3 = linkkit.LinkKit(host_name="cn-shanghai", product_key="`+pk+`", device_name="dev8",
    device_secret="", username=user, client_id=cid, password="wrong-token")
lk3.connect_async()
print("wrong token", until(lambda: lk3.check_state() == lk3.LinkKitState.CONNECTED, 25))
lk3.destroy()
`).Wait()
	assertInOrder(t, out, []string{"code: 0", "user_name: dev8&" + pk, "connwl: True", "connected True", "wrong token False"})
}

// Pre-registered HTTPS registration (no auth_type): the callback runs,
// then the same LinkKit signs in with the secret it was given.
func TestHTTPSRegister(t *testing.T) {
	em := startEmulator(t, emulator.Devices{"aliyun": {pk: psk}})
	out := run(t, em, until+`
from linkkit import linkkit
def on_device_dynamic_register(rc, value, userdata):
    if rc == 0:
        print("dynamic register device success, rc:%d, value:%d chars" % (rc, len(value)))
    else:
        print("dynamic register device fail,rc:%d, value:%s" % (rc, value))
lk = linkkit.LinkKit(host_name="cn-shanghai", product_key="`+pk+`", device_name="dev9",
    device_secret="", product_secret="`+psk+`")
lk.on_device_dynamic_register = on_device_dynamic_register
lk.connect_async()
print("connected", until(lambda: lk.check_state() == lk.LinkKitState.CONNECTED))
lk.disconnect()
bad = linkkit.LinkKit(host_name="cn-shanghai", product_key="`+pk+`", device_name="dev9",
    device_secret="", product_secret="not-the-product-secret")
bad.on_device_dynamic_register = on_device_dynamic_register
bad.connect_async()
until(lambda: bad.check_state() == bad.LinkKitState.INITIALIZED)
print(bad.check_state())
`).Wait()
	assertInOrder(t, out, []string{"dynamic register device success, rc:0, value:32 chars", "connected True",
		"dynamic register device fail,rc:1, value:signature check failed", "LinkKitState.INITIALIZED"})
}

// Argument checks raise as 1.2.13 does, and StateError is catchable
// through the class and an instance.
func TestValidation(t *testing.T) {
	em := startEmulator(t, nil)
	out := run(t, em, device+`
def attempt(f):
    try:
        f()
        print("ok")
    except ValueError as e:
        print("ValueError:", e)
    except linkkit.LinkKit.StateError as e:
        print("StateError:", e)
attempt(lambda: linkkit.LinkKit(host_name="", product_key="p", device_name="d", device_secret="s"))
attempt(lambda: linkkit.LinkKit(host_name="cn-shanghai", product_key="p", device_name="d", device_secret=""))
attempt(lambda: lk.config_mqtt(keep_alive=10))
attempt(lambda: lk.config_mqtt(secure="SSL"))
attempt(lambda: lk.config_mqtt(auto_reconnect_min_sec=10, auto_reconnect_max_sec=5))
attempt(lambda: lk.config_mqtt(port=8883))
attempt(lambda: lk.connect())
print(lk.config_device_info("x" * 161), lk.config_device_info("Cellular|imei_001122"))
print(lk.publish_topic("t", "x"), lk.subscribe_topic("t"), lk.unsubscribe_topic("t"))
print(lk.to_full_topic("user/x"), linkkit.LinkKit.to_user_topic("/p/d/user/x"))
print(lk.get_actual_endpoint(), lk.get_endpoint())
print(lk.LinkKitState(3), list(lk.LinkKitState)[0].name, lk.ErrorCode.DYNREG_AUTH_FAILED.value)
lk.destroy()
attempt(lambda: lk.config_mqtt(port=1883))
`).Wait()
	want := []string{
		"ValueError: host_name wrong", "ValueError: device secret & product secret are both empty",
		"ValueError: keep_alive range wrong", "ValueError: secure wrong",
		"ValueError: auto_reconnect_max_sec less than auto_reconnect_min_sec", "ok",
		"StateError: not supported", "1 0", "(-1, None) (-1, None) (-1, None)",
		"/p/d/user/x user/x",
		pk + ".iot-as-mqtt.cn-shanghai.aliyuncs.com None",
		"LinkKitState.CONNECTED INITIALIZED -769",
		"StateError: not in INITIALIZED state",
	}
	out = regexp.MustCompile(`"p"`).ReplaceAllString(out, "p")
	assertInOrder(t, strings.ReplaceAll(out, "/"+pk+"/"+dn+"/", "/p/d/"), want)
}
