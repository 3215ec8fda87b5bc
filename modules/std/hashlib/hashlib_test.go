package hashlib_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/hashlib"
)

func TestHashlibMatchesCPython(t *testing.T) {
	var exprs []string
	for _, alg := range []string{"md5", "sha1", "sha224", "sha256", "sha384", "sha512"} {
		exprs = append(exprs,
			"hashlib."+alg+"().hexdigest()",
			"hashlib."+alg+"(b'abc').digest()",
			"hashlib.new('"+alg+"', b'The quick brown fox').hexdigest()",
			"(hashlib."+alg+"().digest_size, hashlib."+alg+"().block_size, hashlib."+alg+"().name)",
		)
	}
	exprs = append(exprs,
		"updated(hashlib.sha256(), [b'a' * 100, b'', b'\\x00\\xff' * 7]).hexdigest()",
		"copied(b'prefix', b'-one', b'-two')",
		"hashlib.new('SHA256', data=b'x').hexdigest()",
	)
	stdtest.CompareWithPython(t, `load("hashlib", "hashlib")
def updated(h, parts):
    for p in parts:
        h.update(p)
    return h
def copied(prefix, a, b):
    h = hashlib.sha1(prefix)
    c = h.copy()
    h.update(a)
    c.update(b)
    return (h.hexdigest(), c.hexdigest())`, `import hashlib
def updated(h, parts):
    for p in parts:
        h.update(p)
    return h
def copied(prefix, a, b):
    h = hashlib.sha1(prefix)
    c = h.copy()
    h.update(a)
    c.update(b)
    return (h.hexdigest(), c.hexdigest())`, exprs)
}

func TestHMACMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, `load("hmac", "hmac")
load("hashlib", "hashlib")
def incremental(key, parts, mod):
    m = hmac.new(key, digestmod=mod)
    whole = b''
    for p in parts:
        m.update(p)
        whole += p
    c = m.copy()
    c.update(b'more')
    return (m.hexdigest(), c.hexdigest(), m.digest() == hmac.digest(key, whole, mod))`, `import hmac, hashlib
def incremental(key, parts, mod):
    m = hmac.new(key, digestmod=mod)
    whole = b''
    for p in parts:
        m.update(p)
        whole += p
    c = m.copy()
    c.update(b'more')
    return (m.hexdigest(), c.hexdigest(), m.digest() == hmac.digest(key, whole, mod))`, []string{
		`hmac.new(b'key', b'The quick brown fox jumps over the lazy dog', 'md5').hexdigest()`,
		`hmac.new(b'key', b'The quick brown fox jumps over the lazy dog', hashlib.sha1).hexdigest()`,
		`hmac.new(b'k' * 200, b'long key', digestmod='sha512').digest()`,
		`incremental(b'secret', [b'a', b'bc', b''], 'sha256')`,
		`incremental(b'', [b'x' * 1000], hashlib.sha384)`,
		`(hmac.new(b'k', digestmod='sha256').name, hmac.new(b'k', digestmod='sha256').digest_size, hmac.new(b'k', digestmod='md5').block_size)`,
		`hmac.compare_digest(b'abc', b'abc')`, `hmac.compare_digest('abc', 'abd')`, `hmac.compare_digest(b'a', b'ab')`,
	})
}

// Known answers from RFC 2202 (HMAC-MD5, HMAC-SHA1) and RFC 4231 (HMAC-SHA-2).
func TestHMACRFCVectors(t *testing.T) {
	for _, tc := range []struct{ key, data, mod, want string }{
		{`b'\x0b' * 16`, `b'Hi There'`, "md5", "9294727a3638bb1c13f48ef8158bfc9d"},
		{`b'Jefe'`, `b'what do ya want for nothing?'`, "md5", "750c783e6ab0b503eaa86e310a5db738"},
		{`b'\x0b' * 20`, `b'Hi There'`, "sha1", "b617318655057264e28bc0b6fb378c8ef146be00"},
		{`b'Jefe'`, `b'what do ya want for nothing?'`, "sha1", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
		{`b'\xaa' * 80`, `b'Test Using Larger Than Block-Size Key - Hash Key First'`, "sha1", "aa4ae5e15272d00e95705637ce8a3b55ed402112"},
		{`b'\x0b' * 20`, `b'Hi There'`, "sha256", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
		{`b'Jefe'`, `b'what do ya want for nothing?'`, "sha256", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
		{`b'\xaa' * 131`, `b'Test Using Larger Than Block-Size Key - Hash Key First'`, "sha256", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
		{`b'Jefe'`, `b'what do ya want for nothing?'`, "sha512", "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
	} {
		src := "load('hmac', 'new')\nprint(new(" + tc.key + ", " + tc.data + ", '" + tc.mod + "').hexdigest())"
		if got := strings.TrimSpace(stdtest.MustRun(t, src, nil)); got != tc.want {
			t.Errorf("HMAC-%s(%s, %s) = %s, want %s", tc.mod, tc.key, tc.data, got, tc.want)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`load('hashlib', 'new')
new('sha3_999')`, "ValueError: new(): unsupported hash type sha3_999"},
		{`load('hashlib', 'sha256')
sha256(5)`, "TypeError: sha256() argument 'data' must be bytes or str, not int"},
		{`load('hmac', 'new')
new(b'k', b'm')`, "TypeError: Missing required parameter 'digestmod'."},
		{`load('hmac', 'new')
new(b'k', b'm', digestmod=5)`, "TypeError: new(): digestmod must be a hash name such as 'sha256' or a hashlib constructor, not int"},
		{`load('hmac', 'compare_digest')
compare_digest('a', b'a')`, "TypeError: unsupported operand types(s) or combination of types: 'str' and 'bytes'"},
	} {
		_, err := stdtest.Run(t, tc.src, nil)
		if err == nil || runtime.ErrorLine(err) != tc.want {
			t.Errorf("%s:\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

func TestUhashlibStrData(t *testing.T) {
	out := stdtest.MustRun(t, `
load("uhashlib", "sha256")
h = sha256("abc")
print(repr(h.digest())[:2], repr(h.hexdigest())[:1], h.hexdigest() == sha256(b"abc").hexdigest())
`, nil)
	if out != "b' ' True\n" {
		t.Errorf("got %q", out)
	}
}

func BenchmarkSHA256Script(b *testing.B) {
	for b.Loop() {
		stdtest.MustRun(b, `
load("hashlib", "sha256")
for i in range(1000):
    sha256("payload-%d" % i).hexdigest()
`, nil)
	}
}
