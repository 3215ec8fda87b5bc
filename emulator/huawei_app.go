package emulator

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/packets"
)

// IoTDA's application side (reference: cloud-auth.md D.3, D.4; Huawei's
// CreateMessage, ShowDeviceMessage and CreateCommand pages): a message to
// a device that is offline (or has not subscribed to its topic yet) is
// cached, PENDING, for ttl minutes (default 1440) and delivered when the
// device subscribes; a command is synchronous and waits 20 s for the
// device's response.

// maxMessagesPerDevice bounds what the emulator remembers per device
// (delivered or not); the oldest records go first.
const maxMessagesPerDevice = 100

// huaweiCommandTimeout is IoTDA's documented wait for a command response.
var huaweiCommandTimeout = 20 * time.Second

const huaweiTime = "20060102T150405Z"

// huaweiMessage is one CreateMessage and what became of it.
type huaweiMessage struct {
	ID, Name, Topic   string
	Message           json.RawMessage
	payload           []byte
	Status            string // PENDING, DELIVERED, FAILED or TIMEOUT
	created, finished time.Time
	expires           time.Time
	failure           string // why FAILED, as IoTDA's error_info
}

// outbox holds the Huawei messages per device id, oldest first.
type outbox struct {
	mu       sync.Mutex
	byDevice map[string][]*huaweiMessage
}

func (o *outbox) add(device string, m *huaweiMessage) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.byDevice == nil {
		o.byDevice = map[string][]*huaweiMessage{}
	}
	list := append(o.byDevice[device], m)
	if len(list) > maxMessagesPerDevice {
		list = append([]*huaweiMessage(nil), list[len(list)-maxMessagesPerDevice:]...)
	}
	o.byDevice[device] = list
}

// expire turns the device's cached messages past their ttl to TIMEOUT (o.mu held).
func (o *outbox) expire(device string, now time.Time) {
	for _, m := range o.byDevice[device] {
		if m.Status == "PENDING" && !now.Before(m.expires) {
			m.Status, m.finished = "TIMEOUT", m.expires
		}
	}
}

// flushHuawei delivers the messages cached for cl's device whose topic it
// now subscribes to.
func (e *Emulator) flushHuawei(cl *mqtt.Client, s session) {
	device, now := s.connect.User, e.opts.Now()
	e.outbox.mu.Lock()
	e.outbox.expire(device, now)
	var due []*huaweiMessage
	for _, m := range e.outbox.byDevice[device] {
		if m.Status == "PENDING" && e.subscribed(cl, m.Topic) {
			m.Status, m.finished = "DELIVERED", now
			due = append(due, m)
		}
	}
	e.outbox.mu.Unlock()
	for _, m := range due {
		e.srv.Publish(m.Topic, m.payload, false, 0)
		e.opts.Logf("emulator: huawei message %s to %s: DELIVERED (cached)", m.ID, device)
	}
}

// huaweiCreateMessage follows IoTDA's CreateMessage: the message goes to
// $oc/devices/{id}/sys/messages/down (or the requested topic), wrapped in
// the "standard" envelope unless payload_format is "raw".
func (e *Emulator) huaweiCreateMessage(w http.ResponseWriter, r *http.Request) {
	device := r.PathValue("device")
	var req struct {
		Message       json.RawMessage `json:"message"`
		MessageID     string          `json:"message_id"`
		Name          string          `json:"name"`
		Encoding      string          `json:"encoding"`
		PayloadFormat string          `json:"payload_format"`
		Topic         string          `json:"topic"`
		TopicFullName string          `json:"topic_full_name"`
		TTL           *int            `json:"ttl"`
	}
	body, err := readBody(r)
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil || len(req.Message) == 0 {
		huaweiError(w, http.StatusBadRequest, "IOTDA.000006", "body must be JSON with a \"message\"")
		return
	}
	ttl := 1440
	if req.TTL != nil {
		ttl = *req.TTL
	}
	if ttl < 0 || ttl > 1440 || ttl%5 != 0 {
		huaweiError(w, http.StatusBadRequest, "IOTDA.000006", "ttl is minutes, a multiple of 5 from 0 to 1440")
		return
	}
	if req.MessageID == "" {
		req.MessageID = fmt.Sprintf("qstar-%d", time.Now().UnixNano())
	}
	content := req.Message // a JSON string stays a string, an object an object
	if req.Encoding == "base64" {
		var s string
		raw, err := base64.StdEncoding.DecodeString(strings.Trim(string(content), `"`))
		if err != nil || json.Unmarshal(content, &s) != nil {
			huaweiError(w, http.StatusBadRequest, "IOTDA.000006", "encoding base64: message is not a base64 string")
			return
		}
		content, _ = json.Marshal(string(raw))
	}
	payload := []byte(content)
	if req.PayloadFormat == "raw" {
		var s string
		if json.Unmarshal(content, &s) == nil {
			payload = []byte(s)
		}
	} else {
		payload, _ = json.Marshal(map[string]any{
			"object_device_id": device, "name": req.Name, "id": req.MessageID, "content": content})
	}
	topic := "$oc/devices/" + device + "/sys/messages/down"
	switch {
	case req.TopicFullName != "":
		topic = req.TopicFullName
	case req.Topic != "":
		topic = "$oc/devices/" + device + "/user/" + req.Topic
	}
	now := e.opts.Now()
	m := &huaweiMessage{ID: req.MessageID, Name: req.Name, Topic: topic, Message: req.Message, payload: payload,
		Status: "PENDING", created: now, expires: now.Add(time.Duration(ttl) * time.Minute)}
	switch {
	case e.huaweiListening(device, topic):
		if err := e.Publish(topic, payload, 0); err != nil {
			huaweiError(w, http.StatusInternalServerError, "IOTDA.000001", err.Error())
			return
		}
		m.Status, m.finished = "DELIVERED", now
	case ttl == 0: // not to be cached
		m.Status, m.finished, m.failure = "FAILED", now, "IOTDA.014016"
	}
	e.outbox.add(device, m)
	e.opts.Logf("emulator: huawei message %s to %s: %s", req.MessageID, device, m.Status)
	writeJSON(w, http.StatusCreated, map[string]any{"message_id": m.ID, "result": m.result()})
}

func (m *huaweiMessage) result() map[string]any {
	out := map[string]any{"status": m.Status, "created_time": m.created.UTC().Format(huaweiTime)}
	if !m.finished.IsZero() {
		out["finished_time"] = m.finished.UTC().Format(huaweiTime)
	}
	if m.failure != "" {
		out["error_info"] = map[string]string{"error_code": m.failure, "error_msg": "the device is not online"}
	}
	return out
}

func (m *huaweiMessage) detail() map[string]any {
	return map[string]any{"message_id": m.ID, "name": m.Name, "message": m.Message, "topic": m.Topic, "result": m.result()}
}

// huaweiShowMessages is IoTDA's ShowDeviceMessage (GET .../messages/{id})
// and ListDeviceMessages (GET .../messages).
func (e *Emulator) huaweiShowMessages(w http.ResponseWriter, r *http.Request) {
	device, id := r.PathValue("device"), r.PathValue("message")
	e.outbox.mu.Lock()
	e.outbox.expire(device, e.opts.Now())
	var list []map[string]any
	for _, m := range e.outbox.byDevice[device] {
		if id == "" || m.ID == id {
			list = append(list, m.detail())
		}
	}
	e.outbox.mu.Unlock()
	switch {
	case id == "":
		writeJSON(w, http.StatusOK, map[string]any{"device_id": device, "messages": list})
	case len(list) == 0:
		huaweiError(w, http.StatusNotFound, "IOTDA.014000", "message "+id+" of device "+device+" not found")
	default:
		out := list[len(list)-1]
		out["device_id"] = device
		writeJSON(w, http.StatusOK, out)
	}
}

// huaweiListening reports whether the device is online and subscribed to topic.
func (e *Emulator) huaweiListening(device, topic string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	for cl, s := range e.clients {
		if s.platform == huawei && s.connect.User == device && e.subscribed(cl, topic) {
			return true
		}
	}
	return false
}

// huaweiCreateCommand is IoTDA's synchronous CreateCommand, POST
// .../devices/{id}/commands {"service_id", "command_name", "paras"}: the
// device gets $oc/devices/{id}/sys/commands/request_id={rid} and its
// response on .../commands/response/request_id={rid} becomes the HTTP
// answer {"command_id", "response"}. Offline: 409 IOTDA.014016; no
// response within 20 s: 408 IOTDA.014111.
func (e *Emulator) huaweiCreateCommand(w http.ResponseWriter, r *http.Request) {
	device := r.PathValue("device")
	var req struct {
		ServiceID   string         `json:"service_id"`
		CommandName string         `json:"command_name"`
		Paras       map[string]any `json:"paras"`
	}
	body, err := readBody(r)
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil || req.Paras == nil {
		huaweiError(w, http.StatusBadRequest, "IOTDA.000006", `body must be {"service_id", "command_name", "paras": {...}}`)
		return
	}
	scope := "huawei/" + device
	rid, answer := e.state.await(scope)
	timedOut := false
	defer func() { e.state.forget(scope, rid, timedOut) }()
	msg, _ := json.Marshal(map[string]any{"object_device_id": device, "service_id": req.ServiceID,
		"command_name": req.CommandName, "paras": req.Paras})
	if !e.deliverTo(huawei, device, "$oc/devices/"+device+"/sys/commands/request_id="+rid, msg) {
		huaweiError(w, http.StatusConflict, "IOTDA.014016", "device "+device+" is not online")
		return
	}
	e.opts.Logf("emulator: huawei command %s %s to %s", req.ServiceID, req.CommandName, device)
	select {
	case res := <-answer:
		var response any
		if json.Unmarshal(res.payload, &response) != nil {
			response = string(res.payload)
		}
		writeJSON(w, http.StatusOK, map[string]any{"command_id": rid, "response": response})
	case <-time.After(huaweiCommandTimeout):
		timedOut = true
		huaweiError(w, http.StatusRequestTimeout, "IOTDA.014111", fmt.Sprintf("device %s did not answer the command in %v", device, huaweiCommandTimeout))
	case <-r.Context().Done():
	}
}

// huaweiPublish takes a device's command response to the call waiting for it.
func huaweiPublish(c Connect, topic string, payload []byte, _ func(string, []byte)) {
	prefix := "$oc/devices/" + c.User + "/sys/commands/response/request_id="
	if rid, ok := strings.CutPrefix(topic, prefix); ok {
		c.State.answer("huawei/"+c.User, rid, deviceReply{payload: payload})
	}
}

// huaweiReported reads a property report's services as properties.
func huaweiReported(c Connect, topic string, payload []byte) map[string]any {
	if topic != "$oc/devices/"+c.User+"/sys/properties/report" {
		return nil
	}
	var report struct {
		Services []struct {
			ServiceID  string         `json:"service_id"`
			Properties map[string]any `json:"properties"`
		} `json:"services"`
	}
	if json.Unmarshal(payload, &report) != nil {
		return nil
	}
	out := map[string]any{}
	for _, s := range report.Services {
		for k, v := range s.Properties {
			out[s.ServiceID+"."+k] = v
		}
	}
	return out
}

func huaweiError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]string{"error_code": code, "error_msg": msg})
}

// sessionUp runs once a device's session is established.
func (e *Emulator) sessionUp(cl *mqtt.Client, s session) {
	if s.platform == huawei && cl.State.Subscriptions.Len() > 0 { // a resumed session
		e.flushHuawei(cl, s)
	}
}

// sent sees each PUBLISH and SUBACK the broker wrote to a device.
func (e *Emulator) sent(cl *mqtt.Client, s session, pk packets.Packet) {
	switch {
	case pk.FixedHeader.Type == packets.Publish:
		e.traffic.down(s, pk.TopicName, pk.Payload)
	case s.platform == huawei:
		e.flushHuawei(cl, s)
	}
}
