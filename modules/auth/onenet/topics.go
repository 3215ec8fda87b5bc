package onenet

import "strings"

// Topics of one device ($sys/{pid}/{device-name}/...), per the MQTT suite
// data-point and command tables and the OneNET Studio thing model.
type Topics struct{ prefix string }

// DeviceTopics returns the topic builder for a device.
func DeviceTopics(productID, deviceName string) Topics {
	return Topics{prefix: "$sys/" + productID + "/" + deviceName}
}

func (t Topics) All() string            { return t.prefix + "/#" }
func (t Topics) DPPost() string         { return t.prefix + "/dp/post/json" }
func (t Topics) DPPostAccepted() string { return t.DPPost() + "/accepted" }
func (t Topics) DPPostRejected() string { return t.DPPost() + "/rejected" }
func (t Topics) DPPostReplies() string  { return t.DPPost() + "/+" }

// CmdRequest is the down topic of command cmdID; "+" subscribes to all.
func (t Topics) CmdRequest(cmdID string) string  { return t.prefix + "/cmd/request/" + cmdID }
func (t Topics) CmdResponse(cmdID string) string { return t.prefix + "/cmd/response/" + cmdID }
func (t Topics) CmdResponseAccepted(cmdID string) string {
	return t.CmdResponse(cmdID) + "/accepted"
}
func (t Topics) CmdResponseRejected(cmdID string) string {
	return t.CmdResponse(cmdID) + "/rejected"
}

// Thing returns a thing-model topic: Thing("property/post"),
// Thing("property/post/reply"), Thing("service/ID/invoke") ...
func (t Topics) Thing(suffix string) string { return t.prefix + "/thing/" + suffix }

// CmdID returns the command id at the end of a cmd/request topic.
func CmdID(topic string) (string, bool) {
	i := strings.LastIndex(topic, "/cmd/request/")
	if i < 0 || !strings.HasPrefix(topic, "$sys/") {
		return "", false
	}
	id := topic[i+len("/cmd/request/"):]
	if id == "" || strings.Contains(id, "/") {
		return "", false
	}
	return id, true
}
