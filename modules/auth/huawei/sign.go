// Package huawei computes and verifies the MQTT credentials of Huawei
// Cloud IoTDA: client id {device_id}_0_{sign_type}_{YYYYMMDDHH}, user name
// = device id, password = hex HMAC-SHA256 keyed by that timestamp.
package huawei

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Endpoints of the basic edition; standard and enterprise instances have
// their own {id}.iot-mqtts.{region}.myhuaweicloud.com host.
const (
	Host    = "iot-mqtts.cn-north-4.myhuaweicloud.com"
	Port    = 1883
	TLSPort = 8883
	// Keep-alive bounds the device SDK enforces, in seconds.
	MinKeepAlive = 30
	MaxKeepAlive = 1200
	// TimestampLayout is the UTC YYYYMMDDHH of client ids and passwords.
	TimestampLayout = "2006010215"
)

// Sign types, the third field of the client id.
const (
	SignNoTimestampCheck = 0 // HMAC-SHA256, timestamp not checked
	SignTimestampCheck   = 1 // HMAC-SHA256, timestamp checked against the platform clock
)

// Timestamp is t as UTC YYYYMMDDHH.
func Timestamp(t time.Time) string { return t.UTC().Format(TimestampLayout) }

// ParseTimestamp reads a YYYYMMDDHH timestamp as UTC.
func ParseTimestamp(ts string) (time.Time, error) {
	if len(ts) != len(TimestampLayout) {
		return time.Time{}, fmt.Errorf("timestamp %q is not YYYYMMDDHH", clip(ts))
	}
	for i := 0; i < len(ts); i++ {
		if ts[i] < '0' || ts[i] > '9' {
			return time.Time{}, fmt.Errorf("timestamp %q is not YYYYMMDDHH", clip(ts))
		}
	}
	t, err := time.Parse(TimestampLayout, ts)
	if err != nil {
		return time.Time{}, fmt.Errorf("timestamp %q is not a valid UTC hour", ts)
	}
	return t, nil
}

// Password is lower-case hex HMAC-SHA256 with the timestamp as key and the
// device secret as message (this order is the platform's, not a slip).
func Password(secret, timestamp string) string {
	mac := hmac.New(sha256.New, []byte(timestamp))
	mac.Write([]byte(secret))
	return hex.EncodeToString(mac.Sum(nil))
}

// ClientID is {deviceID}_0_{signType}_{timestamp}.
func ClientID(deviceID string, signType int, timestamp string) string {
	return fmt.Sprintf("%s_0_%d_%s", deviceID, signType, timestamp)
}

// Credentials are the CONNECT fields and the endpoint.
type Credentials struct {
	ClientID string
	Username string // device id
	Password string
	Host     string
	Port     int
}

// DeviceCredentials signs a login for deviceID at time t. checkTimestamp
// selects sign type 1 (the platform compares the timestamp with its
// clock). host "" means the basic-edition endpoint; tls picks port 8883.
func DeviceCredentials(deviceID, secret string, t time.Time, checkTimestamp bool, host string, tls bool) (Credentials, error) {
	if err := validDeviceID(deviceID); err != nil {
		return Credentials{}, fmt.Errorf("huawei: device id: %v", err)
	}
	if secret == "" {
		return Credentials{}, fmt.Errorf("huawei: empty device secret")
	}
	ts := Timestamp(t)
	signType := SignNoTimestampCheck
	if checkTimestamp {
		signType = SignTimestampCheck
	}
	c := Credentials{ClientID: ClientID(deviceID, signType, ts), Username: deviceID, Password: Password(secret, ts), Host: host, Port: Port}
	if c.Host == "" {
		c.Host = Host
	}
	if tls {
		c.Port = TLSPort
	}
	return c, nil
}

// validDeviceID rejects ids that cannot appear in a client id or in the
// $oc topics.
func validDeviceID(s string) error {
	if s == "" {
		return fmt.Errorf("empty")
	}
	if len(s) > 256 {
		return fmt.Errorf("%d bytes long", len(s))
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || r == '/' || r == '+' || r == '#' {
			return fmt.Errorf("contains %q", r)
		}
	}
	return nil
}

// clip bounds attacker-controlled text quoted in errors.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return strings.ToValidUTF8(s, "?")
}
