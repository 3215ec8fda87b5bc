package onenet

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const (
	madeKey = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=" // bytes 100..131
	madePID = "Ab12Cd34Ef"
	madeET  = 1700003600
)

// Known answers from the reference (vendor example and made-up vectors)
// and from the QuecPython OneNET sample (seed 003), whose printed token
// matches its device key.
func TestSignVectors(t *testing.T) {
	tests := []struct {
		name, key string
		p         Params
		sign      string
	}{
		{"md5", madeKey, Params{Res: Resource(madePID, "dev1"), ET: madeET, Method: "md5"}, "0Q4aQOaz6HXMHTcCh6Vs2Q=="},
		{"sha1", madeKey, Params{Res: Resource(madePID, "dev1"), ET: madeET, Method: "sha1"}, "flbjrHJnRQexpnBoZpAJQ1exb80="},
		{"sha256", madeKey, Params{Res: Resource(madePID, "dev1"), ET: madeET, Method: "sha256"}, "N/u9JR1gqpjrNa8j5ZxyWPiyi2Ea0mDmFzuSq2cucsA="},
		{"product sha256", madeKey, Params{Res: ProductResource(madePID), ET: madeET, Method: "sha256"}, "DnqoTcfeWLzAAK8C37+yeOdXvUu2oIWRYS/FeFa0IVA="},
		{"vendor sha1", "EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=", Params{Res: Resource("238322", "mqtts-test-device"), ET: 7557387130, Method: "sha1"}, "Rs0u/KnyoK5/MuKo5xKa0tW+WqY="},
		{"quecpython sample", "rs2FaE5BuygJZkWKDA5okKt1RFpwOx53hbu6hwyCS4U=", Params{Res: Resource("469948", "Chic_D"), ET: 1673053248, Method: "sha1"}, "prIMDQ23WFI6PMj2IWpaRJJL4eE="},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Sign(tc.key, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.sign {
				t.Errorf("Sign = %s, want %s", got, tc.sign)
			}
			tok, err := Token(tc.key, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			if want := "&sign=" + escape(tc.sign); !strings.HasSuffix(tok, want) {
				t.Errorf("token %s does not end in %s", tok, want)
			}
		})
	}
}

func TestTokenVectors(t *testing.T) {
	tests := []struct {
		key string
		p   Params
		tok string
	}{
		{madeKey, Params{Res: Resource(madePID, "dev1"), ET: madeET, Method: "sha256"},
			"version=2018-10-31&res=products%2FAb12Cd34Ef%2Fdevices%2Fdev1&et=1700003600&method=sha256&sign=N%2Fu9JR1gqpjrNa8j5ZxyWPiyi2Ea0mDmFzuSq2cucsA%3D"},
		{"EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=", Params{Res: Resource("238322", "mqtts-test-device"), ET: 7557387130, Method: "sha1"},
			"version=2018-10-31&res=products%2F238322%2Fdevices%2Fmqtts-test-device&et=7557387130&method=sha1&sign=Rs0u%2FKnyoK5%2FMuKo5xKa0tW%2BWqY%3D"},
		{"rs2FaE5BuygJZkWKDA5okKt1RFpwOx53hbu6hwyCS4U=", Params{Res: Resource("469948", "Chic_D"), ET: 1673053248, Method: "sha1"},
			"version=2018-10-31&res=products%2F469948%2Fdevices%2FChic_D&et=1673053248&method=sha1&sign=prIMDQ23WFI6PMj2IWpaRJJL4eE%3D"},
	}
	for _, tc := range tests {
		got, err := Token(tc.key, tc.p)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.tok {
			t.Errorf("Token(%s) =\n %s\nwant\n %s", tc.p.Res, got, tc.tok)
		}
	}
}

func TestSignErrors(t *testing.T) {
	if _, err := Sign(madeKey, Params{Res: "products/x", ET: 1, Method: "sm3"}); err == nil || !strings.Contains(err.Error(), "sm3") {
		t.Errorf("unsupported method: err = %v", err)
	}
	_, err := Sign("not base64!!", Params{Res: "products/x", ET: 1, Method: "sha1"})
	if err == nil || strings.Contains(err.Error(), "not base64!!") {
		t.Errorf("bad key: err = %v (must not echo the key)", err)
	}
	if _, err := Token(madeKey, Params{ET: 1, Method: "sha1"}); err == nil {
		t.Error("empty res accepted")
	}
}

// The hmac-prefixed method names sign with the same hash but the method
// text itself is signed, so the signatures differ from the bare name's.
func TestMethodAliases(t *testing.T) {
	p := Params{Res: Resource(madePID, "dev1"), ET: madeET, Method: "hmacsha256"}
	tok, err := Token(madeKey, p)
	if err != nil {
		t.Fatal(err)
	}
	id, err := Verify("dev1", madePID, tok, time.Unix(madeET, 0), fixedKey(madeKey))
	if err != nil || id.Method != "hmacsha256" {
		t.Errorf("Verify alias: %+v, %v", id, err)
	}
}

func TestCredentials(t *testing.T) {
	c, err := DeviceCredentials(madePID, "dev1", madeKey, Params{ET: madeET, Method: "sha256"}, false, false)
	if err != nil {
		t.Fatal(err)
	}
	if c.ClientID != "dev1" || c.Username != madePID || c.Host != Host || c.Port != Port ||
		!strings.HasSuffix(c.Password, "sign=N%2Fu9JR1gqpjrNa8j5ZxyWPiyi2Ea0mDmFzuSq2cucsA%3D") {
		t.Errorf("device credentials %+v", c)
	}
	c, err = DeviceCredentials(madePID, "dev1", madeKey, Params{ET: madeET, Method: "sha256"}, true, true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Host != TLSHost || c.Port != TLSPort || !strings.HasSuffix(c.Password, "sign=DnqoTcfeWLzAAK8C37%2ByeOdXvUu2oIWRYS%2FFeFa0IVA%3D") {
		t.Errorf("product-level TLS credentials %+v", c)
	}
	for _, bad := range [][2]string{{"", "dev"}, {"p/1", "dev"}, {"p", ""}, {"p", "a+b"}, {"p", "a b"}} {
		if _, err := DeviceCredentials(bad[0], bad[1], madeKey, Params{ET: 1, Method: "sha1"}, false, false); err == nil {
			t.Errorf("DeviceCredentials(%q, %q) accepted", bad[0], bad[1])
		}
	}
}

func TestTopics(t *testing.T) {
	tp := DeviceTopics("469948", "Chic_D")
	for got, want := range map[string]string{
		tp.DPPost():                  "$sys/469948/Chic_D/dp/post/json",
		tp.DPPostAccepted():          "$sys/469948/Chic_D/dp/post/json/accepted",
		tp.DPPostRejected():          "$sys/469948/Chic_D/dp/post/json/rejected",
		tp.DPPostReplies():           "$sys/469948/Chic_D/dp/post/json/+",
		tp.CmdRequest("+"):           "$sys/469948/Chic_D/cmd/request/+",
		tp.CmdResponseAccepted("c1"): "$sys/469948/Chic_D/cmd/response/c1/accepted",
		tp.CmdResponseRejected("c1"): "$sys/469948/Chic_D/cmd/response/c1/rejected",
		tp.Thing("property/post"):    "$sys/469948/Chic_D/thing/property/post",
		tp.All():                     "$sys/469948/Chic_D/#",
	} {
		if got != want {
			t.Errorf("topic %s, want %s", got, want)
		}
	}
	if id, ok := CmdID("$sys/469948/Chic_D/cmd/request/7f0e-11"); !ok || id != "7f0e-11" {
		t.Errorf("CmdID = %q, %v", id, ok)
	}
	for _, bad := range []string{"$sys/1/d/cmd/request/", "$sys/1/d/dp/post/json", "x/cmd/request/1", "$sys/1/d/cmd/request/a/b"} {
		if id, ok := CmdID(bad); ok {
			t.Errorf("CmdID(%q) = %q", bad, id)
		}
	}
}

func fixedKey(key string) Lookup {
	return func(string, string) (string, bool) { return key, true }
}

func refusal(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not *onenet.Error", err)
	}
	return e
}
