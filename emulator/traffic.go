package emulator

import (
	"container/list"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The console shows the last messages of each device, both directions,
// and the properties it last reported. Memory stays bounded: ringSize
// messages per device, payloads cut at previewBytes, and at most
// maxLoggedDevices devices (the least recently active is dropped first),
// so a 10,000-device fan-in does not grow the emulator.
const (
	ringSize         = 20
	previewBytes     = 256
	maxLoggedDevices = 2000
)

// logged is one message as the console shows it.
type logged struct {
	At      time.Time
	Down    bool // to the device
	Topic   string
	Payload string // a UTF-8 preview, or hex for binary
	Size    int
}

// deviceLog is one device's recent traffic.
type deviceLog struct {
	Platform, Device string
	ring             [ringSize]logged
	n                int // messages ever logged
	props            map[string]any
	propsAt          time.Time
}

// messages returns the ring newest first.
func (d *deviceLog) messages() []logged {
	k := min(d.n, ringSize)
	out := make([]logged, 0, k)
	for i := 0; i < k; i++ {
		out = append(out, d.ring[(d.n-1-i)%ringSize])
	}
	return out
}

// traffic is the per-device logs, kept in least-recently-active order.
type traffic struct {
	mu    sync.Mutex
	byKey map[string]*list.Element // of *deviceLog
	order *list.List               // front: most recent
}

// deviceKey names a device as its platform's application side does.
func deviceKey(s session) (platform, device string) {
	c := s.connect
	switch s.platform {
	case huawei:
		return s.platform.Name, c.User
	case onenet:
		return s.platform.Name, c.User + "/" + c.ClientID
	case aliyun:
		if dn, pk, ok := strings.Cut(c.User, "&"); ok {
			return s.platform.Name, pk + "/" + dn
		}
	}
	return s.platform.Name, c.ClientID
}

// log returns the device's log, created if new (t.mu held).
func (t *traffic) log(platform, device string) *deviceLog {
	if t.byKey == nil {
		t.byKey, t.order = map[string]*list.Element{}, list.New()
	}
	key := platform + "\x00" + device
	if el, ok := t.byKey[key]; ok {
		t.order.MoveToFront(el)
		return el.Value.(*deviceLog)
	}
	if t.order.Len() >= maxLoggedDevices { // the least recent log is reused for this device
		el := t.order.Back()
		d := el.Value.(*deviceLog)
		delete(t.byKey, d.Platform+"\x00"+d.Device)
		*d = deviceLog{Platform: platform, Device: device}
		t.order.MoveToFront(el)
		t.byKey[key] = el
		return d
	}
	d := &deviceLog{Platform: platform, Device: device}
	t.byKey[key] = t.order.PushFront(d)
	return d
}

func (t *traffic) record(s session, down bool, topic string, payload []byte) {
	if topic == handledTopic {
		return
	}
	platform, device := deviceKey(s)
	m := logged{At: time.Now(), Down: down, Topic: topic, Size: len(payload), Payload: preview(payload)}
	var props map[string]any
	if !down && s.platform.Reported != nil {
		props = s.platform.Reported(s.connect, topic, payload)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	d := t.log(platform, device)
	d.ring[d.n%ringSize] = m
	d.n++
	if len(props) > 0 {
		if d.props == nil {
			d.props = map[string]any{}
		}
		for k, v := range props {
			d.props[k] = v
		}
		d.propsAt = m.At
	}
}

func (t *traffic) up(s session, topic string, payload []byte)   { t.record(s, false, topic, payload) }
func (t *traffic) down(s session, topic string, payload []byte) { t.record(s, true, topic, payload) }

// deviceView is a copy of one device's log for the console.
type deviceView struct {
	Platform, Device string
	Messages         []logged
	Props            map[string]any
}

// snapshot copies every log, by platform and device.
func (t *traffic) snapshot() []deviceView {
	t.mu.Lock()
	var out []deviceView
	for _, el := range t.byKey {
		d := el.Value.(*deviceLog)
		v := deviceView{Platform: d.Platform, Device: d.Device, Messages: d.messages()}
		if d.props != nil {
			v.Props = make(map[string]any, len(d.props))
			for k, x := range d.props {
				v.Props[k] = x
			}
		}
		out = append(out, v)
	}
	t.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].Platform != out[j].Platform {
			return out[i].Platform < out[j].Platform
		}
		return out[i].Device < out[j].Device
	})
	return out
}

// preview is a payload as text, cut at previewBytes; binary shows as hex.
func preview(p []byte) string {
	cut := p
	if len(cut) > previewBytes {
		cut = cut[:previewBytes]
		for i := 0; i < utf8.UTFMax-1 && len(cut) > 0 && !utf8.Valid(cut); i++ {
			cut = cut[:len(cut)-1] // do not split the last character
		}
	}
	s := string(cut)
	if !utf8.ValidString(s) {
		const hexdigits = "0123456789abcdef"
		b := make([]byte, 0, 2*min(len(cut), previewBytes/2))
		for _, c := range cut[:min(len(cut), previewBytes/2)] {
			b = append(b, hexdigits[c>>4], hexdigits[c&15])
		}
		s = "hex:" + string(b)
	}
	if len(p) > len(cut) {
		s += "…"
	}
	return s
}
