package linkkit

import (
	"encoding/json"
	"os"
	"strconv"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/ujson"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// thingModel is what thing_setup read from the TSL file (empty in
// raw-only mode, file=None).
type thingModel struct {
	events   map[string]bool // events other than "post", for thing_trigger_event
	services map[string]bool // services other than set/get, for on_thing_call_service
}

// thingSetup is thing_setup(file=None): 0 set up, 1 already, 2 bad file.
func thingSetup(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	if !lk.inState("INITIALIZED") {
		return nil, lk.stateError("not in INITIALIZED state")
	}
	if lk.thing != nil {
		return starlark.MakeInt(1), nil
	}
	m := &thingModel{events: map[string]bool{}, services: map[string]bool{}}
	if v := a.Value("file"); !pyargs.IsNone(v) {
		path, ok := pyargs.AsText(v)
		if !ok {
			return starlark.MakeInt(2), nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			lk.env.Logf("linkkit: thing_setup: %v", err)
			return starlark.MakeInt(2), nil
		}
		var tsl struct {
			Events   []struct{ Identifier string } `json:"events"`
			Services []struct{ Identifier string } `json:"services"`
		}
		if err := json.Unmarshal(data, &tsl); err != nil {
			lk.env.Logf("linkkit: thing_setup: %s: %v", path, err)
			return starlark.MakeInt(2), nil
		}
		for _, e := range tsl.Events {
			if e.Identifier != "post" {
				m.events[e.Identifier] = true
			}
		}
		for _, s := range tsl.Services {
			if s.Identifier != "set" && s.Identifier != "get" {
				m.services[s.Identifier] = true
			}
		}
	}
	lk.thing = m
	return starlark.MakeInt(0), nil
}

// requestID hands out the next Alink id ("1", "2", ...), or "" while more
// than max_queued_message requests await their replies. Callers hold mu.
func (lk *LinkKit) requestID() string {
	if len(lk.pending) > lk.cfg.maxQueued {
		return ""
	}
	lk.nextID = (lk.nextID + 1) % 1000000
	id := strconv.Itoa(lk.nextID)
	lk.pending[id] = true
	return id
}

func (lk *LinkKit) release(id string) {
	lk.mu.Lock()
	delete(lk.pending, id)
	lk.mu.Unlock()
}

// alink is an Alink request body, keys in the SDK's order.
func alink(id string, params starlark.Value, method string) ([]byte, error) {
	d := starlark.NewDict(4)
	d.SetKey(starlark.String("id"), starlark.String(id))
	d.SetKey(starlark.String("version"), starlark.String("1.0"))
	d.SetKey(starlark.String("params"), params)
	d.SetKey(starlark.String("method"), starlark.String(method))
	s, err := ujson.Encode(d)
	return []byte(s), err
}

func (lk *LinkKit) sysTopic(rest string) string {
	return "/sys/" + lk.id.productKey + "/" + lk.id.deviceName + "/" + rest
}

// thingRequest publishes an Alink request: (0, id), (1, None) when the
// thing API is not ready or no id is free, (-1, None) when disconnected.
func (lk *LinkKit) thingRequest(topic, method string, params starlark.Value, qos byte) (starlark.Value, error) {
	c := lk.liveClient()
	if c == nil {
		return result(-1, nil), nil
	}
	lk.mu.Lock()
	ready := lk.thing != nil && lk.thingOn
	id := ""
	if ready {
		id = lk.requestID()
	}
	lk.mu.Unlock()
	if id == "" {
		return result(1, nil), nil
	}
	body, err := alink(id, params, method)
	if err != nil {
		lk.release(id)
		return nil, err
	}
	c.Publish(topic, qos, false, body)
	lk.expire(id)
	return result(0, starlark.String(id)), nil
}

// expire releases an id whose reply has not come within the request timeout.
func (lk *LinkKit) expire(id string) {
	lk.mu.Lock()
	d := lk.cfg.requestTimeout
	lk.mu.Unlock()
	time.AfterFunc(d, func() { lk.release(id) })
}

// thingPostProperty is thing_post_property(dict), at qos 1.
func thingPostProperty(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	params := a.Value("property_data")
	if _, ok := params.(*starlark.Dict); !ok {
		return nil, exc.ValueError("property_data must be dict")
	}
	return lk.thingRequest(lk.sysTopic("thing/event/property/post"), "thing.event.property.post", params, 1)
}

// thingTriggerEvent is thing_trigger_event((event, params)), at qos 0.
func thingTriggerEvent(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	t, ok := a.Value("event_tuple").(starlark.Tuple)
	if !ok || len(t) != 2 {
		return result(1, nil), nil
	}
	event, _ := pyargs.AsText(t[0])
	lk.mu.Lock()
	known := lk.thing != nil && lk.thing.events[event]
	lk.mu.Unlock()
	if !known {
		if lk.liveClient() == nil {
			return result(-1, nil), nil
		}
		return result(1, nil), nil
	}
	params := starlark.NewDict(1)
	params.SetKey(starlark.String("value"), t[1])
	return lk.thingRequest(lk.sysTopic("thing/event/"+event+"/post"), "thing.event."+event+".post", params, 0)
}

// thingAnswerService is thing_answer_service(identifier, request_id,
// code, data=None): 0 sent, 1 not ready, -1 disconnected.
func thingAnswerService(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	ident, _ := pyargs.AsText(a.Value("identifier"))
	data := a.Value("data")
	if pyargs.IsNone(data) {
		data = starlark.NewDict(0)
	}
	c := lk.liveClient()
	if c == nil {
		return starlark.MakeInt(-1), nil
	}
	d := starlark.NewDict(3)
	d.SetKey(starlark.String("id"), a.Value("request_id"))
	d.SetKey(starlark.String("code"), a.Value("code"))
	d.SetKey(starlark.String("data"), data)
	body, err := ujson.Encode(d)
	if err != nil {
		return nil, err
	}
	c.Publish(lk.sysTopic("thing/service/"+ident+"_reply"), 0, false, []byte(body))
	return starlark.MakeInt(0), nil
}

// thingRawPostData is thing_raw_post_data(bytes): 0, 1 or -1.
func thingRawPostData(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	return lk.rawPublish("thing/model/up_raw", a.Value("payload"))
}

func thingRawDataReply(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	return lk.rawPublish("thing/model/down_raw_reply", a.Value("payload"))
}

func (lk *LinkKit) rawPublish(rest string, v starlark.Value) (starlark.Value, error) {
	payload, err := payloadBytes(v)
	if err != nil {
		return nil, err
	}
	c := lk.liveClient()
	if c == nil {
		return starlark.MakeInt(-1), nil
	}
	c.Publish(lk.sysTopic(rest), 0, false, payload)
	return starlark.MakeInt(0), nil
}

// thingUpdateTags is thing_update_tags(dict) on thing/deviceinfo/update.
func thingUpdateTags(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	d, ok := a.Value("tag_map").(*starlark.Dict)
	if !ok {
		return nil, exc.ValueError("tag_map must be a dictionary")
	}
	lk.mu.Lock()
	ready := lk.thing != nil && lk.thingOn
	lk.mu.Unlock()
	if !ready {
		return nil, lk.stateError("not in CONNECTED state")
	}
	var list []starlark.Value
	for _, kv := range d.Items() {
		list = append(list, tag(kv[0], kv[1]))
	}
	return lk.thingRequest(lk.sysTopic("thing/deviceinfo/update"), "thing.deviceinfo.update", starlark.NewList(list), 0)
}

// thingRemoveTags is thing_remove_tags(list) on thing/deviceinfo/delete.
func thingRemoveTags(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	it, ok := a.Value("tag_list").(starlark.Indexable)
	if !ok {
		return nil, exc.ValueError("tag_list must be a list or tuple")
	}
	var list []starlark.Value
	for i := 0; i < it.Len(); i++ {
		list = append(list, tag(it.Index(i), nil))
	}
	return lk.thingRequest(lk.sysTopic("thing/deviceinfo/delete"), "thing.deviceinfo.delete", starlark.NewList(list), 0)
}

func tag(k, v starlark.Value) *starlark.Dict {
	d := starlark.NewDict(2)
	d.SetKey(starlark.String("attrKey"), k)
	if v != nil {
		d.SetKey(starlark.String("attrValue"), v)
	}
	return d
}

// thingUpdateShadow is thing_update_shadow(reported, version) -> (0, mid).
func thingUpdateShadow(lk *LinkKit, a *pyargs.Args) (starlark.Value, error) {
	state := starlark.NewDict(1)
	state.SetKey(starlark.String("reported"), a.Value("reported"))
	d := starlark.NewDict(3)
	d.SetKey(starlark.String("state"), state)
	d.SetKey(starlark.String("method"), starlark.String("update"))
	d.SetKey(starlark.String("version"), a.Value("version"))
	return lk.shadowPublish(d)
}

func thingGetShadow(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	d := starlark.NewDict(1)
	d.SetKey(starlark.String("method"), starlark.String("get"))
	return lk.shadowPublish(d)
}

func (lk *LinkKit) shadowPublish(d *starlark.Dict) (starlark.Value, error) {
	c := lk.liveClient()
	if c == nil {
		return result(-1, nil), nil
	}
	body, err := ujson.Encode(d)
	if err != nil {
		return nil, err
	}
	c.Publish("/shadow/update/"+lk.id.productKey+"/"+lk.id.deviceName, 1, false, []byte(body))
	return result(0, starlark.MakeInt(lk.mid())), nil
}
