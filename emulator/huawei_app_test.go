package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// A Huawei device (reference cloud-auth.md D.2's made-up vector: its
// secret is registered, so the password is checked).
const (
	hwDevice   = "64f0a1b2c3d4e5f6a7b8c9d0_dev1"
	hwSecret   = "secret123"
	hwClientID = hwDevice + "_0_0_2023111422"
	hwPassword = "59907e5c4f19add5cc2a9ccef6cffe9476e3807cca6927bdb9005085c61fb29d"
)

func hwPaho(t *testing.T, e *Emulator, args ...string) *pahoDevice {
	return startPaho(t, e, append([]string{"--id", hwClientID, "--user", hwDevice, "--password", hwPassword}, args...)...)
}

// clock is a settable Options.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func messageStatus(t *testing.T, client *http.Client, base, dev, id string) string {
	t.Helper()
	resp, err := client.Get(base + "/v5/iot/p/devices/" + dev + "/messages/" + id)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m struct {
		ID     string                  `json:"message_id"`
		Result struct{ Status string } `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil || resp.StatusCode != http.StatusOK || m.ID != id {
		t.Fatalf("ShowDeviceMessage %s: HTTP %d %v %+v", id, resp.StatusCode, err, m)
	}
	return m.Result.Status
}

// Messages to an offline device wait in the cache, in order, each for its
// ttl: a paho device that connects later gets the live ones once it
// subscribes (PENDING -> DELIVERED), not the expired one (TIMEOUT); a
// ttl of 0 is not cached (FAILED); a bad ttl is refused.
func TestHuaweiOfflineMessagesCached(t *testing.T) {
	clk := &clock{now: time.Now()}
	e := startEmulator(t, Options{Listen: "127.0.0.1:0", Now: clk.Now, Devices: Devices{"huawei": {hwDevice: hwSecret}}})
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	client := apiClient(e)
	for _, m := range []string{
		`{"message": "short-lived", "message_id": "old", "ttl": 5}`,
		`{"message": "first", "message_id": "a"}`,
		`{"message": {"n": 2}, "message_id": "b", "ttl": 60}`,
	} {
		if status := createMessage(t, client, api.URL, hwDevice, m); status != "PENDING" {
			t.Fatalf("%s: %s", m, status)
		}
	}
	if status := createMessage(t, client, api.URL, hwDevice, `{"message": "now or never", "message_id": "z", "ttl": 0}`); status != "FAILED" {
		t.Fatalf("ttl 0 offline: %s", status)
	}
	resp, _ := client.Post(api.URL+"/v5/iot/p/devices/"+hwDevice+"/messages", "application/json", strings.NewReader(`{"message": "x", "ttl": 7}`))
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("ttl 7: HTTP %d", resp.StatusCode)
	}
	clk.add(6 * time.Minute) // "old" expires

	d := hwPaho(t, e, "--sub", "$oc/devices/"+hwDevice+"/sys/messages/down")
	d.waitFor(`"id":"b"`)
	lines := strings.Split(d.output(), "\n")
	var got []string
	for _, l := range lines {
		if strings.HasPrefix(l, "msg ") {
			got = append(got, l)
		}
	}
	want := []string{
		`msg $oc/devices/` + hwDevice + `/sys/messages/down {"content":"first","id":"a","name":"","object_device_id":"` + hwDevice + `"}`,
		`msg $oc/devices/` + hwDevice + `/sys/messages/down {"content":{"n":2},"id":"b","name":"","object_device_id":"` + hwDevice + `"}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("device got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for id, want := range map[string]string{"old": "TIMEOUT", "a": "DELIVERED", "b": "DELIVERED", "z": "FAILED"} {
		if got := messageStatus(t, client, api.URL, hwDevice, id); got != want {
			t.Errorf("message %s: %s, want %s", id, got, want)
		}
	}
	// online and subscribed: delivered at once
	if status := createMessage(t, client, api.URL, hwDevice, `{"message": "live", "message_id": "c"}`); status != "DELIVERED" {
		t.Fatalf("online: %s", status)
	}
	d.waitFor(`"id":"c"`)
}

// The cache is bounded per device: the oldest records go first.
func TestHuaweiMessageCacheBounded(t *testing.T) {
	e := startEmulator(t, Options{})
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	client := apiClient(e)
	for i := 0; i < maxMessagesPerDevice+5; i++ {
		createMessage(t, client, api.URL, "dev", fmt.Sprintf(`{"message": "m", "message_id": "m%d"}`, i))
	}
	resp, err := client.Get(api.URL + "/v5/iot/p/devices/dev/messages")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Messages []struct {
			ID string `json:"message_id"`
		} `json:"messages"`
	}
	json.NewDecoder(resp.Body).Decode(&list)
	if len(list.Messages) != maxMessagesPerDevice || list.Messages[0].ID != "m5" {
		t.Fatalf("%d messages, first %+v", len(list.Messages), list.Messages[:1])
	}
	resp, _ = client.Get(api.URL + "/v5/iot/p/devices/dev/messages/m0")
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("a dropped message: HTTP %d", resp.StatusCode)
	}
}

// CreateCommand is synchronous: a paho device answers on the response
// topic with the request id it got, and that answer is the HTTP reply.
// Offline: 409 IOTDA.014016; no answer: 408 IOTDA.014111.
func TestHuaweiCommand(t *testing.T) {
	e := startEmulator(t, Options{Listen: "127.0.0.1:0", Devices: Devices{"huawei": {hwDevice: hwSecret}}})
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	client := apiClient(e)
	command := func() (int, map[string]any) {
		resp, err := client.Post(api.URL+"/v5/iot/p/devices/"+hwDevice+"/commands", "application/json",
			strings.NewReader(`{"service_id": "Light", "command_name": "On", "paras": {"level": 3}}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		json.NewDecoder(resp.Body).Decode(&body)
		return resp.StatusCode, body
	}
	if code, body := command(); code != http.StatusConflict || body["error_code"] != "IOTDA.014016" {
		t.Fatalf("offline: HTTP %d %v", code, body)
	}

	d := hwPaho(t, e, "--sub", "$oc/devices/"+hwDevice+"/sys/commands/#", "--answer", "huawei", "--reply", "On")
	d.waitFor("^subscribed$")
	code, body := command()
	resp, _ := json.Marshal(body["response"])
	if code != http.StatusOK || body["command_id"] == "" || string(resp) != `{"paras":{"seen":true},"response_name":"On","result_code":0}` {
		t.Fatalf("online: HTTP %d %v", code, body)
	}
	req := d.waitFor(`^msg \$oc/devices/` + hwDevice + `/sys/commands/request_id=`)
	if !strings.HasSuffix(req, fmt.Sprintf(`request_id=%s {"command_name":"On","object_device_id":"%s","paras":{"level":3},"service_id":"Light"}`, body["command_id"], hwDevice)) {
		t.Fatalf("device got %q", req)
	}
	d.stop()

	// a device that never answers
	old := huaweiCommandTimeout
	huaweiCommandTimeout = 300 * time.Millisecond
	defer func() { huaweiCommandTimeout = old }()
	silent := hwPaho(t, e, "--sub", "$oc/devices/"+hwDevice+"/sys/commands/#")
	silent.waitFor("^subscribed$")
	if code, body := command(); code != http.StatusRequestTimeout || body["error_code"] != "IOTDA.014111" {
		t.Fatalf("no answer: HTTP %d %v", code, body)
	}
}
