package huawei

import (
	"errors"
	"testing"
	"time"
)

const (
	madeDev    = "64f0a1b2c3d4e5f6a7b8c9d0_dev1"
	madeSecret = "secret123"
	madeUnix   = 1700000000
)

// Known answers from the reference: the vendor's worked example and the
// made-up device.
func TestPasswordVectors(t *testing.T) {
	tests := []struct{ secret, ts, want string }{
		{"12345678", "2025041401", "c75150e6cb841417396819e4d2ee4358a416344a03a083e3a8567074ddec820a"},
		{madeSecret, "2023111422", "59907e5c4f19add5cc2a9ccef6cffe9476e3807cca6927bdb9005085c61fb29d"},
	}
	for _, tc := range tests {
		if got := Password(tc.secret, tc.ts); got != tc.want {
			t.Errorf("Password(%s) = %s, want %s", tc.ts, got, tc.want)
		}
	}
}

func TestTimestamp(t *testing.T) {
	for in, want := range map[time.Time]string{
		time.Date(2018, 7, 24, 17, 56, 20, 0, time.UTC):                     "2018072417",
		time.Unix(madeUnix, 0):                                              "2023111422",
		time.Date(2023, 11, 15, 6, 59, 0, 0, time.FixedZone("CST", 8*3600)): "2023111422",
	} {
		if got := Timestamp(in); got != want {
			t.Errorf("Timestamp(%v) = %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"", "202311142", "20231114222", "2023111a22", "2023131422", "2023111425", "+023111422"} {
		if _, err := ParseTimestamp(bad); err == nil {
			t.Errorf("ParseTimestamp(%q) accepted", bad)
		}
	}
}

func TestCredentialsVector(t *testing.T) {
	c, err := DeviceCredentials(madeDev, madeSecret, time.Unix(madeUnix, 0), false, "", false)
	if err != nil {
		t.Fatal(err)
	}
	want := Credentials{
		ClientID: "64f0a1b2c3d4e5f6a7b8c9d0_dev1_0_0_2023111422",
		Username: madeDev,
		Password: "59907e5c4f19add5cc2a9ccef6cffe9476e3807cca6927bdb9005085c61fb29d",
		Host:     Host, Port: 1883,
	}
	if c != want {
		t.Errorf("credentials\n %+v\nwant\n %+v", c, want)
	}
	c, err = DeviceCredentials(madeDev, madeSecret, time.Unix(madeUnix, 0), true, "a15fbbd7ce.iot-mqtts.cn-north-4.myhuaweicloud.com", true)
	if err != nil {
		t.Fatal(err)
	}
	if c.ClientID != "64f0a1b2c3d4e5f6a7b8c9d0_dev1_0_1_2023111422" || c.Port != 8883 || c.Host != "a15fbbd7ce.iot-mqtts.cn-north-4.myhuaweicloud.com" {
		t.Errorf("check-timestamp TLS credentials %+v", c)
	}
	for _, bad := range [][2]string{{"", "s"}, {"a/b", "s"}, {"a b", "s"}, {"dev", ""}} {
		_, err := DeviceCredentials(bad[0], bad[1], time.Unix(madeUnix, 0), false, "", false)
		if err == nil {
			t.Errorf("DeviceCredentials(%q) accepted", bad[0])
		}
	}
}

func TestTopics(t *testing.T) {
	tp := DeviceTopics("5fbbb784b4ec2202e982e643_868540050954037")
	p := "$oc/devices/5fbbb784b4ec2202e982e643_868540050954037"
	for got, want := range map[string]string{
		tp.PropertiesReport():          p + "/sys/properties/report",
		tp.MessagesDown():              p + "/sys/messages/down",
		tp.MessagesUp():                p + "/sys/messages/up",
		tp.Commands():                  p + "/sys/commands/#",
		tp.CommandResponse("r1"):       p + "/sys/commands/response/request_id=r1",
		tp.PropertiesSetResponse("r2"): p + "/sys/properties/set/response/request_id=r2",
		tp.PropertiesGetResponse("r3"): p + "/sys/properties/get/response/request_id=r3",
		tp.ShadowGetResponse("r4"):     p + "/sys/shadow/get/response/request_id=r4",
		tp.EventsUp():                  p + "/sys/events/up",
		tp.User("custom"):              p + "/user/custom",
	} {
		if got != want {
			t.Errorf("topic %s, want %s", got, want)
		}
	}
	rid, ok := RequestID(p + "/sys/commands/request_id=abc-123")
	if !ok || rid != "abc-123" {
		t.Errorf("RequestID = %q, %v", rid, ok)
	}
	for req, resp := range map[string]string{
		p + "/sys/commands/request_id=9":       p + "/sys/commands/response/request_id=9",
		p + "/sys/properties/set/request_id=9": p + "/sys/properties/set/response/request_id=9",
		p + "/sys/properties/get/request_id=9": p + "/sys/properties/get/response/request_id=9",
	} {
		if got, ok := ResponseTopic(req); !ok || got != resp {
			t.Errorf("ResponseTopic(%s) = %s, %v", req, got, ok)
		}
	}
	for _, bad := range []string{p + "/sys/messages/down", p + "/sys/commands/request_id=", p + "/sys/commands/response/request_id=1", "x/request_id=1"} {
		if got, ok := ResponseTopic(bad); ok {
			t.Errorf("ResponseTopic(%s) = %s", bad, got)
		}
	}
}

func refusal(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not *huawei.Error", err)
	}
	return e
}

func secrets(m map[string]string) Lookup {
	return func(dev string) (string, bool) { s, ok := m[dev]; return s, ok }
}
