package umqtt

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
)

// TestDocsMatchBinder: the MQTTClient signature help() and the stubs show
// names the constructor's parameters in the binder's order, so the two
// cannot drift apart unnoticed.
func TestDocsMatchBinder(t *testing.T) {
	sig, _, ok := runtime.MemberDoc("umqtt", "MQTTClient")
	if !ok {
		t.Fatal("MQTTClient has no docs")
	}
	inner := sig[strings.Index(sig, "(")+1 : strings.LastIndex(sig, ")")]
	var documented []string
	for _, p := range strings.Split(inner, ", ") {
		name, _, _ := strings.Cut(p, "=")
		documented = append(documented, name)
	}
	for i, name := range documented {
		if i >= len(ctorParams) || strings.TrimSuffix(ctorParams[i], "?") != name {
			t.Errorf("documented parameter %d is %q; the binder has %v", i, name, ctorParams)
		}
	}
}
