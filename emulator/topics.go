package emulator

import (
	"net/url"
	"strings"
)

// Topic permissions. A platform device publishes and subscribes only in
// its own topic space (Platform.Owns); a SUBSCRIBE outside it gets SUBACK
// 0x80 and a PUBLISH outside it is dropped (acknowledged, delivered to no
// one). The reference notes do not say whether the clouds drop such a
// publish or close the connection; dropping keeps a device's session, as
// an MQTT broker's ACL does. Plain clients (no credentials) see no
// platform traffic, and the emulator's own topics are invisible to all.

// internalPrefix is the emulator's own topics (handledTopic).
const internalPrefix = "qstar/emulator/"

// under reports whether topic (or a filter) is prefix itself or lies
// below it.
func under(topic, prefix string) bool {
	return topic == prefix || strings.HasPrefix(topic, prefix+"/")
}

// underID is under for a topic that percent-encodes the id (Azure's
// rule, cloud-auth.md B.5) or writes it raw.
func underID(topic, before, id, after string) bool {
	return under(topic, before+id+after) || under(topic, before+url.PathEscape(id)+after)
}

// hasSegments reports whether topic holds the consecutive levels a, b
// (Aliyun's /sys/{pk}/{dn}/..., /{pk}/{dn}/user/..., /ota/device/inform/{pk}/{dn}).
func hasSegments(topic, a, b string) bool {
	levels := strings.Split(topic, "/")
	for i := 0; i+1 < len(levels); i++ {
		if levels[i] == a && levels[i+1] == b {
			return true
		}
	}
	return false
}

// platformTopic reports whether topic is platform traffic, which plain
// clients neither see nor send: under a platform's system prefix, or in
// the topic space of a connected platform device.
func (e *Emulator) platformTopic(topic string) bool {
	for _, p := range platforms {
		for _, prefix := range p.Reserved {
			if strings.HasPrefix(topic, prefix) {
				return true
			}
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, s := range e.clients {
		if s.platform.Owns != nil && s.platform.Owns(s.connect, topic) {
			return true
		}
	}
	return false
}

// mayRead reports whether a client may subscribe to a filter, or receive
// a message on a topic.
func (e *Emulator) mayRead(s session, topic string) bool {
	if strings.HasPrefix(topic, internalPrefix) {
		return false
	}
	if s.platform.Owns != nil {
		return s.platform.Owns(s.connect, topic)
	}
	return !e.platformTopic(topic)
}

// mayWrite reports whether a client's publish to topic reaches anyone.
func (e *Emulator) mayWrite(s session, topic string) bool {
	return e.mayRead(s, topic)
}
