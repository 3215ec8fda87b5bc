package emulator

import (
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
}
