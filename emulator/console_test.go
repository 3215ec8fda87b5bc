package emulator

import (
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	paho "github.com/eclipse/paho.mqtt.golang"
)

// browser starts headless Chromium (Debian's chromium package) for a test,
// or skips it.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("needs Chromium (apt-get install -y chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-dev-shm-usage", true))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

// The console, in a real browser: a paho Huawei device connects and
// reports a property; the page (opened once with ?token=, then on its
// cookie) lists the device with its client id, its last message and the
// reported property; the downlink form sends a CreateMessage and the
// device receives it. Without the token the console is 401.
func TestConsoleInBrowser(t *testing.T) {
	ctx := browser(t)
	e := startEmulator(t, Options{Listen: "127.0.0.1:0", Devices: Devices{"huawei": {hwDevice: hwSecret}}})
	addr, err := e.ServeHTTP("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + addr
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("console without a token: HTTP %d", resp.StatusCode)
	}

	report := `{"services":[{"service_id":"Meter","properties":{"kwh":42.5}}]}`
	d := hwPaho(t, e, "--sub", "$oc/devices/"+hwDevice+"/sys/messages/down",
		"--pub", "$oc/devices/"+hwDevice+"/sys/properties/report", report)
	d.waitFor("^subscribed$")
	// the report is logged once the broker has read it
	for i := 0; i < 200 && !strings.Contains(consoleText(t, e, base), "properties/report"); i++ {
		time.Sleep(25 * time.Millisecond)
	}

	row := `tr.device[data-platform="huawei"][data-device="` + hwDevice + `"]`
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?token="+e.APIToken()), chromedp.WaitVisible(row)); err != nil {
		t.Fatal(err)
	}
	rowText, page := text(t, ctx, row), text(t, ctx, "body")
	for _, want := range []string{hwDevice, hwClientID} {
		if !strings.Contains(rowText, want) {
			t.Errorf("device row %q lacks %q", rowText, want)
		}
	}
	for _, want := range []string{"$oc/devices/" + hwDevice + "/sys/properties/report", `"kwh":42.5`, `"Meter.kwh": 42.5`, "↑ from device"} {
		if !strings.Contains(page, want) {
			t.Errorf("console lacks %q:\n%s", want, page)
		}
	}

	if err := chromedp.Do(ctx,
		chromedp.SendKeys(row+" textarea", `{"led": "on"}`),
		chromedp.Click(row+" button"),
		chromedp.WaitVisible("#sent"),
	); err != nil {
		t.Fatal(err)
	}
	sent := text(t, ctx, "#sent")
	if !strings.Contains(sent, "HTTP 201") || !strings.Contains(sent, "DELIVERED") {
		t.Fatalf("form result: %q", sent)
	}
	d.waitFor(`^msg \$oc/devices/` + hwDevice + `/sys/messages/down {"content":{"led":"on"},`)

	// the page, reloaded on its cookie alone, shows the message that went down
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(row)); err != nil {
		t.Fatal(err)
	}
	page = text(t, ctx, "body")
	if !strings.Contains(page, "↓ to device") || !strings.Contains(page, `"led":"on"`) {
		t.Fatalf("console after the downlink:\n%s", page)
	}
}

// text is the text of the element sel selects.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(sel))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// consoleText fetches the console as the API client would.
func consoleText(t *testing.T, e *Emulator, base string) string {
	resp, err := apiClient(e).Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// The console's OneNET form sends a command and shows the device's
// response (a Go paho device answers it); a form posted from another
// origin, or without the token, is refused.
func TestConsoleOneNETCommandForm(t *testing.T) {
	e := startEmulator(t, Options{Listen: "127.0.0.1:0", Devices: Devices{"onenet": {onPID + "/" + onDev: onKey}}})
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	opts := paho.NewClientOptions().AddBroker("tcp://" + e.Addr()).SetClientID(onDev).
		SetUsername(onPID).SetPassword(onenetToken(t)).SetProtocolVersion(4)
	c := paho.NewClient(opts)
	if tok := c.Connect(); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("connect: %v", tok.Error())
	}
	defer c.Disconnect(100)
	prefix := "$sys/" + onPID + "/" + onDev + "/cmd/"
	answer := func(cl paho.Client, m paho.Message) {
		cl.Publish(strings.Replace(m.Topic(), "/request/", "/response/", 1), 0, false, "done "+string(m.Payload()))
	}
	if tok := c.Subscribe(prefix+"request/+", 0, answer); !tok.WaitTimeout(10*time.Second) || tok.Error() != nil {
		t.Fatalf("subscribe: %v", tok.Error())
	}
	form := url.Values{"platform": {"onenet"}, "device": {onPID + "/" + onDev}, "body": {"reboot"}}
	send := func(header map[string]string) (int, string) {
		req, _ := http.NewRequest("POST", api.URL+"/console/send", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	cookie := map[string]string{"Cookie": tokenCookie + "=" + e.APIToken()}
	code, page := send(cookie)
	want := base64.StdEncoding.EncodeToString([]byte("done reboot"))
	if code != http.StatusOK || !strings.Contains(page, "HTTP 200") || !strings.Contains(page, want) {
		t.Fatalf("HTTP %d, page lacks the response %s:\n%s", code, want, page)
	}
	if code, _ := send(nil); code != http.StatusUnauthorized {
		t.Errorf("no token: HTTP %d", code)
	}
	if code, _ := send(map[string]string{"Cookie": cookie["Cookie"], "Origin": "http://evil.example"}); code != http.StatusForbidden {
		t.Errorf("cross-origin: HTTP %d", code)
	}
}
