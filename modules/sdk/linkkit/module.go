// Package linkkit is Aliyun's Python Link SDK (aliyun-iot-linkkit 1.2.13)
// for qstar scripts: `from linkkit import linkkit`, then
// linkkit.LinkKit(host_name, product_key, device_name, device_secret, ...)
// with config_mqtt, connect_async, the pub/sub and thing-model calls and
// every on_* callback, run on a handler worker in arrival order. It speaks
// MQTT through the runtime's Env.Dial, so `qstar run --emulate` answers it
// with the local cloud.
package linkkit

import (
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyenum"
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "linkkit.linkkit",
		Doc:  "Aliyun IoT Python Link SDK (LinkKit 1.2.13): device-secret and dynamic-registration sign-in, thing model, callbacks",
		New:  newModule,
	})
}

// sdkVersion is the LinkKit release whose behaviour and CONNECT fields
// this package reproduces.
const sdkVersion = "1.2.13"

// classes are one interpreter's LinkKit class and its nested types.
type classes struct {
	linkKit    *linkKitClass
	state      *pyenum.Type
	errorCode  *pyenum.Type
	stateError *pylib.Class
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	c := &classes{
		state: pyenum.New("LinkKitState", "INITIALIZED", 1, "CONNECTING", 2, "CONNECTED", 3,
			"DISCONNECTING", 4, "DISCONNECTED", 5, "DESTRUCTING", 6, "DESTRUCTED", 7),
		errorCode: pyenum.New("ErrorCode", "SUCCESS", 0, "NETWORK_DISCONNECTED", -0x001, "INVALID_TOPIC", -0x002,
			"INVALID_QOS", -0x003, "PAHO_MQTT_ERROR", -0x004, "NULL_SUBDEV_ERR", -0x101,
			"SUBDEV_NOT_ARRAY_ERR", -0x102, "ARRAY_LENGTH_ERR", -0x103,
			"DYNREG_AUTH_FAILED", -0x301, "DYNREG_AUTH_NWL_FAILED", -0x302,
			"OTA_INVALID_PARAM", -0x401, "OTA_DIGEST_MISMATCH", -0x402, "OTA_PUB_FAILED", -0x403,
			"OTA_INVALID_SIGN_METHOD", -0x404, "OTA_DOWNLOAD_FAIL", -0x405, "OTA_INVALID_URL", -0x406,
			"OTA_INVALID_PATH", -0x407),
		stateError: pylib.NewExceptionClass("StateError", "Exception"),
	}
	c.linkKit = &linkKitClass{c: c, env: env}
	return starlark.StringDict{"LinkKit": c.linkKit}, nil
}
