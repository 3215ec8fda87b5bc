package linkkit

import (
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/ujson"
)

// inbound routes a message from the server, on paho's goroutine, as
// 1.2.13 does: dynamic-registration answers end the session, property
// sets are acknowledged and reported, replies and service calls go to
// their callbacks, and anything else to on_topic_message.
func (s *session) inbound(topic string, payload []byte, qos byte) {
	lk := s.lk
	s.mu.Lock()
	mode := s.mode
	s.mu.Unlock()
	if (mode == modeRegister && topic == "/ext/register") || (mode == modeRegNWL && topic == "/ext/regnwl") {
		select {
		case s.reg <- append([]byte(nil), payload...):
		default:
		}
		return
	}
	sys := lk.sysTopic("")
	if rest, ok := strings.CutPrefix(topic, sys); ok && lk.sysMessage(rest, payload) {
		return
	}
	if topic == "/shadow/get/"+lk.id.productKey+"/"+lk.id.deviceName {
		if v, err := ujson.Decode(string(payload)); err == nil {
			lk.handler.post("on_thing_shadow_get", v, lk.userData)
		}
		return
	}
	lk.handler.post("on_topic_message", starlark.String(topic), starlark.Bytes(payload), starlark.MakeInt(int(qos)), lk.userData)
}

// sysMessage handles /sys/{pk}/{dn}/{rest}; false leaves the message to
// on_topic_message.
func (lk *LinkKit) sysMessage(rest string, payload []byte) bool {
	switch {
	case rest == "thing/service/property/set":
		lk.propertySet(payload)
	case rest == "thing/event/property/post_reply":
		if args, ok := lk.reply(payload); ok {
			lk.handler.post("on_thing_prop_post", append(args, lk.userData)...)
		}
	case strings.HasPrefix(rest, "thing/event/") && strings.HasSuffix(rest, "/post_reply"):
		event := strings.TrimSuffix(strings.TrimPrefix(rest, "thing/event/"), "/post_reply")
		if args, ok := lk.reply(payload); ok {
			lk.handler.post("on_thing_event_post", append(append([]starlark.Value{starlark.String(event)}, args...), lk.userData)...)
		}
	case rest == "thing/deviceinfo/update_reply" || rest == "thing/deviceinfo/delete_reply":
		name := "on_thing_device_info_update"
		if strings.HasSuffix(rest, "delete_reply") {
			name = "on_thing_device_info_delete"
		}
		if args, ok := lk.reply(payload); ok {
			lk.handler.post(name, append(args, lk.userData)...)
		}
	case rest == "thing/model/down_raw":
		lk.handler.post("on_thing_raw_data_arrived", starlark.Bytes(payload), lk.userData)
	case rest == "thing/model/up_raw_reply":
		lk.handler.post("on_thing_raw_data_post", starlark.Bytes(payload), lk.userData)
	case strings.HasPrefix(rest, "thing/service/"):
		return lk.serviceCall(strings.TrimPrefix(rest, "thing/service/"), payload)
	default:
		return false
	}
	return true
}

// propertySet acknowledges a property set (code 200, qos 1) before
// on_thing_prop_changed(params) runs, even without thing_setup.
func (lk *LinkKit) propertySet(payload []byte) {
	req, ok := decodeObject(payload)
	if !ok {
		lk.env.Logf("linkkit: property set is not a JSON object: %q", payload)
		return
	}
	id, _, _ := req.Get(starlark.String("id"))
	params, _, _ := req.Get(starlark.String("params"))
	if c := lk.liveClient(); c != nil && id != nil {
		ack := starlark.NewDict(3)
		ack.SetKey(starlark.String("id"), id)
		ack.SetKey(starlark.String("code"), starlark.MakeInt(200))
		ack.SetKey(starlark.String("data"), starlark.NewDict(0))
		if body, err := ujson.Encode(ack); err == nil {
			c.Publish(lk.sysTopic("thing/service/property/set_reply"), 1, false, []byte(body))
		}
	}
	if params == nil {
		params = starlark.NewDict(0)
	}
	lk.handler.post("on_thing_prop_changed", params, lk.userData)
}

// serviceCall reports a TSL service call; others fall to on_topic_message.
func (lk *LinkKit) serviceCall(ident string, payload []byte) bool {
	lk.mu.Lock()
	known := lk.thing != nil && lk.thing.services[ident]
	lk.mu.Unlock()
	if !known {
		return false
	}
	req, ok := decodeObject(payload)
	if !ok {
		return false
	}
	id, _, _ := req.Get(starlark.String("id"))
	params, _, _ := req.Get(starlark.String("params"))
	if id == nil || params == nil {
		lk.env.Logf("linkkit: service call %s lacks id or params", ident)
		return true
	}
	lk.handler.post("on_thing_call_service", starlark.String(ident), id, params, lk.userData)
	return true
}

// reply parses an Alink reply into (request_id, code, data, message) and
// releases its id; a reply missing one of them is logged and skipped.
func (lk *LinkKit) reply(payload []byte) ([]starlark.Value, bool) {
	d, ok := decodeObject(payload)
	if !ok {
		return nil, false
	}
	var out []starlark.Value
	for _, k := range []string{"id", "code", "data", "message"} {
		v, found, _ := d.Get(starlark.String(k))
		if !found {
			lk.env.Logf("linkkit: reply lacks %q: %q", k, payload)
			return nil, false
		}
		out = append(out, v)
	}
	if id, ok := out[0].(starlark.String); ok {
		lk.release(string(id))
	}
	return out, true
}

func decodeObject(payload []byte) (*starlark.Dict, bool) {
	v, err := ujson.Decode(string(payload))
	if err != nil {
		return nil, false
	}
	d, ok := v.(*starlark.Dict)
	return d, ok
}
