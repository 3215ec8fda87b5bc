package runtime

import "testing"

// A module attribute can be rebound, as in Python; the next import in the
// same interpreter sees the new value.
func TestModuleAttributeAssignment(t *testing.T) {
	out, err := run(t, `
m = import_module("rtest")
m.answer = 43
print(import_module("rtest").answer)
`)
	if err != nil || out != "43\n" {
		t.Fatalf("got %q, %v; want 43", out, err)
	}
}
