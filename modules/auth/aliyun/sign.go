// Package aliyun computes and verifies the MQTT credentials of Alibaba
// Cloud IoT Platform devices: device-secret sign-in ("一机一密"), product-
// secret dynamic registration ("一型一密", HTTPS and MQTT register/regnwl)
// and the standard /sys topics. It also provides the script module
// auth.aliyun.
package aliyun

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"
)

// Sign methods, as spelled in the mqttClientId "signmethod" key.
const (
	HmacMD5    = "hmacmd5"
	HmacSHA1   = "hmacsha1"
	HmacSHA256 = "hmacsha256"
)

// Secure modes of the mqttClientId "securemode" key.
const (
	SecureTLS      = "2"  // TLS direct, port 8883
	SecureTCP      = "3"  // plain TCP, port 1883
	SecureRegister = "-2" // dynamic registration / token modes on new instances
)

// Default ports.
const (
	PortTLS = 8883
	PortTCP = 1883
)

func hasher(method string) (func() hash.Hash, error) {
	switch strings.ToLower(method) {
	case HmacMD5:
		return md5.New, nil
	case HmacSHA1:
		return sha1.New, nil
	case HmacSHA256:
		return sha256.New, nil
	}
	return nil, fmt.Errorf("aliyun: unknown sign method %q (want hmacmd5, hmacsha1 or hmacsha256)", method)
}

// HMAC returns the lower-case hex HMAC of content keyed by secret.
func HMAC(method, secret, content string) (string, error) {
	h, err := hasher(method)
	if err != nil {
		return "", err
	}
	m := hmac.New(h, []byte(secret))
	m.Write([]byte(content))
	return hex.EncodeToString(m.Sum(nil)), nil
}

// Content is the string the device-secret password signs: the fields
// clientId, deviceName, productKey, timestamp in name order, each name
// followed by its value; clientID and timestamp are left out when empty.
func Content(clientID, deviceName, productKey, timestamp string) string {
	var b strings.Builder
	if clientID != "" {
		b.WriteString("clientId" + clientID)
	}
	b.WriteString("deviceName" + deviceName + "productKey" + productKey)
	if timestamp != "" {
		b.WriteString("timestamp" + timestamp)
	}
	return b.String()
}

// RegisterContent is the string a dynamic-registration sign covers.
func RegisterContent(productKey, deviceName, random string) string {
	return "deviceName" + deviceName + "productKey" + productKey + "random" + random
}

// Host returns the MQTT host name: {instanceID}.mqtt.iothub.aliyuncs.com
// for new and enterprise instances, else the old public instance
// {productKey}.iot-as-mqtt.{region}.aliyuncs.com.
func Host(productKey, region, instanceID string) string {
	if instanceID != "" {
		return instanceID + ".mqtt.iothub.aliyuncs.com"
	}
	return productKey + ".iot-as-mqtt." + region + ".aliyuncs.com"
}

// RegisterURL is the HTTPS dynamic registration endpoint of a region.
func RegisterURL(region string) string {
	return "https://iot-auth." + region + ".aliyuncs.com/auth/register/device"
}

// Param is one key=value of the mqttClientId extension list.
type Param struct{ Key, Value string }

// FormatClientID builds "{clientID}|k=v,k=v|".
func FormatClientID(clientID string, params []Param) string {
	var b strings.Builder
	b.WriteString(clientID)
	b.WriteByte('|')
	for i, p := range params {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(p.Key + "=" + p.Value)
	}
	b.WriteByte('|')
	return b.String()
}

// Username is "{deviceName}&{productKey}".
func Username(productKey, deviceName string) string {
	return deviceName + "&" + productKey
}

// Connect holds the CONNECT fields and where to send them.
type Connect struct {
	ClientID string // the full mqttClientId, extensions included
	Username string
	Password string
	Host     string
	Port     int
	TLS      bool
}

// Device is a device-secret identity.
type Device struct {
	ProductKey   string
	DeviceName   string
	DeviceSecret string
}

// Options tune SignIn. The zero value signs with hmacsha256 over TLS,
// with clientId {pk}.{dn} and no timestamp.
type Options struct {
	ClientID   string  // default "{productKey}.{deviceName}"
	Timestamp  string  // signed and sent when not empty (ms per docs; LinkKit sends seconds)
	SignMethod string  // default hmacsha256
	SecureMode string  // default "2" (TLS); "3" = plain TCP on 1883
	Region     string  // default cn-shanghai
	InstanceID string  // new/enterprise instance id: changes the host
	Endpoint   string  // host override
	Port       int     // default 8883, or 1883 for securemode 3
	Extra      []Param // extra extension keys (ext=1, _v=...), not signed
}

func (o *Options) defaults(d Device) {
	if o.ClientID == "" {
		o.ClientID = d.ProductKey + "." + d.DeviceName
	}
	if o.SignMethod == "" {
		o.SignMethod = HmacSHA256
	}
	if o.SecureMode == "" {
		o.SecureMode = SecureTLS
	}
	if o.Region == "" {
		o.Region = "cn-shanghai"
	}
}

func (o *Options) endpoint(pk string) (string, int, bool) {
	host := o.Endpoint
	if host == "" {
		host = Host(pk, o.Region, o.InstanceID)
	}
	tls := o.SecureMode != SecureTCP
	port := o.Port
	if port == 0 {
		port = PortTLS
		if !tls {
			port = PortTCP
		}
	}
	return host, port, tls
}

func checkIdent(productKey, deviceName string) error {
	if productKey == "" {
		return fmt.Errorf("aliyun: product key is empty")
	}
	if deviceName == "" {
		return fmt.Errorf("aliyun: device name is empty")
	}
	for _, s := range []string{productKey, deviceName} {
		if strings.ContainsAny(s, "&|,=") {
			return fmt.Errorf("aliyun: %q may not contain & | , or =", s)
		}
	}
	return nil
}

// SignIn computes the device-secret CONNECT fields (reference A.2).
func SignIn(d Device, o Options) (Connect, error) {
	if err := checkIdent(d.ProductKey, d.DeviceName); err != nil {
		return Connect{}, err
	}
	o.defaults(d)
	if strings.ContainsAny(o.ClientID, "|") || len(o.ClientID) > 64 {
		return Connect{}, fmt.Errorf("aliyun: client id must be at most 64 characters without '|'")
	}
	for _, p := range o.Extra {
		switch {
		case p.Key == "" || strings.ContainsAny(p.Key+p.Value, "|,="):
			return Connect{}, fmt.Errorf("aliyun: extension %q=%q may not be empty or contain | , =", p.Key, p.Value)
		case p.Key == "securemode" || p.Key == "signmethod" || p.Key == "timestamp":
			return Connect{}, fmt.Errorf("aliyun: extension %q is set by its own option", p.Key)
		}
	}
	pw, err := HMAC(o.SignMethod, d.DeviceSecret, Content(o.ClientID, d.DeviceName, d.ProductKey, o.Timestamp))
	if err != nil {
		return Connect{}, err
	}
	params := []Param{{"securemode", o.SecureMode}, {"signmethod", strings.ToLower(o.SignMethod)}}
	params = append(params, o.Extra...)
	if o.Timestamp != "" {
		params = append(params, Param{"timestamp", o.Timestamp})
	}
	host, port, tls := o.endpoint(d.ProductKey)
	return Connect{
		ClientID: FormatClientID(o.ClientID, params),
		Username: Username(d.ProductKey, d.DeviceName),
		Password: pw,
		Host:     host, Port: port, TLS: tls,
	}, nil
}
