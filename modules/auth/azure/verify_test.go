package azure

import (
	"encoding/base64"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
)

var (
	now     = time.Unix(vNow, 0)
	otherKy = base64.StdEncoding.EncodeToString([]byte("another key of 32 bytes........."))
	testReg = Registry{
		Keys: func(host, dev, mod string) ([]string, bool) {
			if host != vHub {
				return nil, false
			}
			switch ClientID(dev, mod) {
			case "dev1", "dev1/mod1":
				return []string{otherKy, vKey}, true // the secondary key signs
			case "off":
				return []string{vKey}, true
			}
			return nil, false
		},
		PolicyKey: func(host, name string) (string, bool) { return vKey, host == vHub && name == "iothubowner" },
		Disabled:  func(host, dev, mod string) bool { return dev == "off" },
	}
)

func code(err error) byte {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

func tokenFor(t *testing.T, uri string, se int64, skn string) string {
	tok, err := SASToken(uri, vKey, se, skn)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// flipSig changes one character of the token's signature.
func flipSig(tok string) string {
	i := strings.Index(tok, "sig=") + 6
	c := byte('A')
	if tok[i] == 'A' {
		c = 'B'
	}
	return tok[:i] + string(c) + tok[i+1:]
}

func TestVerify(t *testing.T) {
	modUser := "myhub.azure-devices.net/dev1/mod1/?api-version=2021-04-12"
	offTok := tokenFor(t, vHub+"/devices/off", vSE, "")
	for _, c := range []struct {
		name           string
		cid, user, pwd string
		code           byte
	}{
		{"device", "dev1", vUser, vDev, 0},
		{"module", "dev1/mod1", modUser, vMod, 0},
		{"policy token", "dev1", vUser, vSvc, 0},
		{"device token covers its module", "dev1/mod1", modUser, vDev, 0},
		{"python SDK user name", "dev1", vUser + "&DeviceClientType=py-azure-iot-device%2F2.12.0", vDev, 0},
		{"QuecPython sample user name", "dev1", "myhub.azure-devices.net/dev1/api-version=2018-06-30", vDev, 0},
		{"sr compared case-insensitively", "dev1", vUser, tokenFor(t, "MyHub.azure-devices.net/devices/dev1", vSE, ""), 0},

		{"one sig char changed", "dev1", vUser, flipSig(vDev), 5},
		{"expired", "dev1", vUser, tokenFor(t, vHub+"/devices/dev1", vNow, ""), 5},
		{"expiry edited", "dev1", vUser, strings.Replace(vDev, "se=1700003600", "se=1700007200", 1), 5},
		{"other device's token", "dev2", "myhub.azure-devices.net/dev2/?api-version=2021-04-12", vDev, 5},
		{"unknown device", "dev2", "myhub.azure-devices.net/dev2/?api-version=2021-04-12", tokenFor(t, vHub+"/devices/dev2", vSE, ""), 5},
		{"unknown hub", "dev1", "other.azure-devices.net/dev1/?api-version=2021-04-12", tokenFor(t, "other.azure-devices.net/devices/dev1", vSE, ""), 5},
		{"module token for device", "dev1", vUser, vMod, 5},
		{"unknown policy", "dev1", vUser, strings.Replace(vSvc, "skn=iothubowner", "skn=service", 1), 5},
		{"x509 unsupported", "dev1", vUser, "", 5},
		{"disabled", "off", "myhub.azure-devices.net/off/?api-version=2021-04-12", offTok, 3},

		{"empty client id", "", vUser, vDev, 2},
		{"client id two slashes", "dev1/mod1/x", vUser, vDev, 2},
		{"client id differs from user", "dev2", vUser, vDev, 2},
		{"client id lacks module", "dev1", modUser, vMod, 2},

		{"user module without query", "dev1", "myhub.azure-devices.net/dev1/mod1", vDev, 2},
		{"user no path", "dev1", "myhub.azure-devices.net", vDev, 4},
		{"user too many segments", "dev1", "myhub.azure-devices.net/a/b/c/?api-version=1", vDev, 4},
		{"user empty host", "dev1", "/dev1/?api-version=1", vDev, 4},
		{"token without prefix", "dev1", vUser, strings.TrimPrefix(vDev, "SharedAccessSignature "), 4},
		{"token missing se", "dev1", vUser, strings.Replace(vDev, "&se=1700003600", "", 1), 4},
	} {
		id, err := Verify(c.cid, c.user, c.pwd, now, testReg)
		if got := code(err); got != c.code || (err != nil) != (c.code != 0) {
			t.Errorf("%s: Verify code %d (%v), want %d", c.name, got, err, c.code)
			continue
		}
		if err == nil && ClientID(id.DeviceID, id.ModuleID) != c.cid {
			t.Errorf("%s: identity %+v", c.name, id)
		}
		if err != nil && (strings.Contains(err.Error(), vKey) || strings.Contains(err.Error(), "sig=")) {
			t.Errorf("%s: error leaks: %v", c.name, err)
		}
		if Code(err) != c.code {
			t.Errorf("%s: Code() = %d", c.name, Code(err))
		}
	}
	id, _ := Verify("dev1", vUser+"&DeviceClientType=py", vDev, now, testReg)
	if id.APIVersion != "2021-04-12" || id.Query["DeviceClientType"] != "py" || id.HostName != vHub {
		t.Errorf("identity = %+v", id)
	}
}

func TestCheckForm(t *testing.T) {
	other, _ := SASToken(vHub+"/devices/dev7", otherKy, vSE, "")
	id, err := CheckForm("dev7", "myhub.azure-devices.net/dev7/?api-version=2021-04-12", other, now)
	if err != nil || id.DeviceID != "dev7" {
		t.Errorf("CheckForm = %+v, %v", id, err)
	}
	if _, err := CheckForm("dev7", "myhub.azure-devices.net/dev7/?api-version=2021-04-12", other, time.Unix(vSE, 0)); code(err) != 5 {
		t.Errorf("CheckForm at expiry: %v", err)
	}
	if id, err := CheckForm("dev7", "myhub.azure-devices.net/dev7/?api-version=2021-04-12", "", now); err != nil || !id.X509 {
		t.Errorf("x509 form: %+v %v", id, err)
	}
}

// TestRoundTrip: Verify(DeviceConnect(x)) is x for many generated ids.
func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	word := func(n int) string {
		const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.%_*?!(),:=@$'"
		b := make([]byte, 1+r.Intn(n))
		for i := range b {
			b[i] = chars[r.Intn(len(chars))]
		}
		return string(b)
	}
	for i := 0; i < 500; i++ {
		key := make([]byte, 16+r.Intn(48))
		r.Read(key)
		cs := ConnectionString{HostName: word(20) + ".azure-devices.net", DeviceID: word(40), SharedAccessKey: base64.StdEncoding.EncodeToString(key)}
		if i%2 == 0 {
			cs.ModuleID = word(20)
		}
		se := vNow + 1 + r.Int63n(1e6)
		c, err := DeviceConnect(cs, se, "")
		if err != nil {
			t.Fatal(err)
		}
		reg := Registry{Keys: func(h, d, m string) ([]string, bool) {
			return []string{cs.SharedAccessKey}, h == cs.HostName && d == cs.DeviceID && m == cs.ModuleID
		}}
		id, err := Verify(c.ClientID, c.Username, c.Password, now, reg)
		if err != nil || id.DeviceID != cs.DeviceID || id.ModuleID != cs.ModuleID || id.Token.Expiry != se {
			t.Fatalf("round trip %+v: %+v, %v", cs, id, err)
		}
	}
}

func FuzzVerify(f *testing.F) {
	f.Add("dev1", vUser, vDev)
	f.Add("dev1/mod1", "myhub.azure-devices.net/dev1/mod1/?api-version=2021-04-12", vMod)
	f.Add("dev1", "h/dev1/api-version=1", vSvc)
	f.Add("/", "/?", "SharedAccessSignature &&=")
	f.Fuzz(func(t *testing.T, cid, user, pwd string) {
		id, err := Verify(cid, user, pwd, now, testReg)
		if err == nil && (id.DeviceID == "" || id.HostName == "") {
			t.Fatalf("accepted without identity: %+v", id)
		}
		if err != nil && code(err) == 0 {
			t.Fatalf("untyped error %v", err)
		}
		ParseTopic(cid + user)
		ParseConnectionString(pwd)
	})
}

func ExampleSASToken() {
	tok, _ := SASToken(ResourceURI("myhub.azure-devices.net", "dev1", ""), "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", 1700003600, "")
	fmt.Println(tok)
	// Output: SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fdev1&sig=2ylB6nEi79Klft8tf1Kvo0b6LMQ48k36e6OQLeqX2ZI%3D&se=1700003600
}

func BenchmarkVerify(b *testing.B) {
	for b.Loop() {
		if _, err := Verify("dev1", vUser, vDev, now, testReg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSASToken(b *testing.B) {
	for b.Loop() {
		SASToken(vHub+"/devices/dev1", vKey, vSE, "")
	}
}
