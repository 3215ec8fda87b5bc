package emulator

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/azure"
)

// With a policy registered, the service API wants its SAS: none, a wrong
// key, an expired token or one for another hub is 401; the right one
// creates the device. The key never appears in the log.
func TestAzureServiceSASChecked(t *testing.T) {
	const key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
	const wrong = "HxwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgEAAAA="
	var log strings.Builder
	e, err := Start(Options{Devices: Devices{policiesKey: {"iothubowner": key}},
		Logf: func(f string, a ...any) { log.WriteString(strings.TrimSpace(sprintf(f, a...)) + "\n") }})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	put := func(token string) int {
		req, _ := http.NewRequest("PUT", api.URL+"/devices/dev1?api-version=2021-04-12", strings.NewReader(`{"deviceId":"dev1"}`))
		req.Host = "myhub.azure-devices.net"
		if token != "" {
			req.Header.Set("Authorization", token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	sas := func(uri, k string, expiry time.Time) string {
		tok, err := auth.SASToken(uri, k, expiry.Unix(), "iothubowner")
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	later := time.Now().Add(time.Hour)
	for name, tok := range map[string]string{
		"none":      "",
		"wrong key": sas("myhub.azure-devices.net", wrong, later),
		"expired":   sas("myhub.azure-devices.net", key, time.Now().Add(-time.Minute)),
		"other hub": sas("otherhub.azure-devices.net", key, later),
	} {
		if code := put(tok); code != http.StatusUnauthorized {
			t.Errorf("%s: HTTP %d, want 401", name, code)
		}
	}
	if code := put(sas("myhub.azure-devices.net", key, later)); code != http.StatusOK {
		t.Errorf("right policy key: HTTP %d", code)
	}
	if strings.Contains(log.String(), key) || strings.Contains(log.String(), wrong) {
		t.Errorf("a key reached the log:\n%s", log.String())
	}
}
