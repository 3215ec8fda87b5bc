package linkkit

import (
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// config is what config_mqtt sets, with 1.2.13's defaults.
type config struct {
	port           int
	protocol       string // MQTTv311 or MQTTv31
	secure         string // "TLS" or "" (plain TCP, securemode=3)
	keepAlive      int
	cleanSession   bool
	maxInflight    int
	maxQueued      int
	reconnectMin   int // seconds
	reconnectMax   int
	cadata         string
	endpoint       string
	checkHostname  bool
	requestTimeout time.Duration
}

func defaultConfig() config {
	return config{port: 8883, protocol: "MQTTv311", secure: "TLS", keepAlive: 60, cleanSession: true,
		maxInflight: 20, maxQueued: 40, reconnectMin: 1, reconnectMax: 60, checkHostname: true,
		requestTimeout: 10 * time.Second}
}

var configParams = []string{"port?", "protocol?", "transport?", "secure?", "keep_alive?", "clean_session?",
	"max_inflight_message?", "max_queued_message?", "auto_reconnect_min_sec?", "auto_reconnect_max_sec?",
	"cadata?", "endpoint?", "check_hostname?"}

// configMQTT is config_mqtt(port=8883, protocol="MQTTv311", ...): every
// value is checked before any is stored, so a failed call changes nothing.
func configMQTT(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	if !lk.inState("INITIALIZED") {
		return nil, lk.stateError("not in INITIALIZED state")
	}
	c := lk.cfg
	ints := []struct {
		name     string
		dst      *int
		min, max int
		msg      string
	}{
		{"port", &c.port, 1, 65535, "port wrong"},
		{"keep_alive", &c.keepAlive, 30, 1200, "keep_alive range wrong"},
		{"max_inflight_message", &c.maxInflight, 0, 1<<31 - 1, "max_inflight_message wrong"},
		{"max_queued_message", &c.maxQueued, 0, 1<<31 - 1, "max_queued_message wrong"},
		{"auto_reconnect_min_sec", &c.reconnectMin, 1, 7200, "auto_reconnect_min_sec wrong"},
		{"auto_reconnect_max_sec", &c.reconnectMax, 1, 7200, "auto_reconnect_max_sec wrong"},
	}
	for _, f := range ints {
		v := a.Value(f.name)
		if pyargs.IsNone(v) {
			continue
		}
		n, err := pyargs.Int("config_mqtt", f.name, v)
		if err != nil {
			return nil, err
		}
		if n < int64(f.min) || n > int64(f.max) {
			return nil, exc.ValueError("%s", f.msg)
		}
		*f.dst = int(n)
	}
	if c.reconnectMax < c.reconnectMin {
		return nil, exc.ValueError("auto_reconnect_max_sec less than auto_reconnect_min_sec")
	}
	strs := []struct {
		name    string
		dst     *string
		allowed []string
	}{
		{"protocol", &c.protocol, []string{"MQTTv311", "MQTTv31"}},
		{"secure", &c.secure, []string{"TLS", ""}},
		{"transport", new(string), []string{"TCP"}},
		{"cadata", &c.cadata, nil},
		{"endpoint", &c.endpoint, nil},
	}
	for _, f := range strs {
		v := a.Value(f.name)
		if pyargs.IsNone(v) {
			continue
		}
		s, ok := pyargs.AsText(v)
		if !ok {
			return nil, exc.ValueError("%s wrong", f.name)
		}
		if f.allowed != nil && !oneOf(s, f.allowed) {
			return nil, exc.ValueError("%s wrong", f.name)
		}
		*f.dst = s
	}
	for _, f := range []struct {
		name string
		dst  *bool
	}{{"clean_session", &c.cleanSession}, {"check_hostname", &c.checkHostname}} {
		v := a.Value(f.name)
		if pyargs.IsNone(v) {
			continue
		}
		b, ok := v.(starlark.Bool)
		if !ok {
			return nil, exc.ValueError("%s wrong", f.name)
		}
		*f.dst = bool(b)
	}
	lk.cfg = c
	return starlark.None, nil
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// configDeviceInfo is config_device_info(interface_info): 0 when stored,
// 1 when longer than 160 characters (then nothing is stored).
func configDeviceInfo(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	if !lk.inState("INITIALIZED") {
		return nil, lk.stateError("not in INITIALIZED state")
	}
	s, ok := a.Value("interface_info").(starlark.String)
	if !ok {
		return nil, exc.ValueError("interface info must be string")
	}
	if len(s) > 160 {
		return starlark.MakeInt(1), nil
	}
	lk.deviceInfo = string(s)
	return starlark.MakeInt(0), nil
}

// enableLogger is enable_logger(level): LinkKit's own log lines go to
// stderr from then on (qstar has one log level: on).
func enableLogger(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	lk.logging = true
	lk.mu.Unlock()
	return starlark.None, nil
}

func disableLogger(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	lk.logging = false
	lk.mu.Unlock()
	return starlark.None, nil
}

func getEndpoint(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	if lk.cfg.endpoint == "" {
		return starlark.None, nil
	}
	return starlark.String(lk.cfg.endpoint), nil
}

func getActualEndpoint(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	return starlark.String(lk.host()), nil
}

// host is the MQTT host, first match wins: endpoint, a loopback
// host_name, the instance's host, the region's; callers hold mu.
func (lk *LinkKit) host() string {
	switch {
	case lk.cfg.endpoint != "":
		return lk.cfg.endpoint
	case lk.id.hostName == "127.0.0.1" || lk.id.hostName == "localhost":
		return lk.id.hostName
	case lk.id.instanceID != "":
		return lk.id.instanceID + ".mqtt.iothub.aliyuncs.com"
	}
	return lk.id.productKey + ".iot-as-mqtt." + lk.id.hostName + ".aliyuncs.com"
}

func notSupported(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	return nil, lk.stateError("not supported any more")
}
