package micro

import (
	"bytes"
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// DecompIO(stream, wbits=0) reads the compressed stream (anything with
// read(), e.g. an open file) and serves the decompressed bytes through
// read(n), readline() and readinto(buf), as OTA code unpacks a package.
// The input is inflated on the first read.
func uzDecompIO(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var stream starlark.Value
	wbits := 0
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &stream, &wbits); err != nil {
		return nil, err
	}
	if _, ok := stream.(starlark.HasAttrs); !ok {
		return nil, exc.TypeError("DecompIO() argument must be a stream, not %s", pyargs.TypeName(stream))
	}
	return &decompIO{src: stream, wbits: wbits}, nil
}

type decompIO struct {
	src   starlark.Value
	wbits int
	out   *bytes.Reader
}

func (d *decompIO) String() string        { return fmt.Sprintf("<DecompIO %p>", d) }
func (d *decompIO) Type() string          { return "DecompIO" }
func (d *decompIO) Freeze()               {}
func (d *decompIO) Truth() starlark.Bool  { return true }
func (d *decompIO) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'DecompIO'") }
func (d *decompIO) AttrNames() []string   { return []string{"read", "readinto", "readline"} }

func (d *decompIO) Attr(name string) (starlark.Value, error) {
	switch name {
	case "read", "readline", "readinto":
		return starlark.NewBuiltin(name, func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := d.fill(t); err != nil {
				return nil, err
			}
			return d.call(name, args, kwargs)
		}), nil
	}
	return nil, nil
}

// fill reads the whole source stream and inflates it, once.
func (d *decompIO) fill(t *starlark.Thread) error {
	if d.out != nil {
		return nil
	}
	read, err := d.src.(starlark.HasAttrs).Attr("read")
	if err != nil || read == nil {
		return exc.TypeError("DecompIO stream has no read()")
	}
	v, err := starlark.Call(t, read, nil, nil)
	if err != nil {
		return err
	}
	in, err := pyargs.Buffer("read", "data", v)
	if err != nil {
		return err
	}
	out, err := inflate(bytes.NewReader(in), d.wbits)
	if err != nil {
		return err
	}
	d.out = bytes.NewReader(out)
	return nil
}

func (d *decompIO) call(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch name {
	case "read":
		n := -1
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0, &n); err != nil {
			return nil, err
		}
		if n < 0 || n > d.out.Len() {
			n = d.out.Len()
		}
		buf := make([]byte, n)
		k, _ := d.out.Read(buf)
		return starlark.Bytes(buf[:k]), nil
	case "readline":
		var line []byte
		for {
			c, err := d.out.ReadByte()
			if err != nil {
				break
			}
			line = append(line, c)
			if c == '\n' {
				break
			}
		}
		return starlark.Bytes(line), nil
	}
	var target starlark.Value
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &target); err != nil {
		return nil, err
	}
	w, ok := target.(interface{ Bytes() []byte }) // bytearray: its own buffer
	if !ok {
		return nil, exc.TypeError("readinto() argument must be a bytearray, not %s", pyargs.TypeName(target))
	}
	k, _ := d.out.Read(w.Bytes())
	return starlark.MakeInt(k), nil
}
