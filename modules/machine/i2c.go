package machine

import (
	"context"
	"fmt"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

var i2cConsts = starlark.StringDict{
	"I2C0": starlark.MakeInt(0), "I2C1": starlark.MakeInt(1), "I2C2": starlark.MakeInt(2), "I2C3": starlark.MakeInt(3),
	"STANDARD_MODE": starlark.MakeInt(0), "FAST_MODE": starlark.MakeInt(1),
}

func (h *hw) i2cClass() *gotype.Class {
	c := gotype.NewClass("I2C", i2cConsts, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		// Some firmwares (EC200U scripts pass I2C(I2C.I2C0, MODE, 0)) take
		// a third argument; nothing here depends on it, so it is accepted.
		a, err := pyargs.Bind("I2C", args, kw, "id", "fastmode", "option?")
		if err != nil {
			return nil, err
		}
		id, err := intArg(a, "id", -1)
		if err != nil {
			return nil, err
		}
		mode, err := intArg(a, "fastmode", 0)
		if err != nil {
			return nil, err
		}
		if id < 0 || id > 3 {
			return nil, exc.ValueError("bus id must be (0~3)")
		}
		if mode < 0 || mode > 2 {
			return nil, exc.ValueError("invalid fastmode")
		}
		bd, err := h.board()
		if err != nil {
			return nil, err
		}
		bus, err := bd.I2C(id)
		if err != nil {
			h.env.Logf("I2C%d: %v", id, err)
			return starlark.False, nil // FW21: an init failure returns False
		}
		h.env.OnClose(func() { _ = bus.Close() })
		return gotype.NewObject(c, i2cMethods(bus), func() string { return fmt.Sprintf("<I2C%d>", id) }), nil
	}
	return c
}

// i2cMethods are read and write with QuecPython's argument shapes.
func i2cMethods(bus board.I2C) map[string]gotype.Method {
	return map[string]gotype.Method{
		"read": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("read", args, kw, "slaveaddr", "regaddr", "regaddr_len", "databuf", "datasize", "delay?")
			if err != nil {
				return nil, err
			}
			addr, reg, err := i2cTarget(a)
			if err != nil {
				return nil, err
			}
			buf, err := writable("read", "databuf", a.Value("databuf"))
			if err != nil {
				return nil, err
			}
			size, err := intArg(a, "datasize", 0)
			if err != nil {
				return nil, err
			}
			delay, err := intArg(a, "delay", 0)
			if err != nil {
				return nil, err
			}
			data := make([]byte, max(0, min(size, buf.Len())))
			err = runtime.Block(t, func(ctx context.Context) error {
				if delay <= 0 {
					return bus.Tx(addr, reg, data)
				}
				// the register write, the device's conversion time, then the read
				if err := bus.Tx(addr, reg, nil); err != nil {
					return err
				}
				select {
				case <-time.After(time.Duration(delay) * time.Millisecond):
				case <-ctx.Done():
					return ctx.Err()
				}
				return bus.Tx(addr, nil, data)
			})
			if runtime.IsCancelled(err) {
				return nil, err
			}
			if err != nil {
				return minusOne, nil
			}
			return zero, fill(buf, data)
		},
		"write": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("write", args, kw, "slaveaddr", "regaddr", "regaddr_len", "databuf", "datasize")
			if err != nil {
				return nil, err
			}
			addr, reg, err := i2cTarget(a)
			if err != nil {
				return nil, err
			}
			data, err := bufferBytes("write", "databuf", a.Value("databuf"))
			if err != nil {
				return nil, err
			}
			size, err := intArg(a, "datasize", 0)
			if err != nil {
				return nil, err
			}
			data = data[:max(0, min(size, len(data)))]
			msg := append(append([]byte(nil), reg...), data...)
			err = runtime.Block(t, func(context.Context) error { return bus.Tx(addr, msg, nil) })
			if runtime.IsCancelled(err) {
				return nil, err
			}
			return status(err), nil
		},
	}
}

// i2cTarget is the 7-bit address and the first regaddr_len bytes of regaddr.
func i2cTarget(a *pyargs.Args) (int, []byte, error) {
	addr, err := intArg(a, "slaveaddr", -1)
	if err != nil {
		return 0, nil, err
	}
	if addr < 0 || addr > 0x7f {
		return 0, nil, exc.ValueError("slaveaddr 0x%x: want a 7-bit address", addr)
	}
	reg, err := bufferBytes(a.Fn, "regaddr", a.Value("regaddr"))
	if err != nil {
		return 0, nil, err
	}
	n, err := intArg(a, "regaddr_len", len(reg))
	if err != nil {
		return 0, nil, err
	}
	return addr, reg[:max(0, min(n, len(reg)))], nil
}
