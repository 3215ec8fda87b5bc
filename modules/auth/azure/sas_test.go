package azure

import (
	"strings"
	"testing"
)

// Known-answer vectors from the reference (B.3).
const (
	vKey  = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
	vHub  = "myhub.azure-devices.net"
	vSE   = 1700003600
	vNow  = 1700000000
	vDev  = "SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fdev1&sig=2ylB6nEi79Klft8tf1Kvo0b6LMQ48k36e6OQLeqX2ZI%3D&se=1700003600"
	vMod  = "SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fdev1%2Fmodules%2Fmod1&sig=UArd2DDNhzusWxVBiEprQWSop1RiNTA1NnmVsG0AmXw%3D&se=1700003600"
	vSvc  = "SharedAccessSignature sr=myhub.azure-devices.net&sig=z2GsBnDbkPF5ILfrd9UgHrn3tqxZXTLBEN85EQUGBb0%3D&se=1700003600&skn=iothubowner"
	vUser = "myhub.azure-devices.net/dev1/?api-version=2021-04-12"
)

func TestSASVectors(t *testing.T) {
	for _, c := range []struct{ uri, skn, want string }{
		{ResourceURI(vHub, "dev1", ""), "", vDev},
		{ResourceURI(vHub, "dev1", "mod1"), "", vMod},
		{ResourceURI(vHub, "", ""), "iothubowner", vSvc},
	} {
		got, err := SASToken(c.uri, vKey, vSE, c.skn)
		if err != nil || got != c.want {
			t.Errorf("SASToken(%q) = %q, %v\nwant %q", c.uri, got, err, c.want)
		}
	}
	if got := signature(mustKey(t), Quote(vHub+"/devices/dev1"), "1700003600"); got != "2ylB6nEi79Klft8tf1Kvo0b6LMQ48k36e6OQLeqX2ZI=" {
		t.Errorf("string-to-sign signature = %q", got)
	}
	if _, err := SASToken("x", "not base64!", 1, ""); err == nil {
		t.Error("SASToken accepted a bad key")
	}
}

func mustKey(t *testing.T) []byte {
	k, err := decodeKey(vKey)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"a/b c+d=":   "a%2Fb%20c%2Bd%3D",
		"A-z_0.9~":   "A-z_0.9~",
		"é":          "%C3%A9",
		"dev:1@x$&?": "dev%3A1%40x%24%26%3F",
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseSASToken(t *testing.T) {
	tok, err := ParseSASToken(vSvc)
	if err != nil || tok.SR != vHub || tok.KeyName != "iothubowner" || tok.Expiry != vSE || tok.Sig != "z2GsBnDbkPF5ILfrd9UgHrn3tqxZXTLBEN85EQUGBb0=" {
		t.Errorf("ParseSASToken = %+v, %v", tok, err)
	}
	// Any field order; the service SDK's quote() leaves "/" raw in sig.
	tok, err = ParseSASToken("SharedAccessSignature se=1700003600&sig=2ylB6nEi79Klft8tf1Kvo0b6LMQ48k36e6OQLeqX2ZI=&sr=myhub.azure-devices.net%2Fdevices%2Fdev1")
	if err != nil || !tok.Signed(vKey) {
		t.Errorf("reordered token: %+v, %v", tok, err)
	}
	for _, bad := range []string{
		"",
		"sr=a&sig=b&se=1",
		"SharedAccessSignature sr=a&sig=b",
		"SharedAccessSignature sr=a&sig=b&se=x",
		"SharedAccessSignature sr=a&sig=b&se=1&foo=2",
		"SharedAccessSignature sr=a&sr=a&sig=b&se=1",
		"SharedAccessSignature sr=a&sig&se=1",
		"SharedAccessSignature sr=%zz&sig=b&se=1",
	} {
		if _, err := ParseSASToken(bad); err == nil {
			t.Errorf("ParseSASToken(%q) succeeded", bad)
		}
	}
}

func TestConnectionString(t *testing.T) {
	cs, err := ParseConnectionString("HostName=myhub.azure-devices.net;DeviceId=dev1;SharedAccessKey=" + vKey)
	if err != nil || cs.HostName != vHub || cs.DeviceID != "dev1" || cs.SharedAccessKey != vKey {
		t.Fatalf("device: %+v, %v", cs, err)
	}
	if cs.String() != "HostName=myhub.azure-devices.net;DeviceId=dev1;SharedAccessKey="+vKey {
		t.Errorf("String() = %q", cs.String())
	}
	c, err := DeviceConnect(cs, vSE, "")
	if err != nil || c.ClientID != "dev1" || c.Username != vUser || c.Password != vDev || c.Host != vHub || c.Port != 8883 || !c.TLS {
		t.Errorf("DeviceConnect = %+v, %v", c, err)
	}
	cs, _ = ParseConnectionString("HostName=myhub.azure-devices.net;DeviceId=dev1;ModuleId=mod1;SharedAccessKey=" + vKey + ";GatewayHostName=edge.local")
	c, err = DeviceConnect(cs, vSE, "")
	if err != nil || c.ClientID != "dev1/mod1" || c.Username != "myhub.azure-devices.net/dev1/mod1/?api-version=2021-04-12" || c.Password != vMod || c.Host != "edge.local" {
		t.Errorf("module DeviceConnect = %+v, %v", c, err)
	}
	cs, err = ParseConnectionString("HostName=myhub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=" + vKey)
	if err != nil || cs.SharedAccessKeyName != "iothubowner" {
		t.Errorf("service: %+v, %v", cs, err)
	}
	if _, err := DeviceConnect(cs, vSE, ""); err == nil {
		t.Error("DeviceConnect accepted a service connection string")
	}
	cs, _ = ParseConnectionString("HostName=h;DeviceId=d;SharedAccessSignature=" + vDev)
	if c, _ := DeviceConnect(cs, 0, "2019-10-01"); c.Password != vDev || !strings.HasSuffix(c.Username, "2019-10-01") {
		t.Errorf("SAS connection string: %+v", c)
	}
	cs, _ = ParseConnectionString("HostName=h;DeviceId=d;x509=true")
	if c, err := DeviceConnect(cs, 0, ""); err != nil || c.Password != "" {
		t.Errorf("x509: %+v %v", c, err)
	}
	for _, bad := range []string{
		"",
		"HostName=h",
		"HostName=h;DeviceId=d",
		"DeviceId=d;SharedAccessKey=k",
		"HostName=h;DeviceId=d;SharedAccessKey=k;SharedAccessKey=k",
		"HostName=h;DeviceId=d;SharedAccessKey=k;Foo=1",
		"HostName=h;DeviceId=d;SharedAccessKey=k;x509=true",
		"HostName=h;DeviceId=d;SharedAccessKey=k;SharedAccessKeyName=p",
		"HostName=h;SharedAccessKeyName=p",
		"HostName=h;ModuleId=m;SharedAccessKeyName=p;SharedAccessKey=k",
		"HostName=h;DeviceId=d;x509=false",
		"HostName=h;DeviceId",
	} {
		if _, err := ParseConnectionString(bad); err == nil {
			t.Errorf("ParseConnectionString(%q) succeeded", bad)
		} else if strings.Contains(err.Error(), "=k") {
			t.Errorf("error shows a key: %v", err)
		}
	}
}

func TestUsername(t *testing.T) {
	if got := Username(vHub, "dev1", "", "", ""); got != vUser {
		t.Errorf("Username = %q", got)
	}
	if got := Username(vHub, "dev1", "mod1", "", "model-id=dtmi%3Ax%3B1"); got != "myhub.azure-devices.net/dev1/mod1/?api-version=2021-04-12&model-id=dtmi%3Ax%3B1" {
		t.Errorf("Username = %q", got)
	}
}

func TestTopics(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{TelemetryTopic("dev1", "", nil), "devices/dev1/messages/events/"},
		{TelemetryTopic("dev 1", "mod/1", map[string]string{"$.ct": "application/json", "a": "b c"}), "devices/dev%201/modules/mod%2F1/messages/events/%24.ct=application%2Fjson&a=b%20c"},
		{C2DTopics("dev1"), "devices/dev1/messages/devicebound/#"},
		{ModuleInputTopics("dev1", "mod1"), "devices/dev1/modules/mod1/inputs/#"},
		{TwinGetTopic("1"), "$iothub/twin/GET/?$rid=1"},
		{TwinPatchTopic("2"), "$iothub/twin/PATCH/properties/reported/?$rid=2"},
		{TwinResponseTopic(200, "1", 0), "$iothub/twin/res/200/?$rid=1"},
		{TwinResponseTopic(204, "2", 7), "$iothub/twin/res/204/?$rid=2&$version=7"},
		{TwinDesiredTopic(3), "$iothub/twin/PATCH/properties/desired/?$version=3"},
		{MethodRequestTopic("reboot", "9"), "$iothub/methods/POST/reboot/?$rid=9"},
		{MethodResponseTopic(200, "9"), "$iothub/methods/res/200/?$rid=9"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestParseTopic(t *testing.T) {
	for _, c := range []struct {
		topic string
		want  Topic
	}{
		{"$iothub/twin/res/204/?$rid=2&$version=7", Topic{Kind: "twin_response", Status: 204, RID: "2", Version: 7}},
		{"$iothub/twin/GET/?$rid=a+b", Topic{Kind: "twin_get", RID: "a+b"}},
		{"$iothub/twin/PATCH/properties/reported/?$rid=5", Topic{Kind: "twin_patch", RID: "5"}},
		{"$iothub/twin/PATCH/properties/desired/?$version=3", Topic{Kind: "twin_desired", Version: 3}},
		{"$iothub/methods/POST/reboot/?$rid=9", Topic{Kind: "method_request", Name: "reboot", RID: "9"}},
		{"$iothub/methods/res/500/?$rid=9", Topic{Kind: "method_response", Status: 500, RID: "9"}},
		{"devices/dev%201/messages/devicebound/%24.mid=m1&k=v", Topic{Kind: "c2d", DeviceID: "dev 1"}},
		{"devices/dev1/modules/m1/messages/events/", Topic{Kind: "telemetry", DeviceID: "dev1", ModuleID: "m1"}},
		{"devices/dev1/messages/events/", Topic{Kind: "telemetry", DeviceID: "dev1"}},
	} {
		got, ok := ParseTopic(c.topic)
		if !ok || got.Kind != c.want.Kind || got.Status != c.want.Status || got.RID != c.want.RID || got.Version != c.want.Version ||
			got.Name != c.want.Name || got.DeviceID != c.want.DeviceID || got.ModuleID != c.want.ModuleID {
			t.Errorf("ParseTopic(%q) = %+v, %v", c.topic, got, ok)
		}
	}
	if got, _ := ParseTopic("devices/dev%201/messages/devicebound/%24.mid=m1&k=v"); got.Props[".mid"] != "m1" || got.Props["k"] != "v" {
		t.Errorf("c2d props = %v", got.Props)
	}
	for _, bad := range []string{"", "devices/", "devices//messages/events/", "$iothub/twin/res/abc/?$rid=1", "$iothub/foo", "a/b"} {
		if got, ok := ParseTopic(bad); ok {
			t.Errorf("ParseTopic(%q) = %+v", bad, got)
		}
	}
}
