package azure

import (
	"fmt"
	"strings"
)

// ClientID is the CONNECT client id: {deviceId} or {deviceId}/{moduleId}.
func ClientID(deviceID, moduleID string) string {
	if moduleID == "" {
		return deviceID
	}
	return deviceID + "/" + moduleID
}

// Username is {hostname}/{deviceId}[/{moduleId}]/?api-version={v}, then
// any extra query (already encoded, e.g. "DeviceClientType=..").
func Username(hostname, deviceID, moduleID, apiVersion, extraQuery string) string {
	if apiVersion == "" {
		apiVersion = APIVersion
	}
	u := hostname + "/" + ClientID(deviceID, moduleID) + "/?api-version=" + Quote(apiVersion)
	if extraQuery != "" {
		u += "&" + extraQuery
	}
	return u
}

// Connect holds the CONNECT fields and where to send them.
type Connect struct {
	ClientID string
	Username string
	Password string // SAS token; empty for X.509
	Host     string
	Port     int
	TLS      bool
}

// DeviceConnect computes the CONNECT fields of a device or module
// connection string: a fresh SAS token expiring at expiry (Unix seconds)
// when it has a key, its SharedAccessSignature verbatim, or no password
// for x509. apiVersion "" means APIVersion.
func DeviceConnect(cs ConnectionString, expiry int64, apiVersion string) (Connect, error) {
	if err := cs.check(); err != nil {
		return Connect{}, err
	}
	if cs.DeviceID == "" {
		return Connect{}, fmt.Errorf("azure: a service connection string cannot connect over MQTT")
	}
	c := Connect{
		ClientID: ClientID(cs.DeviceID, cs.ModuleID),
		Username: Username(cs.HostName, cs.DeviceID, cs.ModuleID, apiVersion, ""),
		Host:     cs.HostName, Port: Port, TLS: true,
	}
	if cs.GatewayHostName != "" { // IoT Edge: dial the gateway, authenticate to the hub
		c.Host = cs.GatewayHostName
	}
	switch {
	case cs.SharedAccessSignature != "":
		if !strings.HasPrefix(cs.SharedAccessSignature, "SharedAccessSignature ") {
			return Connect{}, fmt.Errorf("azure: SharedAccessSignature must start with \"SharedAccessSignature \"")
		}
		c.Password = cs.SharedAccessSignature
	case cs.SharedAccessKey != "":
		tok, err := SASToken(ResourceURI(cs.HostName, cs.DeviceID, cs.ModuleID), cs.SharedAccessKey, expiry, "")
		if err != nil {
			return Connect{}, err
		}
		c.Password = tok
	}
	return c, nil
}
