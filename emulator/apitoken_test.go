package emulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// tokenTransport sends the emulator's API token with every request.
type tokenTransport struct{ token string }

func (t tokenTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+t.token)
	return http.DefaultTransport.RoundTrip(r)
}

// apiClient is an HTTP client of e's application API.
func apiClient(e *Emulator) *http.Client {
	return &http.Client{Transport: tokenTransport{e.APIToken()}}
}

// The application API wants the token: without it (or with a wrong one)
// 401 and a JSON error saying where the token comes from; with it in any
// of the accepted places the call goes through. The device-facing
// /ca.pem stays open.
func TestAPITokenRequired(t *testing.T) {
	e := startEmulator(t, Options{})
	if len(e.APIToken()) < 16 {
		t.Fatalf("token %q is too short to be a secret", e.APIToken())
	}
	api := httptest.NewServer(e.Handler())
	defer api.Close()
	post := func(path string, header map[string]string) (int, string) {
		req, _ := http.NewRequest("POST", api.URL+path, strings.NewReader("x"))
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct {
			Msg string `json:"error_msg"`
		}
		json.NewDecoder(resp.Body).Decode(&body)
		return resp.StatusCode, body.Msg
	}
	tok := e.APIToken()
	for _, path := range []string{"/publish?topic=a/b", "/v5/iot/p/devices/d1/messages", "/aliyun/pk/dn/properties",
		"/datapoint/synccmds?product_id=p&device_name=d"} {
		code, msg := post(path, nil)
		if code != http.StatusUnauthorized || !strings.Contains(msg, "qstar emulate") || !strings.Contains(msg, "Authorization: Bearer") {
			t.Errorf("%s without a token: HTTP %d %q", path, code, msg)
		}
		if code, _ := post(path, map[string]string{"Authorization": "Bearer " + tok + "x"}); code != http.StatusUnauthorized {
			t.Errorf("%s with a wrong token: HTTP %d", path, code)
		}
	}
	for name, h := range map[string]map[string]string{
		"bearer":       {"Authorization": "Bearer " + tok},
		"x-auth-token": {"X-Auth-Token": tok},
	} {
		if code, msg := post("/publish?topic=a/b", h); code != http.StatusNoContent {
			t.Errorf("%s: HTTP %d %s", name, code, msg)
		}
	}
	if code, _ := post("/publish?topic=a/b&token="+tok, nil); code != http.StatusNoContent {
		t.Errorf("?token=: HTTP %d", code)
	}
	// Azure's service API: no SAS and no token is refused the same way
	req, _ := http.NewRequest("GET", api.URL+"/devices/dev1", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("azure registry without SAS or token: HTTP %d", resp.StatusCode)
	}
	resp, err = http.Get(api.URL + "/ca.pem")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("/ca.pem: HTTP %d", resp.StatusCode)
	}
}

// A token given in Options is the one the API wants.
func TestAPITokenFromOptions(t *testing.T) {
	e := startEmulator(t, Options{APIToken: "fixed-token-for-ci-0123456789"})
	if e.APIToken() != "fixed-token-for-ci-0123456789" {
		t.Fatalf("token %q", e.APIToken())
	}
}
