package aliyun

import (
	"crypto/hmac"
	"encoding/hex"
	"fmt"
	"strings"
)

// CONNACK return codes the platform uses for refused connections (A.3).
const (
	CodeIdentifierRejected = 2 // mqttClientId malformed, too long, bad extension syntax
	CodeBadUserPass        = 4 // user name or password malformed
	CodeNotAuthorized      = 5 // wrong signature, unknown device or product
)

// Error says why credentials were refused and which CONNACK code to send.
// Reason never contains a secret.
type Error struct {
	Code   byte
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("aliyun: connack %d: %s", e.Code, e.Reason) }

// ReturnCode is the CONNACK return code for this refusal.
func (e *Error) ReturnCode() byte { return e.Code }

func refuse(code byte, format string, args ...any) *Error {
	return &Error{Code: code, Reason: fmt.Sprintf(format, args...)}
}

// Identity is what a CONNECT says about the device.
type Identity struct {
	ProductKey string
	DeviceName string
	ClientID   string            // the part of mqttClientId before the first '|'
	Params     map[string]string // the extension keys
	AuthType   string            // "" (device secret), register, regnwl or connwl
	SignMethod string
	Timestamp  string
	Random     string
}

// Registry looks up secrets for Verify. A nil func, or ok=false, means
// the product or device is unknown.
type Registry struct {
	DeviceSecret  func(productKey, deviceName string) (secret string, ok bool)
	ProductSecret func(productKey string) (secret string, ok bool)
	// DeviceToken is the token handed out by regnwl, for connwl logins.
	DeviceToken func(productKey, deviceName, clientID string) (token string, ok bool)
}

// ParseClientID splits "{clientId}|k=v,k=v|" into its parts.
func ParseClientID(s string) (clientID string, params map[string]string, err error) {
	i := strings.IndexByte(s, '|')
	if i < 0 {
		return "", nil, refuse(CodeIdentifierRejected, "client id has no |extension| part")
	}
	clientID, rest := s[:i], s[i+1:]
	// the extension runs to the last '|': a value such as LinkKit's
	// sii=Eth|03ACDEFF0032|Eth|03ACDEFF0031 may hold '|' itself
	if !strings.HasSuffix(rest, "|") {
		return "", nil, refuse(CodeIdentifierRejected, "client id extension part must end with '|'")
	}
	if len(clientID) > 64 {
		return "", nil, refuse(CodeIdentifierRejected, "client id longer than 64 characters")
	}
	params = map[string]string{}
	if rest = rest[:len(rest)-1]; rest == "" {
		return clientID, params, nil
	}
	for _, kv := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return "", nil, refuse(CodeIdentifierRejected, "client id extension %q is not key=value", kv)
		}
		if _, dup := params[k]; dup {
			return "", nil, refuse(CodeIdentifierRejected, "client id extension %q given twice", k)
		}
		params[k] = v
	}
	return clientID, params, nil
}

// ParseUsername splits "{deviceName}&{productKey}".
func ParseUsername(s string) (productKey, deviceName string, err error) {
	dn, pk, ok := strings.Cut(s, "&")
	if !ok || dn == "" || pk == "" || strings.Contains(pk, "&") {
		return "", "", refuse(CodeBadUserPass, "user name must be deviceName&productKey")
	}
	return pk, dn, nil
}

// CheckForm parses and checks the shape of the CONNECT fields without
// any secret: what the emulator does for unregistered devices.
func CheckForm(clientID, username, password string) (Identity, error) {
	cid, params, err := ParseClientID(clientID)
	if err != nil {
		return Identity{}, err
	}
	pk, dn, err := ParseUsername(username)
	if err != nil {
		return Identity{}, err
	}
	id := Identity{ProductKey: pk, DeviceName: dn, ClientID: cid, Params: params,
		AuthType: params["authType"], SignMethod: params["signmethod"], Timestamp: params["timestamp"], Random: params["random"]}
	switch id.AuthType {
	case AuthConnWL:
		if cid == "" {
			return Identity{}, refuse(CodeIdentifierRejected, "connwl client id is empty")
		}
		if password == "" {
			return Identity{}, refuse(CodeBadUserPass, "password (device token) is empty")
		}
		return id, nil
	case AuthRegister, AuthRegNWL:
		if id.Random == "" {
			return Identity{}, refuse(CodeIdentifierRejected, "%s without random", id.AuthType)
		}
		if cid != dn && cid != dn+"."+pk { // LinkKit 1.2.13 sends {dn}.{pk}
			return Identity{}, refuse(CodeIdentifierRejected, "registration client id must be the device name")
		}
	case "":
	default:
		return Identity{}, refuse(CodeIdentifierRejected, "unknown authType %q", id.AuthType)
	}
	h, err := hasher(id.SignMethod)
	if err != nil {
		return Identity{}, refuse(CodeIdentifierRejected, "signmethod %q: want hmacmd5, hmacsha1 or hmacsha256", id.SignMethod)
	}
	if _, err := hex.DecodeString(password); err != nil || len(password) != 2*h().Size() {
		return Identity{}, refuse(CodeBadUserPass, "password is not a %s hex digest", id.SignMethod)
	}
	return id, nil
}

// Verify checks the CONNECT fields against reg and returns the device,
// or an *Error carrying the CONNACK code. Signatures are compared in
// constant time and hex case-insensitively. The clientId is signed only
// when sent, so a signature over the content without it is accepted too.
func Verify(clientID, username, password string, reg Registry) (Identity, error) {
	id, err := CheckForm(clientID, username, password)
	if err != nil {
		return Identity{}, err
	}
	switch id.AuthType {
	case AuthConnWL:
		tok, ok := lookup2(reg.DeviceToken, id.ProductKey, id.DeviceName, id.ClientID)
		if !ok {
			return Identity{}, refuse(CodeNotAuthorized, "no device token for %s/%s", id.ProductKey, id.DeviceName)
		}
		if !hmac.Equal([]byte(tok), []byte(password)) {
			return Identity{}, refuse(CodeNotAuthorized, "wrong device token")
		}
		return id, nil
	case AuthRegister, AuthRegNWL:
		ps, ok := lookup1(reg.ProductSecret, id.ProductKey)
		if !ok {
			return Identity{}, refuse(CodeNotAuthorized, "unknown product %s", id.ProductKey)
		}
		if id.AuthType == AuthRegister {
			if _, ok := lookup2d(reg.DeviceSecret, id.ProductKey, id.DeviceName); !ok {
				return Identity{}, refuse(CodeNotAuthorized, "device %s/%s is not pre-registered", id.ProductKey, id.DeviceName)
			}
		}
		if !macEqual(id.SignMethod, ps, RegisterContent(id.ProductKey, id.DeviceName, id.Random), password) {
			return Identity{}, refuse(CodeNotAuthorized, "wrong registration sign")
		}
		return id, nil
	}
	ds, ok := lookup2d(reg.DeviceSecret, id.ProductKey, id.DeviceName)
	if !ok {
		return Identity{}, refuse(CodeNotAuthorized, "unknown device %s/%s", id.ProductKey, id.DeviceName)
	}
	with := macEqual(id.SignMethod, ds, Content(id.ClientID, id.DeviceName, id.ProductKey, id.Timestamp), password)
	without := macEqual(id.SignMethod, ds, Content("", id.DeviceName, id.ProductKey, id.Timestamp), password)
	if !with && !without {
		return Identity{}, refuse(CodeNotAuthorized, "wrong signature")
	}
	return id, nil
}

// macEqual compares the hex password with the HMAC in constant time.
func macEqual(method, secret, content, password string) bool {
	h, err := hasher(method)
	if err != nil {
		return false
	}
	got, err := hex.DecodeString(password)
	if err != nil {
		return false
	}
	m := hmac.New(h, []byte(secret))
	m.Write([]byte(content))
	return hmac.Equal(m.Sum(nil), got)
}

func lookup1(f func(string) (string, bool), a string) (string, bool) {
	if f == nil {
		return "", false
	}
	return f(a)
}

func lookup2d(f func(string, string) (string, bool), a, b string) (string, bool) {
	if f == nil {
		return "", false
	}
	return f(a, b)
}

func lookup2(f func(string, string, string) (string, bool), a, b, c string) (string, bool) {
	if f == nil {
		return "", false
	}
	return f(a, b, c)
}

// KeepAliveOK reports whether the platform accepts a CONNECT keep-alive
// (30..1200 s); dynamic registration is exempt (A.5).
func KeepAliveOK(seconds int, authType string) bool {
	if authType == AuthRegister || authType == AuthRegNWL {
		return true
	}
	return seconds >= 30 && seconds <= 1200
}
