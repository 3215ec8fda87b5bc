package aliyun

import (
	"crypto/rand"
	"fmt"
	"net/url"
)

// Dynamic registration auth types (mqttClientId "authType").
const (
	AuthRegister = "register" // pre-registered device: server publishes the device secret on /ext/register
	AuthRegNWL   = "regnwl"   // no pre-registration: server publishes a device token on /ext/regnwl
	AuthConnWL   = "connwl"   // reconnect with that token as the password
)

// Product is a product-secret identity for dynamic registration.
type Product struct {
	ProductKey    string
	ProductSecret string
}

// RegisterSign is hex HMAC(productSecret, "deviceName{dn}productKey{pk}random{r}").
func RegisterSign(method, productSecret, productKey, deviceName, random string) (string, error) {
	return HMAC(method, productSecret, RegisterContent(productKey, deviceName, random))
}

const alnum = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// Random returns a 15-character alphanumeric nonce, as the SDKs send.
func Random() string {
	var out [15]byte
	var buf [32]byte
	for n := 0; n < len(out); {
		rand.Read(buf[:])
		for _, c := range buf {
			// Reject the top of the byte range so every character is equally likely.
			if int(c) < 256/len(alnum)*len(alnum) && n < len(out) {
				out[n] = alnum[int(c)%len(alnum)]
				n++
			}
		}
	}
	return string(out[:])
}

// RegisterOptions tune the dynamic registration requests.
type RegisterOptions struct {
	Random     string // default: a fresh Random()
	SignMethod string // default hmacsha256
	AuthType   string // MQTT only: register (default) or regnwl
	SecureMode string // MQTT only: default "-2" with an instance id, else "2"
	Region     string // default cn-shanghai
	InstanceID string
	Endpoint   string
	Port       int // default 8883 (registration is TLS only)
}

func (o *RegisterOptions) defaults() {
	if o.Random == "" {
		o.Random = Random()
	}
	if o.SignMethod == "" {
		o.SignMethod = HmacSHA256
	}
	if o.AuthType == "" {
		o.AuthType = AuthRegister
	}
	if o.Region == "" {
		o.Region = "cn-shanghai"
	}
	if o.SecureMode == "" {
		o.SecureMode = SecureTLS
		if o.InstanceID != "" {
			o.SecureMode = SecureRegister
		}
	}
	if o.Port == 0 {
		o.Port = PortTLS
	}
}

// HTTPRequest is the HTTPS dynamic registration request (reference A.4a).
type HTTPRequest struct {
	URL         string
	ContentType string
	Body        string // form-encoded productKey, deviceName, random, sign, signMethod
}

// RegisterHTTP builds the HTTPS registration request for one device.
func RegisterHTTP(p Product, deviceName string, o RegisterOptions) (HTTPRequest, error) {
	if err := checkIdent(p.ProductKey, deviceName); err != nil {
		return HTTPRequest{}, err
	}
	o.defaults()
	sign, err := RegisterSign(o.SignMethod, p.ProductSecret, p.ProductKey, deviceName, o.Random)
	if err != nil {
		return HTTPRequest{}, err
	}
	// Field order as the SDKs send it; url.Values would sort it.
	body := "productKey=" + url.QueryEscape(p.ProductKey) + "&deviceName=" + url.QueryEscape(deviceName) +
		"&random=" + url.QueryEscape(o.Random) + "&sign=" + sign + "&signMethod=" + o.SignMethod
	return HTTPRequest{URL: RegisterURL(o.Region), ContentType: "application/x-www-form-urlencoded", Body: body}, nil
}

// RegisterMQTT computes the CONNECT fields of MQTT dynamic registration
// (reference A.4b/c). The server answers on /ext/register or /ext/regnwl.
func RegisterMQTT(p Product, deviceName string, o RegisterOptions) (Connect, error) {
	if err := checkIdent(p.ProductKey, deviceName); err != nil {
		return Connect{}, err
	}
	o.defaults()
	if o.AuthType != AuthRegister && o.AuthType != AuthRegNWL {
		return Connect{}, fmt.Errorf("aliyun: auth type %q: want register or regnwl", o.AuthType)
	}
	sign, err := RegisterSign(o.SignMethod, p.ProductSecret, p.ProductKey, deviceName, o.Random)
	if err != nil {
		return Connect{}, err
	}
	params := []Param{{"securemode", o.SecureMode}, {"authType", o.AuthType}, {"random", o.Random}, {"signmethod", o.SignMethod}}
	if o.InstanceID != "" {
		params = append(params, Param{"instanceId", o.InstanceID})
	}
	host := o.Endpoint
	if host == "" {
		host = Host(p.ProductKey, o.Region, o.InstanceID)
	}
	return Connect{
		ClientID: FormatClientID(deviceName, params),
		Username: Username(p.ProductKey, deviceName),
		Password: sign,
		Host:     host, Port: o.Port, TLS: true,
	}, nil
}

// RegisterTopic is where the server publishes the registration result.
func RegisterTopic(authType string) string { return "/ext/" + authType }

// TokenConnect returns the CONNECT fields of the reconnect after regnwl:
// the client id and device token the server returned, used verbatim.
func TokenConnect(productKey, deviceName, clientID, deviceToken string, host string, port int) Connect {
	if port == 0 {
		port = PortTLS
	}
	return Connect{
		ClientID: FormatClientID(clientID, []Param{{"securemode", SecureRegister}, {"authType", AuthConnWL}}),
		Username: Username(productKey, deviceName),
		Password: deviceToken,
		Host:     host, Port: port, TLS: true,
	}
}
