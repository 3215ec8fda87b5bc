package azure

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// CONNACK return codes the hub uses for refused connections (B.4).
const (
	CodeIdentifierRejected = 2 // client id malformed or not the user name's identity
	CodeServerUnavailable  = 3 // the device is disabled
	CodeBadUserPass        = 4 // user name or SAS token malformed
	CodeNotAuthorized      = 5 // bad or expired SAS, unknown device, wrong key
)

// Error says why credentials were refused and which CONNACK code to send.
// Reason never contains a key or a signature.
type Error struct {
	Code   byte
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("azure: connack %d: %s", e.Code, e.Reason) }

// ReturnCode is the CONNACK return code for this refusal.
func (e *Error) ReturnCode() byte { return e.Code }

func refuse(code byte, format string, args ...any) *Error {
	return &Error{Code: code, Reason: fmt.Sprintf(format, args...)}
}

// Identity is what a CONNECT says about the device.
type Identity struct {
	HostName   string
	DeviceID   string
	ModuleID   string
	APIVersion string
	Query      map[string]string // the user name's query, "$" stripped from keys
	X509       bool              // no password: X.509 client certificate auth
	Token      Token             // the parsed SAS token, unless X509
}

// Resource is the identity's SAS resource URI.
func (id Identity) Resource() string { return ResourceURI(id.HostName, id.DeviceID, id.ModuleID) }

// Registry looks up keys for Verify. A nil func, or ok=false, means unknown.
type Registry struct {
	// Keys returns the device's (or module's) symmetric keys, primary and secondary.
	Keys func(hostname, deviceID, moduleID string) (keys []string, ok bool)
	// PolicyKey returns a shared access policy's key (tokens with skn=).
	PolicyKey func(hostname, keyName string) (key string, ok bool)
	// Disabled reports a registered but disabled device (CONNACK 3).
	Disabled func(hostname, deviceID, moduleID string) bool
}

// ParseClientID splits "{deviceId}" or "{deviceId}/{moduleId}".
func ParseClientID(s string) (deviceID, moduleID string, err error) {
	parts := strings.Split(s, "/")
	if len(parts) > 2 || parts[0] == "" || (len(parts) == 2 && parts[1] == "") {
		return "", "", refuse(CodeIdentifierRejected, "client id must be deviceId or deviceId/moduleId")
	}
	if len(s) > 257 { // ids are at most 128 characters each
		return "", "", refuse(CodeIdentifierRejected, "client id too long")
	}
	if len(parts) == 2 {
		moduleID = parts[1]
	}
	return parts[0], moduleID, nil
}

// ParseUsername parses {host}/{dev}[/{mod}]/?{query}. The query's keys
// lose a leading "$"; "+" is not a space. It also takes the form some
// samples use, {host}/{dev}/api-version=... (no "?").
func ParseUsername(s string) (Identity, error) {
	path, query, ok := strings.Cut(s, "/?")
	if !ok {
		if i := strings.LastIndexByte(s, '/'); i >= 0 && strings.Contains(s[i:], "=") {
			path, query = s[:i], s[i+1:]
		}
	}
	parts := strings.Split(path, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return Identity{}, refuse(CodeBadUserPass, "user name must be hostname/deviceId[/moduleId]/?api-version=...")
	}
	for _, p := range parts {
		if p == "" {
			return Identity{}, refuse(CodeBadUserPass, "user name has an empty hostname or id")
		}
	}
	id := Identity{HostName: parts[0], DeviceID: parts[1], Query: ParseQuery(query)}
	if len(parts) == 3 {
		id.ModuleID = parts[2]
	}
	id.APIVersion = id.Query["api-version"]
	return id, nil
}

// CheckForm parses the CONNECT fields and checks their shape without a
// key: what the emulator does for unregistered devices. now is the
// clock the token expiry is checked against.
func CheckForm(clientID, username, password string, now time.Time) (Identity, error) {
	dev, mod, err := ParseClientID(clientID)
	if err != nil {
		return Identity{}, err
	}
	id, err := usernameFor(username, clientID, dev, mod)
	if err != nil {
		return Identity{}, err
	}
	if id.DeviceID != dev || id.ModuleID != mod {
		return Identity{}, refuse(CodeIdentifierRejected, "client id %q is not the user name's identity", clientID)
	}
	if password == "" {
		id.X509 = true
		return id, nil
	}
	tok, err := ParseSASToken(password)
	if err != nil {
		return Identity{}, refuse(CodeBadUserPass, "%s", strings.TrimPrefix(err.Error(), "azure: "))
	}
	id.Token = tok
	if tok.Expiry <= now.Unix() {
		return Identity{}, refuse(CodeNotAuthorized, "SAS token expired at %s", time.Unix(tok.Expiry, 0).UTC().Format(time.RFC3339))
	}
	if !tok.Covers(id.Resource()) {
		return Identity{}, refuse(CodeNotAuthorized, "SAS token resource %q does not cover %q", tok.SR, id.Resource())
	}
	return id, nil
}

// usernameFor parses the user name knowing the client id, since ids may
// contain "?" and "=": {host}/{clientID}/ then an optional "?" and query.
// Anything else goes through ParseUsername.
func usernameFor(username, clientID, dev, mod string) (Identity, error) {
	host, rest, _ := strings.Cut(username, "/")
	tail, ok := strings.CutPrefix(rest, clientID+"/")
	if host == "" || !ok || !(tail == "" || strings.HasPrefix(tail, "?") || !strings.Contains(tail, "/") && strings.Contains(tail, "=")) {
		return ParseUsername(username)
	}
	id := Identity{HostName: host, DeviceID: dev, ModuleID: mod, Query: ParseQuery(strings.TrimPrefix(tail, "?"))}
	id.APIVersion = id.Query["api-version"]
	return id, nil
}

// Verify checks the CONNECT fields against reg at time now and returns
// the device, or an *Error carrying the CONNACK code.
func Verify(clientID, username, password string, now time.Time, reg Registry) (Identity, error) {
	id, err := CheckForm(clientID, username, password, now)
	if err != nil {
		return Identity{}, err
	}
	if id.X509 {
		return Identity{}, refuse(CodeNotAuthorized, "no SAS token (X.509 authentication is not supported)")
	}
	// The device must be registered even when a policy key signed the token.
	keys, known := lookupKeys(reg, id)
	if !known {
		return Identity{}, refuse(CodeNotAuthorized, "unknown device %q", ClientID(id.DeviceID, id.ModuleID))
	}
	if name := id.Token.KeyName; name != "" {
		key, ok := "", false
		if reg.PolicyKey != nil {
			key, ok = reg.PolicyKey(id.HostName, name)
		}
		if !ok {
			return Identity{}, refuse(CodeNotAuthorized, "unknown shared access policy %q", name)
		}
		keys = []string{key}
	}
	signed := false
	for _, k := range keys {
		signed = id.Token.Signed(k) || signed
	}
	if !signed {
		return Identity{}, refuse(CodeNotAuthorized, "SAS token signature does not match")
	}
	if reg.Disabled != nil && reg.Disabled(id.HostName, id.DeviceID, id.ModuleID) {
		return Identity{}, refuse(CodeServerUnavailable, "device %q is disabled", ClientID(id.DeviceID, id.ModuleID))
	}
	return id, nil
}

func lookupKeys(reg Registry, id Identity) ([]string, bool) {
	if reg.Keys == nil {
		return nil, false
	}
	return reg.Keys(id.HostName, id.DeviceID, id.ModuleID)
}

// Code returns the CONNACK code of a Verify error, 0 for nil.
func Code(err error) byte {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err != nil {
		return CodeNotAuthorized
	}
	return 0
}
