package emulator

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Handler is the emulator's application-side HTTP API:
//
//	POST /v5/iot/{project_id}/devices/{device_id}/messages
//	    Huawei IoTDA CreateMessage: a message down to the device.
//	GET|PATCH /twins/{device_id}[/modules/{module_id}]
//	    Azure IoT Hub's twin service API: read a twin, or patch its desired
//	    properties (pushed to the device).
//	PUT|GET|DELETE /devices/{id}[/modules/{mid}], GET /devices/{id}/modules
//	    Azure IoT Hub's identity registry.
//	POST /twins/{id}[/modules/{mid}]/methods
//	    Azure direct method: {"methodName","payload","responseTimeoutInSeconds"}.
//	POST /aliyun/{pk}/{dn}/properties, /aliyun/{pk}/{dn}/services/{service}
//	    Aliyun property set and service call down to a device.
//	POST /auth/register/device
//	    Aliyun's HTTPS dynamic registration (reached on port 443).
//	GET /ca.pem
//	    the emulator's CA certificate (what --emulate=HOST:PORT trusts).
//	POST /publish?topic=T[&qos=0|1]
//	    publish the request body to T on any platform (an OneNET command,
//	    an Azure C2D message, ...).
func (e *Emulator) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v5/iot/{project}/devices/{device}/messages", e.huaweiCreateMessage)
	for _, twin := range []string{"/twins/{device}", "/twins/{device}/modules/{module}"} {
		mux.HandleFunc("GET "+twin, e.azureService(e.azureTwinREST))
		mux.HandleFunc("PATCH "+twin, e.azureService(e.azureTwinREST))
	}
	for _, id := range []string{"/devices/{device}", "/devices/{device}/modules/{module}"} {
		mux.HandleFunc("PUT "+id, e.azureService(e.azureIdentity))
		mux.HandleFunc("GET "+id, e.azureService(e.azureIdentity))
		mux.HandleFunc("DELETE "+id, e.azureService(e.azureIdentity))
	}
	mux.HandleFunc("GET /devices/{device}/modules", e.azureService(e.azureModules))
	mux.HandleFunc("POST /twins/{device}/methods", e.azureService(e.azureMethod))
	mux.HandleFunc("POST /twins/{device}/modules/{module}/methods", e.azureService(e.azureMethod))
	mux.HandleFunc("POST /devices/{device}/messages/devicebound", e.azureService(e.azureC2D))
	mux.HandleFunc("POST /aliyun/{pk}/{dn}/properties", e.aliyunDownlink)
	mux.HandleFunc("POST /aliyun/{pk}/{dn}/services/{service}", e.aliyunDownlink)
	mux.HandleFunc("POST /auth/register/device", e.aliyunRegisterHTTP)
	mux.HandleFunc("POST /publish", e.publishHandler)
	mux.HandleFunc("GET /ca.pem", e.caHandler)
	return mux
}

// ServeHTTP serves Handler on addr ("127.0.0.1:0" picks a port) until
// Close, and returns the address.
func (e *Emulator) ServeHTTP(addr string) (string, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("emulator: http listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: e.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l)
	e.onClose = append(e.onClose, func() { srv.Close() })
	return l.Addr().String(), nil
}

func (e *Emulator) publishHandler(w http.ResponseWriter, r *http.Request) {
	topic := r.URL.Query().Get("topic")
	qos, _ := strconv.Atoi(r.URL.Query().Get("qos"))
	if topic == "" || strings.ContainsAny(topic, "+#") || qos < 0 || qos > 1 {
		httpError(w, http.StatusBadRequest, "want ?topic=T (no wildcards) and qos 0 or 1")
		return
	}
	body, err := readBody(r)
	if err != nil {
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := e.Publish(topic, body, byte(qos)); err != nil {
		httpError(w, http.StatusInternalServerError, err.Error())
		return
	}
	e.opts.Logf("emulator: app published %d bytes to %s", len(body), topic)
	w.WriteHeader(http.StatusNoContent)
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
	}
	body, err := readBody(r)
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil || len(req.Message) == 0 {
		httpError(w, http.StatusBadRequest, "body must be JSON with a \"message\"")
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
			httpError(w, http.StatusBadRequest, "encoding base64: message is not a base64 string")
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
	// IoTDA caches a message for an offline device and says PENDING; the
	// emulator says PENDING too but keeps no cache: the message is dropped.
	status := "PENDING"
	if e.online("huawei", device) {
		if err := e.Publish(topic, payload, 0); err != nil {
			httpError(w, http.StatusInternalServerError, err.Error())
			return
		}
		status = "DELIVERED"
	}
	e.opts.Logf("emulator: huawei message %s to %s: %s", req.MessageID, device, status)
	now := time.Now().UTC().Format("20060102T150405Z")
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]any{"message_id": req.MessageID,
		"result": map[string]any{"status": status, "created_time": now, "finished_time": now}})
}

// online reports whether a device (by user name) of the platform is connected.
func (e *Emulator) online(platform, user string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, s := range e.clients {
		if s.platform.Name == platform && s.connect.User == user {
			return true
		}
	}
	return false
}

// readBody reads a request body of at most 1 MiB.
func readBody(r *http.Request) ([]byte, error) {
	defer r.Body.Close()
	const limit = 1 << 20
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err == nil && len(body) > limit {
		err = fmt.Errorf("request body over %d bytes", limit)
	}
	return body, err
}

func httpError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error_msg": msg})
}
