package umqtt

import (
	"strings"
	"testing"
)

// TestEveryMethodHasSig: each MQTTClient method binds its arguments with
// the signature help() shows (params), so each needs one, and no
// signature documents a method that does not exist.
func TestEveryMethodHasSig(t *testing.T) {
	for name := range clientMethods {
		if sigs["MQTTClient."+name] == nil {
			t.Errorf("MQTTClient.%s has no signature in sigs", name)
		}
	}
	for key, s := range sigs {
		method, ok := strings.CutPrefix(key, "MQTTClient.")
		if ok && clientMethods[method] == nil {
			t.Errorf("sigs documents %s, which MQTTClient lacks", key)
		}
		if last := key[strings.LastIndexByte(key, '.')+1:]; s.Name != last {
			t.Errorf("sigs[%q] is named %q", key, s.Name)
		}
	}
}
