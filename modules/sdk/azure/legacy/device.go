package legacy

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/internal/pyenum"
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "iothub_client",
		Doc:  "Azure IoT Hub device SDK (legacy, 1.4): IoTHubClient and IoTHubModuleClient with twins, methods, messages",
		New:  newDeviceModule,
	})
}

const deviceModule = "iothub_client"

// deviceClasses are one interpreter's iothub_client.
type deviceClasses struct {
	env                       *runtime.Env
	base, clientErr           *pylib.Class
	clientResult, twinState   *pyenum.Type
	confirmation, transport   *pyenum.Type
	disposition, connStatus   *pyenum.Type
	connReason, contentType   *pyenum.Type
	notedAMQP                 bool
	messageClass, returnClass *pyobj.Class
}

func newDeviceModule(env *runtime.Env) (starlark.StringDict, error) {
	base := pylib.NewExceptionClass("IoTHubError", "Exception")
	c := &deviceClasses{env: env, base: base, clientErr: base.Subclass("IoTHubClientError"),
		clientResult: pyenum.NewInt(deviceModule, "IoTHubClientResult", pyenum.Names("OK", "INVALID_ARG", "ERROR", "INVALID_SIZE", "INDEFINITE_TIME")...),
		twinState:    pyenum.NewInt(deviceModule, "IoTHubTwinUpdateState", pyenum.Names("COMPLETE", "PARTIAL")...),
		confirmation: pyenum.NewInt(deviceModule, "IoTHubClientConfirmationResult", pyenum.Names("OK", "BECAUSE_DESTROY", "MESSAGE_TIMEOUT", "ERROR")...),
		transport:    pyenum.NewInt(deviceModule, "IoTHubTransportProvider", pyenum.Names("HTTP", "AMQP", "MQTT", "AMQP_WS", "MQTT_WS")...),
		disposition:  pyenum.NewInt(deviceModule, "IoTHubMessageDispositionResult", pyenum.Names("ACCEPTED", "REJECTED", "ABANDONED")...),
		connStatus:   pyenum.NewInt(deviceModule, "IoTHubConnectionStatus", pyenum.Names("AUTHENTICATED", "UNAUTHENTICATED")...),
		connReason: pyenum.NewInt(deviceModule, "IoTHubClientConnectionStatusReason", pyenum.Names("EXPIRED_SAS_TOKEN", "DEVICE_DISABLED",
			"BAD_CREDENTIAL", "RETRY_EXPIRED", "NO_NETWORK", "COMMUNICATION_ERROR", "CONNECTION_OK")...),
		contentType: pyenum.NewInt(deviceModule, "IoTHubMessageContent", pyenum.Names("BYTEARRAY", "STRING", "UNKNOWN")...),
	}
	c.messageClass = &pyobj.Class{Qual: deviceModule + ".IoTHubMessage", Ctor: c.newMessage}
	c.returnClass = &pyobj.Class{Qual: deviceModule + ".DeviceMethodReturnValue", Ctor: newReturnValue}
	d := starlark.StringDict{
		"IoTHubError": base, "IoTHubClientError": c.clientErr,
		"IoTHubClientResult": c.clientResult, "IoTHubTwinUpdateState": c.twinState,
		"IoTHubClientConfirmationResult": c.confirmation, "IoTHubTransportProvider": c.transport,
		"IoTHubMessageDispositionResult": c.disposition, "IoTHubConnectionStatus": c.connStatus,
		"IoTHubClientConnectionStatusReason": c.connReason, "IoTHubMessageContent": c.contentType,
		"IoTHubClientStatus": pyenum.NewInt(deviceModule, "IoTHubClientStatus", pyenum.Names("IDLE", "BUSY")...),
		"IoTHubClientRetryPolicy": pyenum.NewInt(deviceModule, "IoTHubClientRetryPolicy", pyenum.Names("RETRY_NONE",
			"RETRY_IMMEDIATE", "RETRY_INTERVAL", "RETRY_LINEAR_BACKOFF", "RETRY_EXPONENTIAL_BACKOFF",
			"RETRY_EXPONENTIAL_BACKOFF_WITH_JITTER", "RETRY_RANDOM")...),
		"IoTHubSecurityType":      pyenum.NewInt(deviceModule, "IoTHubSecurityType", pyenum.Names("UNKNOWN", "SAS", "X509")...),
		"IoTHubMessage":           c.messageClass,
		"IoTHubMap":               &pyobj.Class{Qual: deviceModule + ".IoTHubMap", Ctor: newMap},
		"DeviceMethodReturnValue": c.returnClass,
		"IoTHubClient":            &pyobj.Class{Qual: deviceModule + ".IoTHubClient", Ctor: c.ctor("IoTHubClient")},
		"IoTHubModuleClient":      &pyobj.Class{Qual: deviceModule + ".IoTHubModuleClient", Ctor: c.ctor("IoTHubModuleClient")},
	}
	for _, name := range []string{"IoTHubMapError", "IoTHubMessageError"} {
		d[name] = base.Subclass(name)
	}
	return d, nil
}

func newReturnValue(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("DeviceMethodReturnValue", args, kwargs, 0); err != nil {
		return nil, err
	}
	return pyobj.New(deviceModule+".DeviceMethodReturnValue",
		starlark.StringDict{"response": starlark.None, "status": starlark.MakeInt(0)}), nil
}
