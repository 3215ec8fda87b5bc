package binascii_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/binascii"
)

func TestBinasciiMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, `load("binascii", "binascii")`, "import binascii", []string{
		`binascii.hexlify(b'\x11\x22123')`,
		`binascii.hexlify(b'\x11\x22123', ' ')`,
		`binascii.hexlify(b'\x00\xff', b':')`,
		`binascii.hexlify(b'')`,
		`binascii.unhexlify(b'48656c6C6f')`,
		`binascii.unhexlify('00ff')`,
		`binascii.b2a_base64(b'hello world')`,
		`binascii.b2a_base64(b'', newline=False)`,
		`binascii.b2a_base64(b"\x00\x01\xfe\xff")`,
		`binascii.a2b_base64(b'aGVsbG8gd29ybGQ=\n')`,
		`binascii.a2b_base64('aGVs bG8*gd29y!bGQ=')`,
		`binascii.a2b_base64(b'YQ==extra')`,
		`binascii.a2b_base64(b'YWI=')`,
		`binascii.a2b_base64(b'')`,
		`binascii.crc32(b'hello world')`,
		`binascii.crc32(b'world', binascii.crc32(b'hello '))`,
		`binascii.crc32(b'')`,
	})
}

func TestBase64MatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, `load("base64", "base64")`, "import base64", []string{
		`base64.b64encode(b'\xfb\xff\xfe hi')`,
		`base64.b64decode(b'+/+/')`,
		`base64.b64decode('aGk=')`,
		`base64.urlsafe_b64encode(b'\xfb\xff\xfe hi')`,
		`base64.urlsafe_b64decode(b'-_-_')`,
		`base64.b64encode(b'\xfb\xff', b'*!')`,
		`base64.b64decode(b'*!8=', altchars=b'*!')`,
		`base64.standard_b64encode(b'abc')`,
		`base64.b32encode(b'hello')`,
		`base64.b32decode(b'NBSWY3DP')`,
		`base64.b32decode(b'nbswy3dp', casefold=True)`,
		`base64.b16encode(b'\x01\xab')`,
		`base64.b16decode(b'01AB')`,
		`base64.b16decode(b'01ab', casefold=True)`,
		`base64.encodebytes(b'x' * 100)`,
		`base64.decodebytes(b'eHh4\n')`,
	})
}

func TestErrorsMatchCPython(t *testing.T) {
	// CPython raises binascii.Error, a ValueError subclass; qstar raises ValueError.
	stdtest.CompareErrors(t, `load("binascii", "binascii")
load("base64", "base64")`, `import binascii, base64
binascii.Error.__name__ = 'ValueError'`, []string{
		`binascii.unhexlify(b'abc')`,
		`binascii.unhexlify(b'zz')`,
		`binascii.a2b_base64(b'YQ')`,
		`binascii.a2b_base64(b'Y')`,
		`binascii.a2b_base64(b'YWJjZ')`,
		`binascii.hexlify(b'ab', '--')`, `binascii.hexlify(b'a', '--')`,
		`base64.b64decode(b'Y!Q==', validate=True)`,
		`base64.b16decode(b'ab')`,
		`base64.b32decode(b'NBSW')`,
	}, runtime.ErrorLine)
}

func TestQuecPythonSpellings(t *testing.T) {
	out := stdtest.MustRun(t, `
load("ubinascii", "hexlify", "unhexlify", "b2a_base64", "a2b_base64")
print(hexlify('\x11\x22123', ' '))
print(unhexlify(hexlify('abc')))
print(b2a_base64('hi'), a2b_base64('aGk='))
`, nil)
	want := "b'11 22 31 32 33'\nb'abc'\nb'aGk=\\n' b'hi'\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	_, err := stdtest.Run(t, "load('ubinascii', 'hexlify')\nhexlify(5)", nil)
	if err == nil || runtime.ErrorLine(err) != "TypeError: hexlify() argument 'data' must be bytes or str, not int" {
		t.Errorf("hexlify(5): %v", err)
	}
}
