package legacy

import (
	"encoding/json"
	"net/http"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/azure/hub"
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// newDeviceTwin is IoTHubDeviceTwin(connection_string): get_twin and
// update_twin, for devices (1 id) and modules (2 ids), returning the
// service's twin JSON as a str. Only HTTP 200 is success.
func (c *serviceClasses) newDeviceTwin(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const class = "IoTHubDeviceTwin"
	s, err := c.service(class, args, kwargs, c.twinErr, class, c.twinResult)
	if err != nil {
		return nil, err
	}
	o := pyobj.New(serviceModule+"."+class, nil)
	o.Method("get_twin", positional(func(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
		a, err := strs("get_twin", args, 1, 2)
		if err != nil {
			return nil, err
		}
		return c.twinCall(t, s, "GET", a, nil)
	}))
	o.Method("update_twin", positional(func(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
		a, err := strs("update_twin", args, 2, 3)
		if err != nil {
			return nil, err
		}
		return c.twinCall(t, s, "PATCH", a[:len(a)-1], []byte(a[len(a)-1]))
	}))
	return o, nil
}

func (c *serviceClasses) twinCall(t *starlark.Thread, s *hub.Service, method string, ids []string, body []byte) (starlark.Value, error) {
	fn := map[string]string{"GET": "get", "PATCH": "update"}[method]
	module := ""
	if len(ids) == 2 {
		fn += "_module"
		module = ids[1]
	}
	fn += "_twin"
	ifMatch := ""
	if method != "GET" {
		ifMatch = "*"
	}
	status, out, err := call(t, s, method, hub.TwinPath(ids[0], module), ifMatch, body)
	if err != nil || status != http.StatusOK {
		return nil, fail(c.twinErr, "IoTHubDeviceTwin", fn, c.twinResult, "ERROR")
	}
	return starlark.String(out), nil
}

// newDeviceMethod is IoTHubDeviceMethod(connection_string) with
// invoke(deviceId, [moduleId,] methodName, payload, timeout).
func (c *serviceClasses) newDeviceMethod(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const class = "IoTHubDeviceMethod"
	s, err := c.service(class, args, kwargs, c.methodEr, class, c.methodResult)
	if err != nil {
		return nil, err
	}
	o := pyobj.New(serviceModule+"."+class, nil)
	o.Method("invoke", positional(func(t *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
		if len(args) != 4 && len(args) != 5 {
			return nil, exc.TypeError("invoke() takes 4 or 5 arguments (%d given)", len(args))
		}
		timeout, err := pyargs.Int("invoke", "timeout", args[len(args)-1])
		if err != nil {
			return nil, err
		}
		a, err := strs("invoke", args[:len(args)-1], 3, 4)
		if err != nil {
			return nil, err
		}
		module := ""
		if len(a) == 4 {
			module, a = a[1], append(a[:1], a[2:]...)
		}
		return c.invoke(t, s, a[0], module, a[1], a[2], timeout)
	}))
	return o, nil
}

func (c *serviceClasses) invoke(t *starlark.Thread, s *hub.Service, device, module, name, payload string, timeout int64) (starlark.Value, error) {
	var p any = payload
	if json.Valid([]byte(payload)) {
		p = json.RawMessage(payload)
	}
	body, _ := json.Marshal(map[string]any{"methodName": name, "payload": p, "responseTimeoutInSeconds": timeout})
	status, out, err := call(t, s, "POST", hub.TwinPath(device, module)+"/methods", "", body)
	if err != nil || status != http.StatusOK {
		return nil, fail(c.methodEr, "IoTHubDeviceMethod", "invoke", c.methodResult, "ERROR")
	}
	var res struct {
		Status  int             `json:"status"`
		Payload json.RawMessage `json:"payload"`
	}
	json.Unmarshal(out, &res)
	return pyobj.New(serviceModule+".IoTHubDeviceMethodResponse", starlark.StringDict{
		"status": starlark.MakeInt(res.Status), "payload": starlark.String(res.Payload)}), nil
}
