package micro_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
)

// TestReplProtection walks the system docs' session: a first password
// locks, a wrong one is refused, the query codes follow the state, and
// replChangPswd needs the old password.
func TestReplProtection(t *testing.T) {
	out, err := stdtest.RunPy(t, `import system
print(system.replSetEnable(2), system.replSetEnable(3), system.replSetEnable(2, password='abcdef'))
print(system.replSetEnable(1), system.replSetEnable(2), system.replSetEnable(0), system.replSetEnable(2))
print(system.replChangPswd(old_password='miamia123', new_password='123456'))
print(system.replSetEnable(1, password='miamia123'), system.replSetEnable(2))
print(system.replSetEnable(1, password='miamia'))
print(system.replSetEnable(1, password='short'))
print(system.replChangPswd(old_password='miamia123', new_password='123456'))
print(system.replSetEnable(1, password='miamia123'))
print(system.replSetEnable(1, password='123456'), system.replSetEnable(0, password='123456'), system.replSetEnable(2))
print(system.replChangPswd(old_password='123456'))
`)
	want := `1 -1 -1
0 3 0 1
Please set password first!
-1
0 4
Incorrect password!
-1
Password length must be [6~12]!
-1
0
Incorrect password!
-1
0 0 1
illegal operation
-1
`
	if err != nil || out != want {
		t.Errorf("got %q, %v\nwant %q", out, err, want)
	}
}
