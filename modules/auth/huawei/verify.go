package huawei

import (
	"crypto/hmac"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// CONNACK return codes, as the platform uses them.
const (
	CodeIdentifierRejected byte = 2 // bad client id format
	CodeBadUserOrPassword  byte = 4 // bad user name or password
	CodeNotAuthorized      byte = 5 // unknown device, timestamp out of range
)

// TimestampTolerance is how far a sign-type-1 timestamp may be from the
// emulator clock; the platform does not document its own.
const TimestampTolerance = time.Hour

// Error says why credentials were refused and which CONNACK code to send.
// Reason never contains the secret or the password.
type Error struct {
	Code   byte
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("huawei: %s (CONNACK %d)", e.Reason, e.Code) }

// ReturnCode is the CONNACK return code for this refusal.
func (e *Error) ReturnCode() byte { return e.Code }

func refuse(code byte, format string, args ...any) *Error {
	return &Error{Code: code, Reason: fmt.Sprintf(format, args...)}
}

// Identity is the device a CONNECT speaks for.
type Identity struct {
	DeviceID       string
	SignType       int       // SignNoTimestampCheck or SignTimestampCheck
	Timestamp      string    // YYYYMMDDHH from the client id
	SignedAt       time.Time // Timestamp as a time
	CheckTimestamp bool
}

// Lookup returns the secret registered for a device id.
type Lookup func(deviceID string) (secret string, ok bool)

// ParseClientID splits {device_id}_0_{sign_type}_{YYYYMMDDHH}; the device
// id may itself hold underscores, so the fields are taken from the right.
func ParseClientID(clientID string) (Identity, error) {
	var id Identity
	rest, ts, ok1 := cutLast(clientID)
	rest, sign, ok2 := cutLast(rest)
	dev, idType, ok3 := cutLast(rest)
	if !ok1 || !ok2 || !ok3 {
		return id, refuse(CodeIdentifierRejected, "client id %q is not {device_id}_0_{sign_type}_{YYYYMMDDHH}", clip(clientID))
	}
	if idType != "0" {
		return id, refuse(CodeIdentifierRejected, "client id identity type %q is not 0 (device id)", clip(idType))
	}
	switch sign {
	case "0":
		id.SignType = SignNoTimestampCheck
	case "1":
		id.SignType = SignTimestampCheck
	default:
		return id, refuse(CodeIdentifierRejected, "client id sign type %q is not 0 or 1", clip(sign))
	}
	t, err := ParseTimestamp(ts)
	if err != nil {
		return id, refuse(CodeIdentifierRejected, "client id %v", err)
	}
	if err := validDeviceID(dev); err != nil {
		return id, refuse(CodeIdentifierRejected, "client id device id %v", err)
	}
	id.DeviceID, id.Timestamp, id.SignedAt = dev, ts, t
	id.CheckTimestamp = id.SignType == SignTimestampCheck
	return id, nil
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, '_')
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// CheckForm checks everything that needs no secret: client id format,
// user name = device id, password 64 hex digits, and for sign type 1 the
// timestamp within TimestampTolerance of now.
func CheckForm(clientID, username, password string, now time.Time) (Identity, error) {
	id, err := ParseClientID(clientID)
	if err != nil {
		return Identity{}, err
	}
	if username != id.DeviceID {
		return Identity{}, refuse(CodeBadUserOrPassword, "user name %q is not the client id's device id %q", clip(username), clip(id.DeviceID))
	}
	if _, err := decodePassword(password); err != nil {
		return Identity{}, err
	}
	if id.CheckTimestamp {
		// The timestamp names an hour: accept now in [ts-tol, ts+1h+tol).
		lo, hi := id.SignedAt.Add(-TimestampTolerance), id.SignedAt.Add(time.Hour+TimestampTolerance)
		if now.Before(lo) || !now.Before(hi) {
			return Identity{}, refuse(CodeNotAuthorized, "timestamp %s is more than %v from the platform clock %s",
				id.Timestamp, TimestampTolerance, Timestamp(now))
		}
	}
	return id, nil
}

func decodePassword(password string) ([]byte, error) {
	if len(password) != 64 {
		return nil, refuse(CodeBadUserOrPassword, "password is %d characters, want 64 hex digits", len(password))
	}
	b, err := hex.DecodeString(password) // either case
	if err != nil {
		return nil, refuse(CodeBadUserOrPassword, "password is not hex")
	}
	return b, nil
}

// Verify checks the form and then the password against the secret lookup
// returns for the device.
func Verify(clientID, username, password string, now time.Time, lookup Lookup) (Identity, error) {
	id, err := CheckForm(clientID, username, password, now)
	if err != nil {
		return Identity{}, err
	}
	secret, ok := lookup(id.DeviceID)
	if !ok {
		return Identity{}, refuse(CodeNotAuthorized, "unknown device %q", clip(id.DeviceID))
	}
	got, _ := decodePassword(password)
	want, _ := hex.DecodeString(Password(secret, id.Timestamp))
	if !hmac.Equal(got, want) {
		return Identity{}, refuse(CodeBadUserOrPassword, "password does not match")
	}
	return id, nil
}
