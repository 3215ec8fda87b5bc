package qpycloud

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "TenCentYun",
		Doc:  "QuecPython's Tencent Cloud IoT client: TXyun(productID, devicename, devicePsk).setMqtt(), subscribe, publish, start (device-key sign-in over umqtt)",
		New: func(env *runtime.Env) (starlark.StringDict, error) {
			return starlark.StringDict{"TXyun": tencentClass()}, nil
		},
	})
}

// Tencent IoT Hub's device-key sign-in: the SDK app id every device
// SDK sends, and how long the signature stays valid.
const (
	tencentSDKAppID = "12010126"
	tencentValidity = 24 * time.Hour
)

// tencentLogin is the CONNECT of a device signing in with its key: client
// id productID+devicename, user "<pid><name>;12010126;<connid>;<expiry>",
// password "<hex HMAC-SHA256(base64-decoded key, user)>;hmacsha256".
func tencentLogin(productID, deviceName, psk, connID string, expiry int64) (login, error) {
	key, err := base64.StdEncoding.DecodeString(psk)
	if err != nil {
		return login{}, exc.ValueError("TXyun: devicePsk is not base64: %v", err)
	}
	user := fmt.Sprintf("%s%s;%s;%s;%d", productID, deviceName, tencentSDKAppID, connID, expiry)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(user))
	return login{clientID: productID + deviceName, user: user, password: hex.EncodeToString(mac.Sum(nil)) + ";hmacsha256"}, nil
}

// connID is the 5-character random connection id Tencent's SDKs send.
func connID() string {
	const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, 5)
	for i := range b {
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(chars))))
		b[i] = chars[n.Int64()]
	}
	return string(b)
}

// TXyun(productID, devicename, devicePsk, ProductSecret=None).
func tencentClass() *gotype.Class {
	cls := gotype.NewClass("TXyun", nil, nil)
	cls.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind("TXyun", args, kw, "productID", "devicename", "devicePsk?", "ProductSecret?")
		if err != nil {
			return nil, err
		}
		var pid, dn, psk, ps string
		for _, f := range []struct {
			name string
			dst  *string
		}{{"productID", &pid}, {"devicename", &dn}, {"devicePsk", &psk}, {"ProductSecret", &ps}} {
			if *f.dst, err = optText("TXyun", a, f.name); err != nil {
				return nil, err
			}
		}
		c := &client{kind: "TXyun", server: pid + ".iotcloud.tencentdevices.com", port: 1883, ssl: starlark.False, sslParams: starlark.NewDict(0)}
		m := c.methods("getTXyunsta")
		// setMqtt(clean_session=False, keepAlive=300, reconn=True) signs in
		// with the device key and connects: 0 or -1.
		m["setMqtt"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("setMqtt", args, kw, "clean_session?", "keepAlive?", "reconn?")
			if err != nil {
				return nil, err
			}
			keepAlive, err := a.Int("keepAlive", 300)
			if err != nil {
				return nil, err
			}
			if psk == "" && ps != "" {
				fmt.Fprintln(runtime.EnvOf(t).Stdout, "[ERROR] connect failed. Error : TXyun needs the devicePsk here (product-secret registration is not done)")
				return starlark.MakeInt(-1), nil
			}
			l, err := tencentLogin(pid, dn, psk, connID(), runtime.EnvOf(t).Now().Add(tencentValidity).Unix())
			if err != nil {
				return nil, err
			}
			clean := a.Value("clean_session")
			if clean == nil {
				clean = starlark.False
			}
			return c.connect(t, l, mqttOpts{keepAlive: keepAlive, reconn: a.Value("reconn"), clean: clean})
		}
		// publish(topic, msg, qos=0).
		m["publish"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("publish", args, kw, "topic", "msg", "qos?")
			if err != nil {
				return nil, err
			}
			return c.publish(t, a.Value("topic"), a.Value("msg"), nil, a.Value("qos"))
		}
		return gotype.NewObject(cls, m, func() string { return fmt.Sprintf("<TXyun %s/%s>", pid, dn) }), nil
	}
	return cls
}
