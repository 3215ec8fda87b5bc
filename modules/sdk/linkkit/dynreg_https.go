package linkkit

import (
	"crypto/tls"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"

	"go.starlark.net/starlark"

	auth "github.com/qstar-dev/qstar/modules/auth/aliyun"
)

// httpsRegister is 1.2.13's pre-registered HTTPS dynamic registration
// (A.13a), on the loop thread before MQTT: the device secret it returns
// is kept and the sign-in goes on as one-device-one-secret. The callback
// runs on this thread; without one (or if it raises) nothing connects.
func (s *session) httpsRegister() bool {
	lk := s.lk
	lk.mu.Lock()
	id := lk.id
	timeout := lk.cfg.requestTimeout
	fn := lk.callbacks["on_device_dynamic_register"]
	lk.mu.Unlock()
	random := auth.Random()
	sign, _ := auth.HMAC(auth.HmacSHA256, id.productSecret, auth.RegisterContent(id.productKey, id.deviceName, random))
	form := url.Values{"productKey": {id.productKey}, "deviceName": {id.deviceName}, "random": {random},
		"sign": {sign}, "signMethod": {auth.HmacSHA256}}
	client := &http.Client{Timeout: timeout, Transport: &http.Transport{
		DialContext:     lk.env.Dial,
		TLSClientConfig: &tls.Config{RootCAs: lk.env.RootCAs, MinVersion: tls.VersionTLS12},
	}}
	req, err := http.NewRequestWithContext(s.ctx, "POST", auth.RegisterURL(id.hostName), strings.NewReader(form.Encode()))
	if err != nil {
		return s.httpsRegisterEnd(false)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := client.Do(req)
	if err != nil {
		// the SDK's urllib raises here; the loop thread only logs it
		lk.env.Logf("linkkit: dynamic registration: %v", err)
		return false
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode != http.StatusOK {
		lk.env.Logf("linkkit: dynamic registration: HTTP %s", resp.Status)
		return false
	}
	var reply struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    struct {
			DeviceSecret string `json:"deviceSecret"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &reply); err != nil {
		lk.env.Logf("linkkit: dynamic registration: reply is not JSON: %v", err)
		return false
	}
	if fn == nil || fn == starlark.None {
		lk.env.Logf("linkkit: dynamic registration: no on_device_dynamic_register callback; not connecting")
		return s.httpsRegisterEnd(false)
	}
	if reply.Code != 200 {
		lk.interp.Call("linkkit loop", fn, starlark.MakeInt(1), starlark.String(reply.Message), lk.userData)
		return s.httpsRegisterEnd(false)
	}
	if _, err := lk.interp.Call("linkkit loop", fn, starlark.MakeInt(0), starlark.String(reply.Data.DeviceSecret), lk.userData); err != nil {
		return s.httpsRegisterEnd(false)
	}
	lk.mu.Lock()
	lk.id.deviceSecret = reply.Data.DeviceSecret
	lk.mu.Unlock()
	return true
}

// httpsRegisterEnd returns the state to INITIALIZED when ok is false.
func (s *session) httpsRegisterEnd(ok bool) bool {
	if !ok {
		s.lk.mu.Lock()
		s.lk.setState("INITIALIZED")
		s.lk.mu.Unlock()
	}
	return ok
}
