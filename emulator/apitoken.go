package emulator

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// tokenCookie carries the API token for the console once the browser has
// presented it in ?token=.
const tokenCookie = "qstar_emulator_token"

// APIToken is the secret the application-side HTTP API and the console
// want: Options.APIToken, or one generated at Start. `qstar emulate`
// prints it.
func (e *Emulator) APIToken() string { return e.opts.APIToken }

// tokenOK reports whether r carries the API token: "Authorization: Bearer
// T", Huawei's "X-Auth-Token: T", ?token=T or the console's cookie.
func (e *Emulator) tokenOK(r *http.Request) bool {
	candidates := []string{r.Header.Get("X-Auth-Token"), r.URL.Query().Get("token")}
	if auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		candidates = append(candidates, strings.TrimSpace(auth))
	}
	if c, err := r.Cookie(tokenCookie); err == nil {
		candidates = append(candidates, c.Value)
	}
	want := []byte(e.opts.APIToken)
	for _, c := range candidates {
		if c != "" && subtle.ConstantTimeCompare([]byte(c), want) == 1 {
			return true
		}
	}
	return false
}

// tokenHelp tells a refused caller where the token comes from.
const tokenHelp = "the emulator's application API wants the token `qstar emulate` prints at start " +
	"(in Go: Emulator.APIToken()): send \"Authorization: Bearer TOKEN\", \"X-Auth-Token: TOKEN\" or ?token=TOKEN"

// app guards an application-side endpoint with the API token.
func (e *Emulator) app(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !e.tokenOK(r) {
			e.opts.Logf("emulator: %s %s refused: no API token", r.Method, r.URL.Path)
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error_code": "Unauthorized", "error_msg": tokenHelp})
			return
		}
		h(w, r)
	}
}
