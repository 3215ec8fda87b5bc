package umqtt

import (
	"context"
	"errors"
	"io"
	"net"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

var publishParams = params("MQTTClient.publish")

// publish(topic, msg, retain=False, qos=0) returns True when the message
// was written (QoS 0) or acknowledged (QoS 1), False otherwise, as
// QuecPython does; the reason for a False goes to stderr. With reconn on,
// a QoS 1 message published while the link is down is queued, sent in
// order once the link is back, and publish returns True.
func (c *Client) publish(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vTopic, vMsg, vRetain, vQos starlark.Value
	if err := unpack(fn, args, kwargs, publishParams, []*starlark.Value{&vTopic, &vMsg, &vRetain, &vQos}); err != nil {
		return nil, err
	}
	topic, err := topicArg(fn, "topic", vTopic, false)
	if err != nil {
		return nil, err
	}
	msg, err := text(fn, "msg", vMsg)
	if err != nil {
		return nil, err
	}
	m := outMsg{topic: topic, payload: []byte(msg)}
	if vRetain != nil {
		if m.retain, err = flag(fn, "retain", vRetain); err != nil {
			return nil, err
		}
	}
	if vQos != nil {
		if m.qos, err = qosArg(fn, vQos); err != nil {
			return nil, err
		}
	}

	c.mu.Lock()
	t := c.t
	if t == nil {
		c.mu.Unlock()
		c.reportFailure("unconnected", "not connected (call connect() first)")
		return starlark.False, nil
	}
	link := t.Link()
	if m.qos > 0 && c.cfg.reconnect && (link == linkReconnecting || c.flushing || len(c.outbox) > 0) {
		dropped := c.enqueue(m)
		noted := c.reported["queued"]
		c.reported["queued"] = true
		c.mu.Unlock()
		c.kickFlush()
		if !noted {
			c.env.Logf("umqtt: %s: link down: QoS 1 messages are queued (publish returns True) and sent in order after the reconnect", c.label)
		}
		if dropped {
			c.env.Logf("umqtt: %s: outbox full (%d): dropped the oldest queued QoS 1 message", c.label, outboxLimit)
		}
		return starlark.True, nil
	}
	c.mu.Unlock()
	if link != linkUp {
		if link == linkReconnecting {
			c.reportFailure("down0", "link down, reconnecting: QoS 0 message dropped")
		} else {
			c.reportFailure("down", "connection lost")
		}
		return starlark.False, nil
	}

	var sent, acked bool
	var perr error
	err = runtime.Block(thread, func(ctx context.Context) error {
		p := t.Publish(m.topic, m.payload, m.qos, m.retain)
		wait := writeTimeout
		if m.qos > 0 {
			wait = ackTimeout
		}
		sent = waitToken(ctx, p, wait)
		if sent {
			perr = p.Error()
			acked = perr == nil
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	switch {
	case acked:
		c.clearReports()
		return starlark.True, nil
	case perr != nil && m.qos > 0 && c.cfg.reconnect && isLinkError(perr):
		// The link broke under this write; paho keeps the message in
		// its store and resends it after the reconnect.
		return starlark.True, nil
	case !sent && m.qos > 0:
		c.reportFailure("puback", "no PUBACK within %v (kept queued; resent after a reconnect)", ackTimeout)
	case !sent:
		c.reportFailure("write", "not written within %v", writeTimeout)
	default:
		c.reportFailure("error", "%v", perr)
	}
	return starlark.False, nil
}

func isLinkError(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed)
}

// enqueue adds m to the outbox (c.mu held); it reports whether the
// oldest message had to be dropped.
func (c *Client) enqueue(m outMsg) bool {
	dropped := false
	if len(c.outbox) >= outboxLimit {
		c.outbox = c.outbox[1:]
		dropped = true
	}
	c.outbox = append(c.outbox, m)
	return dropped
}

// subscribe(topic, qos=0) requires a callback, remembers the topic for
// resubscription and waits for SUBACK.
func (c *Client) subscribe(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vTopic, vQos starlark.Value
	if err := unpack(fn, args, kwargs, params("MQTTClient.subscribe"), []*starlark.Value{&vTopic, &vQos}); err != nil {
		return nil, err
	}
	topic, err := topicArg(fn, "topic", vTopic, true)
	if err != nil {
		return nil, err
	}
	var qos byte
	if vQos != nil {
		if qos, err = qosArg(fn, vQos); err != nil {
			return nil, err
		}
	}
	c.mu.Lock()
	if c.msgCB == nil {
		c.mu.Unlock()
		return nil, exc.New("AssertionError", "Subscribe callback is not set")
	}
	if _, ok := c.subs[topic]; !ok {
		c.subOrder = append(c.subOrder, topic)
	}
	c.subs[topic] = qos
	t := c.t
	c.mu.Unlock()
	if err := c.linkError(); err != nil {
		return nil, err
	}
	if t.Link() != linkUp {
		return starlark.None, nil // sent when the link is back
	}
	var serr error
	err = runtime.Block(thread, func(ctx context.Context) error {
		serr = c.sendSubscribe(ctx, t, topic, qos)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if serr != nil {
		return nil, exc.OSError("subscribe %q: %v", topic, serr)
	}
	return starlark.None, nil
}

type rejectedError struct{ topic string }

func (e rejectedError) Error() string { return "broker rejected the subscription (SUBACK 0x80)" }

// sendSubscribe subscribes and waits for SUBACK. A rejection (0x80) is
// logged, as QuecPython does, and not returned.
func (c *Client) sendSubscribe(ctx context.Context, t transport, topic string, qos byte) error {
	p := t.Subscribe(topic, qos)
	if !waitToken(ctx, p, ackTimeout) {
		return errNoAck("SUBACK")
	}
	if err := p.Error(); err != nil {
		return err
	}
	if r, ok := p.(interface{ Result() map[string]byte }); ok {
		if code, ok := r.Result()[topic]; ok && code == 0x80 {
			c.env.Logf("umqtt: %s: broker rejected the subscription to %q (SUBACK 0x80)", c.label, topic)
		}
	}
	return nil
}

type errNoAck string

func (e errNoAck) Error() string { return "no " + string(e) + " within 5s" }

// unsubscribe(topic) is a qstar extension (QuecPython lacks it).
func (c *Client) unsubscribe(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vTopic starlark.Value
	if err := unpack(fn, args, kwargs, params("MQTTClient.unsubscribe"), []*starlark.Value{&vTopic}); err != nil {
		return nil, err
	}
	topic, err := topicArg(fn, "topic", vTopic, true)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if _, ok := c.subs[topic]; ok {
		delete(c.subs, topic)
		for i, s := range c.subOrder {
			if s == topic {
				c.subOrder = append(c.subOrder[:i:i], c.subOrder[i+1:]...)
				break
			}
		}
	}
	t := c.t
	c.mu.Unlock()
	if err := c.linkError(); err != nil {
		return nil, err
	}
	if t.Link() != linkUp {
		return starlark.None, nil
	}
	var uerr error
	err = runtime.Block(thread, func(ctx context.Context) error {
		p := t.Unsubscribe(topic)
		if !waitToken(ctx, p, ackTimeout) {
			uerr = errNoAck("UNSUBACK")
		} else {
			uerr = p.Error()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if uerr != nil {
		return nil, exc.OSError("unsubscribe %q: %v", topic, uerr)
	}
	return starlark.None, nil
}

// wait_msg() blocks until one message arrives and runs the callback on it.
func (c *Client) waitMsg(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpack(fn, args, kwargs, params("MQTTClient."+fn), nil); err != nil {
		return nil, err
	}
	return c.next(thread, true)
}

// check_msg() runs the callback on one waiting message, if any; it never
// blocks.
func (c *Client) checkMsg(thread *starlark.Thread, fn string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpack(fn, args, kwargs, params("MQTTClient."+fn), nil); err != nil {
		return nil, err
	}
	return c.next(thread, false)
}

func (c *Client) next(thread *starlark.Thread, block bool) (starlark.Value, error) {
	for {
		m, ok, dropped := c.in.pop()
		if dropped > 0 {
			c.env.Logf("umqtt: %s: dropped %s: more than %d waiting (call wait_msg/check_msg more often)", c.label, plural(int(dropped), "received message"), inboxLimit)
		}
		if ok {
			v, err := c.deliver(thread, m)
			if m.ack != nil {
				m.ack() // the broker may forget it now
			}
			return v, err
		}
		if err := c.linkError(); err != nil {
			c.in.wake() // pass the wake-up on to another thread waiting here
			return nil, err
		}
		if !block {
			return starlark.None, nil
		}
		err := runtime.Block(thread, func(ctx context.Context) error {
			select {
			case <-c.in.ready:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		if err != nil {
			return nil, err
		}
	}
}

// deliver runs the message callback on the script's thread. A failing
// callback prints its traceback and the client keeps running, as in
// QuecPython; an interrupt still stops the script.
func (c *Client) deliver(thread *starlark.Thread, m inMsg) (starlark.Value, error) {
	c.mu.Lock()
	f := c.msgCB
	warn := f == nil && !c.noCBLog
	if warn {
		c.noCBLog = true
	}
	c.mu.Unlock()
	if f == nil {
		if warn {
			c.env.Logf("umqtt: %s: message on %q dropped: no set_callback()", c.label, m.topic)
		}
		return starlark.None, nil
	}
	_, err := starlark.Call(thread, f, starlark.Tuple{starlark.Bytes(m.topic), starlark.Bytes(m.payload)}, nil)
	if err != nil {
		if _, exit := runtime.ExitCode(err); exit || runtime.IsCancelled(err) {
			return nil, err // sys.exit in the callback ends the script, as Ctrl-C does
		}
		if in := runtime.FromThread(thread); in != nil {
			in.ReportError(err)
		} else {
			c.env.Logf("umqtt: callback failed: %v", err)
		}
	}
	return starlark.None, nil
}
