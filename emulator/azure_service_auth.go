package emulator

import (
	"net"
	"net/http"
	"strings"

	auth "github.com/qstar-dev/qstar/modules/auth/azure"
)

// policiesKey names the devices-file section with IoT Hub's shared access
// policies: {"azure_policies": {"iothubowner": "<base64 key>"}}.
const policiesKey = "azure_policies"

// azureService guards IoT Hub's service REST API (registry, twins,
// methods) as the hub does: a SAS token in Authorization, unexpired and
// for the hub; its signature is checked when the policy's key is
// registered. The emulator's API token (curl at the emulator's own
// address) is let through too; a request with neither is refused.
func (e *Emulator) azureService(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if e.tokenOK(r) {
			h(w, r)
			return
		}
		if err := e.checkServiceSAS(r); err != "" {
			e.opts.Logf("emulator: azure service request %s %s refused: %s", r.Method, r.URL.Path, err)
			azureError(w, http.StatusUnauthorized, "IotHubUnauthorizedAccess", "%s", err)
			return
		}
		h(w, r)
	}
}

func (e *Emulator) checkServiceSAS(r *http.Request) string {
	policies := e.opts.Devices[policiesKey]
	header := r.Header.Get("Authorization")
	if header == "" {
		return "no SharedAccessSignature in Authorization; " + tokenHelp
	}
	tok, err := auth.ParseSASToken(header)
	if err != nil {
		return "Authorization is not a SAS token: " + err.Error()
	}
	if tok.Expiry < e.opts.Now().Unix() {
		return "the SAS token has expired"
	}
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	if strings.Contains(host, ".") && net.ParseIP(host) == nil && !tok.Covers(host) {
		return "the SAS token is not for " + host
	}
	if len(policies) == 0 {
		return ""
	}
	key, ok := policies[tok.KeyName]
	if !ok {
		return "unknown shared access policy '" + tok.KeyName + "'"
	}
	if !tok.Signed(key) {
		return "the SAS token signature does not match policy '" + tok.KeyName + "'"
	}
	return ""
}
