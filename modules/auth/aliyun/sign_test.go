package aliyun

import (
	"errors"
	"strings"
	"testing"
)

// Known-answer vectors from the reference (A.2, A.4).
const (
	vPK = "a1B2c3D4e5F"
	vDN = "dev1"
	vDS = "secret"
	vTS = "1700000000000"
)

func TestContentVectors(t *testing.T) {
	if got, want := Content("dev1", vDN, vPK, vTS), "clientIddev1deviceNamedev1productKeya1B2c3D4e5Ftimestamp1700000000000"; got != want {
		t.Errorf("Content = %q, want %q", got, want)
	}
	if got, want := RegisterContent(vPK, vDN, "abc123"), "deviceNamedev1productKeya1B2c3D4e5Frandomabc123"; got != want {
		t.Errorf("RegisterContent = %q, want %q", got, want)
	}
}

func TestHMACVectors(t *testing.T) {
	full := Content("dev1", vDN, vPK, vTS)
	for _, c := range []struct{ method, secret, content, want string }{
		{HmacMD5, vDS, full, "6e1789cdceea89e42028fc5127ef05d7"},
		{HmacSHA1, vDS, full, "f71d88fce96dc1b7a9e12eb6ff5fd6eb8bd66a32"},
		{HmacSHA256, vDS, full, "224a0aaf512a16c9fd58ccd4f6a00d81cf5280d4fc64897998b3ffa594fbaa07"},
		{HmacSHA1, vDS, Content("", vDN, vPK, ""), "e1961e0d685dcf980f76c5496aa6b540eccd4d9e"},
		{HmacSHA1, vDS, Content(vPK+"&"+vDN, vDN, vPK, "1700000000"), "9b1074a556c9f9a6812f6f890449567b410058c4"},
		{HmacSHA256, "prodSecret01", RegisterContent(vPK, vDN, "abc123"), "0719f5da717bff062ee6e75c4bfe5443c1fb8b5de897cd2f0a70f1a5e5ac72fa"},
		{HmacSHA1, "prodSecret01", RegisterContent(vPK, vDN, "abc123"), "1e5952dd48aa4394f87cc8dab22abe4e152efaf7"},
	} {
		got, err := HMAC(c.method, c.secret, c.content)
		if err != nil || got != c.want {
			t.Errorf("HMAC(%s, %q) = %q, %v; want %q", c.method, c.content, got, err, c.want)
		}
	}
	if _, err := HMAC("hmacsha512", "k", "c"); err == nil {
		t.Error("HMAC accepted an unknown method")
	}
}

func TestSignInVector(t *testing.T) {
	c, err := SignIn(Device{vPK, vDN, vDS}, Options{ClientID: "dev1", Timestamp: vTS})
	if err != nil {
		t.Fatal(err)
	}
	want := Connect{
		ClientID: "dev1|securemode=2,signmethod=hmacsha256,timestamp=1700000000000|",
		Username: "dev1&a1B2c3D4e5F",
		Password: "224a0aaf512a16c9fd58ccd4f6a00d81cf5280d4fc64897998b3ffa594fbaa07",
		Host:     "a1B2c3D4e5F.iot-as-mqtt.cn-shanghai.aliyuncs.com", Port: 8883, TLS: true,
	}
	if c != want {
		t.Errorf("SignIn =\n%+v\nwant\n%+v", c, want)
	}
	// LinkKit style, with its extension keys before the timestamp.
	c, err = SignIn(Device{vPK, vDN, vDS}, Options{ClientID: vPK + "&" + vDN, Timestamp: "1700000000", SignMethod: HmacSHA1,
		Extra: []Param{{"ext", "1"}, {"_ss", "1"}, {"lan", "Python"}, {"_v", "1.2.13"}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a1B2c3D4e5F&dev1|securemode=2,signmethod=hmacsha1,ext=1,_ss=1,lan=Python,_v=1.2.13,timestamp=1700000000|"; c.ClientID != want {
		t.Errorf("LinkKit client id = %q, want %q", c.ClientID, want)
	}
	if c.Password != "9b1074a556c9f9a6812f6f890449567b410058c4" {
		t.Errorf("LinkKit password = %q", c.Password)
	}
	// Plain TCP switches the default port; instance ids switch the host.
	c, _ = SignIn(Device{vPK, vDN, vDS}, Options{SecureMode: SecureTCP, InstanceID: "iot-06z00abc"})
	if c.Port != 1883 || c.TLS || c.Host != "iot-06z00abc.mqtt.iothub.aliyuncs.com" || !strings.HasPrefix(c.ClientID, "a1B2c3D4e5F.dev1|securemode=3,") {
		t.Errorf("TCP/instance connect = %+v", c)
	}
}

func TestSignInRejects(t *testing.T) {
	for _, c := range []struct {
		d Device
		o Options
	}{
		{Device{"", vDN, vDS}, Options{}},
		{Device{vPK, "", vDS}, Options{}},
		{Device{vPK, "a&b", vDS}, Options{}},
		{Device{vPK, vDN, vDS}, Options{ClientID: "a|b"}},
		{Device{vPK, vDN, vDS}, Options{ClientID: strings.Repeat("x", 65)}},
		{Device{vPK, vDN, vDS}, Options{SignMethod: "sha1"}},
		{Device{vPK, vDN, vDS}, Options{Extra: []Param{{"securemode", "3"}}}},
		{Device{vPK, vDN, vDS}, Options{Extra: []Param{{"a", "b,c"}}}},
	} {
		if _, err := SignIn(c.d, c.o); err == nil {
			t.Errorf("SignIn(%+v, %+v) succeeded", c.d, c.o)
		}
	}
}

func TestRegisterVectors(t *testing.T) {
	p := Product{vPK, "prodSecret01"}
	c, err := RegisterMQTT(p, vDN, RegisterOptions{Random: "abc123", InstanceID: "iot-06z00abc"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "dev1|securemode=-2,authType=register,random=abc123,signmethod=hmacsha256,instanceId=iot-06z00abc|"; c.ClientID != want {
		t.Errorf("register client id = %q, want %q", c.ClientID, want)
	}
	if c.Password != "0719f5da717bff062ee6e75c4bfe5443c1fb8b5de897cd2f0a70f1a5e5ac72fa" || c.Username != "dev1&a1B2c3D4e5F" {
		t.Errorf("register user/password = %q %q", c.Username, c.Password)
	}
	c, _ = RegisterMQTT(p, vDN, RegisterOptions{Random: "abc123", AuthType: AuthRegNWL, SignMethod: HmacSHA1})
	if want := "dev1|securemode=2,authType=regnwl,random=abc123,signmethod=hmacsha1|"; c.ClientID != want || c.Password != "1e5952dd48aa4394f87cc8dab22abe4e152efaf7" {
		t.Errorf("regnwl = %+v", c)
	}
	if _, err := RegisterMQTT(p, vDN, RegisterOptions{AuthType: "connwl"}); err == nil {
		t.Error("RegisterMQTT accepted auth type connwl")
	}
	r, err := RegisterHTTP(p, vDN, RegisterOptions{Random: "abc123"})
	if err != nil {
		t.Fatal(err)
	}
	if r.URL != "https://iot-auth.cn-shanghai.aliyuncs.com/auth/register/device" ||
		r.Body != "productKey=a1B2c3D4e5F&deviceName=dev1&random=abc123&sign=0719f5da717bff062ee6e75c4bfe5443c1fb8b5de897cd2f0a70f1a5e5ac72fa&signMethod=hmacsha256" {
		t.Errorf("RegisterHTTP = %+v", r)
	}
	tc := TokenConnect(vPK, vDN, "cid9", "tok", "h", 0)
	if tc.ClientID != "cid9|securemode=-2,authType=connwl|" || tc.Password != "tok" || tc.Port != 8883 {
		t.Errorf("TokenConnect = %+v", tc)
	}
}

func TestRandom(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 100; i++ {
		r := Random()
		if len(r) != 15 || strings.Trim(r, alnum) != "" {
			t.Fatalf("Random() = %q", r)
		}
		seen[r] = true
	}
	if len(seen) < 100 {
		t.Errorf("Random repeated itself: %d distinct of 100", len(seen))
	}
}

func TestTopics(t *testing.T) {
	tp := DeviceTopics(vPK, vDN)
	for _, c := range []struct{ got, want string }{
		{tp.PropertyPost(), "/sys/a1B2c3D4e5F/dev1/thing/event/property/post"},
		{Reply(tp.PropertyPost()), "/sys/a1B2c3D4e5F/dev1/thing/event/property/post_reply"},
		{tp.PropertySet(), "/sys/a1B2c3D4e5F/dev1/thing/service/property/set"},
		{tp.Event("alarm"), "/sys/a1B2c3D4e5F/dev1/thing/event/alarm/post"},
		{tp.Service("reboot"), "/sys/a1B2c3D4e5F/dev1/thing/service/reboot"},
		{tp.User("update"), "/a1B2c3D4e5F/dev1/user/update"},
		{tp.ShadowGet(), "/shadow/get/a1B2c3D4e5F/dev1"},
		{tp.OTAInform(), "/ota/device/inform/a1B2c3D4e5F/dev1"},
		{EventMethod("alarm"), "thing.event.alarm.post"},
		{RegisterTopic(AuthRegNWL), "/ext/regnwl"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func code(err error) byte {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}
