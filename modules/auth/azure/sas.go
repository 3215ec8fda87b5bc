// Package azure computes and verifies Azure IoT Hub MQTT credentials:
// SAS tokens for devices, modules and service policies, connection
// strings, the CONNECT client id and user name, and the device topics
// (telemetry, cloud-to-device, twin, direct methods). It also provides
// the script module auth.azure.
package azure

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Defaults of the device SDKs and the docs.
const (
	Port       = 8883 // TLS only; the hub has no plain MQTT port
	APIVersion = "2021-04-12"
	DefaultTTL = 3600 // seconds
)

// Quote percent-encodes s like Python's urllib.parse.quote(s, safe=""):
// only ASCII letters, digits and "_.-~" stay as they are.
func Quote(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_.-~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// ResourceURI is the SAS resource of a device ({host}/devices/{id}), a
// module ({host}/devices/{id}/modules/{mid}) or, with no device id, the
// hub itself (service policies).
func ResourceURI(hostname, deviceID, moduleID string) string {
	switch {
	case deviceID == "":
		return hostname
	case moduleID == "":
		return hostname + "/devices/" + deviceID
	}
	return hostname + "/devices/" + deviceID + "/modules/" + moduleID
}

// decodeKey decodes a SharedAccessKey (standard base64).
func decodeKey(key string) ([]byte, error) {
	k, err := base64.StdEncoding.DecodeString(key)
	if err != nil {
		return nil, fmt.Errorf("azure: shared access key is not valid base64")
	}
	return k, nil
}

// signature is base64(HMAC-SHA256(key, sr + "\n" + se)), not URL-encoded.
func signature(key []byte, sr, se string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(sr + "\n" + se))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// SASToken builds "SharedAccessSignature sr=..&sig=..&se=..[&skn=..]" for
// resource uri (unencoded), a base64 key and an absolute expiry in Unix
// seconds. keyName is the policy name for policy keys, else "".
func SASToken(uri, key string, expiry int64, keyName string) (string, error) {
	if uri == "" {
		return "", fmt.Errorf("azure: resource uri is empty")
	}
	k, err := decodeKey(key)
	if err != nil {
		return "", err
	}
	sr := Quote(uri)
	se := strconv.FormatInt(expiry, 10)
	tok := "SharedAccessSignature sr=" + sr + "&sig=" + Quote(signature(k, sr, se)) + "&se=" + se
	if keyName != "" {
		tok += "&skn=" + Quote(keyName)
	}
	return tok, nil
}

// Token is a parsed SAS token. SR and Sig are URL-decoded; RawSR is sr as
// received, which is what the signer signed.
type Token struct {
	RawSR   string
	SR      string
	Sig     string
	Expiry  int64
	KeyName string
}

// ParseSASToken parses a token: fields split on "&" then at the first
// "=", in any order; sr, sig and se are required, skn is the only other.
func ParseSASToken(s string) (Token, error) {
	const prefix = "SharedAccessSignature "
	if !strings.HasPrefix(s, prefix) {
		return Token{}, fmt.Errorf("azure: SAS token must start with %q", prefix)
	}
	var t Token
	seen := map[string]bool{}
	for _, f := range strings.Split(s[len(prefix):], "&") {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return Token{}, fmt.Errorf("azure: SAS token field %q is not key=value", f)
		}
		if seen[k] {
			return Token{}, fmt.Errorf("azure: SAS token field %q given twice", k)
		}
		seen[k] = true
		dec, err := url.PathUnescape(v)
		if err != nil {
			return Token{}, fmt.Errorf("azure: SAS token field %q is badly percent-encoded", k)
		}
		switch k {
		case "sr":
			t.RawSR, t.SR = v, dec
		case "sig":
			t.Sig = dec
		case "se":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return Token{}, fmt.Errorf("azure: SAS token expiry %q is not a number", v)
			}
			t.Expiry = n
		case "skn":
			t.KeyName = dec
		default:
			return Token{}, fmt.Errorf("azure: SAS token has unknown field %q", k)
		}
	}
	if !seen["sr"] || !seen["sig"] || !seen["se"] || t.SR == "" || t.Sig == "" {
		return Token{}, fmt.Errorf("azure: SAS token needs sr, sig and se")
	}
	return t, nil
}

// Signed reports whether t carries a valid signature made with key. It
// tries sr as received, then sr re-encoded as the device SDK does (the
// service SDK's quote_plus/quote differ). Constant-time compare.
func (t Token) Signed(key string) bool {
	k, err := decodeKey(key)
	if err != nil {
		return false
	}
	got, err := base64.StdEncoding.DecodeString(t.Sig)
	if err != nil {
		return false
	}
	se := strconv.FormatInt(t.Expiry, 10)
	for _, sr := range []string{t.RawSR, Quote(t.SR)} {
		want, _ := base64.StdEncoding.DecodeString(signature(k, sr, se))
		if hmac.Equal(want, got) {
			return true
		}
	}
	return false
}

// Covers reports whether the token's resource is res or a parent of it
// (whole path segments, case-insensitive).
func (t Token) Covers(res string) bool {
	sr := strings.ToLower(strings.TrimSuffix(t.SR, "/"))
	res = strings.ToLower(res)
	return sr == res || strings.HasPrefix(res, sr+"/")
}
