package main

import (
	"sort"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
)

// undocumented are the registered modules whose members have no signature
// and doc yet (issue 12). Every other module must document every member;
// a new module must too, and a module documented since must leave this
// list.
var undocumented = strings.Fields(``)

// TestModulesDocumented: every member of every registered module outside
// undocumented has a signature and doc line in the registry help(), __doc__
// and the stubs read.
func TestModulesDocumented(t *testing.T) {
	pending := map[string]bool{}
	for _, m := range undocumented {
		pending[m] = true
	}
	for _, m := range runtime.Modules() {
		names, ok := runtime.ModuleNames(m.Name)
		if !ok {
			continue // needs hardware to build
		}
		var missing []string
		for _, n := range names {
			if sig, doc, ok := runtime.MemberDoc(m.Name, n); !ok || sig == "" || doc == "" {
				missing = append(missing, n)
			}
		}
		switch {
		case pending[m.Name] && len(missing) == 0:
			t.Errorf("module %s is documented now: take it off the undocumented list", m.Name)
		case !pending[m.Name] && len(missing) > 0:
			sort.Strings(missing)
			t.Errorf("module %s: %s have no signature and doc (runtime.RegisterSigs or RegisterDocs)", m.Name, strings.Join(missing, ", "))
		}
		delete(pending, m.Name)
	}
	for m := range pending {
		t.Errorf("undocumented lists %s, which is not a registered module", m)
	}
}
