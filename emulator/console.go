package emulator

import (
	_ "embed"
	"encoding/json"
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The web console, GET / on the emulator's HTTP address: the devices
// online per platform, their last messages both ways, the properties the
// emulator holds for them (Azure twins, last reported properties), and a
// form per device that sends a downlink through the API's own handlers.
// It wants the API token once as ?token=, then keeps it in a cookie.

//go:embed console.html
var consoleHTML string

// consolePage is parsed on the first page view, not at every qstar start.
var consolePage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("console").Funcs(template.FuncMap{
		"json": func(v any) string {
			b, _ := json.MarshalIndent(v, "", "  ")
			return string(b)
		},
	}).Parse(consoleHTML))
})

// downlinks names each platform's console downlink.
var downlinks = map[string]string{
	"azure":  "cloud-to-device message",
	"huawei": "message (CreateMessage)",
	"onenet": "command (waits for the device's response)",
	"aliyun": "property set (JSON object)",
}

type consoleDevice struct {
	Platform, Device, ClientID string
	Downlink                   string // "" for none
}

type consolePlatform struct {
	Name    string
	Devices []consoleDevice
}

type consoleTwin struct {
	ID                string
	Desired, Reported map[string]any
}

type consoleData struct {
	Addr      string
	Refresh   int
	Platforms []consolePlatform
	Logs      []deviceView
	Twins     []consoleTwin
	Sent      *consoleSent
}

// consoleSent is the API's answer to the last form.
type consoleSent struct {
	What, Device string
	Status       int
	Body         string
}

func (e *Emulator) console(w http.ResponseWriter, r *http.Request) {
	if tok := r.URL.Query().Get("token"); tok != "" && e.tokenOK(r) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		target := "/"
		if ref := r.URL.Query().Get("refresh"); ref != "" {
			target += "?refresh=" + url.QueryEscape(ref)
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
		return
	}
	if !e.tokenOK(r) {
		consoleRefused(w)
		return
	}
	e.renderConsole(w, r, nil)
}

func consoleRefused(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusUnauthorized)
	w.Write([]byte("qstar emulator console: open it as http://ADDR/?token=TOKEN with the token `qstar emulate` printed at start\n"))
}

func (e *Emulator) renderConsole(w http.ResponseWriter, r *http.Request, sent *consoleSent) {
	d := consoleData{Addr: e.addr, Sent: sent}
	d.Refresh, _ = strconv.Atoi(r.URL.Query().Get("refresh"))
	byPlatform := map[string][]consoleDevice{}
	e.mu.Lock()
	for _, s := range e.clients {
		platform, device := deviceKey(s)
		byPlatform[platform] = append(byPlatform[platform], consoleDevice{Platform: platform, Device: device,
			ClientID: s.connect.ClientID, Downlink: downlinks[platform]})
	}
	e.mu.Unlock()
	for _, p := range append([]*Platform{plain}, platforms...) {
		devs := byPlatform[p.Name]
		sort.Slice(devs, func(i, j int) bool { return devs[i].Device+devs[i].ClientID < devs[j].Device+devs[j].ClientID })
		d.Platforms = append(d.Platforms, consolePlatform{Name: p.Name, Devices: devs})
	}
	d.Logs = e.traffic.snapshot()
	st := &e.state
	st.mu.Lock()
	for id, t := range st.twins {
		d.Twins = append(d.Twins, consoleTwin{ID: id, Desired: versioned(t.desired, t.dv), Reported: versioned(t.reported, t.rv)})
	}
	st.mu.Unlock()
	sort.Slice(d.Twins, func(i, j int) bool { return d.Twins[i].ID < d.Twins[j].ID })
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := consolePage().Execute(w, d); err != nil {
		e.opts.Logf("emulator: console: %v", err)
	}
}

// consoleSend turns the form into the platform's API call, made through
// the API's own handler, and shows the console with its answer.
func (e *Emulator) consoleSend(w http.ResponseWriter, r *http.Request) {
	if !e.tokenOK(r) {
		consoleRefused(w)
		return
	}
	if o := r.Header.Get("Origin"); o != "" {
		if u, err := url.Parse(o); err != nil || u.Host != r.Host {
			http.Error(w, "cross-origin form refused", http.StatusForbidden)
			return
		}
	}
	platform, device, body := r.FormValue("platform"), r.FormValue("device"), r.FormValue("body")
	method, path, payload := "POST", "", body
	switch platform {
	case "azure":
		path = "/devices/" + url.PathEscape(device) + "/messages/devicebound"
	case "huawei":
		msg := json.RawMessage(body)
		if !json.Valid(msg) {
			msg, _ = json.Marshal(body) // plain text goes as a string
		}
		b, _ := json.Marshal(map[string]any{"message": msg})
		path, payload = "/v5/iot/console/devices/"+url.PathEscape(device)+"/messages", string(b)
	case "onenet":
		pid, dev, _ := strings.Cut(device, "/")
		path = "/datapoint/synccmds?" + url.Values{"product_id": {pid}, "device_name": {dev}}.Encode()
	case "aliyun":
		pk, dn, _ := strings.Cut(device, "/")
		path = "/aliyun/" + url.PathEscape(pk) + "/" + url.PathEscape(dn) + "/properties"
	default:
		http.Error(w, "no downlink for platform "+strconv.Quote(platform), http.StatusBadRequest)
		return
	}
	req := httptest.NewRequestWithContext(r.Context(), method, path, strings.NewReader(payload))
	req.Header.Set("Authorization", "Bearer "+e.opts.APIToken)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	e.Handler().ServeHTTP(rec, req)
	e.renderConsole(w, r, &consoleSent{What: downlinks[platform], Device: device, Status: rec.Code, Body: rec.Body.String()})
}
