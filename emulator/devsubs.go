package emulator

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"

	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/packets"
)

// A platform device's subscriptions are kept here rather than in mochi's
// topic tree. A device subscribes only within its own topic space, so
// each of its subscriptions is a path of its own in the tree, and the tree
// spends four maps on every level: about 4.4 KB a device for one
// subscription, 44 MiB at 10,000. Here a subscription is one entry under
// the literal start of its filter (up to the first wildcard), and a topic
// finds its subscribers by looking up each of its prefixes. The client's
// own list (cl.State.Subscriptions) stays mochi's, so a resumed session
// keeps it. Plain clients keep mochi's tree.

type devSub struct {
	cl  *mqtt.Client
	s   session // the device, for its topic permissions
	sub packets.Subscription
}

type devSubs struct {
	mu       sync.RWMutex
	byPrefix map[string][]devSub
}

// literalPrefix is the part of filter before its first wildcard level.
func literalPrefix(filter string) string {
	i := strings.IndexAny(filter, "+#")
	if i < 0 {
		return filter
	}
	return strings.TrimSuffix(filter[:i], "/")
}

// add records (or updates) cl's subscription.
func (d *devSubs) add(cl *mqtt.Client, s session, sub packets.Subscription) {
	key := literalPrefix(sub.Filter)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.byPrefix == nil {
		d.byPrefix = map[string][]devSub{}
	}
	list := d.byPrefix[key]
	for i := range list {
		if list[i].cl == cl && list[i].sub.Filter == sub.Filter {
			list[i].sub = sub
			return
		}
	}
	d.byPrefix[key] = append(list, devSub{cl: cl, s: s, sub: sub})
}

// remove drops cl's subscriptions to filters.
func (d *devSubs) remove(cl *mqtt.Client, filters ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, f := range filters {
		key := literalPrefix(f)
		list := d.byPrefix[key]
		for i := range list {
			if list[i].cl == cl && list[i].sub.Filter == f {
				list[i] = list[len(list)-1]
				list = list[:len(list)-1]
				break
			}
		}
		if len(list) == 0 {
			delete(d.byPrefix, key)
		} else {
			d.byPrefix[key] = list
		}
	}
}

// match returns the subscriptions matching topic, one per client (the
// highest QoS where several of a client's filters match).
func (d *devSubs) match(topic string) []devSub {
	var out []devSub
	d.mu.RLock()
	defer d.mu.RUnlock()
	if len(d.byPrefix) == 0 {
		return nil
	}
	look := func(key string) {
		for _, ds := range d.byPrefix[key] {
			if !topicMatches(ds.sub.Filter, topic) {
				continue
			}
			seen := false
			for i := range out {
				if out[i].cl == ds.cl {
					out[i].sub.Qos = max(out[i].sub.Qos, ds.sub.Qos)
					seen = true
				}
			}
			if !seen {
				out = append(out, ds)
			}
		}
	}
	look("")
	for i := 0; i < len(topic); i++ {
		if topic[i] == '/' {
			look(topic[:i])
		}
	}
	look(topic)
	return out
}

// topicMatches reports whether an MQTT topic filter matches a topic name;
// a filter starting with a wildcard does not match a topic starting with
// "$" (MQTT 3.1.1 section 4.7.2).
func topicMatches(filter, topic string) bool {
	if strings.HasPrefix(topic, "$") && (strings.HasPrefix(filter, "+") || strings.HasPrefix(filter, "#")) {
		return false
	}
	for {
		level, rest, more := strings.Cut(filter, "/")
		if level == "#" {
			return true
		}
		tl, trest, tmore := strings.Cut(topic, "/")
		if level != "+" && level != tl {
			return false
		}
		if !more || !tmore {
			// "a/#" matches "a" too
			return more == tmore || (more && rest == "#")
		}
		filter, topic = rest, trest
	}
}

// subscribe answers a platform device's SUBSCRIBE: each filter within the
// device's topic space is granted (at most the broker's QoS), any other
// refused, as mochi's processSubscribe does with the emulator's ACL; then
// retained messages follow.
func (c *mqttConn) subscribe(pk packets.Packet) error {
	if code := pk.SubscribeValidate(); code != packets.CodeSuccess {
		return code
	}
	e, cl := c.e, c.cl
	v5 := cl.Properties.ProtocolVersion == 5
	codes := make([]byte, len(pk.Filters))
	var granted []packets.Subscription
	for i, sub := range pk.Filters {
		switch {
		case !mqtt.IsValidFilter(sub.Filter, false):
			codes[i] = packets.ErrTopicFilterInvalid.Code
		case !e.mayRead(c.s, sub.Filter):
			codes[i] = packets.ErrNotAuthorized.Code
		default:
			sub.Qos = min(sub.Qos, e.srv.Options.Capabilities.MaximumQos)
			cl.State.Subscriptions.Add(sub.Filter, sub)
			e.devSubs.add(cl, c.s, sub)
			codes[i] = sub.Qos
			granted = append(granted, sub)
		}
		if !v5 && codes[i] >= packets.ErrUnspecifiedError.Code {
			codes[i] = packets.ErrUnspecifiedError.Code // 3.1.1 has one failure code, 0x80
		}
	}
	if err := cl.WritePacket(packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Suback},
		PacketID: pk.PacketID, ReasonCodes: codes}); err != nil {
		return err
	}
	for _, sub := range granted {
		for _, m := range e.srv.Topics.Messages(sub.Filter) {
			if e.mayRead(c.s, m.TopicName) {
				e.sendToDevice(cl, m.TopicName, m.Payload, min(m.FixedHeader.Qos, sub.Qos), true)
			}
		}
	}
	return nil
}

// unsubscribe answers a platform device's UNSUBSCRIBE.
func (c *mqttConn) unsubscribe(pk packets.Packet) error {
	if code := pk.UnsubscribeValidate(); code != packets.CodeSuccess {
		return code
	}
	cl := c.cl
	codes := make([]byte, len(pk.Filters))
	for i, sub := range pk.Filters {
		if _, ok := cl.State.Subscriptions.Get(sub.Filter); ok {
			cl.State.Subscriptions.Delete(sub.Filter)
			c.e.devSubs.remove(cl, sub.Filter)
		} else {
			codes[i] = packets.CodeNoSubscriptionExisted.Code
		}
	}
	return cl.WritePacket(packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Unsuback},
		PacketID: pk.PacketID, ReasonCodes: codes})
}

// publishToDevices delivers a message to the platform devices subscribed
// to its topic and allowed to read it, as mochi delivers to its tree's.
func (e *Emulator) publishToDevices(pk packets.Packet) {
	for _, ds := range e.devSubs.match(pk.TopicName) {
		if e.mayRead(ds.s, pk.TopicName) {
			e.sendToDevice(ds.cl, pk.TopicName, pk.Payload, min(pk.FixedHeader.Qos, ds.sub.Qos), false)
		}
	}
}

// sendToDevice writes a PUBLISH to a platform device. At QoS 1 and 2 it is
// held in flight until acknowledged; a device whose session outlives its
// connection gets it when it is back (ResendInflightMessages).
func (e *Emulator) sendToDevice(cl *mqtt.Client, topic string, payload []byte, qos byte, retain bool) {
	out := packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Publish, Qos: qos, Retain: retain},
		TopicName: topic, Payload: payload, Created: time.Now().Unix()}
	if qos > 0 {
		if cl.State.Inflight.Len() >= int(e.srv.Options.Capabilities.MaximumInflight) {
			atomic.AddInt64(&e.srv.Info.InflightDropped, 1)
			return
		}
		id, err := cl.NextPacketID()
		if err != nil {
			atomic.AddInt64(&e.srv.Info.InflightDropped, 1)
			return
		}
		out.PacketID = uint16(id)
		if cl.State.Inflight.Set(out) {
			atomic.AddInt64(&e.srv.Info.Inflight, 1)
		}
	}
	if cl.Closed() {
		return
	}
	if err := cl.WritePacket(out); err != nil {
		e.opts.Logf("emulator: delivering %s to %q: %v", topic, cl.ID, err)
	}
}
