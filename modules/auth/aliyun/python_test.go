package aliyun

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"testing"

	"github.com/qstar-dev/qstar/modules/auth/internal/authtest"
)

// TestAgainstPython recomputes random signatures with CPython's hmac.
func TestAgainstPython(t *testing.T) {
	const script = `
import hmac, hashlib, json, sys
out = []
for c in json.load(sys.stdin):
    content = ''.join(k + v for k, v in sorted(c['fields'].items()) if v)
    out.append(hmac.new(c['secret'].encode(), content.encode(), getattr(hashlib, c['method'][4:])).hexdigest())
json.dump(out, sys.stdout)
`
	type tc struct {
		Method string            `json:"method"`
		Secret string            `json:"secret"`
		Fields map[string]string `json:"fields"`
	}
	r := rand.New(rand.NewSource(7))
	word := func() string {
		alphabet := []rune("abcXYZ019_-.中文é")
		b := make([]rune, 1+r.Intn(20))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		return string(b)
	}
	var cases []tc
	var want []string
	for i := 0; i < 30; i++ {
		c := tc{Method: []string{HmacMD5, HmacSHA1, HmacSHA256}[i%3], Secret: word(), Fields: map[string]string{
			"productKey": word(), "deviceName": word(), "clientId": "", "timestamp": ""}}
		if i%2 == 0 {
			c.Fields["clientId"] = word()
			c.Fields["timestamp"] = fmt.Sprint(r.Int63())
		}
		cases = append(cases, c)
		h, _ := HMAC(c.Method, c.Secret, Content(c.Fields["clientId"], c.Fields["deviceName"], c.Fields["productKey"], c.Fields["timestamp"]))
		want = append(want, h)
	}
	out := authtest.Python(t, script, cases)
	var got []string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("case %d %+v: go %s, python %s", i, cases[i], want[i], got[i])
		}
	}
}
