// Package onenet computes and verifies the MQTT credentials of China
// Mobile's OneNET platform (MQTT suite / OneNET Studio): client id = device
// name, user name = product id, password = a version 2018-10-31 token.
package onenet

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"hash"
	"net/url"
	"strconv"
	"strings"
)

// Endpoints of the MQTT suite.
const (
	Host    = "mqtts.heclouds.com"
	Port    = 1883
	TLSHost = "mqttstls.heclouds.com"
	TLSPort = 8883
	// Version is the only token version the platform documents.
	Version = "2018-10-31"
	// Keep-alive bounds the platform enforces, in seconds.
	MinKeepAlive = 10
	MaxKeepAlive = 1800
)

// Params are the signed fields of a token.
type Params struct {
	Res     string // Resource(pid, dev) or ProductResource(pid)
	ET      int64  // expiry, Unix seconds
	Method  string // md5, sha1 or sha256 (hmacmd5, hmacsha1, hmacsha256 also accepted)
	Version string // empty means Version
}

// Resource is the res of a device-level key.
func Resource(productID, deviceName string) string {
	return "products/" + productID + "/devices/" + deviceName
}

// ProductResource is the res of the product-level access key.
func ProductResource(productID string) string { return "products/" + productID }

// hashFor maps a method name to its hash; the docs treat "hmacsha1" and
// "sha1" alike, so the prefix is ignored (case too).
func hashFor(method string) (func() hash.Hash, bool) {
	switch strings.TrimPrefix(strings.ToLower(method), "hmac") {
	case "md5":
		return md5.New, true
	case "sha1":
		return sha1.New, true
	case "sha256":
		return sha256.New, true
	}
	return nil, false
}

// ValidMethod reports whether method is a sign method this package supports.
func ValidMethod(method string) bool { _, ok := hashFor(method); return ok }

// Sign returns the base64 signature of p under accessKey (the base64 key
// shown on the console).
func Sign(accessKey string, p Params) (string, error) {
	newHash, ok := hashFor(p.Method)
	if !ok {
		return "", fmt.Errorf("onenet: unsupported sign method %q (want md5, sha1 or sha256)", p.Method)
	}
	key, err := base64.StdEncoding.DecodeString(accessKey)
	if err != nil {
		return "", fmt.Errorf("onenet: access key is not valid base64")
	}
	if p.Version == "" {
		p.Version = Version
	}
	mac := hmac.New(newHash, key)
	mac.Write([]byte(stringToSign(p)))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}

// stringToSign is et \n method \n res \n version, res not URL-encoded.
func stringToSign(p Params) string {
	return strconv.FormatInt(p.ET, 10) + "\n" + p.Method + "\n" + p.Res + "\n" + p.Version
}

// Token returns the MQTT password / API authorization token for p.
func Token(accessKey string, p Params) (string, error) {
	if p.Version == "" {
		p.Version = Version
	}
	if p.Res == "" {
		return "", fmt.Errorf("onenet: empty res")
	}
	sign, err := Sign(accessKey, p)
	if err != nil {
		return "", err
	}
	return formatToken(p, sign), nil
}

// formatToken lays the fields out in the documented order, values escaped
// like Python's quote(x, safe=”).
func formatToken(p Params, sign string) string {
	return "version=" + escape(p.Version) + "&res=" + escape(p.Res) +
		"&et=" + strconv.FormatInt(p.ET, 10) + "&method=" + escape(p.Method) +
		"&sign=" + escape(sign)
}

// escape percent-encodes everything outside RFC 3986 unreserved
// characters, as Python's quote(s, safe=”) does.
func escape(s string) string {
	const hexdig = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexdig[c>>4])
		b.WriteByte(hexdig[c&15])
	}
	return b.String()
}

// Token fields as parsed from a password.
type parsed struct {
	Params
	Sign string
}

// parseToken splits a token by key and URL-decodes each value. '+' stays
// '+' (a raw base64 sign), unlike form decoding.
func parseToken(tok string) (parsed, error) {
	var p parsed
	seen := map[string]bool{}
	for _, field := range strings.Split(tok, "&") {
		k, v, ok := strings.Cut(field, "=")
		if !ok {
			return p, fmt.Errorf("token field %q has no '='", clip(field))
		}
		val, err := url.PathUnescape(v)
		if err != nil {
			return p, fmt.Errorf("token field %q is not URL-encoded correctly", k)
		}
		if seen[k] {
			return p, fmt.Errorf("token field %q repeated", clip(k))
		}
		seen[k] = true
		switch k {
		case "version":
			p.Version = val
		case "res":
			p.Res = val
		case "et":
			n, err := strconv.ParseInt(val, 10, 64)
			if err != nil || n < 0 {
				return p, fmt.Errorf("token et %q is not a Unix time", clip(val))
			}
			p.ET = n
		case "method":
			p.Method = val
		case "sign":
			p.Sign = val
		default:
			return p, fmt.Errorf("token has unknown field %q", clip(k))
		}
	}
	for _, k := range []string{"version", "res", "et", "method", "sign"} {
		if !seen[k] {
			return p, fmt.Errorf("token lacks %q", k)
		}
	}
	if p.Version != Version {
		return p, fmt.Errorf("token version %q is not %s", clip(p.Version), Version)
	}
	if !ValidMethod(p.Method) {
		return p, fmt.Errorf("token method %q is not md5, sha1 or sha256", clip(p.Method))
	}
	return p, nil
}

// clip bounds attacker-controlled text quoted in errors.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
