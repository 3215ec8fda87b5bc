package emulator

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/azure"
)

// methodResult is a device's answer to a direct method.
type methodResult struct {
	status  int
	payload []byte
}

// awaitMethod registers a call and returns its rid and answer channel.
func (st *State) awaitMethod() (string, chan methodResult) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.methods == nil {
		st.methods = map[string]chan methodResult{}
	}
	st.rid++
	rid := strconv.Itoa(st.rid)
	ch := make(chan methodResult, 1)
	st.methods[rid] = ch
	return rid, ch
}

func (st *State) methodAnswered(rid string, r methodResult) {
	st.mu.Lock()
	ch := st.methods[rid]
	delete(st.methods, rid)
	st.mu.Unlock()
	if ch != nil {
		ch <- r
	}
}

func (st *State) forgetMethod(rid string) {
	st.mu.Lock()
	delete(st.methods, rid)
	st.mu.Unlock()
}

// azureMethod is IoT Hub's direct-method call, POST
// /twins/{id}[/modules/{mid}]/methods with {"methodName", "payload",
// "responseTimeoutInSeconds"}: the device gets
// $iothub/methods/POST/{name}/?$rid=N and its answer becomes the HTTP
// reply {"status", "payload"}; 404 when it is offline, 504 on timeout.
func (e *Emulator) azureMethod(w http.ResponseWriter, r *http.Request) {
	key := twinKey(r.PathValue("device"), r.PathValue("module"))
	var req struct {
		MethodName string          `json:"methodName"`
		Payload    json.RawMessage `json:"payload"`
		Timeout    int             `json:"responseTimeoutInSeconds"`
	}
	body, err := readBody(r)
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil || req.MethodName == "" {
		azureError(w, http.StatusBadRequest, "ArgumentInvalid", `body must be {"methodName": ..., "payload": ...}`)
		return
	}
	if req.Timeout <= 0 {
		req.Timeout = 30
	}
	if req.Payload == nil {
		req.Payload = json.RawMessage("null")
	}
	rid, answer := e.state.awaitMethod()
	defer e.state.forgetMethod(rid)
	if !e.deliverWhere(azure, func(c Connect) bool { return c.ClientID == key }, auth.MethodRequestTopic(req.MethodName, rid), req.Payload) {
		azureError(w, http.StatusNotFound, "DeviceNotOnline", "%s is not connected", key)
		return
	}
	e.opts.Logf("emulator: azure method %s on %s", req.MethodName, key)
	select {
	case res := <-answer:
		var payload any
		if json.Unmarshal(res.payload, &payload) != nil {
			payload = string(res.payload)
		}
		writeJSON(w, http.StatusOK, map[string]any{"status": res.status, "payload": payload})
	case <-time.After(time.Duration(req.Timeout) * time.Second):
		azureError(w, http.StatusGatewayTimeout, "GatewayTimeout", "%s did not answer %s in %ds", key, req.MethodName, req.Timeout)
	case <-r.Context().Done():
	}
}

// azureC2D is a cloud-to-device message, POST
// /devices/{id}/messages/devicebound with the message as the body and its
// properties in the query (?messageId=..&k=v): the device gets it on
// devices/{id}/messages/devicebound/{property bag}. 404 when offline.
func (e *Emulator) azureC2D(w http.ResponseWriter, r *http.Request) {
	dev := r.PathValue("device")
	body, err := readBody(r)
	if err != nil {
		azureError(w, http.StatusBadRequest, "ArgumentInvalid", "%v", err)
		return
	}
	props := map[string]string{}
	for k, v := range r.URL.Query() {
		switch k {
		case "api-version":
		case "messageId":
			props["$.mid"] = v[0]
		case "correlationId":
			props["$.cid"] = v[0]
		default:
			props[k] = v[0]
		}
	}
	if !e.deliverWhere(azure, func(c Connect) bool { return c.ClientID == dev }, auth.C2DTopic(dev, props), body) {
		azureError(w, http.StatusNotFound, "DeviceNotOnline", "%s is not connected", dev)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
