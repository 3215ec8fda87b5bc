package azure

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// Subscriptions a device makes (reference B.5).
const (
	TwinResponseTopics = "$iothub/twin/res/#"
	TwinDesiredTopics  = "$iothub/twin/PATCH/properties/desired/#"
	MethodTopics       = "$iothub/methods/POST/#"
)

func devicePrefix(deviceID, moduleID string) string {
	p := "devices/" + Quote(deviceID)
	if moduleID != "" {
		p += "/modules/" + Quote(moduleID)
	}
	return p
}

// PropertyBag encodes message properties as k=v&k2=v2, sorted by key so
// the topic is deterministic; keys and values are percent-encoded.
func PropertyBag(props map[string]string) string {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = Quote(k) + "=" + Quote(props[k])
	}
	return strings.Join(parts, "&")
}

// TelemetryTopic is where a device (or module) publishes device-to-cloud
// messages, with an optional property bag.
func TelemetryTopic(deviceID, moduleID string, props map[string]string) string {
	return devicePrefix(deviceID, moduleID) + "/messages/events/" + PropertyBag(props)
}

// C2DTopics is the cloud-to-device subscription of a device.
func C2DTopics(deviceID string) string {
	return devicePrefix(deviceID, "") + "/messages/devicebound/#"
}

// C2DTopic is where the hub delivers a cloud-to-device message.
func C2DTopic(deviceID string, props map[string]string) string {
	return devicePrefix(deviceID, "") + "/messages/devicebound/" + PropertyBag(props)
}

// ModuleInputTopics is an IoT Edge module's input subscription.
func ModuleInputTopics(deviceID, moduleID string) string {
	return devicePrefix(deviceID, moduleID) + "/inputs/#"
}

// TwinGetTopic requests the twin; the reply comes on $iothub/twin/res/200/?$rid={rid}.
func TwinGetTopic(rid string) string { return "$iothub/twin/GET/?$rid=" + Quote(rid) }

// TwinPatchTopic reports properties; the reply is 204 with the new $version.
func TwinPatchTopic(rid string) string {
	return "$iothub/twin/PATCH/properties/reported/?$rid=" + Quote(rid)
}

// TwinResponseTopic is the hub's reply to a twin request.
func TwinResponseTopic(status int, rid string, version int64) string {
	t := "$iothub/twin/res/" + strconv.Itoa(status) + "/?$rid=" + Quote(rid)
	if version > 0 {
		t += "&$version=" + strconv.FormatInt(version, 10)
	}
	return t
}

// TwinDesiredTopic is where the hub sends a desired-properties patch.
func TwinDesiredTopic(version int64) string {
	return "$iothub/twin/PATCH/properties/desired/?$version=" + strconv.FormatInt(version, 10)
}

// MethodRequestTopic is where the hub invokes a direct method.
func MethodRequestTopic(name, rid string) string {
	return "$iothub/methods/POST/" + name + "/?$rid=" + Quote(rid)
}

// MethodResponseTopic is where the device answers a direct method.
func MethodResponseTopic(status int, rid string) string {
	return "$iothub/methods/res/" + strconv.Itoa(status) + "/?$rid=" + Quote(rid)
}

// ParseQuery splits k=v&k2=v2 by hand: keys lose a leading "$", values
// are percent-decoded but "+" stays "+". Later keys win.
func ParseQuery(q string) map[string]string {
	m := map[string]string{}
	if q == "" {
		return m
	}
	for _, f := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(f, "=")
		if dk, err := url.PathUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.PathUnescape(v); err == nil {
			v = dv
		}
		m[strings.TrimPrefix(k, "$")] = v
	}
	return m
}

// Topic is a parsed IoT Hub topic.
type Topic struct {
	Kind     string            // telemetry, c2d, twin_get, twin_patch, twin_response, twin_desired, method_request, method_response
	DeviceID string            // telemetry and c2d
	ModuleID string            // module telemetry
	Name     string            // method name
	Status   int               // twin_response, method_response
	RID      string            // request id
	Version  int64             // twin_response (after a patch), twin_desired
	Props    map[string]string // property bag or query, "$" stripped from keys
}

// ParseTopic recognises the topics of B.5; ok is false for others.
func ParseTopic(topic string) (t Topic, ok bool) {
	path, query, _ := strings.Cut(topic, "/?")
	switch {
	case strings.HasPrefix(topic, "$iothub/"):
		t.Props = ParseQuery(query)
		t.RID = t.Props["rid"]
		t.Version, _ = strconv.ParseInt(t.Props["version"], 10, 64)
		seg := strings.Split(path, "/")
		switch {
		case path == "$iothub/twin/GET":
			t.Kind = "twin_get"
		case path == "$iothub/twin/PATCH/properties/reported":
			t.Kind = "twin_patch"
		case path == "$iothub/twin/PATCH/properties/desired":
			t.Kind = "twin_desired"
		case len(seg) == 4 && seg[1] == "twin" && seg[2] == "res":
			t.Kind = "twin_response"
			t.Status, ok = atoi(seg[3])
			return t, ok
		case len(seg) == 4 && seg[1] == "methods" && seg[2] == "POST" && seg[3] != "":
			t.Kind, t.Name = "method_request", seg[3]
		case len(seg) == 4 && seg[1] == "methods" && seg[2] == "res":
			t.Kind = "method_response"
			t.Status, ok = atoi(seg[3])
			return t, ok
		default:
			return Topic{}, false
		}
		return t, true
	case strings.HasPrefix(topic, "devices/"):
		seg := strings.SplitN(topic, "/", 7)
		dev := unquote(seg[1])
		switch {
		case len(seg) >= 5 && seg[2] == "messages" && seg[3] == "events":
			return Topic{Kind: "telemetry", DeviceID: dev, Props: ParseQuery(strings.Join(seg[4:], "/"))}, dev != ""
		case len(seg) >= 5 && seg[2] == "messages" && seg[3] == "devicebound":
			return Topic{Kind: "c2d", DeviceID: dev, Props: ParseQuery(strings.Join(seg[4:], "/"))}, dev != ""
		case len(seg) >= 7 && seg[2] == "modules" && seg[4] == "messages" && seg[5] == "events":
			return Topic{Kind: "telemetry", DeviceID: dev, ModuleID: unquote(seg[3]), Props: ParseQuery(seg[6])}, dev != "" && seg[3] != ""
		}
	}
	return Topic{}, false
}

func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func unquote(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}
