package huawei

import (
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/auth/internal/creds"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "auth.huawei",
		Doc:  "Huawei IoTDA MQTT client id, password (HMAC-SHA256) and $oc topics",
		New:  newModule,
	})
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"timestamp":        starlark.NewBuiltin("timestamp", scriptTimestamp),
		"password":         starlark.NewBuiltin("password", scriptPassword),
		"client_id":        starlark.NewBuiltin("client_id", scriptClientID),
		"mqtt_credentials": starlark.NewBuiltin("mqtt_credentials", scriptCredentials),
		"topics":           starlark.NewBuiltin("topics", scriptTopics),
		"request_id":       starlark.NewBuiltin("request_id", scriptRequestID),
		"response_topic":   starlark.NewBuiltin("response_topic", scriptResponseTopic),
		"SERVER":           starlark.String(Host),
		"PORT":             starlark.MakeInt(Port),
		"TLS_PORT":         starlark.MakeInt(TLSPort),
	}, nil
}

// timeArg takes a Unix time in seconds or a "YYYYMMDDHH" string; None
// means the interpreter clock.
func timeArg(thread *starlark.Thread, fn string, v starlark.Value) (time.Time, error) {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		return runtime.EnvOf(thread).Now(), nil
	case starlark.Int:
		n, err := pyargs.Int64(fn, "timestamp", v)
		if err != nil {
			return time.Time{}, err
		}
		if n < 0 {
			return time.Time{}, exc.ValueError("%s: argument 'timestamp' must be a Unix time in seconds, got %d", fn, n)
		}
		return time.Unix(n, 0), nil
	case starlark.String, starlark.Bytes:
		s, err := pyargs.NonEmpty(fn, "timestamp", v)
		if err != nil {
			return time.Time{}, err
		}
		t, err := ParseTimestamp(s)
		if err != nil {
			return time.Time{}, exc.ValueError("%s: argument %v", fn, err)
		}
		return t, nil
	}
	return time.Time{}, exc.TypeError("%s: argument 'timestamp' must be int (Unix seconds) or str (YYYYMMDDHH), not %s", fn, pyargs.TypeName(v))
}

func deviceArg(fn string, v starlark.Value) (string, error) {
	s, err := pyargs.NonEmpty(fn, "device_id", v)
	if err != nil {
		return "", err
	}
	if err := validDeviceID(s); err != nil {
		return "", exc.ValueError("%s: argument 'device_id' %v", fn, err)
	}
	return s, nil
}

// timestamp(t=None) returns t (Unix seconds, default now) as UTC YYYYMMDDHH.
func scriptTimestamp(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vT starlark.Value
	if err := pyargs.Unpack("timestamp", args, kwargs, []string{"timestamp?"}, &vT); err != nil {
		return nil, err
	}
	t, err := timeArg(thread, "timestamp", vT)
	if err != nil {
		return nil, err
	}
	return starlark.String(Timestamp(t)), nil
}

// password(secret, timestamp=None)
func scriptPassword(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "password"
	var vSecret, vT starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"secret", "timestamp?"}, &vSecret, &vT); err != nil {
		return nil, err
	}
	secret, err := pyargs.NonEmpty(fn, "secret", vSecret)
	if err != nil {
		return nil, err
	}
	t, err := timeArg(thread, fn, vT)
	if err != nil {
		return nil, err
	}
	return starlark.String(Password(secret, Timestamp(t))), nil
}

// client_id(device_id, timestamp=None, check_timestamp=False)
func scriptClientID(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "client_id"
	var vDev, vT, vCheck starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"device_id", "timestamp?", "check_timestamp?"}, &vDev, &vT, &vCheck); err != nil {
		return nil, err
	}
	dev, err := deviceArg(fn, vDev)
	if err != nil {
		return nil, err
	}
	t, err := timeArg(thread, fn, vT)
	if err != nil {
		return nil, err
	}
	check, err := pyargs.Bool(fn, "check_timestamp", vCheck)
	if err != nil {
		return nil, err
	}
	sign := SignNoTimestampCheck
	if check {
		sign = SignTimestampCheck
	}
	return starlark.String(ClientID(dev, sign, Timestamp(t))), nil
}

// mqtt_credentials(device_id, secret, timestamp=None, check_timestamp=False,
// server=None, ssl=False, keepalive=60) returns a dict that
// MQTTClient(**creds) takes as is.
func scriptCredentials(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "mqtt_credentials"
	var vDev, vSecret, vT, vCheck, vServer, vSSL, vKeep starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"device_id", "secret", "timestamp?", "check_timestamp?", "server?", "ssl?", "keepalive?"},
		&vDev, &vSecret, &vT, &vCheck, &vServer, &vSSL, &vKeep); err != nil {
		return nil, err
	}
	dev, err := deviceArg(fn, vDev)
	if err != nil {
		return nil, err
	}
	secret, err := pyargs.NonEmpty(fn, "secret", vSecret)
	if err != nil {
		return nil, err
	}
	t, err := timeArg(thread, fn, vT)
	if err != nil {
		return nil, err
	}
	check, err := pyargs.Bool(fn, "check_timestamp", vCheck)
	if err != nil {
		return nil, err
	}
	host := ""
	if !pyargs.IsNone(vServer) {
		if host, err = pyargs.NonEmpty(fn, "server", vServer); err != nil {
			return nil, err
		}
	}
	tls, err := pyargs.Bool(fn, "ssl", vSSL)
	if err != nil {
		return nil, err
	}
	keep, err := creds.Keepalive(fn, vKeep, MinKeepAlive, MaxKeepAlive, "IoTDA")
	if err != nil {
		return nil, err
	}
	c, err := DeviceCredentials(dev, secret, t, check, host, tls)
	if err != nil {
		return nil, exc.ValueError("%s: %v", fn, err)
	}
	return creds.Dict(c.ClientID, c.Host, c.Port, c.Username, c.Password, keep, tls), nil
}

// topics(device_id) returns the device's standard topics.
func scriptTopics(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "topics"
	var vDev starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"device_id"}, &vDev); err != nil {
		return nil, err
	}
	dev, err := deviceArg(fn, vDev)
	if err != nil {
		return nil, err
	}
	t := DeviceTopics(dev)
	return pyargs.Dict(
		"properties_report", t.PropertiesReport(),
		"messages_up", t.MessagesUp(),
		"messages_down", t.MessagesDown(),
		"commands", t.Commands(),
		"properties_set", t.PropertiesSet(),
		"properties_get", t.PropertiesGet(),
		"events_up", t.EventsUp(),
		"events_down", t.EventsDown(),
	), nil
}

// request_id(topic) returns the text after "request_id=", or None.
func scriptRequestID(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vTopic starlark.Value
	if err := pyargs.Unpack("request_id", args, kwargs, []string{"topic"}, &vTopic); err != nil {
		return nil, err
	}
	topic, err := pyargs.NonEmpty("request_id", "topic", vTopic)
	if err != nil {
		return nil, err
	}
	if rid, ok := RequestID(topic); ok {
		return starlark.String(rid), nil
	}
	return starlark.None, nil
}

// response_topic(topic) maps a command / property set / get request topic
// to its reply topic.
func scriptResponseTopic(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const fn = "response_topic"
	var vTopic starlark.Value
	if err := pyargs.Unpack(fn, args, kwargs, []string{"topic"}, &vTopic); err != nil {
		return nil, err
	}
	topic, err := pyargs.NonEmpty(fn, "topic", vTopic)
	if err != nil {
		return nil, err
	}
	rt, ok := ResponseTopic(topic)
	if !ok {
		return nil, exc.ValueError("%s: %q is not a $oc/devices/.../request_id=... request topic", fn, topic)
	}
	return starlark.String(rt), nil
}
