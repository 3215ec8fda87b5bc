package huawei

import "strings"

// Topics of one device, $oc/devices/{device_id}/sys/..., per the IoTDA
// topic table.
type Topics struct{ device, sys string }

// DeviceTopics returns the topic builder for a device.
func DeviceTopics(deviceID string) Topics {
	return Topics{device: "$oc/devices/" + deviceID, sys: "$oc/devices/" + deviceID + "/sys"}
}

func (t Topics) PropertiesReport() string { return t.sys + "/properties/report" }
func (t Topics) MessagesUp() string       { return t.sys + "/messages/up" }
func (t Topics) MessagesDown() string     { return t.sys + "/messages/down" }
func (t Topics) Commands() string         { return t.sys + "/commands/#" }
func (t Topics) PropertiesSet() string    { return t.sys + "/properties/set/#" }
func (t Topics) PropertiesGet() string    { return t.sys + "/properties/get/#" }
func (t Topics) EventsUp() string         { return t.sys + "/events/up" }
func (t Topics) EventsDown() string       { return t.sys + "/events/down" }
func (t Topics) BootstrapUp() string      { return t.sys + "/bootstrap/up" }
func (t Topics) BootstrapDown() string    { return t.sys + "/bootstrap/down" }

// User is a custom topic $oc/devices/{id}/user/{suffix}.
func (t Topics) User(suffix string) string { return t.device + "/user/" + suffix }

func (t Topics) CommandResponse(requestID string) string {
	return t.sys + "/commands/response/request_id=" + requestID
}
func (t Topics) PropertiesSetResponse(requestID string) string {
	return t.sys + "/properties/set/response/request_id=" + requestID
}
func (t Topics) PropertiesGetResponse(requestID string) string {
	return t.sys + "/properties/get/response/request_id=" + requestID
}
func (t Topics) ShadowGet(requestID string) string {
	return t.sys + "/shadow/get/request_id=" + requestID
}
func (t Topics) ShadowGetResponse(requestID string) string {
	return t.sys + "/shadow/get/response/request_id=" + requestID
}

const ridKey = "request_id="

// RequestID returns the text after "request_id=" in a topic.
func RequestID(topic string) (string, bool) {
	i := strings.LastIndex(topic, "/"+ridKey)
	if i < 0 {
		return "", false
	}
	rid := topic[i+1+len(ridKey):]
	if rid == "" || strings.Contains(rid, "/") {
		return "", false
	}
	return rid, true
}

// ResponseTopic maps a down request topic (commands, properties/set,
// properties/get) to the topic its reply goes to: ".../request_id=X"
// becomes ".../response/request_id=X".
func ResponseTopic(requestTopic string) (string, bool) {
	if _, ok := RequestID(requestTopic); !ok || !strings.HasPrefix(requestTopic, "$oc/devices/") {
		return "", false
	}
	i := strings.LastIndex(requestTopic, "/"+ridKey)
	if strings.HasSuffix(requestTopic[:i], "/response") {
		return "", false
	}
	return requestTopic[:i] + "/response" + requestTopic[i:], true
}
