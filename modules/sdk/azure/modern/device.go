// Package modern is Azure's current Python SDKs: azure.iot.device
// (IoTHubDeviceClient, IoTHubModuleClient, Message, MethodResponse) and
// azure.iot.hub (IoTHubRegistryManager and its models), on the hub
// package's wire.
package modern

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "azure.iot.device",
		Doc:  "Azure IoT Hub device SDK (azure-iot-device 2.14): device and module clients, twins, methods, messages",
		New:  func(env *runtime.Env) (starlark.StringDict, error) { return deviceModule(env).members(), nil },
	})
	runtime.Register(runtime.Module{
		Name: "azure.iot.device.exceptions",
		Doc:  "azure.iot.device's exceptions (ClientError, CredentialError, ConnectionFailedError, ...)",
		New:  func(env *runtime.Env) (starlark.StringDict, error) { return deviceModule(env).errs.members(), nil },
	})
}

const devicePkg = "azure.iot.device"

// deviceClasses are azure.iot.device for one interpreter (its exceptions
// module shares them, so `except exceptions.ClientError` matches what
// the clients raise).
type deviceClasses struct {
	env  *runtime.Env
	errs *deviceErrors
}

type deviceErrors struct {
	client, credential, connFailed, connDropped, noConn, timeout, cancelled, service *pylib.Class
}

func (e *deviceErrors) members() starlark.StringDict {
	return starlark.StringDict{"ClientError": e.client, "CredentialError": e.credential,
		"ConnectionFailedError": e.connFailed, "ConnectionDroppedError": e.connDropped,
		"NoConnectionError": e.noConn, "OperationTimeout": e.timeout, "OperationCancelled": e.cancelled,
		"ServiceError": e.service}
}

// deviceModule returns the interpreter's classes, made on first use.
func deviceModule(env *runtime.Env) *deviceClasses {
	return env.Shared(devicePkg, func() any {
		client := pylib.NewExceptionClass("ClientError", "Exception")
		return &deviceClasses{env: env, errs: &deviceErrors{client: client,
			credential: client.Subclass("CredentialError"), connFailed: client.Subclass("ConnectionFailedError"),
			connDropped: client.Subclass("ConnectionDroppedError"), noConn: client.Subclass("NoConnectionError"),
			timeout: client.Subclass("OperationTimeout"), cancelled: client.Subclass("OperationCancelled"),
			service: pylib.NewExceptionClass("ServiceError", "Exception")}}
	}).(*deviceClasses)
}

func (c *deviceClasses) members() starlark.StringDict {
	return starlark.StringDict{
		"IoTHubDeviceClient": c.clientClass("IoTHubDeviceClient"),
		"IoTHubModuleClient": c.clientClass("IoTHubModuleClient"),
		"Message":            &pyobj.Class{Qual: devicePkg + ".Message", Ctor: newMessage},
		"MethodResponse": &pyobj.Class{Qual: devicePkg + ".MethodResponse", Ctor: newMethodResponse,
			Attrs: starlark.StringDict{"create_from_method_request": starlark.NewBuiltin("create_from_method_request", fromMethodRequest)}},
		"exceptions": pyobj.New(devicePkg+".exceptions", c.errs.members()),
	}
}

// newMessage is Message(data, message_id=None, content_encoding=None,
// content_type=None, output_name=None).
func newMessage(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("Message", args, kwargs, "data", "message_id?", "content_encoding?", "content_type?", "output_name?")
	if err != nil {
		return nil, err
	}
	attrs := starlark.StringDict{"data": a.Value("data"), "custom_properties": starlark.NewDict(0),
		"correlation_id": starlark.None, "user_id": starlark.None, "expiry_time_utc": starlark.None, "ack": starlark.None}
	for _, k := range []string{"message_id", "content_encoding", "content_type", "output_name"} {
		v := a.Value(k)
		if v == nil {
			v = starlark.None
		}
		attrs[k] = v
	}
	return pyobj.New(devicePkg+".Message", attrs), nil
}

// newMethodResponse is MethodResponse(request_id, status, payload=None).
func newMethodResponse(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("MethodResponse", args, kwargs, "request_id", "status", "payload?")
	if err != nil {
		return nil, err
	}
	return methodResponse(a.Value("request_id"), a.Value("status"), a.Value("payload")), nil
}

func methodResponse(rid, status, payload starlark.Value) *pyobj.Object {
	if payload == nil {
		payload = starlark.None
	}
	return pyobj.New(devicePkg+".MethodResponse", starlark.StringDict{"request_id": rid, "status": status, "payload": payload})
}

// fromMethodRequest is MethodResponse.create_from_method_request(req, status, payload=None).
func fromMethodRequest(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "method_request", "status", "payload?")
	if err != nil {
		return nil, err
	}
	req, ok := a.Value("method_request").(*pyobj.Object)
	if !ok {
		return nil, exc.TypeError("create_from_method_request: method_request must be a MethodRequest")
	}
	return methodResponse(req.Attrs["request_id"], a.Value("status"), a.Value("payload")), nil
}
