package emulator

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Handler is the emulator's application-side HTTP API. Every endpoint
// but the device-facing ones (Aliyun's registration, /ca.pem) wants the
// API token (see APIToken); Azure's also take the hub's service SAS.
//
//	POST /v5/iot/{project_id}/devices/{device_id}/messages
//	    Huawei IoTDA CreateMessage: a message down to the device, cached
//	    while it is offline; GET .../messages[/{message_id}] shows them.
//	POST /v5/iot/{project_id}/devices/{device_id}/commands
//	    Huawei IoTDA CreateCommand: a synchronous command.
//	POST /datapoint/synccmds?product_id=P&device_name=D[&timeout=S]
//	    OneNET's synchronous command.
//	GET|PATCH /twins/{device_id}[/modules/{module_id}]
//	    Azure IoT Hub's twin service API: read a twin, or patch its desired
//	    properties (pushed to the device).
//	PUT|GET|DELETE /devices/{id}[/modules/{mid}], GET /devices/{id}/modules
//	    Azure IoT Hub's identity registry.
//	POST /twins/{id}[/modules/{mid}]/methods
//	    Azure direct method: {"methodName","payload","responseTimeoutInSeconds"}.
//	POST /devices/{id}/messages/devicebound
//	    Azure cloud-to-device message.
//	POST /aliyun/{pk}/{dn}/properties, /aliyun/{pk}/{dn}/services/{service}
//	    Aliyun property set and service call down to a device.
//	POST /auth/register/device
//	    Aliyun's HTTPS dynamic registration (reached on port 443).
//	GET /ca.pem
//	    the emulator's CA certificate (what --emulate=HOST:PORT trusts).
//	POST /publish?topic=T[&qos=0|1]
//	    publish the request body to T on any platform.
//	GET /, POST /console/send
//	    the web console (console.go).
func (e *Emulator) Handler() http.Handler {
	e.handlerOnce.Do(func() { e.handler = e.newMux() })
	return e.handler
}

func (e *Emulator) newMux() http.Handler {
	mux := http.NewServeMux()
	const hw = "/v5/iot/{project}/devices/{device}"
	mux.HandleFunc("POST "+hw+"/messages", e.app(e.huaweiCreateMessage))
	mux.HandleFunc("GET "+hw+"/messages", e.app(e.huaweiShowMessages))
	mux.HandleFunc("GET "+hw+"/messages/{message}", e.app(e.huaweiShowMessages))
	mux.HandleFunc("POST "+hw+"/commands", e.app(e.huaweiCreateCommand))
	mux.HandleFunc("POST /datapoint/synccmds", e.app(e.onenetSyncCommand))
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
	mux.HandleFunc("POST /aliyun/{pk}/{dn}/properties", e.app(e.aliyunDownlink))
	mux.HandleFunc("POST /aliyun/{pk}/{dn}/services/{service}", e.app(e.aliyunDownlink))
	mux.HandleFunc("POST /auth/register/device", e.aliyunRegisterHTTP)
	mux.HandleFunc("POST /publish", e.app(e.publishHandler))
	mux.HandleFunc("GET /ca.pem", e.caHandler)
	mux.HandleFunc("GET /{$}", e.console)
	mux.HandleFunc("POST /console/send", e.consoleSend)
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
