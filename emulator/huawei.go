package emulator

import (
	"strings"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/huawei"
)

// huawei is Huawei Cloud IoTDA: client id {device_id}_0_{0|1}_{YYYYMMDDHH},
// user = device id, password = HMAC-SHA256 keyed by the timestamp. Its
// $oc/devices/{id}/sys/... topics are delivered like any other.
var huawei = &Platform{
	Name:  "huawei",
	Hosts: []string{"myhuaweicloud.com"},
	Recognise: func(c Connect) bool {
		_, err := auth.ParseClientID(c.ClientID)
		return err == nil && c.User != ""
	},
	Verify: func(c Connect, now time.Time, secret func(string) (string, bool)) error {
		id, err := auth.CheckForm(c.ClientID, c.User, c.Password, now)
		if err != nil {
			return err
		}
		if _, registered := secret(id.DeviceID); !registered {
			return nil
		}
		_, err = auth.Verify(c.ClientID, c.User, c.Password, now, auth.Lookup(secret))
		return err
	},
	OnPublish: huaweiPublish,
	Reported:  huaweiReported,
	// keep-alive 30..1200 s, CONNACK 2 outside it: cloud-auth.md D.1, D.2
	Session: func(c Connect) error { return keepAliveIn(c, auth.MinKeepAlive, auth.MaxKeepAlive) },
	Shape: Shape{
		{func(s string) bool { _, err := auth.ParseClientID(s); return err == nil }, `"{device_id}_0_{0|1}_{YYYYMMDDHH}"`},
		{isName, "the device id"},
		{func(s string) bool { return isHex(s, 64) && strings.ToLower(s) == s }, "64 lower-case hex digits (HMAC-SHA256)"}},
	Owns:     func(c Connect, topic string) bool { return under(topic, "$oc/devices/"+c.User) },
	Reserved: []string{"$oc/"},
}
