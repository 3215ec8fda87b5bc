package pylib

import (
	"testing"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// TestBuiltinsHaveEveryExceptionClass: every class exc knows is a script
// value that raises and is caught by its base class.
func TestBuiltinsHaveEveryExceptionClass(t *testing.T) {
	b := Builtins()
	for _, name := range exc.Classes() {
		c, ok := b[name].(*Class)
		if !ok {
			t.Errorf("Builtins()[%q] = %v", name, b[name])
			continue
		}
		if base := exc.Base(name); base != "" && !c.isSubclass(b[base].(*Class)) {
			t.Errorf("%s does not derive from %s", name, base)
		}
	}
}
