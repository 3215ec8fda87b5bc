package emulator

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	onenetauth "github.com/qstar-dev/qstar/modules/auth/onenet"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/all"
)

func startEmulator(t *testing.T, opts Options) *Emulator {
	t.Helper()
	opts.Logf = t.Logf
	e, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// run executes a script whose connections all go to e.
func run(t *testing.T, e *Emulator, name, src string) (string, error) {
	t.Helper()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) {
		env.Dial, env.RootCAs = e.Dial, e.RootCAs()
	})
	done := make(chan error, 1)
	go func() { done <- runtimetest.Exec(in, name, src) }()
	select {
	case err := <-done:
		return out.String(), err
	case <-time.After(20 * time.Second):
		in.CancelAll("test timeout")
		t.Fatalf("script did not finish; output:\n%s", out.String())
		return "", nil
	}
}

// The OneNET sample from the vendor doc (seed 003), byte for byte, dials
// mqtts.heclouds.com with a token that expired on 2023-01-07. Offline
// first: with no key registered it connects, with a warning naming what
// OneNET would refuse, and its data point is accepted.
func TestOneNETSampleExpiredTokenWarns(t *testing.T) {
	var mu sync.Mutex
	var log strings.Builder
	e, err := Start(Options{Logf: func(f string, a ...any) { mu.Lock(); fmt.Fprintf(&log, f+"\n", a...); mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	out, err := run(t, e, "seed003_onenet_mqtt.py", seed003(t))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(out, `Msg={"id":123}`) || !strings.Contains(log.String(), "WARNING: onenet accepted client \"Chic_D\"") ||
		!strings.Contains(log.String(), "token expired at 2023-01-07") {
		t.Fatalf("output:\n%s\nlog:\n%s", out, log.String())
	}
}

// With Strict the local cloud refuses it as OneNET would, and the
// sample's own except prints why.
func TestOneNETSampleExpiredTokenRefused(t *testing.T) {
	e := startEmulator(t, Options{Strict: true})
	out, err := run(t, e, "seed003_onenet_mqtt.py", seed003(t))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.HasPrefix(out, "!!!,e=") || !strings.Contains(out, "CONNACK 5") {
		t.Fatalf("output:\n%s", out)
	}
}

// The same sample with a fresh token for the doc's device key, registered
// with the emulator: the signature is checked, the data point accepted,
// and the sample's loop ends on the platform's reply.
func TestOneNETSampleWithFreshToken(t *testing.T) {
	const key = "rs2FaE5BuygJZkWKDA5okKt1RFpwOx53hbu6hwyCS4U=" // the doc's device access_key
	devices := Devices{"onenet": {"469948/Chic_D": key}}
	token, err := onenetauth.Token(key, onenetauth.Params{
		Res: "products/469948/devices/Chic_D", ET: time.Now().Add(time.Hour).Unix(), Method: "sha1"})
	if err != nil {
		t.Fatal(err)
	}
	src := regexp.MustCompile(`PASSWORD = b'[^']*'`).ReplaceAllString(seed003(t), "PASSWORD = b'"+token+"'")

	e := startEmulator(t, Options{Devices: devices})
	out, err := run(t, e, "seed003_onenet_mqtt.py", src)
	want := "connected\nSubscribe Recv: Topic=$sys/469948/Chic_D/dp/post/json/accepted,Msg={\"id\":123}\n"
	if err != nil || out != want {
		t.Fatalf("err %v; output:\n%s\nwant:\n%s", err, out, want)
	}

	// One wrong character in the signature: refused, not connected.
	bad := strings.Replace(src, "&sign=", "&sign=A", 1)
	out, _ = run(t, e, "seed003_onenet_mqtt.py", bad)
	if !strings.HasPrefix(out, "!!!,e=") || !strings.Contains(out, "CONNACK 5") {
		t.Fatalf("a bad signature was not refused:\n%s", out)
	}
}

func seed003(t *testing.T) string {
	src, err := os.ReadFile("../testdata/vendor/seed003_onenet_mqtt.py") // the vendor doc's sample, unchanged
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// onenetScript posts payload (a Starlark expression) as a QoS 1 data point
// and prints publish's result and the platform's reply.
func onenetScript(host string, port int, ssl bool, payload string) string {
	return fmt.Sprintf(`
load("umqtt", "MQTTClient")
got = []
def cb(topic, msg):
    got.append((topic, msg))
c = MQTTClient("dev1", %q, %d, user="123456", keepalive=30, ssl=%s,
    password="version=2018-10-31&res=products%%2F123456%%2Fdevices%%2Fdev1&et=9999999999&method=sha1&sign=x")
c.set_callback(cb)
c.connect()
c.subscribe("$sys/123456/dev1/dp/post/json/+", 1)
print(c.publish("$sys/123456/dev1/dp/post/json", %s, qos=1))
c.wait_msg()
print(got[0][0])
print(got[0][1])
c.disconnect()
`, host, port, map[bool]string{true: "True", false: "False"}[ssl], payload)
}

// A QoS 1 data point on a $sys topic is acknowledged (publish returns True)
// and answered; a malformed one is rejected with OneNET's error shape.
// Over TLS the script verifies the emulator's certificate for the host it
// dialled (SNI) against the emulator's CA.
func TestOneNETDataPoints(t *testing.T) {
	e := startEmulator(t, Options{})
	cases := []struct {
		name, host string
		port       int
		ssl        bool
		payload    string
		want       string
	}{
		{"accepted", "mqtts.heclouds.com", 1883, false, `'{"id": 7, "dp": {"t": [{"v": 1}]}}'`,
			"True\nb'$sys/123456/dev1/dp/post/json/accepted'\nb'{\"id\":7}'\n"},
		{"tls", "mqttstls.heclouds.com", 8883, true, `'{"id": 8, "dp": {"t": [{"v": 1}]}}'`,
			"True\nb'$sys/123456/dev1/dp/post/json/accepted'\nb'{\"id\":8}'\n"},
		{"rejected", "mqtts.heclouds.com", 1883, false, `'not json'`,
			"True\nb'$sys/123456/dev1/dp/post/json/rejected'\nb'{\"err_code\":98,\"err_msg\":\"Illegal Data\",\"id\":-1}'\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := run(t, e, "t.star", onenetScript(c.host, c.port, c.ssl, c.payload))
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if out != c.want {
				t.Fatalf("got:\n%s\nwant:\n%s", out, c.want)
			}
		})
	}
}

// The standalone listener sees no host name and recognises OneNET by the
// form of the password; a plain client there gets an ordinary broker.
func TestStandaloneRecognisesPlatformByForm(t *testing.T) {
	e := startEmulator(t, Options{Listen: "127.0.0.1:0"})
	host, portText, _ := net.SplitHostPort(e.Addr())
	port, _ := strconv.Atoi(portText)
	in, out := runtimetest.NewInterp(t, nil)
	err := runtimetest.Exec(in, "t.star", onenetScript(host, port, false, `'{"id": 9, "dp": {}}'`))
	if err != nil || !strings.Contains(out.String(), `b'{"id":9}'`) {
		t.Fatalf("err %v\n%s", err, out.String())
	}
}

// A platform that refuses credentials answers CONNACK with its own code,
// and the script's connect() says which.
func TestRefusalCarriesThePlatformsCode(t *testing.T) {
	strict := &Platform{Name: "strict", Hosts: []string{"strict.example"},
		Verify: func(c Connect, now time.Time, _ func(string) (string, bool)) error {
			return &Reject{Code: 5, Reason: "signature mismatch"}
		}}
	platforms = append(platforms, strict)
	defer func() { platforms = platforms[:len(platforms)-1] }()
	e := startEmulator(t, Options{})
	out, err := run(t, e, "t.star", `
load("umqtt", "MQTTClient")
c = MQTTClient("d", "x.strict.example", 1883, user="u", password="p")
c.connect()
`)
	if err == nil || !strings.Contains(err.Error(), "CONNACK 5") {
		t.Fatalf("err = %v\n%s", err, out)
	}
	if strings.Contains(err.Error(), `"p"`) || strings.Contains(out, "password=p") {
		t.Fatalf("password leaked: %v %s", err, out)
	}
}

// A Huawei device whose secret is registered: the right password connects
// and its $oc topics flow (an application message down, a report up); a
// wrong secret is refused with the platform's code.
func TestHuaweiDevice(t *testing.T) {
	const dev, secret = "5fbbb784b4ec2202e982e643_868540050954037", "s3cret-device-key"
	e := startEmulator(t, Options{Devices: Devices{"huawei": {dev: secret}}})
	script := func(secret string) string {
		return fmt.Sprintf(`
load("auth.huawei", "mqtt_credentials")
load("umqtt", "MQTTClient")
got = []
creds = mqtt_credentials(%q, %q, server="a15fbbd7ce.iot-mqtts.cn-north-4.myhuaweicloud.com", keepalive=30)
c = MQTTClient(**creds)
c.set_callback(lambda topic, msg: got.append(msg))
c.connect()
c.subscribe("$oc/devices/%s/sys/messages/down")
c.publish("$oc/devices/%s/sys/messages/down", '{"content": "hello"}')
c.wait_msg()
print(got[0])
c.disconnect()
`, dev, secret, dev, dev)
	}
	out, err := run(t, e, "t.star", script(secret))
	if err != nil || out != "b'{\"content\": \"hello\"}'\n" {
		t.Fatalf("err %v; output:\n%s", err, out)
	}
	_, err = run(t, e, "t.star", script("wrong-secret"))
	if err == nil || !strings.Contains(err.Error(), "CONNACK 4") {
		t.Fatalf("a wrong secret: err = %v", err)
	}
}

// Aliyun: a device with a registered secret posts a property and gets the
// platform's _reply with its request id; a wrong secret is refused.
func TestAliyunPropertyPostReply(t *testing.T) {
	e := startEmulator(t, Options{Devices: Devices{"aliyun": {"a1B2c3D4e5F/dev1": "secret"}}})
	script := func(secret string) string {
		return fmt.Sprintf(`
load("auth.aliyun", "mqtt_credentials")
load("umqtt", "MQTTClient")
got = []
creds = mqtt_credentials("a1B2c3D4e5F", "dev1", %q, region="cn-shanghai")
c = MQTTClient(**creds)
c.set_callback(lambda topic, msg: got.append((topic, msg)))
c.connect()
post = "/sys/a1B2c3D4e5F/dev1/thing/event/property/post"
c.subscribe(post + "_reply", 1)
c.publish(post, '{"id":"42","version":"1.0","params":{"t":21.5},"method":"thing.event.property.post"}', qos=1)
c.wait_msg()
print(got[0][0])
print(got[0][1])
c.disconnect()
`, secret)
	}
	out, err := run(t, e, "t.star", script("secret"))
	want := "b'/sys/a1B2c3D4e5F/dev1/thing/event/property/post_reply'\nb'{\"code\":200,\"data\":{},\"id\":\"42\",\"message\":\"success\",\"method\":\"thing.event.property.post\",\"version\":\"1.0\"}'\n"
	if err != nil || out != want {
		t.Fatalf("err %v; output:\n%s\nwant:\n%s", err, out, want)
	}
	if _, err := run(t, e, "t.star", script("other")); err == nil || !strings.Contains(err.Error(), "CONNACK 5") {
		t.Fatalf("a wrong secret: err = %v", err)
	}
}

// Azure: a device reads its twin, patches reported properties (the version
// goes up), and reads the merged twin back.
func TestAzureTwin(t *testing.T) {
	const key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
	e := startEmulator(t, Options{Devices: Devices{"azure": {"dev1": key}}})
	out, err := run(t, e, "t.star", `
load("auth.azure", "mqtt_credentials")
load("umqtt", "MQTTClient")
got = []
c = MQTTClient(**mqtt_credentials("HostName=myhub.azure-devices.net;DeviceId=dev1;SharedAccessKey=`+key+`"))
c.set_callback(lambda topic, msg: got.append((topic, msg)))
c.connect()
c.subscribe("$iothub/twin/res/#")
c.publish("$iothub/twin/GET/?$rid=1", "")
c.wait_msg()
c.publish("$iothub/twin/PATCH/properties/reported/?$rid=2", '{"fw": "1.2", "temp": {"max": 40}}')
c.wait_msg()
c.publish("$iothub/twin/GET/?$rid=3", "")
c.wait_msg()
for topic, msg in got:
    print(topic, msg)
c.disconnect()
`)
	want := `b'$iothub/twin/res/200/?$rid=1' b'{"desired":{"$version":1},"reported":{"$version":1}}'
b'$iothub/twin/res/204/?$rid=2&$version=2' b''
b'$iothub/twin/res/200/?$rid=3' b'{"desired":{"$version":1},"reported":{"$version":2,"fw":"1.2","temp":{"max":40}}}'
`
	if err != nil || out != want {
		t.Fatalf("err %v; output:\n%s\nwant:\n%s", err, out, want)
	}
}

// The Huawei sample from the vendor doc (seed 004), unchanged, waits for a
// message down. The application sends it with IoTDA's CreateMessage
// through the emulator's HTTP API before the device is up: PENDING, then
// delivered when the sample subscribes, and DELIVERED from then on.
func TestHuaweiSampleWithCreateMessage(t *testing.T) {
	e := startEmulator(t, Options{})
	src, err := os.ReadFile("../testdata/vendor/seed004_huawei.py")
	if err != nil {
		t.Fatal(err)
	}
	const dev = "5fbbb784b4ec2202e982e643_868540050954037"
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	client := apiClient(e)

	if status := createMessage(t, client, api.URL, dev, `{"message": {"led": "on"}, "message_id": "m1", "name": "cmd"}`); status != "PENDING" {
		t.Fatalf("offline device: status %s", status)
	}
	out, err := run(t, e, "seed004_huawei.py", string(src))
	want := `Subscribe Recv: Topic=$oc/devices/` + dev + `/sys/messages/down,Msg={"content":{"led":"on"},"id":"m1","name":"cmd","object_device_id":"` + dev + `"}` + "\n"
	if err != nil || out != want {
		t.Fatalf("err %v; output:\n%s\nwant:\n%s", err, out, want)
	}
	if status := messageStatus(t, client, api.URL, dev, "m1"); status != "DELIVERED" {
		t.Fatalf("after delivery: status %s", status)
	}
}

func createMessage(t *testing.T, client *http.Client, base, dev, body string) string {
	resp, err := client.Post(base+"/v5/iot/proj1/devices/"+dev+"/messages", "application/json", strings.NewReader(body))
	if err != nil {
		t.Error(err)
		return ""
	}
	defer resp.Body.Close()
	var r struct {
		Result struct{ Status string } `json:"result"`
	}
	if resp.StatusCode != http.StatusCreated || json.NewDecoder(resp.Body).Decode(&r) != nil {
		t.Errorf("CreateMessage: HTTP %d", resp.StatusCode)
	}
	return r.Result.Status
}

// POST /publish reaches any platform's devices.
func TestPublishEndpoint(t *testing.T) {
	e := startEmulator(t, Options{})
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	go func() {
		for i := 0; i < 500; i++ {
			if hasSubscriber(e, "devices/d1/messages/devicebound/x") {
				resp, err := apiClient(e).Post(api.URL+"/publish?topic=devices/d1/messages/devicebound/x&qos=1", "text/plain", strings.NewReader("c2d hello"))
				if err == nil {
					resp.Body.Close()
				}
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	out, err := run(t, e, "t.star", `
load("umqtt", "MQTTClient")
c = MQTTClient("d1", "127.0.0.1", 1883)
c.set_callback(lambda t, m: print(t, m))
c.connect()
c.subscribe("devices/d1/messages/devicebound/#", 1)
c.wait_msg()
c.disconnect()
`)
	if err != nil || out != "b'devices/d1/messages/devicebound/x' b'c2d hello'\n" {
		t.Fatalf("err %v; output %q", err, out)
	}
	resp, _ := apiClient(e).Post(api.URL+"/publish?topic=a/%23", "text/plain", strings.NewReader("x"))
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("wildcard topic: HTTP %d", resp.StatusCode)
	}
	resp.Body.Close()
}

// The application patches a twin's desired properties through the service
// API; the connected device receives the patch with its new version, and
// the twin the API returns has it merged.
func TestAzureDesiredPatch(t *testing.T) {
	e := startEmulator(t, Options{})
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	go func() {
		for i := 0; i < 500; i++ {
			if hasSubscriber(e, "$iothub/twin/PATCH/properties/desired/?$version=2") {
				req, _ := http.NewRequest(http.MethodPatch, api.URL+"/twins/dev1", strings.NewReader(`{"properties":{"desired":{"fw":"2.0"}}}`))
				if resp, err := apiClient(e).Do(req); err == nil {
					resp.Body.Close()
				}
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	out, err := run(t, e, "t.star", `
load("auth.azure", "mqtt_credentials")
load("umqtt", "MQTTClient")
c = MQTTClient(**mqtt_credentials("HostName=myhub.azure-devices.net;DeviceId=dev1;SharedAccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="))
c.set_callback(lambda topic, msg: print(topic, msg))
c.connect()
c.subscribe("$iothub/twin/PATCH/properties/desired/#")
c.wait_msg()
c.disconnect()
`)
	if err != nil || out != "b'$iothub/twin/PATCH/properties/desired/?$version=2' b'{\"$version\":2,\"fw\":\"2.0\"}'\n" {
		t.Fatalf("err %v; output %q", err, out)
	}
	resp, err := apiClient(e).Get(api.URL + "/twins/dev1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tw struct {
		Properties struct{ Desired map[string]any } `json:"properties"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tw); err != nil || tw.Properties.Desired["fw"] != "2.0" {
		t.Fatalf("twin: %v %+v", err, tw)
	}
}

// hasSubscriber reports whether a plain client (mochi's topic tree) or a
// platform device (the emulator's list) subscribes to topic.
func hasSubscriber(e *Emulator, topic string) bool {
	return len(e.srv.Topics.Subscribers(topic).Subscriptions) > 0 || len(e.devSubs.match(topic)) > 0
}
