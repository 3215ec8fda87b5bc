package modern

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"unicode"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/azure/hub"
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/modules/std/ujson"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "azure.iot.hub",
		Doc:  "Azure IoT Hub service SDK (azure-iot-hub 2.7): IoTHubRegistryManager for devices, modules, twins, methods",
		New: func(env *runtime.Env) (starlark.StringDict, error) {
			s := serviceModule(env)
			return starlark.StringDict{"IoTHubRegistryManager": s.registryClass(), "models": pyobj.New(hubPkg+".models", s.models())}, nil
		},
	})
	runtime.Register(runtime.Module{
		Name: "azure.iot.hub.models",
		Doc:  "azure.iot.hub's models (Twin, TwinProperties, CloudToDeviceMethod)",
		New:  func(env *runtime.Env) (starlark.StringDict, error) { return serviceModule(env).models(), nil },
	})
	runtime.Register(runtime.Module{
		Name: "msrest.exceptions",
		Doc:  "msrest's HttpOperationError, raised by azure.iot.hub on an unexpected HTTP status",
		New: func(env *runtime.Env) (starlark.StringDict, error) {
			return starlark.StringDict{"HttpOperationError": serviceModule(env).httpError}, nil
		},
	})
}

const (
	hubPkg        = "azure.iot.hub"
	hubAPIVersion = "2021-04-12"
)

type serviceClasses struct {
	env       *runtime.Env
	httpError *pylib.Class
}

func serviceModule(env *runtime.Env) *serviceClasses {
	return env.Shared(hubPkg, func() any {
		return &serviceClasses{env: env, httpError: pylib.NewExceptionClass("HttpOperationError", "Exception")}
	}).(*serviceClasses)
}

// models are the classes scripts build requests with.
func (s *serviceClasses) models() starlark.StringDict {
	model := func(name string, fields ...string) *pyobj.Class {
		return &pyobj.Class{Qual: hubPkg + ".models." + name, Ctor: func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, exc.TypeError("%s() takes keyword arguments only", name)
			}
			o := newModel(name, nil)
			for _, f := range fields {
				o.Attrs[f] = starlark.None
			}
			for _, kv := range kwargs {
				k, _ := starlark.AsString(kv[0])
				o.Attrs[k] = kv[1]
			}
			return o, nil
		}}
	}
	return starlark.StringDict{
		"Twin":           model("Twin", "device_id", "module_id", "tags", "properties", "etag", "version"),
		"TwinProperties": model("TwinProperties", "desired", "reported"),
		"CloudToDeviceMethod": model("CloudToDeviceMethod", "method_name", "payload",
			"response_timeout_in_seconds", "connect_timeout_in_seconds"),
	}
}

func newModel(name string, attrs starlark.StringDict) *pyobj.Object {
	o := pyobj.New(hubPkg+".models."+name, attrs)
	o.Attrs["additional_properties"] = starlark.NewDict(0)
	o.DictStr = true
	return o
}

func (s *serviceClasses) registryClass() *pyobj.Class {
	ctor := func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind("IoTHubRegistryManager", args, kwargs, "connection_string?", "host?", "token_credential?", "transport_type?")
		if err != nil {
			return nil, err
		}
		cs, _ := pyargs.AsText(a.Value("connection_string"))
		return s.newRegistry(cs)
	}
	from := func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind(b.Name(), args, kwargs, "connection_string", "transport_type?")
		if err != nil {
			return nil, err
		}
		cs, _ := pyargs.AsText(a.Value("connection_string"))
		return s.newRegistry(cs)
	}
	return &pyobj.Class{Qual: hubPkg + ".IoTHubRegistryManager", Ctor: ctor,
		Attrs: starlark.StringDict{"from_connection_string": starlark.NewBuiltin("from_connection_string", from)}}
}

func (s *serviceClasses) newRegistry(cs string) (starlark.Value, error) {
	svc, err := hub.NewService(s.env, cs, hubAPIVersion, "azure-iot-hub/2.7.0 (qstar)")
	if err != nil {
		return nil, exc.ValueError("Invalid Connection String: %v", err)
	}
	r := &registry{s: s, svc: svc}
	o := pyobj.New(hubPkg+".IoTHubRegistryManager", nil)
	for name, m := range registryMethods {
		o.Method(name, r.bind(m))
	}
	return o, nil
}

type registry struct {
	s   *serviceClasses
	svc *hub.Service
}

// restCall is one registry method: its parameters, the request it makes
// from them, the statuses that count as success and what it returns.
type restCall struct {
	params  []string
	request func(a *pyargs.Args) (method, path, ifMatch string, body []byte, err error)
	ok      []int
	model   string // "" returns None
}

func (r *registry) bind(m restCall) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind(b.Name(), args, kwargs, m.params...)
		if err != nil {
			return nil, err
		}
		method, path, ifMatch, body, err := m.request(a)
		if err != nil {
			return nil, err
		}
		var status int
		var out []byte
		if err := runtime.Block(t, func(ctx context.Context) error {
			var e error
			status, out, e = r.svc.Do(ctx, method, path, ifMatch, body)
			return e
		}); err != nil {
			return nil, exc.OSError("%s: %v", b.Name(), err)
		}
		if !contains(m.ok, status) {
			return nil, r.s.httpError.Raise("Operation returned an invalid status code '" + http.StatusText(status) + "'")
		}
		if m.model == "" {
			return starlark.None, nil
		}
		return toModel(m.model, out)
	}
}

func contains(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// toModel turns a JSON answer into msrest-style models: snake_case
// attributes, nested objects as models, lists of them.
func toModel(name string, body []byte) (starlark.Value, error) {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, exc.ValueError("response is not JSON: %v", err)
	}
	return modelValue(name, v), nil
}

// nested names the model classes of nested objects.
var nested = map[string]string{"authentication": "AuthenticationMechanism", "symmetricKey": "SymmetricKey",
	"x509Thumbprint": "X509Thumbprint", "properties": "TwinProperties", "capabilities": "DeviceCapabilities"}

func modelValue(name string, v any) starlark.Value {
	switch x := v.(type) {
	case []any:
		items := make([]starlark.Value, len(x))
		for i, e := range x {
			items[i] = modelValue(name, e)
		}
		return starlark.NewList(items)
	case map[string]any:
		o := newModel(name, nil)
		for k, e := range x {
			if sub, ok := nested[k]; ok {
				o.Attrs[snake(k)] = modelValue(sub, e)
				continue
			}
			if name == "TwinProperties" || k == "tags" || k == "payload" {
				o.Attrs[snake(k)] = jsonValue(e)
				continue
			}
			o.Attrs[snake(k)] = jsonValue(e)
		}
		return o
	}
	return jsonValue(v)
}

// jsonValue is a decoded JSON value as Python's json would give it.
func jsonValue(v any) starlark.Value {
	b, _ := json.Marshal(v)
	out, err := ujson.Decode(string(b))
	if err != nil {
		return starlark.None
	}
	return out
}

// snake is deviceEtag -> device_etag.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// camel is device_etag -> deviceEtag.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// serialize turns a model (or plain values) into JSON, dropping None
// fields and additional_properties, as msrest does.
func serialize(v starlark.Value) (any, error) {
	if o, ok := v.(*pyobj.Object); ok {
		out := map[string]any{}
		for k, x := range o.Attrs {
			if x == starlark.None || k == "additional_properties" {
				continue
			}
			j, err := serialize(x)
			if err != nil {
				return nil, err
			}
			out[camel(k)] = j
		}
		return out, nil
	}
	s, err := ujson.Encode(v)
	if err != nil {
		return nil, err
	}
	var out any
	return out, json.Unmarshal([]byte(s), &out)
}

func quoteEtag(v starlark.Value) string {
	s, ok := pyargs.AsText(v)
	if !ok || s == "" {
		return `"*"`
	}
	if strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) {
		return s
	}
	return `"` + s + `"`
}
