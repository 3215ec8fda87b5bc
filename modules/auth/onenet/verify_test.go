package onenet

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// registry holds device keys by pid/dev and product keys by pid.
type registry map[string]string

func (r registry) lookup(pid, dev string) (string, bool) {
	k, ok := r[pid+"/"+dev]
	return k, ok
}

func TestVerify(t *testing.T) {
	now := time.Unix(madeET-60, 0)
	devKey := madeKey
	prodKey := "EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM="
	reg := registry{madePID + "/dev1": devKey, madePID + "/": prodKey}
	good, _ := Token(devKey, Params{Res: Resource(madePID, "dev1"), ET: madeET, Method: "sha256"})
	prodTok, _ := Token(prodKey, Params{Res: ProductResource(madePID), ET: madeET, Method: "md5"})
	otherDev, _ := Token(devKey, Params{Res: Resource(madePID, "dev2"), ET: madeET, Method: "sha1"})
	expired, _ := Token(devKey, Params{Res: Resource(madePID, "dev1"), ET: now.Unix() - 1, Method: "sha1"})
	// One character of the sign changed (first char after "sign=").
	i := strings.Index(good, "&sign=") + len("&sign=")
	flipped := good[:i] + string(good[i]^1) + good[i+1:]
	wrongKey, _ := Token(prodKey, Params{Res: Resource(madePID, "dev1"), ET: madeET, Method: "sha256"})

	tests := []struct {
		name, client, user, pass string
		code                     byte // 0 = accepted
		reason                   string
	}{
		{"device key", "dev1", madePID, good, 0, ""},
		{"product key", "dev1", madePID, prodTok, 0, ""},
		{"et equal to now", "dev1", madePID, mustToken(devKey, Resource(madePID, "dev1"), now.Unix()), 0, ""},
		{"sign changed", "dev1", madePID, flipped, 5, "signature"},
		{"wrong key", "dev1", madePID, wrongKey, 5, "signature"},
		{"expired", "dev1", madePID, expired, 5, "expired"},
		{"token for other device", "dev1", madePID, otherDev, 5, "device"},
		{"wrong product in user", "dev1", "Zz99", good, 5, "product"},
		{"unknown device", "dev2", madePID, otherDev, 5, "unknown device"},
		{"unknown product", "dev1", "P2", mustTokenP(prodKey, ProductResource("P2")), 5, "unknown product"},
		{"empty client id", "", madePID, good, 2, "client id"},
		{"client id with slash", "a/b", madePID, good, 2, "client id"},
		{"empty user", "dev1", "", good, 4, "user name"},
		{"user with wildcard", "dev1", "a#", good, 4, "user name"},
		{"empty password", "dev1", madePID, "", 4, "empty"},
		{"no sign", "dev1", madePID, strings.Split(good, "&sign=")[0], 4, "sign"},
		{"bad version", "dev1", madePID, strings.Replace(good, "2018-10-31", "2017-01-01", 1), 4, "version"},
		{"bad method", "dev1", madePID, strings.Replace(good, "sha256", "sm2", 1), 4, "method"},
		{"bad et", "dev1", madePID, strings.Replace(good, "et=1700003600", "et=soon", 1), 4, "et"},
		{"bad res", "dev1", madePID, strings.Replace(good, "products%2F", "things%2F", 1), 4, "res"},
		{"bad escape", "dev1", madePID, good + "&x=%zz", 4, "URL-encoded"},
		{"not a token", "dev1", madePID, "hunter2", 4, "no '='"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id, err := Verify(tc.client, tc.user, tc.pass, now, reg.lookup)
			if tc.code == 0 {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if id.ProductID != madePID || id.DeviceName != "dev1" || id.ExpiresAt < now.Unix() {
					t.Errorf("identity %+v", id)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted as %+v", id)
			}
			e := refusal(t, err)
			if e.Code != tc.code || !strings.Contains(e.Reason, tc.reason) {
				t.Errorf("refusal %v, want code %d mentioning %q", e, tc.code, tc.reason)
			}
			if strings.Contains(err.Error(), devKey) || strings.Contains(err.Error(), prodKey) {
				t.Errorf("error leaks a key: %v", err)
			}
		})
	}
}

func TestCheckFormNeedsNoSecret(t *testing.T) {
	now := time.Unix(madeET-60, 0)
	tok, _ := Token(madeKey, Params{Res: ProductResource(madePID), ET: madeET, Method: "sha1"})
	// A token with a garbage signature still has the right form.
	forged := tok[:strings.Index(tok, "&sign=")] + "&sign=AAAA"
	id, err := CheckForm("devX", madePID, forged, now)
	if err != nil || !id.ProductLevel || id.DeviceName != "devX" || id.Method != "sha1" {
		t.Errorf("CheckForm = %+v, %v", id, err)
	}
	if _, err := CheckForm("devX", madePID, forged, time.Unix(madeET+1, 0)); err == nil || refusal(t, err).Code != 5 {
		t.Errorf("expired token passed the form check: %v", err)
	}
}

// Round trip: tokens signed for random devices verify to the same device.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	methods := []string{"md5", "sha1", "sha256"}
	for i := 0; i < 300; i++ {
		pid, dev := randName(rng), randName(rng)
		key := randKey(rng)
		et := rng.Int64N(1 << 33)
		productLevel := rng.IntN(2) == 0
		c, err := DeviceCredentials(pid, dev, key, Params{ET: et, Method: methods[i%3]}, productLevel, false)
		if err != nil {
			t.Fatal(err)
		}
		id, err := Verify(c.ClientID, c.Username, c.Password, time.Unix(et, 0), fixedKey(key))
		if err != nil {
			t.Fatalf("%d: %+v: %v", i, c, err)
		}
		if id.ProductID != pid || id.DeviceName != dev || id.ProductLevel != productLevel || id.ExpiresAt != et {
			t.Fatalf("%d: identity %+v for %s/%s", i, id, pid, dev)
		}
	}
}

func randName(rng *rand.Rand) string {
	const chars = "abcXYZ019_-.:~%&=?@!"
	b := make([]byte, 1+rng.IntN(20))
	for i := range b {
		b[i] = chars[rng.IntN(len(chars))]
	}
	return string(b)
}

func randKey(rng *rand.Rand) string {
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	return base64.StdEncoding.EncodeToString(b)
}

func mustToken(key, res string, et int64) string {
	tok, err := Token(key, Params{Res: res, ET: et, Method: "sha1"})
	if err != nil {
		panic(err)
	}
	return tok
}

func mustTokenP(key, res string) string { return mustToken(key, res, madeET) }

func FuzzVerify(f *testing.F) {
	good := mustToken(madeKey, Resource(madePID, "dev1"), madeET)
	f.Add("dev1", madePID, good)
	f.Add("", "", "")
	f.Add("d", "p", "version=2018-10-31&res=products%2Fp&et=1&method=md5&sign=%")
	f.Add("d", "p", "&&==&")
	f.Fuzz(func(t *testing.T, client, user, pass string) {
		id, err := Verify(client, user, pass, time.Unix(madeET, 0), fixedKey(madeKey))
		if err != nil {
			e := refusal(t, err)
			if e.Code != 2 && e.Code != 4 && e.Code != 5 {
				t.Fatalf("code %d", e.Code)
			}
			return
		}
		if id.DeviceName != client || id.ProductID != user {
			t.Fatalf("accepted %q/%q as %+v", client, user, id)
		}
	})
}

func ExampleDeviceCredentials() {
	c, _ := DeviceCredentials("238322", "mqtts-test-device", "EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=",
		Params{ET: 7557387130, Method: "sha1"}, false, false)
	fmt.Println(c.ClientID, c.Username, c.Host, c.Port)
	fmt.Println(c.Password)
	// Output:
	// mqtts-test-device 238322 mqtts.heclouds.com 1883
	// version=2018-10-31&res=products%2F238322%2Fdevices%2Fmqtts-test-device&et=7557387130&method=sha1&sign=Rs0u%2FKnyoK5%2FMuKo5xKa0tW%2BWqY%3D
}

func BenchmarkToken(b *testing.B) {
	p := Params{Res: Resource(madePID, "dev1"), ET: madeET, Method: "sha256"}
	for b.Loop() {
		if _, err := Token(madeKey, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	tok := mustToken(madeKey, Resource(madePID, "dev1"), madeET)
	now := time.Unix(madeET, 0)
	for b.Loop() {
		if _, err := Verify("dev1", madePID, tok, now, fixedKey(madeKey)); err != nil {
			b.Fatal(err)
		}
	}
}
