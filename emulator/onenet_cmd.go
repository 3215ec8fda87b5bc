package emulator

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// OneNET's command downlink (reference: cloud-auth.md C.4): the device
// gets $sys/{pid}/{dev}/cmd/request/{cmdid} and answers on
// .../cmd/response/{cmdid} (under 1 KB); the platform acknowledges the
// answer on .../cmd/response/{cmdid}/accepted (empty) or /rejected
// {"err_code","err_msg"}, and the application's call, which waits,
// returns it.

// onenetMaxResponse is OneNET's limit on a command response (code 99).
const onenetMaxResponse = 1024

// onenetCommandTimeout bounds ?timeout= (seconds); 10 is the default
// (OneNET's command docs: a response later than 10 s is a timeout).
const (
	onenetDefaultTimeout = 10
	onenetMaxTimeout     = 30
)

// onenetSyncCommand is the application's synchronous command, shaped as
// OneNET's synccmds: POST /datapoint/synccmds?product_id=P&device_name=D
// [&timeout=S] with the command as the body. The answer is 200
// {"code":0,"msg":"succ","data":{"cmd_uuid","cmd_resp": base64 of the
// device's response}}; 404 when the device is offline, 504 on timeout
// (the error codes are the emulator's: the HTTP status).
func (e *Emulator) onenetSyncCommand(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	pid, dev := q.Get("product_id"), q.Get("device_name")
	timeout := onenetDefaultTimeout
	if t := q.Get("timeout"); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 1 || n > onenetMaxTimeout {
			onenetError(w, http.StatusBadRequest, "timeout is seconds, 1 to "+strconv.Itoa(onenetMaxTimeout))
			return
		}
		timeout = n
	}
	if pid == "" || dev == "" {
		onenetError(w, http.StatusBadRequest, "want ?product_id=P&device_name=D")
		return
	}
	body, err := readBody(r)
	if err != nil {
		onenetError(w, http.StatusBadRequest, err.Error())
		return
	}
	scope := "onenet/" + pid + "/" + dev
	cmdid, answer := e.state.await(scope)
	timedOut := false
	defer func() { e.state.forget(scope, cmdid, timedOut) }()
	topic := "$sys/" + pid + "/" + dev + "/cmd/request/" + cmdid
	if !e.deliverWhere(onenet, func(c Connect) bool { return c.User == pid && c.ClientID == dev }, topic, body) {
		onenetError(w, http.StatusNotFound, "device "+pid+"/"+dev+" is not online")
		return
	}
	e.opts.Logf("emulator: onenet command %s to %s/%s", cmdid, pid, dev)
	select {
	case res := <-answer:
		writeJSON(w, http.StatusOK, map[string]any{"code": 0, "msg": "succ", "request_id": cmdid,
			"data": map[string]string{"cmd_uuid": cmdid, "cmd_resp": base64.StdEncoding.EncodeToString(res.payload)}})
	case <-time.After(time.Duration(timeout) * time.Second):
		timedOut = true
		onenetError(w, http.StatusGatewayTimeout, "device "+pid+"/"+dev+" did not answer command "+cmdid+" in "+strconv.Itoa(timeout)+"s")
	case <-r.Context().Done():
	}
}

// onenetCommandResponse answers a device's publish on
// .../cmd/response/{cmdid}: accepted when a call waits for it, else
// rejected with OneNET's code (99 too long, 112 after the timeout, 113
// unknown id or a second answer).
func onenetCommandResponse(c Connect, cmdid string, payload []byte, reply func(string, []byte)) {
	topic := "$sys/" + c.User + "/" + c.ClientID + "/cmd/response/" + cmdid
	scope := "onenet/" + c.User + "/" + c.ClientID
	code, msg := 0, ""
	switch {
	case strings.Contains(cmdid, "/"):
		return // a reply topic, not an answer
	case len(payload) > onenetMaxResponse:
		code, msg = 99, "payload too long"
	case c.State.answer(scope, cmdid, deviceReply{payload: payload}):
	case c.State.timedOut(scope, cmdid):
		code, msg = 112, "response after the command timed out"
	default:
		code, msg = 113, "cmd id not found or already answered"
	}
	if code == 0 {
		reply(topic+"/accepted", nil)
		return
	}
	body, _ := json.Marshal(map[string]any{"err_code": code, "err_msg": msg})
	reply(topic+"/rejected", body)
}

// onenetReported reads a data point post's streams as properties (the
// last value of each).
func onenetReported(c Connect, topic string, payload []byte) map[string]any {
	if topic != "$sys/"+c.User+"/"+c.ClientID+"/dp/post/json" {
		return nil
	}
	var post struct {
		DP map[string][]struct {
			V any `json:"v"`
		} `json:"dp"`
	}
	if json.Unmarshal([]byte(lenientJSON(string(payload))), &post) != nil {
		return nil
	}
	out := map[string]any{}
	for k, points := range post.DP {
		if len(points) > 0 {
			out[k] = points[len(points)-1].V
		}
	}
	return out
}

func onenetError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"code": status, "msg": msg})
}
