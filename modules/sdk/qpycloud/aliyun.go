package qpycloud

import (
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/auth/aliyun"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "aLiYun",
		Doc:  "QuecPython's Alibaba Cloud client: aLiYun(pk, ps, dn, ds).setMqtt(), subscribe, publish, start (device-secret sign-in over umqtt)",
		New: func(env *runtime.Env) (starlark.StringDict, error) {
			return starlark.StringDict{"aLiYun": aliyunClass()}, nil
		},
	})
}

// aLiYun(productKey, productSecret=None, DeviceName=None, DeviceSecret=None,
// MqttServer=None, MqttPort=1883, ssl=False, ssl_params={}).
func aliyunClass() *gotype.Class {
	cls := gotype.NewClass("aLiYun", nil, nil)
	cls.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind("aLiYun", args, kw, "productKey", "productSecret?", "DeviceName?", "DeviceSecret?", "MqttServer?", "MqttPort?", "ssl?", "ssl_params?")
		if err != nil {
			return nil, err
		}
		var pk, ps, dn, ds, server string
		for _, f := range []struct {
			name string
			dst  *string
		}{{"productKey", &pk}, {"productSecret", &ps}, {"DeviceName", &dn}, {"DeviceSecret", &ds}, {"MqttServer", &server}} {
			if *f.dst, err = optText("aLiYun", a, f.name); err != nil {
				return nil, err
			}
		}
		if server == "" {
			server = pk + ".iot-as-mqtt.cn-shanghai.aliyuncs.com"
		}
		c := &client{kind: "aLiYun", server: server, ssl: starlark.False, sslParams: starlark.NewDict(0)}
		if c.port, err = a.Int("MqttPort", 1883); err != nil {
			return nil, err
		}
		if a.Has("ssl") {
			c.ssl = a.Value("ssl")
		}
		if a.Has("ssl_params") {
			c.sslParams = a.Value("ssl_params")
		}
		m := c.methods("getAliyunSta")
		// setMqtt(clientID=None, clean_session=True, keepAlive=300,
		// reconn=True, pingmaxnum=0, manage=False) signs in with the device
		// secret (securemode=3, HMAC-SHA256) and connects: 0 or -1.
		m["setMqtt"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("setMqtt", args, kw, "clientID?", "clean_session?", "keepAlive?", "reconn?", "pingmaxnum?", "manage?")
			if err != nil {
				return nil, err
			}
			cid, err := optText("setMqtt", a, "clientID")
			if err != nil {
				return nil, err
			}
			keepAlive, err := a.Int("keepAlive", 300)
			if err != nil {
				return nil, err
			}
			if cid == "" {
				cid = dn // the firmware formats None; any id signs the same way
			}
			if ds == "" && ps != "" {
				fmt.Fprintln(runtime.EnvOf(t).Stdout, "[ERROR] connect failed. Error : aLiYun needs the DeviceSecret here (product-secret registration: use linkkit or auth.aliyun)")
				return starlark.MakeInt(-1), nil
			}
			password, err := aliyun.HMAC("hmacsha256", ds, "clientId"+cid+"deviceName"+dn+"productKey"+pk)
			if err != nil {
				return nil, err
			}
			l := login{clientID: cid + "|securemode=3,signmethod=hmacsha256|", user: aliyun.Username(pk, dn), password: password}
			return c.connect(t, l, mqttOpts{keepAlive: keepAlive, reconn: a.Value("reconn"), clean: a.Value("clean_session")})
		}
		// publish(topic, msg, retain=False, qos=0).
		m["publish"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("publish", args, kw, "topic", "msg", "retain?", "qos?")
			if err != nil {
				return nil, err
			}
			return c.publish(t, a.Value("topic"), a.Value("msg"), a.Value("retain"), a.Value("qos"))
		}
		return gotype.NewObject(cls, m, func() string { return fmt.Sprintf("<aLiYun %s/%s>", pk, dn) }), nil
	}
	return cls
}
