package huawei

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/auth/internal/authtest"
)

// pyCreds follows the device SDK's algorithm with the stdlib only:
// timestamp = UTC %Y%m%d%H, password = hmac(key=timestamp, msg=secret).
const pyCreds = `
import hashlib, hmac, json, sys, datetime
out = []
for c in json.load(sys.stdin):
    ts = datetime.datetime.fromtimestamp(c["t"], datetime.timezone.utc).strftime("%Y%m%d%H")
    pw = hmac.new(ts.encode(), c["secret"].encode(), hashlib.sha256).hexdigest()
    out.append("%s_0_0_%s %s" % (c["dev"], ts, pw))
print("\n".join(out))
`

func TestAgainstPython(t *testing.T) {
	type tc struct {
		Dev    string `json:"dev"`
		Secret string `json:"secret"`
		T      int64  `json:"t"`
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var cases []tc
	for i := 0; i < 30; i++ {
		cases = append(cases, tc{randID(rng), randID(rng) + "é密", rng.Int64N(4e9)})
	}
	out := authtest.Python(t, pyCreds, cases)
	want := strings.Split(strings.TrimSpace(out), "\n")
	if len(want) != len(cases) {
		t.Fatalf("python3 gave %d lines for %d cases", len(want), len(cases))
	}
	for i, c := range cases {
		cr, err := DeviceCredentials(c.Dev, c.Secret, time.Unix(c.T, 0), false, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if got := cr.ClientID + " " + cr.Password; got != want[i] {
			t.Errorf("go %s\npython %s", got, want[i])
		}
	}
}
