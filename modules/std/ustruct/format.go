package ustruct

import (
	"encoding/binary"
	"strings"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// errName is the class scripts catch as struct.error.
const errName = "struct.error"

func structErr(format string, args ...any) *exc.Error { return exc.New(errName, format, args...) }

// item is one format code with its repeat count: "4s" is one item of
// count 4, "3h" is three items of count 1 each after expansion.
type item struct {
	code   byte
	count  int // bytes for s/p, pad bytes for x, else 1
	offset int
	size   int // bytes of one value
}

// layout is a parsed format string.
type layout struct {
	format string
	order  binary.ByteOrder
	native bool // '@': native sizes and alignment
	items  []item
	size   int
	nvals  int // values packed or unpacked
}

// native sizes on a 64-bit Linux host, as CPython reports them there.
var nativeSize = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
	'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1, 'P': 8}

var standardSize = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
	'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}

func parse(format string) (*layout, error) {
	l := &layout{format: format, order: binary.LittleEndian, native: true}
	f := format
	if f != "" {
		switch f[0] {
		case '@':
			f = f[1:]
		case '=', '<':
			l.native, f = false, f[1:]
		case '>', '!':
			l.native, l.order, f = false, binary.BigEndian, f[1:]
		}
	}
	sizes := standardSize
	if l.native {
		sizes = nativeSize
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		if strings.IndexByte(" \t\n\r\v\f", c) >= 0 {
			continue
		}
		count, hasCount := 1, false
		if c >= '0' && c <= '9' {
			count, hasCount = 0, true
			for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
				count = count*10 + int(f[i]-'0')
				if count > 1<<30 {
					return nil, structErr("total struct size too long")
				}
			}
			if i == len(f) {
				return nil, structErr("repeat count given without format specifier")
			}
			c = f[i]
		}
		size, ok := sizes[c]
		if !ok {
			return nil, structErr("bad char in struct format")
		}
		if l.native {
			l.size = align(l.size, c, size)
		}
		switch c {
		case 's', 'p', 'x':
			l.items = append(l.items, item{code: c, count: count, offset: l.size, size: count})
			l.size += count
			if c != 'x' {
				l.nvals++
			}
		default:
			_ = hasCount
			for k := 0; k < count; k++ {
				l.items = append(l.items, item{code: c, count: 1, offset: l.size, size: size})
				l.size += size
				l.nvals++
			}
		}
	}
	return l, nil
}

// align rounds off up to the alignment of a native item of the given size.
func align(off int, code byte, size int) int {
	if code == 's' || code == 'p' || code == 'x' || code == 'c' || size <= 1 {
		return off
	}
	return (off + size - 1) / size * size
}
