package emulator

import (
	"encoding/json"
	"strings"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/onenet"
)

// onenet is China Mobile OneNET's MQTT suite: client id = device name,
// user = product id, password = a "version=2018-10-31&res=..." token.
// A data point posted to $sys/{pid}/{dev}/dp/post/json is answered on
// .../accepted with {"id":N}, or on .../rejected with an error code.
var onenet = &Platform{
	Name:      "onenet",
	Hosts:     []string{"heclouds.com"},
	Recognise: func(c Connect) bool { return isOneNETToken(c.Password) },
	Verify:    onenetVerify,
	OnPublish: onenetPublish,
	Reported:  onenetReported,
	// keep-alive 10..1800 s: cloud-auth.md C.1
	Session: func(c Connect) error { return keepAliveIn(c, auth.MinKeepAlive, auth.MaxKeepAlive) },
	Shape: Shape{{isName, "the device name"}, {isName, "the product id"},
		{isOneNETToken, `a token "version=2018-10-31&res=products%2F{pid}%2Fdevices%2F{name}&et=..&method=..&sign=.."`}},
	Owns:     func(c Connect, topic string) bool { return under(topic, "$sys/"+c.User+"/"+c.ClientID) },
	Reserved: []string{"$sys/"},
}

func isOneNETToken(s string) bool {
	return strings.HasPrefix(s, "version=") && strings.Contains(s, "res=")
}

// onenetVerify checks the token's signature when the device (or, for a
// product-level token, the product) has a registered key; otherwise its
// form, its res and its expiry.
func onenetVerify(c Connect, now time.Time, secret func(string) (string, bool)) error {
	lookup := func(pid, dev string) (string, bool) {
		if dev == "" {
			return secret(pid)
		}
		return secret(pid + "/" + dev)
	}
	id, err := auth.CheckForm(c.ClientID, c.User, c.Password, formOnly)
	if err != nil {
		return err
	}
	key := id.ProductID + "/" + id.DeviceName
	if id.ProductLevel {
		key = id.ProductID
	}
	_, registered := secret(key)
	if _, err := auth.CheckForm(c.ClientID, c.User, c.Password, now); err != nil {
		return expiredOK(c, registered, err) // form passed: the expiry is what failed
	}
	if !registered {
		return nil
	}
	_, err = auth.Verify(c.ClientID, c.User, c.Password, now, lookup)
	return err
}

func onenetPublish(c Connect, topic string, payload []byte, reply func(string, []byte)) {
	prefix := "$sys/" + c.User + "/" + c.ClientID + "/"
	if cmdid, ok := strings.CutPrefix(topic, prefix+"cmd/response/"); ok {
		onenetCommandResponse(c, cmdid, payload, reply)
		return
	}
	if topic != prefix+"dp/post/json" {
		return
	}
	var post struct {
		ID *json.Number               `json:"id"`
		DP map[string]json.RawMessage `json:"dp"`
	}
	dec := json.NewDecoder(strings.NewReader(lenientJSON(string(payload))))
	dec.UseNumber()
	if err := dec.Decode(&post); err != nil || post.ID == nil || post.DP == nil {
		id := int64(-1)
		if post.ID != nil {
			id, _ = post.ID.Int64()
		}
		body, _ := json.Marshal(map[string]any{"id": id, "err_code": 98, "err_msg": "Illegal Data"})
		reply(topic+"/rejected", body)
		return
	}
	id, _ := post.ID.Int64()
	body, _ := json.Marshal(map[string]any{"id": id})
	reply(topic+"/accepted", body)
}

// lenientJSON drops trailing commas before } or ]: the OneNET doc's own
// sample payload has them. Whether OneNET accepts such a payload is not
// documented; the emulator does, so the doc's sample gets "accepted".
func lenientJSON(s string) string {
	var b strings.Builder
	inStr := false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if inStr {
			b.WriteByte(ch)
			if ch == '\\' && i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			} else if ch == '"' {
				inStr = false
			}
			continue
		}
		if ch == '"' {
			inStr = true
		}
		if ch == ',' {
			j := i + 1
			for j < len(s) && strings.IndexByte(" \t\r\n", s[j]) >= 0 {
				j++
			}
			if j < len(s) && (s[j] == '}' || s[j] == ']') {
				continue
			}
		}
		b.WriteByte(ch)
	}
	return b.String()
}
