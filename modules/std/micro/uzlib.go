package micro

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "uzlib", Doc: "decompress zlib, gzip and raw DEFLATE data (OTA packages)", New: newUzlib})
}

func newUzlib(env *runtime.Env) (starlark.StringDict, error) {
	return pyargs.Builtins(map[string]builtinFn{
		"decompress": uzDecompress,
		"DecompIO":   uzDecompIO,
	}), nil
}

// decompress(data, wbits=0, bufsize=0): wbits >= 16 is a gzip stream,
// 0..15 a zlib stream, negative raw DEFLATE (MicroPython's rule; 32 and up
// also accept gzip or zlib by their header, as CPython does).
func uzDecompress(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	wbits, bufsize := 0, 0
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "data", &data, "wbits?", &wbits, "bufsize?", &bufsize); err != nil {
		return nil, err
	}
	buf, err := pyargs.Buffer(b.Name(), "data", data)
	if err != nil {
		return nil, err
	}
	out, err := inflate(bytes.NewReader(buf), wbits)
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(out), nil
}

func inflate(r io.Reader, wbits int) ([]byte, error) {
	var rd io.Reader
	var err error
	switch {
	case wbits >= 32:
		br := &peekReader{r: r}
		if br.peek(2) == "\x1f\x8b" {
			rd, err = gzip.NewReader(br)
		} else {
			rd, err = zlib.NewReader(br)
		}
	case wbits >= 16:
		rd, err = gzip.NewReader(r)
	case wbits >= 0:
		rd, err = zlib.NewReader(r)
	default:
		rd = flate.NewReader(r)
	}
	if err != nil {
		return nil, exc.ValueError("decompression failed: %v", err)
	}
	out, err := io.ReadAll(rd)
	if err != nil {
		return nil, exc.ValueError("decompression failed: %v", err)
	}
	return out, nil
}

// peekReader lets inflate look at a stream's first bytes and then read it whole.
type peekReader struct {
	r    io.Reader
	head []byte
}

func (p *peekReader) peek(n int) string {
	p.head = make([]byte, n)
	k, _ := io.ReadFull(p.r, p.head)
	p.head = p.head[:k]
	return string(p.head)
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}
