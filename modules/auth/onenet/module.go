package onenet

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/auth/internal/creds"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "auth.onenet",
		Doc:  "OneNET MQTT token (2018-10-31), login fields and $sys topics",
		New:  newModule,
	})
}

// defaultLifetime is how long a token lives when the script gives no
// expire_time (the SDK examples use now+3600).
const defaultLifetime = 3600

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"token":              starlark.NewBuiltin("token", scriptToken),
		"mqtt_credentials":   starlark.NewBuiltin("mqtt_credentials", scriptCredentials),
		"topics":             starlark.NewBuiltin("topics", scriptTopics),
		"cmd_response_topic": starlark.NewBuiltin("cmd_response_topic", scriptCmdResponse),
		"cmd_id":             starlark.NewBuiltin("cmd_id", scriptCmdID),
		"SERVER":             starlark.String(Host),
		"PORT":               starlark.MakeInt(Port),
		"TLS_SERVER":         starlark.String(TLSHost),
		"TLS_PORT":           starlark.MakeInt(TLSPort),
		"VERSION":            starlark.String(Version),
	}, nil
}

// signArgs converts expire_time, method and version; et defaults to the
// interpreter clock + defaultLifetime.
func signArgs(thread *starlark.Thread, fn string, vET, vMethod, vVersion starlark.Value) (Params, error) {
	p := Params{Method: "sha1", Version: Version}
	if pyargs.IsNone(vET) {
		p.ET = runtime.EnvOf(thread).Now().Unix() + defaultLifetime
	} else {
		et, err := pyargs.Int64(fn, "expire_time", vET)
		if err != nil {
			return p, err
		}
		if et <= 0 {
			return p, exc.ValueError("%s: argument 'expire_time' must be a Unix time in seconds, got %d", fn, et)
		}
		p.ET = et
	}
	if !pyargs.IsNone(vMethod) {
		m, err := pyargs.NonEmpty(fn, "method", vMethod)
		if err != nil {
			return p, err
		}
		if !ValidMethod(m) {
			return p, exc.ValueError("%s: argument 'method' must be 'md5', 'sha1' or 'sha256', got %q", fn, m)
		}
		p.Method = m
	}
	if !pyargs.IsNone(vVersion) {
		v, err := pyargs.NonEmpty(fn, "version", vVersion)
		if err != nil {
			return p, err
		}
		if v != Version {
			return p, exc.ValueError("%s: argument 'version' must be %q, got %q", fn, Version, v)
		}
	}
	return p, nil
}

// checkKey validates the access key without echoing it.
func checkKey(fn string, v starlark.Value) (string, error) {
	key, err := pyargs.NonEmpty(fn, "access_key", v)
	if err != nil {
		return "", err
	}
	if _, err := Sign(key, Params{Method: "sha1"}); err != nil {
		return "", exc.ValueError("%s: argument 'access_key' is not valid base64", fn)
	}
	return key, nil
}

func nameArg(fn, arg string, v starlark.Value) (string, error) {
	s, err := pyargs.NonEmpty(fn, arg, v)
	if err != nil {
		return "", err
	}
	if err := validName(s); err != nil {
		return "", exc.ValueError("%s: argument '%s' %v", fn, arg, err)
	}
	return s, nil
}

// token(product_id, access_key, device_name=None, expire_time=None,
// method='sha1', version='2018-10-31'): without device_name the token is
// product-level (res = products/{pid}).
func scriptToken(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "token"
	var vPID, vKey, vDev, vET, vMethod, vVersion starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"product_id", "access_key", "device_name?", "expire_time?", "method?", "version?"},
		&vPID, &vKey, &vDev, &vET, &vMethod, &vVersion); err != nil {
		return nil, err
	}
	pid, err := nameArg(fn, "product_id", vPID)
	if err != nil {
		return nil, err
	}
	key, err := checkKey(fn, vKey)
	if err != nil {
		return nil, err
	}
	p, err := signArgs(thread, fn, vET, vMethod, vVersion)
	if err != nil {
		return nil, err
	}
	p.Res = ProductResource(pid)
	if !pyargs.IsNone(vDev) {
		dev, err := nameArg(fn, "device_name", vDev)
		if err != nil {
			return nil, err
		}
		p.Res = Resource(pid, dev)
	}
	tok, err := Token(key, p)
	if err != nil {
		return nil, exc.ValueError("%s: %v", fn, err)
	}
	return starlark.String(tok), nil
}

// mqtt_credentials(product_id, access_key, device_name, expire_time=None,
// method='sha1', product_level=False, ssl=False, keepalive=60) returns a
// dict that MQTTClient(**creds) takes as is.
func scriptCredentials(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "mqtt_credentials"
	var vPID, vKey, vDev, vET, vMethod, vProduct, vSSL, vKeep starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"product_id", "access_key", "device_name", "expire_time?", "method?", "product_level?", "ssl?", "keepalive?"},
		&vPID, &vKey, &vDev, &vET, &vMethod, &vProduct, &vSSL, &vKeep); err != nil {
		return nil, err
	}
	pid, err := nameArg(fn, "product_id", vPID)
	if err != nil {
		return nil, err
	}
	key, err := checkKey(fn, vKey)
	if err != nil {
		return nil, err
	}
	dev, err := nameArg(fn, "device_name", vDev)
	if err != nil {
		return nil, err
	}
	p, err := signArgs(thread, fn, vET, vMethod, nil)
	if err != nil {
		return nil, err
	}
	productLevel, err := pyargs.Bool(fn, "product_level", vProduct)
	if err != nil {
		return nil, err
	}
	tls, err := pyargs.Bool(fn, "ssl", vSSL)
	if err != nil {
		return nil, err
	}
	keep, err := creds.Keepalive(fn, vKeep, MinKeepAlive, MaxKeepAlive, "OneNET")
	if err != nil {
		return nil, err
	}
	c, err := DeviceCredentials(pid, dev, key, p, productLevel, tls)
	if err != nil {
		return nil, exc.ValueError("%s: %v", fn, err)
	}
	return creds.Dict(c.ClientID, c.Host, c.Port, c.Username, c.Password, keep, tls), nil
}

// topics(product_id, device_name) returns the device's standard topics.
func scriptTopics(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "topics"
	var vPID, vDev starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"product_id", "device_name"}, &vPID, &vDev); err != nil {
		return nil, err
	}
	pid, err := nameArg(fn, "product_id", vPID)
	if err != nil {
		return nil, err
	}
	dev, err := nameArg(fn, "device_name", vDev)
	if err != nil {
		return nil, err
	}
	t := DeviceTopics(pid, dev)
	return pyargs.Dict(
		"all", t.All(),
		"dp_post", t.DPPost(),
		"dp_post_accepted", t.DPPostAccepted(),
		"dp_post_rejected", t.DPPostRejected(),
		"dp_post_replies", t.DPPostReplies(),
		"cmd_request", t.CmdRequest("+"),
		"cmd_response_replies", t.CmdResponse("+/+"),
		"thing_all", t.Thing("#"),
		"property_post", t.Thing("property/post"),
		"property_post_reply", t.Thing("property/post/reply"),
		"property_set", t.Thing("property/set"),
		"property_set_reply", t.Thing("property/set_reply"),
		"property_get", t.Thing("property/get"),
		"property_get_reply", t.Thing("property/get_reply"),
		"event_post", t.Thing("event/post"),
		"event_post_reply", t.Thing("event/post/reply"),
	), nil
}

// cmd_response_topic(product_id, device_name, cmd_id)
func scriptCmdResponse(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "cmd_response_topic"
	var vPID, vDev, vCmd starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"product_id", "device_name", "cmd_id"}, &vPID, &vDev, &vCmd); err != nil {
		return nil, err
	}
	pid, err := nameArg(fn, "product_id", vPID)
	if err != nil {
		return nil, err
	}
	dev, err := nameArg(fn, "device_name", vDev)
	if err != nil {
		return nil, err
	}
	cmd, err := nameArg(fn, "cmd_id", vCmd)
	if err != nil {
		return nil, err
	}
	return starlark.String(DeviceTopics(pid, dev).CmdResponse(cmd)), nil
}

// cmd_id(topic) returns the command id of a cmd/request topic, or None.
func scriptCmdID(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "cmd_id"
	var vTopic starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"topic"}, &vTopic); err != nil {
		return nil, err
	}
	topic, err := pyargs.NonEmpty(fn, "topic", vTopic)
	if err != nil {
		return nil, err
	}
	if id, ok := CmdID(topic); ok {
		return starlark.String(id), nil
	}
	return starlark.None, nil
}
