package onenet

import "fmt"

// Credentials are the CONNECT fields and the default endpoint.
type Credentials struct {
	ClientID string // device name
	Username string // product id
	Password string // token
	Host     string
	Port     int
}

// DeviceCredentials signs a device login. With productLevel the token is
// signed by the product access key (res = products/{pid}); otherwise
// accessKey is the device's key. tls picks the TLS endpoint.
func DeviceCredentials(productID, deviceName, accessKey string, p Params, productLevel, tls bool) (Credentials, error) {
	if err := validName(productID); err != nil {
		return Credentials{}, fmt.Errorf("onenet: product id: %v", err)
	}
	if err := validName(deviceName); err != nil {
		return Credentials{}, fmt.Errorf("onenet: device name: %v", err)
	}
	p.Res = Resource(productID, deviceName)
	if productLevel {
		p.Res = ProductResource(productID)
	}
	tok, err := Token(accessKey, p)
	if err != nil {
		return Credentials{}, err
	}
	c := Credentials{ClientID: deviceName, Username: productID, Password: tok, Host: Host, Port: Port}
	if tls {
		c.Host, c.Port = TLSHost, TLSPort
	}
	return c, nil
}
