package emulator

import (
	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/packets"
)

// deliver sends a message to one client: the platform's answer is that
// device's alone (two Azure devices both subscribe to $iothub/twin/res/#),
// so it is written to the client, if it subscribed to the topic or the
// platform delivers its system topics without a SUBSCRIBE (Aliyun's
// auto-subscription).
func (e *Emulator) deliver(cl *mqtt.Client, p *Platform, topic string, payload []byte) {
	if !p.AutoSubscribe && !e.subscribed(cl, topic) {
		return
	}
	pk := packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Publish}, TopicName: topic, Payload: payload}
	if err := cl.WritePacket(pk); err != nil {
		e.opts.Logf("emulator: %s: delivering %s to %q: %v", p.Name, topic, cl.ID, err)
	}
}

// subscribed reports whether cl holds a subscription matching topic.
func (e *Emulator) subscribed(cl *mqtt.Client, topic string) bool {
	for filter := range cl.State.Subscriptions.GetAll() {
		if topicMatches(filter, topic) {
			return true
		}
	}
	return false
}

// deliverTo sends a message to every connected client of platform p whose
// user name is user; it reports whether one was online.
func (e *Emulator) deliverTo(p *Platform, user, topic string, payload []byte) bool {
	return e.deliverWhere(p, func(c Connect) bool { return c.User == user }, topic, payload)
}

// deliverWhere sends a message to the connected clients of p that match.
func (e *Emulator) deliverWhere(p *Platform, match func(Connect) bool, topic string, payload []byte) bool {
	e.mu.Lock()
	var targets []*mqtt.Client
	for cl, s := range e.clients {
		if s.platform == p && match(s.connect) {
			targets = append(targets, cl)
		}
	}
	e.mu.Unlock()
	for _, cl := range targets {
		e.deliver(cl, p, topic, payload)
	}
	return len(targets) > 0
}
