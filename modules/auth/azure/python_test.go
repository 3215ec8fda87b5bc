package azure

import (
	"encoding/base64"
	"encoding/json"
	"math/rand"
	"testing"

	"github.com/qstar-dev/qstar/modules/auth/internal/authtest"
)

// TestAgainstPython builds random SAS tokens the device SDK's way with
// CPython's stdlib and compares.
func TestAgainstPython(t *testing.T) {
	const script = `
import base64, hashlib, hmac, json, sys
from urllib.parse import quote
out = []
for c in json.load(sys.stdin):
    sr = quote(c['uri'], safe='')
    sts = (sr + '\n' + str(c['se'])).encode('utf-8')
    sig = base64.b64encode(hmac.new(base64.b64decode(c['key']), sts, hashlib.sha256).digest()).decode()
    tok = 'SharedAccessSignature sr=%s&sig=%s&se=%d' % (sr, quote(sig, safe=''), c['se'])
    if c['skn']:
        tok += '&skn=' + quote(c['skn'], safe='')
    out.append(tok)
json.dump(out, sys.stdout)
`
	type tc struct {
		URI string `json:"uri"`
		Key string `json:"key"`
		SE  int64  `json:"se"`
		SKN string `json:"skn"`
	}
	r := rand.New(rand.NewSource(5))
	alphabet := []rune("abcXYZ019-.%_*?!(),:=@$' /é中")
	word := func() string {
		b := make([]rune, 1+r.Intn(16))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		return string(b)
	}
	var cases []tc
	var want []string
	for i := 0; i < 30; i++ {
		key := make([]byte, 1+r.Intn(64))
		r.Read(key)
		c := tc{URI: ResourceURI(word()+".azure-devices.net", word(), ""), Key: base64.StdEncoding.EncodeToString(key), SE: r.Int63n(1 << 40)}
		switch i % 3 {
		case 1:
			c.URI = ResourceURI("h.azure-devices.net", word(), word())
		case 2:
			c.URI, c.SKN = "h.azure-devices.net", word()
		}
		tok, err := SASToken(c.URI, c.Key, c.SE, c.SKN)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
		want = append(want, tok)
	}
	out := authtest.Python(t, script, cases)
	var got []string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("case %d %q: go %s\npython %s", i, cases[i].URI, want[i], got[i])
		}
	}
}
