package umqtt

import (
	"context"
	"fmt"
	"time"

	"go.starlark.net/starlark"
)

// sink receives one transport's events. gen ties it to the connect() that
// made the transport, so a replaced link cannot change the client's state.
type sink struct {
	c   *Client
	gen uint64
}

func (s *sink) current() bool { return s.c.gen == s.gen } // c.mu held

func (s *sink) message(topic string, payload []byte) {
	s.c.in.push(inMsg{topic: topic, payload: payload})
}

// held queues a message the transport acknowledges only once the script
// has it (the lean transport's heldEvents).
func (s *sink) held(topic string, payload []byte, ack func(), stop <-chan struct{}) bool {
	return s.c.in.hold(inMsg{topic: topic, payload: payload, ack: ack}, stop)
}

// lost: with reconn on, paho is already reconnecting; the callback gets
// "reconnect_start". With reconn off, the error reaches the callback as
// text and every later call that needs the link.
func (s *sink) lost(err error) {
	c := s.c
	c.mu.Lock()
	if !s.current() {
		c.mu.Unlock()
		return
	}
	var ev string
	if c.cfg.reconnect {
		c.state = staConnecting
		ev = "reconnect_start"
	} else {
		c.state = staClosed
		c.lostErr = err
		ev = fmt.Sprintf("connection lost: %v", err)
	}
	c.mu.Unlock()
	c.env.Logf("umqtt: %s: connection lost: %v", c.label, err)
	c.in.wake()
	c.emit(ev)
}

func (s *sink) reconnecting() {
	c := s.c
	c.mu.Lock()
	if s.current() {
		c.state = staConnecting
	}
	c.mu.Unlock()
}

// connected runs on its own goroutine (paho's OnConnect). After a
// reconnect it resubscribes every topic, sends what was queued while the
// link was down, then reports "reconnect_success".
func (s *sink) connected(reconnect bool) {
	if !reconnect {
		return // connect() itself sets the state
	}
	c := s.c
	c.mu.Lock()
	if !s.current() {
		c.mu.Unlock()
		return
	}
	t := c.t
	topics := make([]string, len(c.subOrder))
	copy(topics, c.subOrder)
	qos := make([]byte, len(topics))
	for i, tp := range topics {
		qos[i] = c.subs[tp]
	}
	c.mu.Unlock()

	ctx := context.Background()
	for i, tp := range topics {
		if err := c.sendSubscribe(ctx, t, tp, qos[i]); err != nil {
			c.env.Logf("umqtt: %s: resubscribe %q after reconnect: %v", c.label, tp, err)
		}
	}
	c.mu.Lock()
	if s.current() && t.Link() != linkDown {
		c.state = staConnected
	}
	c.mu.Unlock()
	c.env.Logf("umqtt: %s: reconnected, %s restored", c.label, plural(len(topics), "subscription"))
	c.emit("reconnect_success")
	c.kickFlush()
}

// kickFlush starts sending the outbox unless the link is gone or someone
// is sending it already; flush itself waits for the link to settle.
func (c *Client) kickFlush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.flushing || c.t == nil || c.sink == nil || len(c.outbox) == 0 || c.t.Link() == linkDown {
		return
	}
	c.flushing = true
	go c.flush(c.sink, c.t)
}

// flush sends the outbox in order, one acknowledged message at a time,
// after the messages paho resends from its store.
func (c *Client) flush(s *sink, t transport) {
	defer func() {
		c.mu.Lock()
		if s.current() {
			c.flushing = false
		}
		c.mu.Unlock()
	}()
	ctx := context.Background()
	// paho resends what it holds from before the drop; the outbox comes
	// after it, so wait for those acknowledgements first.
	waitLinkUp(ctx, t, ackTimeout)
	waitUnacked(ctx, t, 2*ackTimeout)
	for {
		c.mu.Lock()
		if !s.current() || len(c.outbox) == 0 || t.Link() != linkUp {
			c.mu.Unlock()
			return
		}
		m := c.outbox[0]
		c.mu.Unlock()

		p := t.Publish(m.topic, m.payload, m.qos, m.retain)
		finished := waitToken(ctx, p, ackTimeout)
		if err := p.Error(); finished && err != nil {
			if isLinkError(err) {
				return // paho holds it now; the next reconnect goes on
			}
			c.env.Logf("umqtt: %s: queued message to %q could not be sent: %v (dropped)", c.label, m.topic, err)
		}
		// Sent, or (not finished) held in paho's store and resent after
		// the next reconnect: either way it has left the outbox.
		c.mu.Lock()
		if s.current() && len(c.outbox) > 0 {
			c.outbox = c.outbox[1:]
		}
		c.mu.Unlock()
	}
}

// waitUnacked waits until t holds no unacknowledged messages, the link
// drops, or d passes.
func waitUnacked(ctx context.Context, t transport, d time.Duration) {
	deadline := time.Now().Add(d)
	for t.Unacked() > 0 && t.Link() == linkUp && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(2 * time.Millisecond)
	}
}

// waitLinkUp waits while the link is reconnecting, up to d.
func waitLinkUp(ctx context.Context, t transport, d time.Duration) {
	deadline := time.Now().Add(d)
	for t.Link() == linkReconnecting && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(time.Millisecond)
	}
}

// emit queues ev for the error_register_cb callback. Events run in order
// on one goroutine at a time, each under the interpreter lock.
func (c *Client) emit(ev string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.errCB == nil || c.interp == nil {
		return
	}
	c.events = append(c.events, ev)
	if !c.running {
		c.running = true
		c.evWG.Add(1)
		go c.runEvents()
	}
}

func (c *Client) runEvents() {
	defer c.evWG.Done()
	for {
		c.mu.Lock()
		if len(c.events) == 0 || c.closed {
			c.events = nil
			c.running = false
			c.mu.Unlock()
			return
		}
		ev := c.events[0]
		c.events = c.events[1:]
		f := c.errCB
		c.mu.Unlock()
		if f != nil {
			// Call prints the traceback if f fails; the client goes on.
			c.interp.Call("umqtt error callback", f, starlark.String(ev))
		}
	}
}
