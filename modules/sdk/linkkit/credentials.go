package linkkit

import (
	"errors"
	"strconv"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/aliyun"
)

// Sign-in modes, decided at connect time in 1.2.13's order.
const (
	modeDeviceSecret = "secret"
	modeTriple       = "triple"
	modeRegister     = auth.AuthRegister
	modeRegNWL       = auth.AuthRegNWL
)

// credentials are one CONNECT's client id, user name and password.
type credentials struct {
	mode                         string
	clientID, username, password string
}

// credentials signs in as 1.2.13 does (A.7): the device secret first,
// else a given client id/user name/password triple, else MQTT dynamic
// registration with the product secret. Callers hold mu.
func (lk *LinkKit) credentials() (credentials, error) {
	id := lk.id
	switch {
	case id.deviceSecret != "":
		return lk.secretCredentials(), nil
	case id.hasTriple():
		return credentials{mode: modeTriple, clientID: id.clientID, username: id.username, password: id.password}, nil
	case id.productSecret != "" && (id.authType == modeRegister || id.authType == modeRegNWL):
		return lk.registerCredentials(), nil
	case id.productSecret != "" && id.authType != "":
		return credentials{}, errors.New("unknow dynreg param error")
	}
	return credentials{}, errors.New("unknow auth error")
}

func (lk *LinkKit) secretCredentials() credentials {
	id := lk.id
	mode := auth.SecureTLS
	if lk.cfg.secure != "TLS" {
		mode = auth.SecureTCP
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	params := []auth.Param{{Key: "securemode", Value: mode}, {Key: "signmethod", Value: auth.HmacSHA1},
		{Key: "ext", Value: "1"}, {Key: "_ss", Value: "1"}, {Key: "lan", Value: "Python"}, {Key: "_v", Value: sdkVersion}}
	if lk.deviceInfo != "" {
		params = append(params, auth.Param{Key: "sii", Value: lk.deviceInfo})
	}
	params = append(params, auth.Param{Key: "timestamp", Value: ts})
	cid := id.productKey + "&" + id.deviceName
	sign, _ := auth.HMAC(auth.HmacSHA1, id.deviceSecret, auth.Content(cid, id.deviceName, id.productKey, ts))
	return credentials{mode: modeDeviceSecret, clientID: auth.FormatClientID(cid, params),
		username: auth.Username(id.productKey, id.deviceName), password: sign}
}

func (lk *LinkKit) registerCredentials() credentials {
	id := lk.id
	random := auth.Random()
	params := []auth.Param{{Key: "random", Value: random}, {Key: "authType", Value: id.authType},
		{Key: "securemode", Value: auth.SecureTLS}, {Key: "signmethod", Value: auth.HmacSHA256}}
	if id.instanceID != "" {
		params = append(params, auth.Param{Key: "instanceId", Value: id.instanceID})
	}
	sign, _ := auth.HMAC(auth.HmacSHA256, id.productSecret, auth.RegisterContent(id.productKey, id.deviceName, random))
	return credentials{mode: id.authType, clientID: auth.FormatClientID(id.deviceName+"."+id.productKey, params),
		username: auth.Username(id.productKey, id.deviceName), password: sign}
}

// needsHTTPSRegister: no device secret, a product secret, no auth_type
// and no triple means 1.2.13 registers over HTTPS before MQTT (A.13a).
func (lk *LinkKit) needsHTTPSRegister() bool {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	id := lk.id
	return id.deviceSecret == "" && id.productSecret != "" && id.authType == "" && !id.hasTriple()
}
