package onenet

import (
	"crypto/subtle"
	"fmt"
	"strings"
	"time"
)

// CONNACK return codes (MQTT 3.1.1) the emulator answers with.
const (
	CodeIdentifierRejected byte = 2 // malformed client id
	CodeBadUserOrPassword  byte = 4 // malformed user name or token
	CodeNotAuthorized      byte = 5 // bad signature, expired, unknown device
)

// Error says why credentials were refused and which CONNACK code to send.
// Reason never contains the key or the signature.
type Error struct {
	Code   byte
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("onenet: %s (CONNACK %d)", e.Reason, e.Code) }

// ReturnCode is the CONNACK return code for this refusal.
func (e *Error) ReturnCode() byte { return e.Code }

func refuse(code byte, format string, args ...any) *Error {
	return &Error{Code: code, Reason: fmt.Sprintf(format, args...)}
}

// Identity is the device a CONNECT speaks for.
type Identity struct {
	ProductID    string
	DeviceName   string
	ProductLevel bool   // signed with the product access key (res = products/{pid})
	Method       string // sign method as written in the token
	ExpiresAt    int64  // token et, Unix seconds
}

// Lookup returns the base64 access key registered for a device, or for the
// product when deviceName is "" (product-level tokens).
type Lookup func(productID, deviceName string) (accessKey string, ok bool)

// CheckForm checks everything that needs no secret: the client id is a
// device name, the user name a product id, the password a well-formed
// token whose res names that product and device and whose et is not past.
func CheckForm(clientID, username, password string, now time.Time) (Identity, error) {
	id, _, err := checkForm(clientID, username, password, now)
	return id, err
}

func checkForm(clientID, username, password string, now time.Time) (Identity, parsed, error) {
	var id Identity
	if err := validName(clientID); err != nil {
		return id, parsed{}, refuse(CodeIdentifierRejected, "client id must be the device name: %v", err)
	}
	if err := validName(username); err != nil {
		return id, parsed{}, refuse(CodeBadUserOrPassword, "user name must be the product id: %v", err)
	}
	if password == "" {
		return id, parsed{}, refuse(CodeBadUserOrPassword, "password (token) is empty")
	}
	tok, err := parseToken(password)
	if err != nil {
		return id, tok, refuse(CodeBadUserOrPassword, "malformed token: %v", err)
	}
	pid, dev, productLevel, ok := splitRes(tok.Res)
	if !ok {
		return id, tok, refuse(CodeBadUserOrPassword, "token res %q is not products/{pid}[/devices/{name}]", clip(tok.Res))
	}
	if pid != username {
		return id, tok, refuse(CodeNotAuthorized, "token is for product %q, user name says %q", clip(pid), clip(username))
	}
	if !productLevel && dev != clientID {
		return id, tok, refuse(CodeNotAuthorized, "token is for device %q, client id says %q", clip(dev), clip(clientID))
	}
	if tok.ET < now.Unix() {
		return id, tok, refuse(CodeNotAuthorized, "token expired at %s", time.Unix(tok.ET, 0).UTC().Format(time.RFC3339))
	}
	id = Identity{ProductID: pid, DeviceName: clientID, ProductLevel: productLevel, Method: tok.Method, ExpiresAt: tok.ET}
	return id, tok, nil
}

// Verify checks the form and then the signature against the key lookup
// returns (the device key, or the product key for a product-level token).
func Verify(clientID, username, password string, now time.Time, lookup Lookup) (Identity, error) {
	id, tok, err := checkForm(clientID, username, password, now)
	if err != nil {
		return Identity{}, err
	}
	dev := id.DeviceName
	if id.ProductLevel {
		dev = ""
	}
	key, ok := lookup(id.ProductID, dev)
	if !ok {
		if id.ProductLevel {
			return Identity{}, refuse(CodeNotAuthorized, "unknown product %q", clip(id.ProductID))
		}
		return Identity{}, refuse(CodeNotAuthorized, "unknown device %q in product %q", clip(dev), clip(id.ProductID))
	}
	want, err := Sign(key, tok.Params)
	if err != nil {
		return Identity{}, refuse(CodeNotAuthorized, "registered key unusable: %v", err)
	}
	if subtle.ConstantTimeCompare([]byte(want), []byte(tok.Sign)) != 1 {
		return Identity{}, refuse(CodeNotAuthorized, "signature does not match")
	}
	return id, nil
}

// splitRes parses products/{pid} or products/{pid}/devices/{name}.
func splitRes(res string) (pid, dev string, productLevel, ok bool) {
	parts := strings.Split(res, "/")
	switch {
	case len(parts) == 2 && parts[0] == "products" && parts[1] != "":
		return parts[1], "", true, true
	case len(parts) == 4 && parts[0] == "products" && parts[2] == "devices" && parts[1] != "" && parts[3] != "":
		return parts[1], parts[3], false, true
	}
	return "", "", false, false
}

// validName rejects what cannot be a product id or device name: empty,
// or characters that would break the res path or the $sys topics.
func validName(s string) error {
	if s == "" {
		return fmt.Errorf("empty")
	}
	if len(s) > 128 {
		return fmt.Errorf("%d bytes long", len(s))
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || r == '/' || r == '+' || r == '#' {
			return fmt.Errorf("contains %q", r)
		}
	}
	return nil
}
