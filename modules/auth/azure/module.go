package azure

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "auth.azure",
		Doc: "Azure IoT Hub SAS tokens, connection strings, MQTT credentials and device topics", New: newModule})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	fns := map[string]builtinFn{
		"parse_connection_string": parseConnectionString,
		"resource_uri":            resourceURI,
		"sas_token":               sasToken,
		"username":                username,
		"mqtt_credentials":        mqttCredentials,
		"telemetry_topic":         telemetryTopic,
		"c2d_topic":               c2dTopic,
		"twin_get_topic":          ridTopic(TwinGetTopic),
		"twin_patch_topic":        ridTopic(TwinPatchTopic),
		"method_response_topic":   methodResponseTopic,
		"parse_topic":             parseTopic,
	}
	d := starlark.StringDict{
		"TWIN_RESPONSE_TOPIC": starlark.String(TwinResponseTopics),
		"TWIN_DESIRED_TOPIC":  starlark.String(TwinDesiredTopics),
		"METHOD_TOPIC":        starlark.String(MethodTopics),
		"API_VERSION":         starlark.String(APIVersion),
	}
	for name, f := range fns {
		d[name] = starlark.NewBuiltin(name, f)
	}
	return d, nil
}

func valueErr(fn string, err error) error {
	return exc.ValueError("%s: %s", fn, strings.TrimPrefix(err.Error(), "azure: "))
}

// parse_connection_string(connection_string) -> dict keyed as in the string.
func parseConnectionString(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "connection_string")
	if err != nil {
		return nil, err
	}
	s, err := a.Need("connection_string")
	if err != nil {
		return nil, err
	}
	cs, err := ParseConnectionString(s)
	if err != nil {
		return nil, valueErr(b.Name(), err)
	}
	kv := []any{"HostName", cs.HostName}
	for _, p := range []struct{ k, v string }{{"DeviceId", cs.DeviceID}, {"ModuleId", cs.ModuleID},
		{"SharedAccessKeyName", cs.SharedAccessKeyName}, {"SharedAccessKey", cs.SharedAccessKey},
		{"SharedAccessSignature", cs.SharedAccessSignature}, {"GatewayHostName", cs.GatewayHostName}} {
		if p.v != "" {
			kv = append(kv, p.k, p.v)
		}
	}
	if cs.X509 {
		kv = append(kv, "x509", true)
	}
	return pyargs.Dict(kv...), nil
}

// resource_uri(hostname, device_id=None, module_id=None)
func resourceURI(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "hostname", "device_id?", "module_id?")
	if err != nil {
		return nil, err
	}
	host, dev, mod, err := ids(a, false)
	if err != nil {
		return nil, err
	}
	return starlark.String(ResourceURI(host, dev, mod)), nil
}

// ids reads hostname, device_id and module_id (device_id required if needDev).
func ids(a *pyargs.Args, needDev bool) (host, dev, mod string, err error) {
	if host, err = a.Need("hostname"); err != nil {
		return
	}
	if needDev {
		dev, err = a.Need("device_id")
	} else {
		dev, err = a.Str("device_id", "")
	}
	if err != nil {
		return
	}
	if mod, err = a.Str("module_id", ""); err == nil && mod != "" && dev == "" {
		err = exc.ValueError("%s: argument 'module_id' needs a device_id", a.Fn)
	}
	return
}

// expiry reads expiry= (absolute Unix seconds) or ttl= (seconds from now).
func expiry(t *starlark.Thread, a *pyargs.Args) (int64, error) {
	ttl, err := a.Int("ttl", DefaultTTL)
	if err != nil {
		return 0, err
	}
	if ttl <= 0 {
		return 0, exc.ValueError("%s: argument 'ttl' must be positive, got %d", a.Fn, ttl)
	}
	if a.Has("expiry") {
		if a.Has("ttl") {
			return 0, exc.TypeError("%s: give expiry or ttl, not both", a.Fn)
		}
		e, err := a.Int("expiry", 0)
		return int64(e), err
	}
	return runtime.EnvOf(t).Now().Unix() + int64(ttl), nil
}

// sas_token(uri, key, expiry=None, ttl=3600, key_name=None)
func sasToken(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "uri", "key", "expiry?", "ttl?", "key_name?")
	if err != nil {
		return nil, err
	}
	uri, err := a.Need("uri")
	if err != nil {
		return nil, err
	}
	key, err := a.Need("key")
	if err != nil {
		return nil, err
	}
	name, err := a.Str("key_name", "")
	if err != nil {
		return nil, err
	}
	se, err := expiry(t, a)
	if err != nil {
		return nil, err
	}
	tok, err := SASToken(uri, key, se, name)
	if err != nil {
		return nil, exc.ValueError("%s: argument 'key' is not valid base64", b.Name())
	}
	return starlark.String(tok), nil
}

// username(hostname, device_id, module_id=None, api_version='2021-04-12')
func username(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "hostname", "device_id", "module_id?", "api_version?")
	if err != nil {
		return nil, err
	}
	host, dev, mod, err := ids(a, true)
	if err != nil {
		return nil, err
	}
	v, err := a.Str("api_version", APIVersion)
	if err != nil {
		return nil, err
	}
	return starlark.String(Username(host, dev, mod, v, "")), nil
}

// mqtt_credentials(connection_string=None, hostname=None, device_id=None, module_id=None,
// shared_access_key=None, sas_token=None, expiry=None, ttl=3600, api_version='2021-04-12',
// keepalive=60) -> dict for MQTTClient(**creds)
func mqttCredentials(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "connection_string?", "hostname?", "device_id?", "module_id?",
		"shared_access_key?", "sas_token?", "expiry?", "ttl?", "api_version?", "keepalive?")
	if err != nil {
		return nil, err
	}
	var cs ConnectionString
	if a.Has("connection_string") {
		for _, n := range []string{"hostname", "device_id", "module_id", "shared_access_key", "sas_token"} {
			if a.Has(n) {
				return nil, exc.TypeError("%s: give connection_string or %s, not both", b.Name(), n)
			}
		}
		s, err := a.Str("connection_string", "")
		if err != nil {
			return nil, err
		}
		if cs, err = ParseConnectionString(s); err != nil {
			return nil, valueErr(b.Name(), err)
		}
	} else {
		if !a.Has("hostname") {
			return nil, exc.TypeError("%s: give connection_string, or hostname, device_id and shared_access_key or sas_token", b.Name())
		}
		if cs.HostName, cs.DeviceID, cs.ModuleID, err = ids(a, true); err != nil {
			return nil, err
		}
		if cs.SharedAccessKey, err = a.Str("shared_access_key", ""); err != nil {
			return nil, err
		}
		if cs.SharedAccessSignature, err = a.Str("sas_token", ""); err != nil {
			return nil, err
		}
		if (cs.SharedAccessKey == "") == (cs.SharedAccessSignature == "") {
			return nil, exc.TypeError("%s: give connection_string, or shared_access_key or sas_token", b.Name())
		}
	}
	se, err := expiry(t, a)
	if err != nil {
		return nil, err
	}
	v, err := a.Str("api_version", APIVersion)
	if err != nil {
		return nil, err
	}
	keep, err := a.Int("keepalive", 60)
	if err != nil {
		return nil, err
	}
	c, err := DeviceConnect(cs, se, v)
	if err != nil {
		return nil, valueErr(b.Name(), err)
	}
	var pw starlark.Value = starlark.String(c.Password)
	if c.Password == "" { // x509: authenticated by the TLS client certificate
		pw = starlark.None
	}
	return pyargs.Dict("client_id", c.ClientID, "server", c.Host, "port", c.Port, "user", c.Username,
		"password", pw, "keepalive", keep, "ssl", c.TLS), nil
}

// props reads an optional dict of str -> str/int/float/bool.
func props(a *pyargs.Args, name string) (map[string]string, error) {
	if !a.Has(name) {
		return nil, nil
	}
	d, ok := a.Value(name).(*starlark.Dict)
	if !ok {
		return nil, exc.TypeError("%s: argument '%s' must be dict, not %s", a.Fn, name, pyargs.TypeName(a.Value(name)))
	}
	m := map[string]string{}
	for _, kv := range d.Items() {
		k, ok := kv[0].(starlark.String)
		if !ok {
			return nil, exc.TypeError("%s: argument '%s' keys must be str, not %s", a.Fn, name, pyargs.TypeName(kv[0]))
		}
		switch v := kv[1].(type) {
		case starlark.String:
			m[string(k)] = string(v)
		case starlark.Int, starlark.Float, starlark.Bool:
			m[string(k)] = v.String()
		default:
			return nil, exc.TypeError("%s: argument '%s' values must be str or numbers, not %s", a.Fn, name, pyargs.TypeName(v))
		}
	}
	return m, nil
}

// telemetry_topic(device_id, module_id=None, properties=None)
func telemetryTopic(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "device_id", "module_id?", "properties?")
	if err != nil {
		return nil, err
	}
	dev, err := a.Need("device_id")
	if err != nil {
		return nil, err
	}
	mod, err := a.Str("module_id", "")
	if err != nil {
		return nil, err
	}
	p, err := props(a, "properties")
	if err != nil {
		return nil, err
	}
	return starlark.String(TelemetryTopic(dev, mod, p)), nil
}

// c2d_topic(device_id) -> the cloud-to-device subscription
func c2dTopic(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "device_id")
	if err != nil {
		return nil, err
	}
	dev, err := a.Need("device_id")
	if err != nil {
		return nil, err
	}
	return starlark.String(C2DTopics(dev)), nil
}

// rid reads a request id given as str or int.
func rid(a *pyargs.Args) (string, error) {
	if v, ok := a.Value("rid").(starlark.Int); ok {
		return v.String(), nil
	}
	return a.Need("rid")
}

// twin_get_topic(rid), twin_patch_topic(rid)
func ridTopic(f func(string) string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind(b.Name(), args, kw, "rid")
		if err != nil {
			return nil, err
		}
		r, err := rid(a)
		if err != nil {
			return nil, err
		}
		return starlark.String(f(r)), nil
	}
}

// method_response_topic(status, rid)
func methodResponseTopic(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "status", "rid")
	if err != nil {
		return nil, err
	}
	st, err := a.Int("status", 0)
	if err != nil {
		return nil, err
	}
	r, err := rid(a)
	if err != nil {
		return nil, err
	}
	return starlark.String(MethodResponseTopic(st, r)), nil
}

// parse_topic(topic) -> dict (kind, rid, status, version, name, device_id,
// module_id, properties) or None for a topic that is not IoT Hub's.
func parseTopic(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "topic")
	if err != nil {
		return nil, err
	}
	s, err := a.Str("topic", "")
	if err != nil {
		return nil, err
	}
	tp, ok := ParseTopic(s)
	if !ok {
		return starlark.None, nil
	}
	kv := []any{"kind", tp.Kind}
	if tp.RID != "" {
		kv = append(kv, "rid", tp.RID)
	}
	if tp.Status != 0 {
		kv = append(kv, "status", tp.Status)
	}
	if tp.Version != 0 {
		kv = append(kv, "version", starlark.MakeInt64(tp.Version))
	}
	if tp.Name != "" {
		kv = append(kv, "name", tp.Name)
	}
	if tp.DeviceID != "" {
		kv = append(kv, "device_id", tp.DeviceID)
	}
	if tp.ModuleID != "" {
		kv = append(kv, "module_id", tp.ModuleID)
	}
	if tp.Kind == "telemetry" || tp.Kind == "c2d" {
		keys := make([]string, 0, len(tp.Props))
		for k := range tp.Props {
			keys = append(keys, k)
		}
		sort.Strings(keys) // a stable order for printing
		p := starlark.NewDict(len(keys))
		for _, k := range keys {
			p.SetKey(starlark.String(k), starlark.String(tp.Props[k]))
		}
		kv = append(kv, "properties", p)
	}
	return pyargs.Dict(kv...), nil
}
