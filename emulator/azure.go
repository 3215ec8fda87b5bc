package emulator

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/azure"
)

// azure is Azure IoT Hub: client id = device id (or device/module), user
// "{hub}.azure-devices.net/{id}/?api-version=...", password a SAS token.
// Each device (or module) has a twin: GET returns it, a reported-properties
// PATCH merges into it and bumps its version.
var azure = &Platform{
	Name:  "azure",
	Hosts: []string{"azure-devices.net"},
	Recognise: func(c Connect) bool {
		return strings.Contains(c.User, ".azure-devices.net/")
	},
	Verify: func(c Connect, now time.Time, secret func(string) (string, bool)) error {
		id, err := auth.CheckForm(c.ClientID, c.User, c.Password, formOnly)
		if err != nil {
			return err
		}
		keys := func(dev, mod string) ([]string, bool) {
			if k, ok := secret(twinKey(dev, mod)); ok {
				return []string{k}, true
			}
			return c.State.identityKeys(twinKey(dev, mod))
		}
		_, known := keys(id.DeviceID, id.ModuleID)
		if _, err := auth.CheckForm(c.ClientID, c.User, c.Password, now); err != nil {
			return expiredOK(c, known, err) // form passed: the expiry is what failed
		}
		if !known {
			return nil
		}
		_, err = auth.Verify(c.ClientID, c.User, c.Password, now, auth.Registry{
			Keys: func(_, dev, mod string) ([]string, bool) { return keys(dev, mod) },
		})
		return err
	},
	OnPublish: azurePublish,
	// MQTT on 8883 over TLS only (cloud-auth.md B.1). The notes record no
	// server keep-alive range (only the Python SDK's own 1..1740 s,
	// vendor-sdks.md C.1), so none is enforced.
	Session: func(c Connect) error { return needsTLS(c, "IoT Hub serves MQTT over TLS only, port 8883") },
	Shape: Shape{{nonEmpty, "the device id (or {device}/{module})"},
		{func(s string) bool { return strings.Contains(s, ".azure-devices.net/") }, `"{hub}.azure-devices.net/{device id}/?api-version=..."`},
		{func(s string) bool { return strings.HasPrefix(s, "SharedAccessSignature ") }, `a SAS token "SharedAccessSignature sr=..&sig=..&se=.."`}},
	Owns:     azureOwns,
	Reserved: []string{"$iothub/"},
	Consumes: func(topic string) bool { return strings.HasPrefix(topic, "$iothub/") },
	// a device that has connected has a twin, registered or not
	Established: func(c Connect, _ func(string, []byte)) {
		c.State.mu.Lock()
		c.State.twinFor(c.ClientID)
		c.State.mu.Unlock()
	},
}

// azureOwns: the identity's devices/{id}[/modules/{mid}] topics, and the
// connection's own $iothub twin and method topics (cloud-auth.md B.5).
func azureOwns(c Connect, topic string) bool {
	dev, mod, _ := strings.Cut(c.ClientID, "/")
	if strings.HasPrefix(topic, "$iothub/twin/") || strings.HasPrefix(topic, "$iothub/methods/") {
		return true
	}
	if mod != "" {
		return underID(topic, "devices/", dev, "/modules/"+mod)
	}
	return underID(topic, "devices/", dev, "")
}

func twinKey(dev, mod string) string {
	if mod == "" {
		return dev
	}
	return dev + "/" + mod
}

// twin is one device's desired and reported properties.
type twin struct {
	desired, reported map[string]any
	dv, rv            int
}

// twinFor returns the client's twin, created empty at version 1 (st.mu held).
func (st *State) twinFor(clientID string) *twin {
	if st.twins == nil {
		st.twins = map[string]*twin{}
	}
	t, ok := st.twins[clientID]
	if !ok {
		t = &twin{desired: map[string]any{}, reported: map[string]any{}, dv: 1, rv: 1}
		st.twins[clientID] = t
	}
	return t
}

func azurePublish(c Connect, topic string, payload []byte, reply func(string, []byte)) {
	rid := queryValue(topic, "$rid")
	switch {
	case strings.HasPrefix(topic, "$iothub/twin/GET/"):
		st := c.State
		st.mu.Lock()
		t := st.twinFor(c.ClientID)
		body, _ := json.Marshal(map[string]any{"desired": versioned(t.desired, t.dv), "reported": versioned(t.reported, t.rv)})
		st.mu.Unlock()
		reply("$iothub/twin/res/200/?$rid="+rid, body)
	case strings.HasPrefix(topic, "$iothub/methods/res/"):
		if t, ok := auth.ParseTopic(topic); ok {
			c.State.answer("azure/"+c.ClientID, t.RID, deviceReply{status: t.Status, payload: payload})
		}
	case strings.HasPrefix(topic, "$iothub/twin/PATCH/properties/reported/"):
		var patch map[string]any
		if err := json.Unmarshal(payload, &patch); err != nil {
			reply("$iothub/twin/res/400/?$rid="+rid, nil)
			return
		}
		st := c.State
		st.mu.Lock()
		t := st.twinFor(c.ClientID)
		merge(t.reported, patch)
		t.rv++
		v := t.rv
		st.mu.Unlock()
		reply(fmt.Sprintf("$iothub/twin/res/204/?$rid=%s&$version=%d", rid, v), nil)
	}
}

func versioned(props map[string]any, v int) map[string]any {
	out := make(map[string]any, len(props)+1)
	for k, x := range props {
		out[k] = x
	}
	out["$version"] = v
	return out
}

// merge applies a JSON merge patch: null deletes, objects merge.
func merge(dst, patch map[string]any) {
	for k, v := range patch {
		switch v := v.(type) {
		case nil:
			delete(dst, k)
		case map[string]any:
			sub, ok := dst[k].(map[string]any)
			if !ok {
				sub = map[string]any{}
				dst[k] = sub
			}
			merge(sub, v)
		default:
			dst[k] = v
		}
	}
}

// queryValue reads key from a topic's "?a=1&b=2" tail, without decoding
// '+' (Azure's rule).
func queryValue(topic, key string) string {
	_, q, ok := strings.Cut(topic, "?")
	if !ok {
		return ""
	}
	for _, kv := range strings.Split(q, "&") {
		if k, v, _ := strings.Cut(kv, "="); k == key {
			return v
		}
	}
	return ""
}

// azureTwinREST serves IoT Hub's service API for twins:
//
//	GET   /twins/{id}[/modules/{mid}]   the twin
//	PATCH /twins/{id}[/modules/{mid}]   {"properties":{"desired":{..}}} merged into desired; the
//	                                    device gets it on $iothub/twin/PATCH/properties/desired/?$version=N
func (e *Emulator) azureTwinREST(w http.ResponseWriter, r *http.Request) {
	dev, mod := r.PathValue("device"), r.PathValue("module")
	key := twinKey(dev, mod)
	st := &e.state
	if !e.knownTwin(key) {
		azureError(w, http.StatusNotFound, notFoundCode(mod), "%s '%s' was not found", kind(mod), key)
		return
	}
	if r.Method == http.MethodPatch {
		var req struct {
			Properties struct {
				Desired map[string]any `json:"desired"`
			} `json:"properties"`
		}
		body, err := readBody(r)
		if err == nil {
			err = json.Unmarshal(body, &req)
		}
		if err != nil || req.Properties.Desired == nil {
			httpError(w, http.StatusBadRequest, `body must be {"properties":{"desired":{...}}}`)
			return
		}
		delete(req.Properties.Desired, "$version")
		st.mu.Lock()
		t := st.twinFor(key)
		merge(t.desired, req.Properties.Desired)
		t.dv++
		v := t.dv
		st.mu.Unlock()
		patch, _ := json.Marshal(versioned(req.Properties.Desired, v))
		// only the twin's own device (or module) gets its patch
		e.deliverWhere(azure, func(c Connect) bool { return c.ClientID == key },
			auth.TwinDesiredTopic(int64(v)), patch)
		e.opts.Logf("emulator: azure twin %s: desired version %d", key, v)
	}
	st.mu.Lock()
	t := st.twinFor(key)
	const never = "0001-01-01T00:00:00Z"
	etag := base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf("%08d", t.dv+t.rv)))
	out := map[string]any{"deviceId": dev, "etag": etag, "deviceEtag": etag, "status": "enabled",
		"statusUpdateTime": never, "connectionState": "Disconnected", "lastActivityTime": never,
		"cloudToDeviceMessageCount": 0, "authenticationType": "sas",
		"x509Thumbprint": map[string]any{"primaryThumbprint": nil, "secondaryThumbprint": nil},
		"version":        t.dv + t.rv, "tags": map[string]any{},
		"properties": map[string]any{"desired": versioned(t.desired, t.dv), "reported": versioned(t.reported, t.rv)}}
	if mod != "" {
		out["moduleId"] = mod
	}
	body, _ := json.Marshal(out)
	st.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}
