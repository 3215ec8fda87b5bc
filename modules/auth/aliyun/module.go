package aliyun

import (
	"strconv"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "auth.aliyun",
		Doc: "Alibaba Cloud IoT MQTT credentials (device secret, dynamic registration) and /sys topics", New: newModule})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	fns := map[string]builtinFn{
		"sign":                 sign,
		"mqtt_credentials":     mqttCredentials,
		"register_sign":        registerSign,
		"register_credentials": registerCredentials,
		"register_request":     registerRequest,
		"register_topic":       registerTopic,
		"token_credentials":    tokenCredentials,
		"topics":               topics,
		"event_topic":          eventTopic,
		"service_topic":        serviceTopic,
		"user_topic":           userTopic,
		"reply_topic":          replyTopic,
		"random":               random,
	}
	d := starlark.StringDict{}
	for name, f := range fns {
		d[name] = starlark.NewBuiltin(name, f)
	}
	return d, nil
}

// valueErr turns a Go-side validation error into a ValueError.
func valueErr(fn string, err error) error { return exc.ValueError("%s: %v", fn, err) }

// sign(product_key, device_name, device_secret, client_id=None, timestamp=None, sign_method='hmacsha256')
// is the device-secret password: hex HMAC over the sorted fields given.
func sign(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "product_key", "device_name", "device_secret", "client_id?", "timestamp?", "sign_method?")
	if err != nil {
		return nil, err
	}
	pk, dn, ds, err := triple(a, "device_secret")
	if err != nil {
		return nil, err
	}
	cid, err := a.Str("client_id", "")
	if err != nil {
		return nil, err
	}
	ts, err := a.IntOrStr("timestamp")
	if err != nil {
		return nil, err
	}
	m, err := method(a)
	if err != nil {
		return nil, err
	}
	h, err := HMAC(m, ds, Content(cid, dn, pk, ts))
	if err != nil {
		return nil, valueErr(b.Name(), err)
	}
	return starlark.String(h), nil
}

func triple(a *pyargs.Args, secret string) (pk, dn, s string, err error) {
	if pk, err = a.Need("product_key"); err != nil {
		return
	}
	if dn, err = a.Need("device_name"); err != nil {
		return
	}
	s, err = a.Str(secret, "")
	if err == nil && !a.Has(secret) {
		err = exc.TypeError("%s: argument '%s' must be str, not NoneType", a.Fn, secret)
	}
	return
}

func method(a *pyargs.Args) (string, error) {
	m, err := a.Str("sign_method", HmacSHA256)
	if err != nil {
		return "", err
	}
	if _, err := hasher(m); err != nil {
		return "", exc.ValueError("%s: argument 'sign_method' must be 'hmacmd5', 'hmacsha1' or 'hmacsha256', got %q", a.Fn, m)
	}
	return m, nil
}

// place reads region, instance_id, endpoint and port.
func place(a *pyargs.Args) (region, instance, endpoint string, port int, err error) {
	if region, err = a.Str("region", "cn-shanghai"); err != nil {
		return
	}
	if instance, err = a.Str("instance_id", ""); err != nil {
		return
	}
	if endpoint, err = a.Str("endpoint", ""); err != nil {
		return
	}
	if port, err = a.Int("port", 0); err == nil && (port < 0 || port > 65535) {
		err = exc.ValueError("%s: argument 'port' must be 0..65535, got %d", a.Fn, port)
	}
	return
}

// creds is the dict MQTTClient(**creds) takes.
func creds(c Connect, keepalive int) *starlark.Dict {
	return pyargs.Dict("client_id", c.ClientID, "server", c.Host, "port", c.Port, "user", c.Username,
		"password", c.Password, "keepalive", keepalive, "ssl", c.TLS)
}

// mqtt_credentials(product_key, device_name, device_secret, region='cn-shanghai', client_id=None,
// timestamp=<now, ms>, sign_method='hmacsha256', secure_mode=2, instance_id=None, endpoint=None,
// port=None, keepalive=60)
func mqttCredentials(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "product_key", "device_name", "device_secret", "region?", "client_id?",
		"timestamp?", "sign_method?", "secure_mode?", "instance_id?", "endpoint?", "port?", "keepalive?")
	if err != nil {
		return nil, err
	}
	pk, dn, ds, err := triple(a, "device_secret")
	if err != nil {
		return nil, err
	}
	var o Options
	if o.Region, o.InstanceID, o.Endpoint, o.Port, err = place(a); err != nil {
		return nil, err
	}
	if o.ClientID, err = a.Str("client_id", ""); err != nil {
		return nil, err
	}
	if o.SignMethod, err = method(a); err != nil {
		return nil, err
	}
	// Absent: the interpreter clock in ms; None: no timestamp at all.
	if !a.Given("timestamp") {
		o.Timestamp = strconv.FormatInt(runtime.EnvOf(t).Now().UnixMilli(), 10)
	} else if o.Timestamp, err = a.IntOrStr("timestamp"); err != nil {
		return nil, err
	}
	if o.SecureMode, err = a.IntOrStr("secure_mode"); err != nil {
		return nil, err
	}
	if o.SecureMode != "" && o.SecureMode != SecureTLS && o.SecureMode != SecureTCP {
		return nil, exc.ValueError("%s: argument 'secure_mode' must be 2 (TLS) or 3 (TCP), got %s", b.Name(), o.SecureMode)
	}
	keep, err := keepalive(a)
	if err != nil {
		return nil, err
	}
	c, err := SignIn(Device{pk, dn, ds}, o)
	if err != nil {
		return nil, valueErr(b.Name(), err)
	}
	return creds(c, keep), nil
}

func keepalive(a *pyargs.Args) (int, error) {
	k, err := a.Int("keepalive", 60)
	if err == nil && !KeepAliveOK(k, "") {
		err = exc.ValueError("%s: argument 'keepalive' must be 30..1200 seconds, got %d", a.Fn, k)
	}
	return k, err
}

// register_sign(product_key, device_name, product_secret, random, sign_method='hmacsha256')
func registerSign(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "product_key", "device_name", "product_secret", "random", "sign_method?")
	if err != nil {
		return nil, err
	}
	pk, dn, ps, err := triple(a, "product_secret")
	if err != nil {
		return nil, err
	}
	r, err := a.Need("random")
	if err != nil {
		return nil, err
	}
	m, err := method(a)
	if err != nil {
		return nil, err
	}
	s, err := RegisterSign(m, ps, pk, dn, r)
	if err != nil {
		return nil, valueErr(b.Name(), err)
	}
	return starlark.String(s), nil
}

func registerOptions(a *pyargs.Args) (o RegisterOptions, err error) {
	if o.Random, err = a.Str("random", ""); err != nil {
		return
	}
	if o.SignMethod, err = method(a); err != nil {
		return
	}
	o.Region, o.InstanceID, o.Endpoint, o.Port, err = place(a)
	return
}

// register_credentials(product_key, device_name, product_secret, auth_type='register', random=None,
// region='cn-shanghai', instance_id=None, endpoint=None, port=None, sign_method='hmacsha256', keepalive=60)
func registerCredentials(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "product_key", "device_name", "product_secret", "auth_type?", "random?",
		"region?", "instance_id?", "endpoint?", "port?", "sign_method?", "keepalive?")
	if err != nil {
		return nil, err
	}
	pk, dn, ps, err := triple(a, "product_secret")
	if err != nil {
		return nil, err
	}
	o, err := registerOptions(a)
	if err != nil {
		return nil, err
	}
	if o.AuthType, err = a.Str("auth_type", AuthRegister); err != nil {
		return nil, err
	}
	if o.AuthType != AuthRegister && o.AuthType != AuthRegNWL {
		return nil, exc.ValueError("%s: argument 'auth_type' must be 'register' or 'regnwl', got %q", b.Name(), o.AuthType)
	}
	keep, err := a.Int("keepalive", 60) // registration is exempt from the 30..1200 rule
	if err != nil {
		return nil, err
	}
	c, err := RegisterMQTT(Product{pk, ps}, dn, o)
	if err != nil {
		return nil, valueErr(b.Name(), err)
	}
	return creds(c, keep), nil
}

// register_request(product_key, device_name, product_secret, random=None, region='cn-shanghai',
// sign_method='hmacsha256') -> {'url', 'content_type', 'body'} for the HTTPS registration.
func registerRequest(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "product_key", "device_name", "product_secret", "random?", "region?", "sign_method?")
	if err != nil {
		return nil, err
	}
	pk, dn, ps, err := triple(a, "product_secret")
	if err != nil {
		return nil, err
	}
	o, err := registerOptions(a)
	if err != nil {
		return nil, err
	}
	r, err := RegisterHTTP(Product{pk, ps}, dn, o)
	if err != nil {
		return nil, valueErr(b.Name(), err)
	}
	return pyargs.Dict("url", r.URL, "content_type", r.ContentType, "body", r.Body), nil
}

// register_topic(auth_type='register') -> '/ext/register' or '/ext/regnwl'
func registerTopic(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "auth_type?")
	if err != nil {
		return nil, err
	}
	at, err := a.Str("auth_type", AuthRegister)
	if err != nil {
		return nil, err
	}
	if at != AuthRegister && at != AuthRegNWL {
		return nil, exc.ValueError("%s: argument 'auth_type' must be 'register' or 'regnwl', got %q", b.Name(), at)
	}
	return starlark.String(RegisterTopic(at)), nil
}

// token_credentials(product_key, device_name, client_id, device_token, region='cn-shanghai',
// instance_id=None, endpoint=None, port=None, keepalive=60): the reconnect after regnwl.
func tokenCredentials(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "product_key", "device_name", "client_id", "device_token",
		"region?", "instance_id?", "endpoint?", "port?", "keepalive?")
	if err != nil {
		return nil, err
	}
	pk, dn, tok, err := triple(a, "device_token")
	if err != nil {
		return nil, err
	}
	cid, err := a.Need("client_id")
	if err != nil {
		return nil, err
	}
	region, inst, ep, port, err := place(a)
	if err != nil {
		return nil, err
	}
	keep, err := keepalive(a)
	if err != nil {
		return nil, err
	}
	if ep == "" {
		ep = Host(pk, region, inst)
	}
	return creds(TokenConnect(pk, dn, cid, tok, ep, port), keep), nil
}

func pkdn(b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple, more ...string) (Topics, *pyargs.Args, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, append([]string{"product_key", "device_name"}, more...)...)
	if err != nil {
		return Topics{}, nil, err
	}
	pk, err := a.Need("product_key")
	if err != nil {
		return Topics{}, nil, err
	}
	dn, err := a.Need("device_name")
	if err != nil {
		return Topics{}, nil, err
	}
	return DeviceTopics(pk, dn), a, nil
}

// topics(product_key, device_name) -> dict of the device's standard topics.
func topics(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	tp, _, err := pkdn(b, args, kw)
	if err != nil {
		return nil, err
	}
	kv := []any{}
	add := func(name, topic string, reply bool) {
		kv = append(kv, name, topic)
		if reply {
			kv = append(kv, name+"_reply", Reply(topic))
		}
	}
	add("property_post", tp.PropertyPost(), true)
	add("property_set", tp.PropertySet(), true)
	add("property_get", tp.PropertyGet(), true)
	add("raw_up", tp.RawUp(), true)
	add("raw_down", tp.RawDown(), true)
	add("deviceinfo_update", tp.DeviceInfoUpdate(), true)
	add("deviceinfo_delete", tp.DeviceInfoDelete(), true)
	add("topo_add", tp.TopoAdd(), true)
	add("topo_delete", tp.TopoDelete(), true)
	add("topo_change", tp.TopoChange(), false)
	add("ota_firmware_get", tp.OTAFirmwareGet(), true)
	add("ota_inform", tp.OTAInform(), false)
	add("ota_upgrade", tp.OTAUpgrade(), false)
	add("ota_progress", tp.OTAProgress(), false)
	add("shadow_update", tp.ShadowUpdate(), false)
	add("shadow_get", tp.ShadowGet(), false)
	return pyargs.Dict(kv...), nil
}

func idTopic(name string, f func(Topics, string) string) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		tp, a, err := pkdn(b, args, kw, name)
		if err != nil {
			return nil, err
		}
		id, err := a.Need(name)
		if err != nil {
			return nil, err
		}
		return starlark.String(f(tp, id)), nil
	}
}

var (
	// event_topic(product_key, device_name, identifier)
	eventTopic = idTopic("identifier", Topics.Event)
	// service_topic(product_key, device_name, identifier)
	serviceTopic = idTopic("identifier", Topics.Service)
	// user_topic(product_key, device_name, name) -> /{pk}/{dn}/user/{name}
	userTopic = idTopic("name", Topics.User)
)

// reply_topic(topic) -> topic + '_reply'
func replyTopic(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kw, "topic")
	if err != nil {
		return nil, err
	}
	s, err := a.Need("topic")
	if err != nil {
		return nil, err
	}
	return starlark.String(Reply(s)), nil
}

// random() -> a fresh 15-character alphanumeric nonce for registration.
func random(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	if _, err := pyargs.Bind(b.Name(), args, kw); err != nil {
		return nil, err
	}
	return starlark.String(Random()), nil
}
