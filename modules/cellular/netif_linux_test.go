//go:build linux

package cellular

import "testing"

// The kernel-interface lookup reads a real interface: loopback stands in
// for wwan0 here.
func TestIfaceAddrs(t *testing.T) {
	v4, _, ok := ifaceAddrs("lo")
	if !ok || v4 != "127.0.0.1" {
		t.Fatalf("ifaceAddrs(lo) = %q, %v", v4, ok)
	}
	if _, _, ok := ifaceAddrs("none"); ok {
		t.Error(`"none" must turn the lookup off`)
	}
	if _, _, ok := ifaceAddrs("qstar-no-such0"); ok {
		t.Error("a missing interface was reported up")
	}
}
