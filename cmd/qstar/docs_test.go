package main

import (
	"testing"

	"github.com/qstar-dev/qstar/runtime"
)

// TestCoreModulesDocumented: every function of the core device modules has
// a signature and doc in the registry help() and the stubs read, so a new
// member without docs fails here.
func TestCoreModulesDocumented(t *testing.T) {
	for _, mod := range []string{"sim", "dataCall", "net", "modem", "checkNet", "umqtt", "utime", "time", "_thread", "ujson", "json"} {
		names, ok := runtime.ModuleNames(mod)
		if !ok {
			t.Errorf("module %s not registered", mod)
			continue
		}
		for _, n := range names {
			if _, _, ok := runtime.MemberDoc(mod, n); !ok {
				t.Errorf("%s.%s has no docs (runtime.RegisterDocs)", mod, n)
			}
		}
	}
}
