package emulator

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"

	auth "github.com/qstar-dev/qstar/modules/auth/aliyun"
)

// aliyunRequestID numbers the emulator's downlink Alink requests.
var aliyunRequestID atomic.Int64

// aliyunDownlink is the application side of the thing model:
//
//	POST /aliyun/{pk}/{dn}/properties          body {"prop": value, ...}
//	POST /aliyun/{pk}/{dn}/services/{service}  body {"arg": value, ...}
//
// as Aliyun's SetDeviceProperty and InvokeThingService: an Alink request
// on /sys/{pk}/{dn}/thing/service/property/set (or .../service/{id}).
// The answer is 200 {"id": N} when the device is online, else 404.
func (e *Emulator) aliyunDownlink(w http.ResponseWriter, r *http.Request) {
	pk, dn, service := r.PathValue("pk"), r.PathValue("dn"), r.PathValue("service")
	body, err := readBody(r)
	if err != nil {
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}
	var params map[string]any
	if err := json.Unmarshal(body, &params); err != nil {
		httpError(w, http.StatusBadRequest, "body must be a JSON object of properties or service arguments")
		return
	}
	method, topic := "thing.service.property.set", auth.DeviceTopics(pk, dn).PropertySet()
	if service != "" {
		method = "thing.service." + service
		topic = auth.DeviceTopics(pk, dn).Service(service)
	}
	id := strconv.FormatInt(aliyunRequestID.Add(1), 10)
	msg, _ := json.Marshal(map[string]any{"id": id, "version": "1.0", "params": params, "method": method})
	if !e.deliverTo(aliyun, auth.Username(pk, dn), topic, msg) {
		httpError(w, http.StatusNotFound, "device "+pk+"/"+dn+" is not online")
		return
	}
	e.opts.Logf("emulator: aliyun %s to %s/%s", method, pk, dn)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"id": id})
}

// aliyunReported reads a thing-model property post's params as properties.
func aliyunReported(c Connect, topic string, payload []byte) map[string]any {
	dn, pk, _ := strings.Cut(c.User, "&")
	if topic != auth.DeviceTopics(pk, dn).PropertyPost() {
		return nil
	}
	var post struct {
		Params map[string]any `json:"params"`
	}
	if json.Unmarshal(payload, &post) != nil {
		return nil
	}
	return post.Params
}
