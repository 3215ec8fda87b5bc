package qpycloud

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// The Tencent sign-in matches the HMAC CPython's hmac module computes for
// the same user name and key (Tencent's documented scheme).
func TestTencentLoginMatchesCPython(t *testing.T) {
	l, err := tencentLogin("ABCDEFGHIJ", "dev01", "c2VjcmV0LWRldmljZS1rZXk=", "xY3zQ", 1700000000)
	if err != nil {
		t.Fatal(err)
	}
	if l.clientID != "ABCDEFGHIJdev01" || l.user != "ABCDEFGHIJdev01;12010126;xY3zQ;1700000000" {
		t.Fatalf("login %+v", l)
	}
	want := runtimetest.Python(t, `import hmac, hashlib, base64
print(hmac.new(base64.b64decode('c2VjcmV0LWRldmljZS1rZXk='), b'ABCDEFGHIJdev01;12010126;xY3zQ;1700000000', hashlib.sha256).hexdigest() + ';hmacsha256')
`, "")
	if l.password != strings.TrimSpace(want) {
		t.Errorf("password %s, CPython %s", l.password, want)
	}
	if _, err := tencentLogin("P", "d", "not base64!", "x", 1); err == nil {
		t.Error("a key that is not base64 was accepted")
	}
	if id := connID(); len(id) != 5 || id == connID() {
		t.Errorf("connID %q: want 5 random characters", id)
	}
}
