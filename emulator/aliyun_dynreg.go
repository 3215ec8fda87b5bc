package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"

	auth "github.com/qstar-dev/qstar/modules/auth/aliyun"
)

// deviceSecret is a device's secret: registered in the devices file, or
// issued here by dynamic registration.
func (s *State) deviceSecret(key string, registered func(string) (string, bool)) (string, bool) {
	if v, ok := registered(key); ok {
		return v, true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.issued[key]
	return v, ok
}

// issue returns the device's secret, making one on first registration:
// a device keeps the secret it was issued.
func (s *State) issue(key string, registered func(string) (string, bool)) string {
	if v, ok := s.deviceSecret(key, registered); ok {
		return v
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.issued == nil {
		s.issued = map[string]string{}
	}
	v := randomHex(16)
	s.issued[key] = v
	return v
}

func (s *State) deviceToken(key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.tokens[key]
	return v, ok
}

func (s *State) issueToken(key string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tokens == nil {
		s.tokens = map[string]string{}
	}
	v := randomHex(16)
	s.tokens[key] = v
	return v
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// aliyunEstablished answers MQTT dynamic registration once CONNACK is out:
// /ext/register carries the device secret; /ext/regnwl a client id and a
// device token for the connwl login that follows.
func aliyunEstablished(c Connect, send func(topic string, payload []byte)) {
	id, err := auth.CheckForm(c.ClientID, c.User, c.Password)
	if err != nil {
		return
	}
	key := id.ProductKey + "/" + id.DeviceName
	switch id.AuthType {
	case auth.AuthRegister:
		secret := c.State.issue(key, c.secrets)
		body, _ := json.Marshal(map[string]string{"productKey": id.ProductKey, "deviceName": id.DeviceName, "deviceSecret": secret})
		send(auth.RegisterTopic(auth.AuthRegister), body)
	case auth.AuthRegNWL:
		cid := randomHex(8)
		token := c.State.issueToken(key + "/" + cid)
		body, _ := json.Marshal(map[string]string{"clientId": cid, "productKey": id.ProductKey,
			"deviceName": id.DeviceName, "deviceToken": token})
		send(auth.RegisterTopic(auth.AuthRegNWL), body)
	}
}

// aliyunRegisterHTTP is POST /auth/register/device, the HTTPS dynamic
// registration: the sign is checked when the product secret is
// registered, and the device gets (and keeps) its secret.
func (e *Emulator) aliyunRegisterHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}
	pk, dn := r.PostForm.Get("productKey"), r.PostForm.Get("deviceName")
	random, sign, method := r.PostForm.Get("random"), r.PostForm.Get("sign"), r.PostForm.Get("signMethod")
	reply := func(code int, msg string, data any) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"code": code, "message": msg, "data": data})
	}
	if pk == "" || dn == "" || random == "" || sign == "" {
		reply(460, "request parameter error", nil)
		return
	}
	secrets := e.secrets("aliyun")
	if ps, ok := secrets(pk); ok {
		want, err := auth.HMAC(method, ps, auth.RegisterContent(pk, dn, random))
		if err != nil || !strings.EqualFold(want, sign) {
			e.opts.Logf("emulator: aliyun registration of %s/%s refused: wrong sign", pk, dn)
			reply(6, "signature check failed", nil)
			return
		}
	}
	secret := e.state.issue(pk+"/"+dn, secrets)
	e.opts.Logf("emulator: aliyun registered %s/%s over HTTPS", pk, dn)
	reply(200, "success", map[string]string{"productKey": pk, "deviceName": dn, "deviceSecret": secret})
}

// secrets looks up a platform's registered keys.
func (e *Emulator) secrets(platform string) func(string) (string, bool) {
	m := e.opts.Devices[platform]
	return func(k string) (string, bool) { s, ok := m[k]; return s, ok }
}
