package emulator

import (
	"encoding/json"
	"strings"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/aliyun"
)

// aliyun is Alibaba Cloud IoT: client id "{id}|securemode=..,signmethod=..|",
// user "{dn}&{pk}", password an HMAC of the sorted fields. A device's
// thing-model posts (/sys/{pk}/{dn}/thing/event/.../post) get their _reply,
// delivered whether or not it subscribed (Aliyun auto-subscribes devices).
// Dynamic registration (register, regnwl, then connwl with the issued
// token) is answered in aliyun_dynreg.go.
var aliyun = &Platform{
	Name:          "aliyun",
	Hosts:         []string{"aliyuncs.com"},
	Recognise:     func(c Connect) bool { return isAliyunClientID(c.ClientID) },
	Verify:        aliyunVerify,
	Established:   aliyunEstablished,
	AutoSubscribe: true,
	OnPublish:     aliyunPublish,
	Reported:      aliyunReported,
	Session:       aliyunSession,
	Shape: Shape{{isAliyunClientID, `"{clientId}|securemode=2,signmethod=hmacsha256,...|"`},
		{func(s string) bool { _, _, err := auth.ParseUsername(s); return err == nil }, `"{deviceName}&{productKey}"`},
		{func(s string) bool { return isHex(s, 32, 40, 64) }, "an HMAC hex digest"}},
	Owns:     aliyunOwns,
	Reserved: []string{"/sys/", "/ext/", "/ota/", "/shadow/"},
}

func isAliyunClientID(s string) bool {
	return strings.Contains(s, "|") && strings.Contains(s, "securemode=")
}

// aliyunSession: securemode 2 (and -1) is TLS direct, and MQTT
// registration works over TLS only (cloud-auth.md A.2, A.4 b); keep-alive
// 30..1200 s, registration exempt (A.5).
func aliyunSession(c Connect) error {
	_, params, err := auth.ParseClientID(c.ClientID)
	if err != nil {
		return nil // Verify refuses it with the platform's code
	}
	mode, authType := params["securemode"], params["authType"]
	if mode == auth.SecureTLS || mode == "-1" || authType == auth.AuthRegister {
		if err := needsTLS(c, "securemode="+mode+" (or authType=register) is TLS, port 8883"); err != nil {
			return err
		}
	}
	if !auth.KeepAliveOK(int(c.KeepAlive), authType) {
		return keepAliveIn(c, 30, 1200)
	}
	return nil
}

// aliyunOwns: a device's topics name its product key and device name as
// two consecutive levels; registration answers arrive on /ext/register
// and /ext/regnwl.
func aliyunOwns(c Connect, topic string) bool {
	dn, pk, _ := strings.Cut(c.User, "&")
	return hasSegments(topic, pk, dn) || topic == auth.RegisterTopic(auth.AuthRegister) || topic == auth.RegisterTopic(auth.AuthRegNWL)
}

// aliyunPublish answers thing.event.*.post with the platform's Alink reply:
// {"code":200,"data":{},"id":..,"message":"success","method":..,"version":"1.0"},
// the method echoing the request's (scripts read reply["method"]).
func aliyunPublish(c Connect, topic string, payload []byte, reply func(string, []byte)) {
	dn, pk, ok := strings.Cut(c.User, "&")
	prefix := "/sys/" + pk + "/" + dn + "/thing/event/"
	if !ok || !strings.HasPrefix(topic, prefix) || !strings.HasSuffix(topic, "/post") {
		return
	}
	var req struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
	}
	resp := map[string]any{"code": 200, "data": map[string]any{}, "message": "success", "version": "1.0"}
	if err := json.Unmarshal(payload, &req); err != nil || req.ID == nil {
		resp = map[string]any{"code": 460, "data": map[string]any{}, "message": "request parameter error"}
	} else {
		resp["id"] = req.ID
		resp["method"] = req.Method
		if req.Method == "" { // thing.event.{identifier}.post, from the topic
			resp["method"] = "thing.event." + strings.TrimSuffix(strings.TrimPrefix(topic, prefix), "/post") + ".post"
		}
	}
	body, _ := json.Marshal(resp)
	reply(topic+"_reply", body)
}

// aliyunVerify checks the form always, and the signature when a secret is
// known: registered in the devices file, or issued by dynamic registration.
func aliyunVerify(c Connect, now time.Time, secret func(string) (string, bool)) error {
	id, err := auth.CheckForm(c.ClientID, c.User, c.Password)
	if err != nil {
		return err
	}
	key := id.ProductKey + "/" + id.DeviceName
	_, product := secret(id.ProductKey)
	_, device := c.State.deviceSecret(key, secret)
	switch id.AuthType {
	case auth.AuthRegister, auth.AuthRegNWL:
		if !product {
			return nil
		}
	case auth.AuthConnWL:
		if _, issued := c.State.deviceToken(key + "/" + id.ClientID); !issued && !product {
			return nil
		}
	default:
		if !device {
			return nil
		}
	}
	_, err = auth.Verify(c.ClientID, c.User, c.Password, auth.Registry{
		DeviceSecret: func(pk, dn string) (string, bool) {
			if s, ok := c.State.deviceSecret(pk+"/"+dn, secret); ok {
				return s, ok
			}
			// with the product registered, any device name is pre-registered
			_, ok := secret(pk)
			return "", ok
		},
		ProductSecret: func(pk string) (string, bool) { return secret(pk) },
		DeviceToken: func(pk, dn, cid string) (string, bool) {
			return c.State.deviceToken(pk + "/" + dn + "/" + cid)
		},
	})
	return err
}
