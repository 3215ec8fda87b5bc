package emulator

import (
	"encoding/json"
	"net/http"
	"time"

	auth "github.com/qstar-dev/qstar/modules/auth/azure"
)

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
	scope := "azure/" + key
	rid, answer := e.state.await(scope)
	timedOut := false
	defer func() { e.state.forget(scope, rid, timedOut) }()
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
		timedOut = true
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
