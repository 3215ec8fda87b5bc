package aliyun

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

var testReg = Registry{
	DeviceSecret: func(pk, dn string) (string, bool) {
		if pk == vPK && dn == vDN {
			return vDS, true
		}
		return "", false
	},
	ProductSecret: func(pk string) (string, bool) { return "prodSecret01", pk == vPK },
	DeviceToken: func(pk, dn, cid string) (string, bool) {
		return "tok-123", pk == vPK && dn == "newdev" && cid == "cid9"
	},
}

// flip changes one hex character of s at i.
func flip(s string, i int) string {
	c := byte('0')
	if s[i] == '0' {
		c = '1'
	}
	return s[:i] + string(c) + s[i+1:]
}

func TestVerify(t *testing.T) {
	good, _ := SignIn(Device{vPK, vDN, vDS}, Options{ClientID: "dev1", Timestamp: vTS})
	linkkit, _ := SignIn(Device{vPK, vDN, vDS}, Options{ClientID: vPK + "&" + vDN, Timestamp: "1700000000", SignMethod: HmacSHA1,
		Extra: []Param{{"ext", "1"}, {"_v", "1.2.13"}}})
	md5, _ := SignIn(Device{vPK, vDN, vDS}, Options{SignMethod: HmacMD5})
	reg, _ := RegisterMQTT(Product{vPK, "prodSecret01"}, vDN, RegisterOptions{Random: "abc123", InstanceID: "iot-06z00abc"})
	nwl, _ := RegisterMQTT(Product{vPK, "prodSecret01"}, "newdev", RegisterOptions{AuthType: AuthRegNWL})
	tok := TokenConnect(vPK, "newdev", "cid9", "tok-123", "h", 0)
	for _, c := range []struct {
		name           string
		cid, user, pwd string
		code           byte
	}{
		{"device secret", good.ClientID, good.Username, good.Password, 0},
		{"upper-case hex", good.ClientID, good.Username, strings.ToUpper(good.Password), 0},
		{"linkkit", linkkit.ClientID, linkkit.Username, linkkit.Password, 0},
		{"md5 no timestamp", md5.ClientID, md5.Username, md5.Password, 0},
		{"signed without clientId", "dev1|securemode=3,signmethod=hmacsha1|", "dev1&a1B2c3D4e5F", "e1961e0d685dcf980f76c5496aa6b540eccd4d9e", 0},
		{"register", reg.ClientID, reg.Username, reg.Password, 0},
		{"regnwl", nwl.ClientID, nwl.Username, nwl.Password, 0},
		{"connwl", tok.ClientID, tok.Username, tok.Password, 0},

		{"one hex char changed", good.ClientID, good.Username, flip(good.Password, 10), 5},
		{"last hex char changed", good.ClientID, good.Username, flip(good.Password, len(good.Password)-1), 5},
		{"timestamp changed", strings.Replace(good.ClientID, vTS, "1700000000001", 1), good.Username, good.Password, 5},
		{"sign method changed", strings.Replace(md5.ClientID, "hmacmd5", "hmacsha1", 1), md5.Username, md5.Password, 4},
		{"unknown device", good.ClientID, "dev2&a1B2c3D4e5F", good.Password, 5},
		{"unknown product", good.ClientID, "dev1&a1B2c3D4e5G", good.Password, 5},
		{"register wrong sign", reg.ClientID, reg.Username, flip(reg.Password, 0), 5},
		{"register unknown product", reg.ClientID, "dev1&zzz", reg.Password, 5},
		{"register not pre-registered", strings.Replace(reg.ClientID, "dev1|", "dev9|", 1), "dev9&a1B2c3D4e5F", reg.Password, 5},
		{"connwl wrong token", tok.ClientID, tok.Username, "tok-124", 5},

		{"no pipes", "dev1", good.Username, good.Password, 2},
		{"one pipe", "dev1|securemode=2,signmethod=hmacsha256", good.Username, good.Password, 2},
		{"three pipes", "dev1|securemode=2|signmethod=hmacsha256|", good.Username, good.Password, 2},
		{"bad extension", "dev1|securemode,signmethod=hmacsha256|", good.Username, good.Password, 2},
		{"duplicate key", "dev1|signmethod=hmacsha256,signmethod=hmacsha256|", good.Username, good.Password, 2},
		{"unknown sign method", "dev1|signmethod=hmacsha512|", good.Username, good.Password, 2},
		{"missing sign method", "dev1|securemode=2|", good.Username, good.Password, 2},
		{"client id too long", strings.Repeat("x", 65) + "|signmethod=hmacsha256|", good.Username, good.Password, 2},
		{"unknown auth type", "dev1|authType=foo,signmethod=hmacsha256|", good.Username, good.Password, 2},
		{"register without random", "dev1|authType=register,signmethod=hmacsha256|", reg.Username, reg.Password, 2},

		{"user without &", good.ClientID, "dev1a1B2c3D4e5F", good.Password, 4},
		{"user empty pk", good.ClientID, "dev1&", good.Password, 4},
		{"user two &", good.ClientID, "dev1&a&b", good.Password, 4},
		{"password not hex", good.ClientID, good.Username, "zz" + good.Password[2:], 4},
		{"password short", good.ClientID, good.Username, good.Password[:62], 4},
		{"password empty", good.ClientID, good.Username, "", 4},
	} {
		id, err := Verify(c.cid, c.user, c.pwd, testReg)
		if got := code(err); got != c.code || (c.code != 0) != (err != nil) {
			t.Errorf("%s: Verify code %d (%v), want %d", c.name, got, err, c.code)
			continue
		}
		if err == nil && (id.ProductKey != vPK || (id.DeviceName != vDN && id.DeviceName != "newdev")) {
			t.Errorf("%s: identity %+v", c.name, id)
		}
		if err != nil && (strings.Contains(err.Error(), vDS) || strings.Contains(err.Error(), "prodSecret01")) {
			t.Errorf("%s: error leaks a secret: %v", c.name, err)
		}
	}
}

func TestVerifyNilRegistry(t *testing.T) {
	good, _ := SignIn(Device{vPK, vDN, vDS}, Options{})
	if _, err := Verify(good.ClientID, good.Username, good.Password, Registry{}); code(err) != 5 {
		t.Errorf("empty registry: %v, want code 5", err)
	}
	// The form check alone accepts any secret.
	other, _ := SignIn(Device{vPK, vDN, "whatever"}, Options{})
	id, err := CheckForm(other.ClientID, other.Username, other.Password)
	if err != nil || id.DeviceName != vDN || id.ClientID != vPK+"."+vDN || id.SignMethod != HmacSHA256 {
		t.Errorf("CheckForm = %+v, %v", id, err)
	}
}

// TestRoundTrip: Verify(SignIn(x)) is x for many generated identities.
func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	word := func(n int) string {
		const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:@"
		b := make([]byte, 1+r.Intn(n))
		for i := range b {
			b[i] = chars[r.Intn(len(chars))]
		}
		return string(b)
	}
	methods := []string{HmacMD5, HmacSHA1, HmacSHA256}
	for i := 0; i < 500; i++ {
		d := Device{word(20), word(32), word(40)}
		o := Options{SignMethod: methods[i%3]}
		if r.Intn(2) == 0 {
			o.ClientID = word(64)
		}
		if r.Intn(2) == 0 {
			o.Timestamp = fmt.Sprint(r.Int63())
		}
		if r.Intn(2) == 0 {
			o.SecureMode = SecureTCP
		}
		c, err := SignIn(d, o)
		if err != nil {
			t.Fatal(err)
		}
		reg := Registry{DeviceSecret: func(pk, dn string) (string, bool) { return d.DeviceSecret, pk == d.ProductKey && dn == d.DeviceName }}
		id, err := Verify(c.ClientID, c.Username, c.Password, reg)
		if err != nil || id.ProductKey != d.ProductKey || id.DeviceName != d.DeviceName || id.Timestamp != o.Timestamp {
			t.Fatalf("round trip %+v %+v: %+v, %v", d, o, id, err)
		}
		p := Product{d.ProductKey, d.DeviceSecret}
		rc, err := RegisterMQTT(p, d.DeviceName, RegisterOptions{AuthType: AuthRegNWL, SignMethod: methods[i%3]})
		if err != nil {
			t.Fatal(err)
		}
		preg := Registry{ProductSecret: func(pk string) (string, bool) { return p.ProductSecret, pk == p.ProductKey }}
		if id, err := Verify(rc.ClientID, rc.Username, rc.Password, preg); err != nil || id.AuthType != AuthRegNWL || id.DeviceName != d.DeviceName {
			t.Fatalf("register round trip: %+v, %v", id, err)
		}
	}
}

func FuzzVerify(f *testing.F) {
	good, _ := SignIn(Device{vPK, vDN, vDS}, Options{ClientID: "dev1", Timestamp: vTS})
	f.Add(good.ClientID, good.Username, good.Password)
	f.Add("dev1|authType=register,random=abc,signmethod=hmacsha1|", "dev1&pk", "00")
	f.Add("c|securemode=-2,authType=connwl|", "a&b", "tok")
	f.Add("|||", "&&", "")
	f.Fuzz(func(t *testing.T, cid, user, pwd string) {
		id, err := Verify(cid, user, pwd, testReg)
		if err == nil && (id.ProductKey == "" || id.DeviceName == "") {
			t.Fatalf("accepted without identity: %+v", id)
		}
		if err != nil && code(err) == 0 {
			t.Fatalf("untyped error %v", err)
		}
		CheckForm(cid, user, pwd)
	})
}

func BenchmarkVerify(b *testing.B) {
	c, _ := SignIn(Device{vPK, vDN, vDS}, Options{ClientID: "dev1", Timestamp: vTS})
	for b.Loop() {
		if _, err := Verify(c.ClientID, c.Username, c.Password, testReg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSignIn(b *testing.B) {
	for b.Loop() {
		SignIn(Device{vPK, vDN, vDS}, Options{ClientID: "dev1", Timestamp: vTS})
	}
}
