package azure

import (
	"fmt"
	"strings"
)

// ConnectionString is a parsed IoT Hub connection string.
type ConnectionString struct {
	HostName              string
	DeviceID              string
	ModuleID              string
	SharedAccessKey       string
	SharedAccessKeyName   string
	SharedAccessSignature string
	GatewayHostName       string
	X509                  bool
}

// ParseConnectionString parses ";"-separated Key=Value pairs (split at
// the first "=", since base64 values end in "="). Unknown or repeated
// keys are errors, and the keys must form a device/module set (HostName,
// DeviceId, and one of SharedAccessKey, SharedAccessSignature, x509=true)
// or a service set (HostName, SharedAccessKeyName, SharedAccessKey).
func ParseConnectionString(s string) (ConnectionString, error) {
	var cs ConnectionString
	seen := map[string]bool{}
	for _, part := range strings.Split(strings.TrimSuffix(strings.TrimSpace(s), ";"), ";") {
		k, v, ok := strings.Cut(part, "=")
		if !ok || k == "" {
			return ConnectionString{}, fmt.Errorf("azure: connection string part %q is not Key=Value", redact(part))
		}
		if seen[k] {
			return ConnectionString{}, fmt.Errorf("azure: connection string has %s twice", k)
		}
		seen[k] = true
		switch k {
		case "HostName":
			cs.HostName = v
		case "DeviceId":
			cs.DeviceID = v
		case "ModuleId":
			cs.ModuleID = v
		case "SharedAccessKey":
			cs.SharedAccessKey = v
		case "SharedAccessKeyName":
			cs.SharedAccessKeyName = v
		case "SharedAccessSignature":
			cs.SharedAccessSignature = v
		case "GatewayHostName":
			cs.GatewayHostName = v
		case "x509":
			if !strings.EqualFold(v, "true") {
				return ConnectionString{}, fmt.Errorf("azure: connection string x509 must be true, got %q", v)
			}
			cs.X509 = true
		default:
			return ConnectionString{}, fmt.Errorf("azure: connection string has unknown key %q", k)
		}
	}
	return cs, cs.check()
}

// redact hides the value of a part that may hold a secret.
func redact(part string) string {
	if len(part) > 20 {
		return part[:8] + "..."
	}
	return part
}

func (cs ConnectionString) check() error {
	if cs.HostName == "" {
		return fmt.Errorf("azure: connection string needs HostName")
	}
	if cs.DeviceID == "" {
		if cs.SharedAccessKeyName == "" || cs.SharedAccessKey == "" || cs.ModuleID != "" || cs.X509 || cs.SharedAccessSignature != "" {
			return fmt.Errorf("azure: connection string needs DeviceId, or SharedAccessKeyName and SharedAccessKey")
		}
		return nil
	}
	n := 0
	for _, b := range []bool{cs.SharedAccessKey != "", cs.SharedAccessSignature != "", cs.X509} {
		if b {
			n++
		}
	}
	if n != 1 || cs.SharedAccessKeyName != "" {
		return fmt.Errorf("azure: device connection string needs exactly one of SharedAccessKey, SharedAccessSignature, x509=true")
	}
	return nil
}

// String formats cs back, in the usual key order.
func (cs ConnectionString) String() string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("HostName", cs.HostName)
	add("DeviceId", cs.DeviceID)
	add("ModuleId", cs.ModuleID)
	add("SharedAccessKeyName", cs.SharedAccessKeyName)
	add("SharedAccessKey", cs.SharedAccessKey)
	add("SharedAccessSignature", cs.SharedAccessSignature)
	add("GatewayHostName", cs.GatewayHostName)
	if cs.X509 {
		add("x509", "true")
	}
	return strings.Join(parts, ";")
}
