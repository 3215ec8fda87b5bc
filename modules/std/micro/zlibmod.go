package micro

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"hash/adler32"
	"hash/crc32"
	"io"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// CPython's zlib over Go's compress packages: the streams are standard
// (CPython and any zlib inflate them), though the compressed bytes need
// not equal C zlib's for the same level.

var zlibError = sync.OnceValue(func() *pylib.Class { return pylib.NewExceptionClass("error", "Exception") })

var zlibSigs = map[string]*pyargs.Sig{
	"compress":   pyargs.NewSig("compress(data, /, level=-1, wbits=15)", "DEFLATE data: a zlib stream (wbits 9..15), gzip (25..31) or raw (-15..-9); level 0..9 or -1."),
	"decompress": pyargs.NewSig("decompress(data, /, wbits=15, bufsize=16384)", "Inflate a zlib (wbits 8..15), gzip (24..31), raw (negative) or either (40..47) stream; zlib.error when it is not one."),
	"crc32":      pyargs.NewSig("crc32(data, value=0, /)", "The CRC-32 of data, continuing from value, as an unsigned int."),
	"adler32":    pyargs.NewSig("adler32(data, value=1, /)", "The Adler-32 checksum of data, continuing from value."),
}

func init() {
	runtime.Register(runtime.Module{Name: "zlib", Doc: "compress and decompress zlib, gzip and raw DEFLATE data; crc32, adler32", New: newZlib})
	runtime.RegisterSigs("zlib", zlibSigs)
	docs := map[string]string{"error": "error\nRaised for a corrupt or truncated stream and bad arguments."}
	for name := range zlibConstants {
		docs[name] = name + "\nzlib's constant of that name."
	}
	runtime.RegisterDocs("zlib", docs)
}

var zlibConstants = map[string]int{
	"MAX_WBITS": 15, "DEFLATED": 8, "DEF_MEM_LEVEL": 8, "DEF_BUF_SIZE": 16384,
	"Z_NO_COMPRESSION": 0, "Z_BEST_SPEED": 1, "Z_BEST_COMPRESSION": 9, "Z_DEFAULT_COMPRESSION": -1,
	"Z_DEFAULT_STRATEGY": 0, "Z_FILTERED": 1, "Z_HUFFMAN_ONLY": 2,
	"Z_NO_FLUSH": 0, "Z_SYNC_FLUSH": 2, "Z_FULL_FLUSH": 3, "Z_FINISH": 4,
}

func newZlib(*runtime.Env) (starlark.StringDict, error) {
	m := pyargs.Builtins(map[string]builtinFn{
		"compress":   zCompress,
		"decompress": zDecompress,
		"crc32":      zChecksum,
		"adler32":    zChecksum,
	})
	m["error"] = zlibError()
	for k, v := range zlibConstants {
		m[k] = starlark.MakeInt(v)
	}
	return m, nil
}

func zCompress(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	level, wbits := -1, 15
	if err := zlibSigs["compress"].UnpackArgs(args, kwargs, &data, &level, &wbits); err != nil {
		return nil, err
	}
	buf, err := bytesLike(data)
	if err != nil {
		return nil, err
	}
	if level < -1 || level > 9 {
		return nil, zlibError().Raise("Bad compression level")
	}
	var out bytes.Buffer
	var w io.WriteCloser
	switch {
	case wbits >= 9 && wbits <= 15:
		w, err = zlib.NewWriterLevel(&out, level)
	case wbits >= 25 && wbits <= 31:
		w, err = gzip.NewWriterLevel(&out, level)
	case wbits >= -15 && wbits <= -9:
		w, err = flate.NewWriter(&out, level)
	default:
		return nil, zlibError().Raise("Bad compression level") // what CPython's zlib reports
	}
	if err != nil {
		return nil, zlibError().Raise("Bad compression level")
	}
	w.Write(buf)
	w.Close()
	return starlark.Bytes(out.String()), nil
}

func zDecompress(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	wbits, bufsize := 15, 16384
	if err := zlibSigs["decompress"].UnpackArgs(args, kwargs, &data, &wbits, &bufsize); err != nil {
		return nil, err
	}
	buf, err := bytesLike(data)
	if err != nil {
		return nil, err
	}
	out, err := inflate(bytes.NewReader(buf), wbits)
	if err != nil {
		msg := err.Error()
		switch {
		case strings.Contains(msg, "unexpected EOF"):
			return nil, zlibError().Raise("Error -5 while decompressing data: incomplete or truncated stream")
		case strings.Contains(msg, "header"):
			return nil, zlibError().Raise("Error -3 while decompressing data: incorrect header check")
		}
		return nil, zlibError().Raise("Error -3 while decompressing data: invalid stored block lengths")
	}
	return starlark.Bytes(out), nil
}

// zChecksum is crc32 or adler32 (data, value), continuing a running sum.
func zChecksum(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	start := uint32(0)
	if b.Name() == "adler32" {
		start = 1
	}
	var value starlark.Value = starlark.MakeUint(uint(start))
	if err := zlibSigs[b.Name()].UnpackArgs(args, kwargs, &data, &value); err != nil {
		return nil, err
	}
	buf, err := bytesLike(data)
	if err != nil {
		return nil, err
	}
	v, err := pyargs.Int64(b.Name(), "value", value)
	if err != nil {
		return nil, err
	}
	seed := uint32(v)
	if b.Name() == "crc32" {
		return starlark.MakeUint(uint(crc32.Update(seed, crc32.IEEETable, buf))), nil
	}
	return starlark.MakeUint(uint(adler32Update(seed, buf))), nil
}

// adler32Update continues an Adler-32 sum from seed (Go's package only
// starts from 1).
func adler32Update(seed uint32, p []byte) uint32 {
	if seed == 1 {
		return adler32.Checksum(p)
	}
	const mod = 65521
	s1, s2 := seed&0xffff, seed>>16
	for _, c := range p {
		s1 = (s1 + uint32(c)) % mod
		s2 = (s2 + s1) % mod
	}
	return s2<<16 | s1
}

// bytesLike is the data of a bytes or bytearray argument (zlib, unlike
// uzlib, refuses str as CPython does).
func bytesLike(v starlark.Value) ([]byte, error) {
	switch x := v.(type) {
	case starlark.Bytes:
		return []byte(x), nil
	case *pylib.ByteArray:
		return x.Bytes(), nil
	}
	return nil, exc.TypeError("a bytes-like object is required, not '%s'", pyargs.TypeName(v))
}
