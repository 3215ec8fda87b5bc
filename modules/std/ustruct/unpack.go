package ustruct

import (
	"math"

	"go.starlark.net/starlark"
)

// unpack reads the layout's values from buf (len(buf) >= l.size).
func (l *layout) unpack(buf []byte) starlark.Tuple {
	out := make(starlark.Tuple, 0, l.nvals)
	for _, it := range l.items {
		if it.code == 'x' {
			continue
		}
		out = append(out, l.unpackItem(buf[it.offset:it.offset+it.size], it))
	}
	return out
}

func (l *layout) unpackItem(b []byte, it item) starlark.Value {
	switch it.code {
	case 's':
		return starlark.Bytes(b)
	case 'p':
		if len(b) == 0 {
			return starlark.Bytes("")
		}
		n := min(int(b[0]), len(b)-1)
		return starlark.Bytes(b[1 : 1+n])
	case 'c':
		return starlark.Bytes(b)
	case '?':
		return starlark.Bool(b[0] != 0)
	case 'e':
		return starlark.Float(float16Value(l.order.Uint16(b)))
	case 'f':
		return starlark.Float(math.Float32frombits(l.order.Uint32(b)))
	case 'd':
		return starlark.Float(math.Float64frombits(l.order.Uint64(b)))
	}
	var u uint64
	switch len(b) {
	case 1:
		u = uint64(b[0])
	case 2:
		u = uint64(l.order.Uint16(b))
	case 4:
		u = uint64(l.order.Uint32(b))
	case 8:
		u = l.order.Uint64(b)
	}
	switch it.code {
	case 'b', 'h', 'i', 'l', 'q', 'n':
		shift := 64 - uint(len(b))*8
		return starlark.MakeInt64(int64(u<<shift) >> shift)
	}
	return starlark.MakeUint64(u)
}
