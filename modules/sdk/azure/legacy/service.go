// Package legacy is Azure's 2018 Python SDKs as seed 000 uses them:
// iothub_service_client (IoTHubRegistryManager, IoTHubDeviceTwin,
// IoTHubDeviceMethod) and iothub_client (IoTHubClient,
// IoTHubModuleClient, IoTHubMessage), on the hub package's wire.
package legacy

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/azure/hub"
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyenum"
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "iothub_service_client",
		Doc:  "Azure IoT Hub service SDK (legacy, 1.4): identity registry, device and module twins, direct methods",
		New:  newServiceModule,
	})
}

// apiVersion is what the legacy C SDK sends, for registry and twin alike.
const apiVersion = "2017-11-08-preview"

const serviceModule = "iothub_service_client"

// serviceClasses are one interpreter's iothub_service_client.
type serviceClasses struct {
	env                                  *runtime.Env
	base, registryErr, twinErr, methodEr *pylib.Class
	registryResult, twinResult           *pyenum.Type
	methodResult, authMethod, status     *pyenum.Type
	connState                            *pyenum.Type
}

func newServiceModule(env *runtime.Env) (starlark.StringDict, error) {
	base := pylib.NewExceptionClass("IoTHubError", "Exception")
	c := &serviceClasses{env: env, base: base,
		registryErr: base.Subclass("IoTHubRegistryManagerError"),
		twinErr:     base.Subclass("IoTHubDeviceTwinError"),
		methodEr:    base.Subclass("IoTHubDeviceMethodError"),
		registryResult: pyenum.NewInt(serviceModule, "IoTHubRegistryManagerResult", pyenum.Names("OK", "INVALID_ARG", "ERROR",
			"JSON_ERROR", "HTTPAPI_ERROR", "HTTP_STATUS_ERROR", "DEVICE_EXIST", "DEVICE_NOT_EXIST", "CALLBACK_NOT_SET")...),
		twinResult:   pyenum.NewInt(serviceModule, "IoTHubDeviceTwinResult", pyenum.Names("OK", "INVALID_ARG", "ERROR", "HTTPAPI_ERROR")...),
		methodResult: pyenum.NewInt(serviceModule, "IoTHubDeviceMethodResult", pyenum.Names("OK", "INVALID_ARG", "ERROR", "HTTPAPI_ERROR")...),
		authMethod: pyenum.NewInt(serviceModule, "IoTHubRegistryManagerAuthMethod",
			pyenum.Names("SHARED_PRIVATE_KEY", "X509_THUMBPRINT", "X509_CERTIFICATE_AUTHORITY")...),
		status:    pyenum.NewInt(serviceModule, "IoTHubDeviceStatus", pyenum.Names("ENABLED", "DISABLED")...),
		connState: pyenum.NewInt(serviceModule, "IoTHubDeviceConnectionState", pyenum.Names("CONNECTED", "DISCONNECTED")...),
	}
	d := starlark.StringDict{
		"IoTHubError": base, "IoTHubRegistryManagerError": c.registryErr, "IoTHubDeviceTwinError": c.twinErr,
		"IoTHubDeviceMethodError":     c.methodEr,
		"IoTHubRegistryManagerResult": c.registryResult, "IoTHubDeviceTwinResult": c.twinResult,
		"IoTHubDeviceMethodResult": c.methodResult, "IoTHubRegistryManagerAuthMethod": c.authMethod,
		"IoTHubDeviceStatus": c.status, "IoTHubDeviceConnectionState": c.connState,
		"IoTHubRegistryManager": &pyobj.Class{Qual: serviceModule + ".IoTHubRegistryManager", Ctor: c.newRegistryManager},
		"IoTHubDeviceTwin":      &pyobj.Class{Qual: serviceModule + ".IoTHubDeviceTwin", Ctor: c.newDeviceTwin},
		"IoTHubDeviceMethod":    &pyobj.Class{Qual: serviceModule + ".IoTHubDeviceMethod", Ctor: c.newDeviceMethod},
	}
	for _, name := range []string{"IoTHubMapError", "IoTHubMessageError", "IoTHubServiceClientAuthError",
		"IoTHubMessagingError", "IoTHubDeviceConfigurationError"} {
		d[name] = base.Subclass(name)
	}
	return d, nil
}

// fail raises cls with the SDK's message "{Class}.{func}, {Enum}.{NAME}".
func fail(cls *pylib.Class, class, fn string, result *pyenum.Type, name string) error {
	return cls.Raise(class + "." + fn + ", " + result.Name() + "." + result.Member(name).Name())
}

// service builds the REST client from the constructor's connection string.
func (c *serviceClasses) service(fn string, args starlark.Tuple, kwargs []starlark.Tuple, cls *pylib.Class, class string, result *pyenum.Type) (*hub.Service, error) {
	var cs string
	if err := starlark.UnpackPositionalArgs(fn, args, kwargs, 1, &cs); err != nil {
		return nil, err
	}
	s, err := hub.NewService(c.env, cs, apiVersion, "iothubserviceclient/1.1.0")
	if err != nil {
		return nil, fail(cls, class, class, result, "ERROR")
	}
	return s, nil
}

func (c *serviceClasses) newRegistryManager(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const class = "IoTHubRegistryManager"
	s, err := c.service(class, args, kwargs, c.registryErr, class, c.registryResult)
	if err != nil {
		return nil, err
	}
	o := pyobj.New(serviceModule+"."+class, nil)
	o.Go = s
	rm := &registry{c: c, s: s}
	for name, f := range map[string]func(*starlark.Thread, starlark.Tuple) (starlark.Value, error){
		"create_device": rm.createDevice, "get_device": rm.getDevice, "update_device": rm.updateDevice,
		"delete_device": rm.deleteDevice, "create_module": rm.createModule, "get_module": rm.getModule,
		"update_module": rm.updateModule, "delete_module": rm.deleteModule, "get_module_list": rm.getModuleList,
	} {
		o.Method(name, positional(f))
	}
	return o, nil
}

// positional adapts a method taking positional arguments only.
func positional(f func(*starlark.Thread, starlark.Tuple) (starlark.Value, error)) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, exc.TypeError("%s() takes positional arguments only", b.Name())
		}
		return f(t, args)
	}
}

// strs reads n to m positional str arguments.
func strs(fn string, args starlark.Tuple, n, m int) ([]string, error) {
	if len(args) < n || len(args) > m {
		return nil, exc.TypeError("%s() takes %d to %d arguments (%d given)", fn, n, m, len(args))
	}
	out := make([]string, len(args))
	for i, a := range args {
		s, ok := pyargs.AsText(a)
		if !ok {
			if _, isEnum := a.(*pyenum.Member); isEnum {
				continue
			}
			return nil, exc.TypeError("%s(): argument %d must be str, not %s", fn, i+1, pyargs.TypeName(a))
		}
		out[i] = s
	}
	return out, nil
}

// call runs one REST request with the interpreter lock released.
func call(t *starlark.Thread, s *hub.Service, method, path, ifMatch string, body []byte) (status int, out []byte, err error) {
	err = runtime.Block(t, func(ctx context.Context) error {
		var e error
		status, out, e = s.Do(ctx, method, path, ifMatch, body)
		return e
	})
	return
}

// registry is IoTHubRegistryManager's methods.
type registry struct {
	c *serviceClasses
	s *hub.Service
}

func (r *registry) fail(fn, name string) error {
	return fail(r.c.registryErr, "IoTHubRegistryManager", fn, r.c.registryResult, name)
}

// result maps a registry answer to the SDK's result names.
func (r *registry) check(fn string, status int, err error, creating bool) error {
	switch {
	case err != nil:
		return r.fail(fn, "HTTPAPI_ERROR")
	case status == http.StatusConflict && creating:
		return r.fail(fn, "DEVICE_EXIST")
	case status == http.StatusNotFound:
		return r.fail(fn, "DEVICE_NOT_EXIST")
	case status > 300:
		return r.fail(fn, "HTTP_STATUS_ERROR")
	}
	return nil
}

// identityBody is the create/update body, keys in the C SDK's order.
func identityBody(device, module, primary, secondary string, withCaps bool) []byte {
	var b strings.Builder
	enc := func(v string) string { j, _ := json.Marshal(v); return string(j) }
	b.WriteString(`{"deviceId":` + enc(device))
	if module != "" {
		b.WriteString(`,"moduleId":` + enc(module))
	}
	b.WriteString(`,"status":"enabled","authentication":{"type":"sas","symmetricKey":{"primaryKey":` + enc(primary) +
		`,"secondaryKey":` + enc(secondary) + `}}`)
	if withCaps {
		b.WriteString(`,"capabilities":{"iotEdge":false}}`)
	} else {
		b.WriteString(`}`)
	}
	return []byte(b.String())
}

func validID(id string) bool { return id != "" && !strings.ContainsAny(id, " \t\r\n") }

func (r *registry) createDevice(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	const fn = "create_device"
	a, err := strs(fn, args, 4, 5)
	if err != nil {
		return nil, err
	}
	if !validID(a[0]) {
		return nil, r.fail(fn, "INVALID_ARG")
	}
	status, body, err := call(t, r.s, "PUT", hub.DevicePath(a[0], ""), "", identityBody(a[0], "", a[1], a[2], true))
	if err := r.check(fn, status, err, true); err != nil {
		return nil, err
	}
	return r.model(fn, body, false)
}

func (r *registry) getDevice(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	const fn = "get_device"
	a, err := strs(fn, args, 1, 1)
	if err != nil {
		return nil, err
	}
	status, body, err := call(t, r.s, "GET", hub.DevicePath(a[0], ""), "", nil)
	if err := r.check(fn, status, err, false); err != nil {
		return nil, err
	}
	return r.model(fn, body, false)
}

func (r *registry) updateDevice(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	const fn = "update_device"
	a, err := strs(fn, args, 5, 6)
	if err != nil {
		return nil, err
	}
	status, _, err := call(t, r.s, "PUT", hub.DevicePath(a[0], ""), "*", identityBody(a[0], "", a[1], a[2], true))
	return starlark.None, r.check(fn, status, err, false)
}

func (r *registry) deleteDevice(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	const fn = "delete_device"
	a, err := strs(fn, args, 1, 1)
	if err != nil {
		return nil, err
	}
	status, _, err := call(t, r.s, "DELETE", hub.DevicePath(a[0], ""), "*", nil)
	return starlark.None, r.check(fn, status, err, false)
}

// createModule is create_module(deviceId, primaryKey, secondaryKey,
// moduleId, authMethod): the module id comes fourth, as in the SDK.
func (r *registry) createModule(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	const fn = "create_module"
	a, err := strs(fn, args, 5, 6)
	if err != nil {
		return nil, err
	}
	if !validID(a[0]) || !validID(a[3]) {
		return nil, r.fail(fn, "INVALID_ARG")
	}
	status, body, err := call(t, r.s, "PUT", hub.DevicePath(a[0], a[3]), "", identityBody(a[0], a[3], a[1], a[2], false))
	if err := r.check(fn, status, err, true); err != nil {
		return nil, err
	}
	return r.model(fn, body, true)
}

func (r *registry) getModule(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	const fn = "get_module"
	a, err := strs(fn, args, 2, 2)
	if err != nil {
		return nil, err
	}
	status, body, err := call(t, r.s, "GET", hub.DevicePath(a[0], a[1]), "", nil)
	if err := r.check(fn, status, err, false); err != nil {
		return nil, err
	}
	return r.model(fn, body, true)
}

func (r *registry) updateModule(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	const fn = "update_module"
	a, err := strs(fn, args, 5, 6)
	if err != nil {
		return nil, err
	}
	status, _, err := call(t, r.s, "PUT", hub.DevicePath(a[0], a[3]), "*", identityBody(a[0], a[3], a[1], a[2], false))
	return starlark.None, r.check(fn, status, err, false)
}

func (r *registry) deleteModule(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	const fn = "delete_module"
	a, err := strs(fn, args, 2, 2)
	if err != nil {
		return nil, err
	}
	status, _, err := call(t, r.s, "DELETE", hub.DevicePath(a[0], a[1]), "*", nil)
	return starlark.None, r.check(fn, status, err, false)
}

func (r *registry) getModuleList(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	const fn = "get_module_list"
	a, err := strs(fn, args, 1, 1)
	if err != nil {
		return nil, err
	}
	status, body, err := call(t, r.s, "GET", hub.DevicePath(a[0], "")+"/modules", "", nil)
	if err := r.check(fn, status, err, false); err != nil {
		return nil, err
	}
	var list []json.RawMessage
	if json.Unmarshal(body, &list) != nil {
		return nil, r.fail(fn, "JSON_ERROR")
	}
	out := make([]starlark.Value, 0, len(list))
	for _, m := range list {
		v, err := r.model(fn, m, true)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return starlark.NewList(out), nil
}

// model turns registry JSON into an IoTHubDevice or IoTHubModule with
// the SDK's attribute names; strings missing from the JSON are None.
func (r *registry) model(fn string, body []byte, module bool) (starlark.Value, error) {
	var j struct {
		DeviceID, ModuleID, ManagedBy, GenerationID, Etag, ConnectionState string
		ConnectionStateUpdatedTime, LastActivityTime, Status, StatusReason string
		StatusUpdatedTime                                                  string
		CloudToDeviceMessageCount                                          int
		Authentication                                                     struct {
			Type         string
			SymmetricKey struct{ PrimaryKey, SecondaryKey string }
		}
	}
	if json.Unmarshal(body, &j) != nil {
		return nil, r.fail(fn, "JSON_ERROR")
	}
	str := func(s string) starlark.Value {
		if s == "" {
			return starlark.None
		}
		return starlark.String(s)
	}
	conn := r.c.connState.Member("DISCONNECTED")
	if j.ConnectionState == "Connected" {
		conn = r.c.connState.Member("CONNECTED")
	}
	attrs := starlark.StringDict{
		"deviceId": str(j.DeviceID), "primaryKey": str(j.Authentication.SymmetricKey.PrimaryKey),
		"secondaryKey": str(j.Authentication.SymmetricKey.SecondaryKey), "generationId": str(j.GenerationID),
		"eTag": str(j.Etag), "connectionState": conn, "connectionStateUpdatedTime": str(j.ConnectionStateUpdatedTime),
		"lastActivityTime": str(j.LastActivityTime), "cloudToDeviceMessageCount": starlark.MakeInt(j.CloudToDeviceMessageCount),
		"authMethod": r.c.authMethod.Member("SHARED_PRIVATE_KEY"),
	}
	class := "IoTHubDevice"
	if module {
		class = "IoTHubModule"
		attrs["moduleId"], attrs["managedBy"] = str(j.ModuleID), str(j.ManagedBy)
	} else {
		status := r.c.status.Member("DISABLED")
		if j.Status == "enabled" {
			status = r.c.status.Member("ENABLED")
		}
		attrs["status"], attrs["statusReason"], attrs["statusUpdatedTime"] = status, str(j.StatusReason), str(j.StatusUpdatedTime)
		attrs["isManaged"] = starlark.False
	}
	return pyobj.New(serviceModule+"."+class, attrs), nil
}
