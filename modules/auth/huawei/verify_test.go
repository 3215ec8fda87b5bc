package huawei

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestVerify(t *testing.T) {
	now := time.Unix(madeUnix, 0) // 2023-11-14 22:13:20 UTC
	reg := secrets(map[string]string{madeDev: madeSecret, "other_dev": "x"})
	good := "59907e5c4f19add5cc2a9ccef6cffe9476e3807cca6927bdb9005085c61fb29d"
	flipped := good[:10] + "0" + good[11:] // 'a' -> '0'
	tests := []struct {
		name, client, user, pass string
		now                      time.Time
		code                     byte
		reason                   string
	}{
		{"type 0", madeDev + "_0_0_2023111422", madeDev, good, now, 0, ""},
		{"type 0 ignores clock", madeDev + "_0_0_2023111422", madeDev, good, now.AddDate(1, 0, 0), 0, ""},
		{"type 1 in hour", madeDev + "_0_1_2023111422", madeDev, good, now, 0, ""},
		{"type 1 one hour late", madeDev + "_0_1_2023111422", madeDev, good, now.Add(70 * time.Minute), 0, ""},
		{"upper-case hex", madeDev + "_0_0_2023111422", madeDev, strings.ToUpper(good), now, 0, ""},
		{"type 1 too late", madeDev + "_0_1_2023111422", madeDev, good, now.Add(110 * time.Minute), 5, "timestamp"},
		{"type 1 too early", madeDev + "_0_1_2023111422", madeDev, good, now.Add(-80 * time.Minute), 5, "timestamp"},
		{"password changed", madeDev + "_0_0_2023111422", madeDev, flipped, now, 4, "password does not match"},
		{"other timestamp", madeDev + "_0_0_2023111423", madeDev, good, now, 4, "password does not match"},
		{"unknown device", "nobody_0_0_2023111422", "nobody", good, now, 5, "unknown device"},
		{"user is another device", madeDev + "_0_0_2023111422", "other_dev", good, now, 4, "user name"},
		{"empty user", madeDev + "_0_0_2023111422", "", good, now, 4, "user name"},
		{"short password", madeDev + "_0_0_2023111422", madeDev, good[:63], now, 4, "64 hex"},
		{"non-hex password", madeDev + "_0_0_2023111422", madeDev, "zz" + good[2:], now, 4, "not hex"},
		{"no fields", madeDev, madeDev, good, now, 2, "client id"},
		{"bad identity type", madeDev + "_2_0_2023111422", madeDev, good, now, 2, "identity type"},
		{"bad sign type", madeDev + "_0_3_2023111422", madeDev, good, now, 2, "sign type"},
		{"bad timestamp", madeDev + "_0_0_20231114", madeDev, good, now, 2, "YYYYMMDDHH"},
		{"bad hour", madeDev + "_0_0_2023111499", madeDev, good, now, 2, "UTC hour"},
		{"empty device", "_0_0_2023111422", "", good, now, 2, "empty"},
		{"bootstrap form", madeDev + "_0_scope1", madeDev, good, now, 2, "client id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id, err := Verify(tc.client, tc.user, tc.pass, tc.now, reg)
			if tc.code == 0 {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if id.DeviceID != madeDev || id.Timestamp != "2023111422" {
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
			if strings.Contains(err.Error(), madeSecret) || strings.Contains(err.Error(), good[:20]) {
				t.Errorf("error leaks a secret: %v", err)
			}
		})
	}
}

// The QuecPython Huawei sample (seed 004) has the right form; its secret
// is not published, so only the form check applies.
func TestCheckFormSample(t *testing.T) {
	id, err := CheckForm("5fbbb784b4ec2202e982e643_868540050954037_0_0_2021011909",
		"5fbbb784b4ec2202e982e643_868540050954037",
		"8001a12405743199b3396943a2ed397286117a9ebab4f5dfda8dd6fafe341d94", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if id.DeviceID != "5fbbb784b4ec2202e982e643_868540050954037" || id.CheckTimestamp ||
		!id.SignedAt.Equal(time.Date(2021, 1, 19, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("identity %+v", id)
	}
}

// Round trip: credentials for random devices and times verify to the
// same device.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 300; i++ {
		dev, secret := randID(rng), randID(rng)
		at := time.Unix(rng.Int64N(4e9), 0)
		check := rng.IntN(2) == 0
		c, err := DeviceCredentials(dev, secret, at, check, "", false)
		if err != nil {
			t.Fatal(err)
		}
		id, err := Verify(c.ClientID, c.Username, c.Password, at, secrets(map[string]string{dev: secret}))
		if err != nil {
			t.Fatalf("%d: %+v: %v", i, c, err)
		}
		if id.DeviceID != dev || id.CheckTimestamp != check || id.Timestamp != Timestamp(at) {
			t.Fatalf("%d: identity %+v for %s", i, id, dev)
		}
	}
}

func randID(rng *rand.Rand) string {
	const chars = "abcXYZ019_-._"
	b := make([]byte, 1+rng.IntN(30))
	for i := range b {
		b[i] = chars[rng.IntN(len(chars))]
	}
	return string(b)
}

func FuzzVerify(f *testing.F) {
	f.Add(madeDev+"_0_0_2023111422", madeDev, "59907e5c4f19add5cc2a9ccef6cffe9476e3807cca6927bdb9005085c61fb29d")
	f.Add("", "", "")
	f.Add("a_0_1_9999123123", "a", strings.Repeat("0", 64))
	f.Add("___", "_", "_")
	f.Fuzz(func(t *testing.T, client, user, pass string) {
		id, err := Verify(client, user, pass, time.Unix(madeUnix, 0), func(string) (string, bool) { return madeSecret, true })
		if err != nil {
			if e := refusal(t, err); e.Code != 2 && e.Code != 4 && e.Code != 5 {
				t.Fatalf("code %d", e.Code)
			}
			return
		}
		if id.DeviceID != user || !strings.HasPrefix(client, user+"_0_") {
			t.Fatalf("accepted %q/%q as %+v", client, user, id)
		}
	})
}

func ExampleDeviceCredentials() {
	c, _ := DeviceCredentials("64f0a1b2c3d4e5f6a7b8c9d0_dev1", "secret123", time.Unix(1700000000, 0), false, "", false)
	fmt.Println(c.ClientID)
	fmt.Println(c.Username)
	fmt.Println(c.Password)
	// Output:
	// 64f0a1b2c3d4e5f6a7b8c9d0_dev1_0_0_2023111422
	// 64f0a1b2c3d4e5f6a7b8c9d0_dev1
	// 59907e5c4f19add5cc2a9ccef6cffe9476e3807cca6927bdb9005085c61fb29d
}

func BenchmarkCredentials(b *testing.B) {
	at := time.Unix(madeUnix, 0)
	for b.Loop() {
		if _, err := DeviceCredentials(madeDev, madeSecret, at, true, "", false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	c, _ := DeviceCredentials(madeDev, madeSecret, time.Unix(madeUnix, 0), true, "", false)
	now := time.Unix(madeUnix, 0)
	reg := secrets(map[string]string{madeDev: madeSecret})
	for b.Loop() {
		if _, err := Verify(c.ClientID, c.Username, c.Password, now, reg); err != nil {
			b.Fatal(err)
		}
	}
}
