package ustruct_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/ustruct"
)

func TestStructMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, `load("struct", "struct")`, "import struct", []string{
		`struct.pack('<hHiI', -2, 65535, -7, 4000000000)`,
		`struct.pack('>bB?', -1, 255, 2)`,
		`struct.pack('!q', -1)`,
		`struct.pack('=Q', 18446744073709551615)`,
		`struct.pack('<lL', -5, 5)`,
		`struct.pack('@bhiq', 1, 2, 3, 4)`,
		`struct.pack('@ci', b'z', 9)`,
		`struct.pack('@hxi', 1, 2)`,
		`struct.pack('<3s2x4s', b'abcdef', b'xy')`,
		`struct.pack('5p', b'ab')`,
		`struct.pack('<fde', 1.5, -2.25, 0.1)`,
		`struct.pack('<e', 65504.0)`,
		`struct.pack('<e', 1e-7)`,
		`struct.pack('>i', True)`,
		`struct.pack('<d', 3)`,
		`struct.unpack('<hHiI', struct.pack('<hHiI', -2, 65535, -7, 4000000000))`,
		`struct.unpack('>2b2B', b'\xff\x01\xff\x01')`,
		`struct.unpack('<fde', struct.pack('<fde', 0.1, 0.1, 0.1))`,
		`struct.unpack('<?c3s', b'\x05xabc')`,
		`struct.unpack('5p', b'\x09abcd')`,
		`struct.unpack('@bhiq', struct.pack('@bhiq', -1, -2, -3, -4))`,
		`struct.unpack('<Q', b'\xff' * 8)`,
		`struct.unpack('<q', b'\xff' * 8)`,
		`struct.unpack('>I', bytearray(b'\x01\x02\x03\x04'))`,
		`struct.unpack_from('<H', b'\x00\x01\x02\x03', 1)`,
		`struct.unpack_from('<H', b'\x00\x01\x02\x03', offset=2)`,
		`struct.unpack_from('<B', b'\x00\x01\x02\x03', -1)`,
		`struct.calcsize('@bhiq')`,
		`struct.calcsize('@3si')`,
		`struct.calcsize('<3si')`,
		`struct.calcsize('>10sxxhh')`,
		`struct.calcsize('')`,
		`list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\xff\xff'))`,
		`struct.Struct('<hh').size`,
		`struct.Struct('<hh').format`,
		`struct.Struct('<hh').pack(1, 2)`,
		`struct.Struct('<hh').unpack(b'\x01\x00\x02\x00')`,
		`struct.Struct('>I').unpack_from(b'\x00\x00\x00\x00\x01', 1)`,
	})
}

func TestPackInto(t *testing.T) {
	stdtest.SamePyOutput(t, `import ustruct as u
import struct
buf = bytearray(8)
struct.pack_into('<HI', buf, 1, 0xBEEF, 7)
print(buf)
u.pack_into('>h', buf, -2, -2)
print(buf)
s = struct.Struct('<B')
s.pack_into(buf, 0, 255)
print(buf, s.unpack_from(buf, 0), struct.unpack('<8B', buf))
try:
    struct.pack_into('<i', buf, 6, 1)
except struct.error as e:
    print('error:', e)
print(buf)
`)
}

func TestErrorsMatchCPython(t *testing.T) {
	stdtest.CompareErrors(t, `load("struct", "struct")
buf = bytearray(5)`, `import struct
buf = bytearray(5)
struct.error.__name__ = 'struct.error'`, []string{
		`struct.pack('h', 40000)`,
		`struct.pack('<H', -1)`,
		`struct.pack('<b', 200)`,
		`struct.pack('<B', -1)`,
		`struct.pack('<i', 2147483648)`,
		`struct.pack('<I', -1)`,
		`struct.pack('<I', 4294967296)`,
		`struct.pack('<Q', 18446744073709551616)`,
		`struct.pack('@l', 9223372036854775808)`,
		`struct.pack('<i', 1.5)`,
		`struct.pack('<f', 'x')`,
		`struct.pack('<c', b'ab')`,
		`struct.pack('<s', 1)`,
		`struct.pack('<e', 1e6)`,
		`struct.pack('<f', 1e300)`,
		`struct.pack('<hh', 1)`,
		`struct.pack('<h', 1, 2)`,
		`struct.pack('<P', 1)`,
		`struct.pack('4', 1)`,
		`struct.unpack('<i', b'abc')`,
		`struct.unpack('<i', 5)`,
		`struct.unpack_from('<i', b'abc', 1)`,
		`struct.unpack_from('<i', b'abcdef', -1)`,
		`struct.unpack_from('<i', b'abcdef', -10)`,
		`struct.pack_into('<i', buf, 2, 1)`,
		`struct.pack_into('<i', buf, -10, 1)`,
		`struct.pack_into('<i', b'abcdef', 0, 1)`,
		`struct.iter_unpack('<i', b'abcde')`,
		`struct.iter_unpack('', b'abcde')`,
	}, runtime.ErrorLine)
}
