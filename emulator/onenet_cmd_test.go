package emulator

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"

	onenetauth "github.com/qstar-dev/qstar/modules/auth/onenet"
)

// The OneNET doc's device and key (seed 003); registered, so tokens are checked.
const (
	onPID, onDev = "469948", "Chic_D"
	onKey        = "rs2FaE5BuygJZkWKDA5okKt1RFpwOx53hbu6hwyCS4U="
)

func onenetToken(t *testing.T) string {
	tok, err := onenetauth.Token(onKey, onenetauth.Params{Res: "products/" + onPID + "/devices/" + onDev,
		ET: time.Now().Add(time.Hour).Unix(), Method: "sha1"})
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// syncCommand calls the OneNET command API and decodes its answer.
func syncCommand(t *testing.T, e *Emulator, base, query, cmd string) (int, map[string]any) {
	t.Helper()
	resp, err := apiClient(e).Post(base+"/datapoint/synccmds?"+query, "application/octet-stream", strings.NewReader(cmd))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body
}

// A command reaches a paho device on cmd/request/{cmdid}; its publish on
// cmd/response/{cmdid} is the API's answer (base64 in cmd_resp) and is
// acknowledged on .../accepted with an empty payload. An answer to an id
// nobody sent is rejected with 113; offline is 404.
func TestOneNETCommand(t *testing.T) {
	e := startEmulator(t, Options{Listen: "127.0.0.1:0", Devices: Devices{"onenet": {onPID + "/" + onDev: onKey}}})
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	query := "product_id=" + onPID + "&device_name=" + onDev
	if code, body := syncCommand(t, e, api.URL, query, "reboot"); code != http.StatusNotFound {
		t.Fatalf("offline: HTTP %d %v", code, body)
	}
	prefix := "$sys/" + onPID + "/" + onDev + "/cmd/"
	d := startPaho(t, e, "--id", onDev, "--user", onPID, "--password", onenetToken(t),
		"--sub", prefix+"request/+", "--sub", prefix+"response/+/+", "--answer", "onenet", "--reply", "ok",
		"--pub", prefix+"response/nope", "late")
	d.waitFor(`^msg \$sys/469948/Chic_D/cmd/response/nope/rejected {"err_code":113,`)

	code, body := syncCommand(t, e, api.URL, query, "led=on")
	data, _ := body["data"].(map[string]any)
	resp, _ := base64.StdEncoding.DecodeString(data["cmd_resp"].(string))
	if code != http.StatusOK || body["code"] != 0.0 || string(resp) != "ok:led=on" {
		t.Fatalf("online: HTTP %d %v (cmd_resp %q)", code, body, resp)
	}
	id := data["cmd_uuid"].(string)
	d.waitFor(`^msg \$sys/469948/Chic_D/cmd/request/` + id + ` led=on$`)
	d.waitFor(`^msg \$sys/469948/Chic_D/cmd/response/` + id + `/accepted $`)
}

// A device that answers after the call's timeout gets rejected 112, and
// the call 504; too long an answer is rejected 99. The device here is
// Eclipse's Go paho client.
func TestOneNETCommandTimeoutAndLimits(t *testing.T) {
	e := startEmulator(t, Options{Listen: "127.0.0.1:0", Devices: Devices{"onenet": {onPID + "/" + onDev: onKey}}})
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	got := make(chan paho.Message, 10)
	opts := paho.NewClientOptions().AddBroker("tcp://" + e.Addr()).SetClientID(onDev).
		SetUsername(onPID).SetPassword(onenetToken(t)).SetProtocolVersion(4)
	c := paho.NewClient(opts)
	if tok := c.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("connect: %v", tok.Error())
	}
	defer c.Disconnect(100)
	prefix := "$sys/" + onPID + "/" + onDev + "/cmd/"
	for _, f := range []string{prefix + "request/+", prefix + "response/+/+"} {
		if tok := c.Subscribe(f, 0, func(_ paho.Client, m paho.Message) { got <- m }); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
			t.Fatalf("subscribe: %v", tok.Error())
		}
	}
	code, body := syncCommand(t, e, api.URL, "product_id="+onPID+"&device_name="+onDev+"&timeout=1", "slow")
	if code != http.StatusGatewayTimeout {
		t.Fatalf("no answer: HTTP %d %v", code, body)
	}
	req := <-got
	id := strings.TrimPrefix(req.Topic(), prefix+"request/")
	expect := func(topic, payload string) {
		t.Helper()
		select {
		case m := <-got:
			if m.Topic() != topic || !strings.Contains(string(m.Payload()), payload) {
				t.Fatalf("got %s %s, want %s %s", m.Topic(), m.Payload(), topic, payload)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no %s", topic)
		}
	}
	c.Publish(prefix+"response/"+id, 0, false, "too late").Wait()
	expect(prefix+"response/"+id+"/rejected", `"err_code":112`)
	c.Publish(prefix+"response/"+id, 0, false, strings.Repeat("x", onenetMaxResponse+1)).Wait()
	expect(prefix+"response/"+id+"/rejected", `"err_code":99`)
	if code, _ := syncCommand(t, e, api.URL, "product_id="+onPID+"&device_name="+onDev+"&timeout=99", "x"); code != http.StatusBadRequest {
		t.Fatalf("timeout 99: HTTP %d", code)
	}
}
