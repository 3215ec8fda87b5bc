package linkkit

import (
	"sort"

	paho "github.com/eclipse/paho.mqtt.golang"
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// result is the (rc, mid) pair 1.2.12+ returns instead of raising.
func result(rc int, mid starlark.Value) starlark.Tuple {
	if mid == nil {
		mid = starlark.None
	}
	return starlark.Tuple{starlark.MakeInt(rc), mid}
}

// liveClient is the connected paho client, or nil when not CONNECTED.
func (lk *LinkKit) liveClient() paho.Client {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	if !lk.inState("CONNECTED") || lk.sess == nil {
		return nil
	}
	lk.sess.mu.Lock()
	defer lk.sess.mu.Unlock()
	return lk.sess.client
}

func (lk *LinkKit) mid() int {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	lk.nextMid = lk.nextMid%65535 + 1
	return lk.nextMid
}

// payloadBytes is what paho-mqtt accepts as a payload: str, bytes,
// bytearray, None, or a number sent as its text.
func payloadBytes(v starlark.Value) ([]byte, error) {
	switch x := v.(type) {
	case nil, starlark.NoneType:
		return nil, nil
	case starlark.Int, starlark.Float:
		return []byte(x.String()), nil
	}
	if s, ok := pyargs.AsText(v); ok {
		return []byte(s), nil
	}
	b, err := pyargs.Buffer("publish_topic", "payload", v)
	if err != nil {
		return nil, exc.TypeError("payload must be a string, bytearray, int, float or None.")
	}
	return b, nil
}

// publishTopic is publish_topic(topic, payload=None, qos=1) -> (rc, mid).
func publishTopic(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	topic, _ := pyargs.AsText(a.Value("topic"))
	if len(topic) > 128 {
		return nil, exc.ValueError("topic string length too long,need decrease %d bytes", len(topic)-128)
	}
	qos := 1
	if v := a.Value("qos"); !pyargs.IsNone(v) {
		n, err := pyargs.Int("publish_topic", "qos", v)
		if err != nil {
			return nil, err
		}
		qos = int(n)
	}
	payload, err := payloadBytes(a.Value("payload"))
	if err != nil {
		return nil, err
	}
	c := lk.liveClient()
	switch {
	case c == nil:
		return result(-1, nil), nil
	case topic == "":
		return result(-2, nil), nil
	case qos != 0 && qos != 1:
		return result(-3, nil), nil
	}
	mid := lk.mid()
	tok := c.Publish(topic, byte(qos), false, payload)
	go func() {
		<-tok.Done()
		if tok.Error() == nil {
			lk.handler.post("on_publish_topic", starlark.MakeInt(mid), lk.userData)
		}
	}()
	return result(0, starlark.MakeInt(mid)), nil
}

// subscribeTopic is subscribe_topic(topic, qos=1): a str, a (topic, qos)
// tuple or a list of them. A topic joins the granted set on SUBACK.
func subscribeTopic(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	qos := 1
	if v := a.Value("qos"); !pyargs.IsNone(v) {
		n, err := pyargs.Int("subscribe_topic", "qos", v)
		if err != nil {
			return nil, err
		}
		qos = int(n)
	}
	filters := map[string]byte{}
	single := false
	switch t := a.Value("topic").(type) {
	case starlark.String:
		filters[string(t)] = byte(qos)
		single = true
	case starlark.Tuple:
		if rc := addFilter(filters, t); rc != 0 {
			return result(rc, nil), nil
		}
	case *starlark.List:
		for i := 0; i < t.Len(); i++ {
			item, ok := t.Index(i).(starlark.Tuple)
			if !ok {
				return result(-2, nil), nil
			}
			if rc := addFilter(filters, item); rc != 0 {
				return result(rc, nil), nil
			}
		}
	default:
		return result(-2, nil), nil
	}
	c := lk.liveClient()
	if c == nil {
		return result(-1, nil), nil
	}
	for f, q := range filters {
		if f == "" {
			return result(-2, nil), nil
		}
		if q > 1 {
			return result(-3, nil), nil
		}
		if single {
			lk.mu.Lock()
			_, dup := lk.granted[f]
			lk.mu.Unlock()
			if dup {
				return result(1, nil), nil
			}
		}
	}
	mid := lk.mid()
	tok := c.SubscribeMultiple(filters, nil)
	go func() {
		<-tok.Done()
		st, ok := tok.(*paho.SubscribeToken)
		if tok.Error() != nil || !ok {
			return
		}
		granted := st.Result()
		topics := make([]string, 0, len(granted))
		for f := range granted {
			topics = append(topics, f)
		}
		sort.Strings(topics)
		qs := make([]starlark.Value, 0, len(topics))
		lk.mu.Lock()
		for _, f := range topics {
			q := granted[f]
			qs = append(qs, starlark.MakeInt(int(q)))
			if q <= 1 {
				lk.granted[f] = q
			}
		}
		lk.mu.Unlock()
		lk.handler.post("on_subscribe_topic", starlark.MakeInt(mid), starlark.NewList(qs), lk.userData)
	}()
	return result(0, starlark.MakeInt(mid)), nil
}

// addFilter adds a (topic, qos) pair: 0, or the rc for a bad one.
func addFilter(filters map[string]byte, t starlark.Tuple) int {
	if len(t) != 2 {
		return -2
	}
	topic, ok := t[0].(starlark.String)
	if !ok || topic == "" {
		return -2
	}
	q, err := starlark.AsInt32(t[1])
	if err != nil || q < 0 || q > 1 {
		return -3
	}
	filters[string(topic)] = byte(q)
	return 0
}

// unsubscribeTopic is unsubscribe_topic(topic): a str or a list.
func unsubscribeTopic(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	c := lk.liveClient()
	if c == nil {
		return result(-1, nil), nil
	}
	var topics []string
	switch t := a.Value("topic").(type) {
	case starlark.String:
		if t == "" {
			return result(-2, nil), nil
		}
		lk.mu.Lock()
		_, ok := lk.granted[string(t)]
		lk.mu.Unlock()
		if !ok {
			return result(1, nil), nil
		}
		topics = []string{string(t)}
	case *starlark.List:
		lk.mu.Lock()
		for i := 0; i < t.Len(); i++ {
			if s, ok := t.Index(i).(starlark.String); ok {
				if _, sub := lk.granted[string(s)]; sub {
					topics = append(topics, string(s))
				}
			}
		}
		lk.mu.Unlock()
		if len(topics) == 0 {
			return result(2, nil), nil
		}
	default:
		return result(-2, nil), nil
	}
	mid := lk.mid()
	tok := c.Unsubscribe(topics...)
	go func() {
		<-tok.Done()
		if tok.Error() != nil {
			return
		}
		lk.mu.Lock()
		for _, t := range topics {
			delete(lk.granted, t)
		}
		lk.mu.Unlock()
		lk.handler.post("on_unsubscribe_topic", starlark.MakeInt(mid), lk.userData)
	}()
	return result(0, starlark.MakeInt(mid)), nil
}

// dumpUserTopics is the granted set: topic -> qos.
func dumpUserTopics(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	topics := make([]string, 0, len(lk.granted))
	for t := range lk.granted {
		topics = append(topics, t)
	}
	sort.Strings(topics)
	d := starlark.NewDict(len(topics))
	for _, t := range topics {
		d.SetKey(starlark.String(t), starlark.MakeInt(int(lk.granted[t])))
	}
	return d, nil
}

// toFullTopic is "/{pk}/{dn}/{t}", with no slash added or removed.
func toFullTopic(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	t, _ := pyargs.AsText(a.Value("topic"))
	return starlark.String("/" + lk.id.productKey + "/" + lk.id.deviceName + "/" + t), nil
}
