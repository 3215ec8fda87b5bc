package emulator

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// identity is one device or module in the emulated IoT Hub's identity
// registry.
type identity struct {
	DeviceID, ModuleID, ManagedBy string
	Primary, Secondary            string
	Status                        string // enabled or disabled (devices)
	Etag, Generation              string
	Edge                          bool
}

// identityKeys returns the keys registered for a device or module.
func (st *State) identityKeys(key string) ([]string, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	id, ok := st.registry[key]
	if !ok {
		return nil, false
	}
	return []string{id.Primary, id.Secondary}, true
}

// knownTwin reports whether a twin may be served for key: a registered
// identity, a device in the devices file, or one that has connected.
func (e *Emulator) knownTwin(key string) bool {
	if _, ok := e.secrets("azure")(key); ok {
		return true
	}
	st := &e.state
	st.mu.Lock()
	defer st.mu.Unlock()
	_, reg := st.registry[key]
	_, twin := st.twins[key]
	return reg || twin
}

func newKey() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// identityBody is a create/update request's body (device or module).
type identityBody struct {
	DeviceID       string `json:"deviceId"`
	ModuleID       string `json:"moduleId"`
	ManagedBy      string `json:"managedBy"`
	Status         string `json:"status"`
	Authentication struct {
		Type         string `json:"type"`
		SymmetricKey struct {
			PrimaryKey   string `json:"primaryKey"`
			SecondaryKey string `json:"secondaryKey"`
		} `json:"symmetricKey"`
	} `json:"authentication"`
	Capabilities struct {
		IotEdge bool `json:"iotEdge"`
	} `json:"capabilities"`
}

// azureIdentity serves the registry:
//
//	PUT|GET|DELETE /devices/{device}[/modules/{module}]
//	GET            /devices/{device}/modules
//
// A PUT without If-Match creates (409 DeviceAlreadyExists if the id is
// taken); with If-Match it updates. Empty keys are generated, as IoT Hub
// does. Ids are case-sensitive.
func (e *Emulator) azureIdentity(w http.ResponseWriter, r *http.Request) {
	dev, mod := r.PathValue("device"), r.PathValue("module")
	key := twinKey(dev, mod)
	st := &e.state
	switch r.Method {
	case http.MethodGet:
		st.mu.Lock()
		id, ok := st.registry[key]
		st.mu.Unlock()
		if !ok {
			azureError(w, http.StatusNotFound, notFoundCode(mod), "%s '%s' was not found", kind(mod), key)
			return
		}
		writeJSON(w, http.StatusOK, id.json())
	case http.MethodDelete:
		st.mu.Lock()
		_, ok := st.registry[key]
		delete(st.registry, key)
		st.mu.Unlock()
		if !ok {
			azureError(w, http.StatusNotFound, notFoundCode(mod), "%s '%s' was not found", kind(mod), key)
			return
		}
		e.opts.Logf("emulator: azure registry: deleted %s", key)
		w.WriteHeader(http.StatusNoContent)
	case http.MethodPut:
		e.azurePutIdentity(w, r, dev, mod)
	}
}

func (e *Emulator) azurePutIdentity(w http.ResponseWriter, r *http.Request, dev, mod string) {
	body, err := readBody(r)
	var req identityBody
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil {
		azureError(w, http.StatusBadRequest, "ArgumentInvalid", "request body is not a device or module: %v", err)
		return
	}
	key := twinKey(dev, mod)
	st := &e.state
	st.mu.Lock()
	defer st.mu.Unlock()
	old, exists := st.registry[key]
	if exists && r.Header.Get("If-Match") == "" {
		code := "DeviceAlreadyExists"
		if mod != "" {
			code = "ModuleAlreadyExistsOnDevice"
		}
		azureError(w, http.StatusConflict, code, "A %s with ID '%s' is already registered.", kind(mod), key)
		return
	}
	if mod != "" {
		if _, ok := st.registry[dev]; !ok {
			azureError(w, http.StatusNotFound, "DeviceNotFound", "device '%s' was not found", dev)
			return
		}
	}
	id := &identity{DeviceID: dev, ModuleID: mod, ManagedBy: req.ManagedBy, Status: req.Status,
		Primary: req.Authentication.SymmetricKey.PrimaryKey, Secondary: req.Authentication.SymmetricKey.SecondaryKey,
		Edge: req.Capabilities.IotEdge, Generation: fmt.Sprintf("%018d", time.Now().UnixNano()%1e18)}
	if exists {
		id.Generation = old.Generation
	}
	if id.Primary == "" {
		id.Primary = newKey()
	}
	if id.Secondary == "" {
		id.Secondary = newKey()
	}
	if id.Status == "" {
		id.Status = "enabled"
	}
	id.Etag = base64.StdEncoding.EncodeToString([]byte(fmt.Sprint(time.Now().UnixNano())))
	if st.registry == nil {
		st.registry = map[string]*identity{}
	}
	st.registry[key] = id
	e.opts.Logf("emulator: azure registry: %s %s", map[bool]string{true: "updated", false: "created"}[exists], key)
	writeJSON(w, http.StatusOK, id.json())
}

// azureModules is GET /devices/{device}/modules.
func (e *Emulator) azureModules(w http.ResponseWriter, r *http.Request) {
	dev := r.PathValue("device")
	st := &e.state
	st.mu.Lock()
	var list []map[string]any
	for _, id := range st.registry {
		if id.DeviceID == dev && id.ModuleID != "" {
			list = append(list, id.json())
		}
	}
	st.mu.Unlock()
	sort.Slice(list, func(i, j int) bool { return list[i]["moduleId"].(string) < list[j]["moduleId"].(string) })
	if list == nil {
		list = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, list)
}

// json is the registry's view of an identity, as IoT Hub returns it.
func (id *identity) json() map[string]any {
	const never = "0001-01-01T00:00:00Z"
	m := map[string]any{
		"deviceId": id.DeviceID, "generationId": id.Generation, "etag": id.Etag,
		"connectionState": "Disconnected", "connectionStateUpdatedTime": never, "lastActivityTime": never,
		"cloudToDeviceMessageCount": 0,
		"authentication": map[string]any{"type": "sas",
			"symmetricKey":   map[string]any{"primaryKey": id.Primary, "secondaryKey": id.Secondary},
			"x509Thumbprint": map[string]any{"primaryThumbprint": nil, "secondaryThumbprint": nil}},
	}
	if id.ModuleID != "" {
		m["moduleId"], m["managedBy"] = id.ModuleID, id.ManagedBy
	} else {
		m["status"], m["statusReason"], m["statusUpdatedTime"] = id.Status, nil, never
		m["capabilities"] = map[string]any{"iotEdge": id.Edge}
	}
	return m
}

func kind(mod string) string {
	if mod != "" {
		return "module"
	}
	return "device"
}

func notFoundCode(mod string) string {
	if mod != "" {
		return "ModuleNotFound"
	}
	return "DeviceNotFound"
}

// azureError writes IoT Hub's error body.
func azureError(w http.ResponseWriter, status int, code, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	writeJSON(w, status, map[string]string{"Message": "ErrorCode:" + code + ";" + msg,
		"ExceptionMessage": "Tracking ID:" + strings.ToUpper(randomHex(16)) + "-G:0-TimeStamp:" + time.Now().UTC().Format("01/02/2006 15:04:05")})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
