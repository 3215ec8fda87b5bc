package machine

import (
	"context"
	"errors"
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

var spiConsts = starlark.StringDict{"SPI0": starlark.MakeInt(0), "SPI1": starlark.MakeInt(1)}

// spiClock is the clk index of ASR modules (EC600N, EC800N, BG95): 0 =
// 812.5 kHz ... 6 = 52 MHz.
var spiClock = []int{812500, 1625000, 3250000, 6500000, 13000000, 26000000, 52000000}

func (h *hw) spiClass() *gotype.Class {
	c := gotype.NewClass("SPI", spiConsts, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var port, mode, clk int
		if err := starlark.UnpackPositionalArgs("SPI", args, kw, 3, &port, &mode, &clk); err != nil {
			return nil, err
		}
		switch {
		case port < 0 || port > 3:
			return nil, exc.ValueError("port must be (0~3)")
		case mode < 0 || mode > 3:
			return nil, exc.ValueError("mode must be (0~3)")
		case clk < 0 || clk >= len(spiClock):
			return nil, exc.ValueError("clk must be (0~6)")
		}
		bd, err := h.board()
		if err != nil {
			return nil, err
		}
		bus, err := bd.SPI(port, mode, spiClock[clk])
		if err != nil {
			if !errors.Is(err, board.ErrNoDevice) {
				h.env.Logf("%v", err)
			}
			return nil, exc.ValueError("spi init fail")
		}
		h.env.OnClose(func() { _ = bus.Close() })
		return gotype.NewObject(c, spiMethods(bus), func() string { return fmt.Sprintf("<SPI%d>", port) }), nil
	}
	return c
}

// spiMethods are read, write and write_read, lengths capped at the buffers.
func spiMethods(bus board.SPI) map[string]gotype.Method {
	xfer := func(t *starlark.Thread, w, r []byte) error {
		return runtime.Block(t, func(context.Context) error { return bus.Transfer(w, r) })
	}
	// result is the call's 0/-1; a cancelled transfer raises.
	result := func(err error) (starlark.Value, error) {
		if runtime.IsCancelled(err) {
			return nil, err
		}
		return status(err), nil
	}
	// filled is result after copying r into buf on success.
	filled := func(err error, buf starlark.HasSetIndex, r []byte) (starlark.Value, error) {
		if err == nil {
			err = fill(buf, r)
			if err != nil {
				return nil, err
			}
		}
		return result(err)
	}
	return map[string]gotype.Method{
		"write": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("write", args, kw, "data", "datalen")
			if err != nil {
				return nil, err
			}
			data, err := bufferBytes("write", "data", a.Value("data"))
			if err != nil {
				return nil, err
			}
			n, err := intArg(a, "datalen", 0)
			if err != nil {
				return nil, err
			}
			return result(xfer(t, data[:max(0, min(n, len(data)))], nil))
		},
		"read": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("read", args, kw, "recv_data", "datalen")
			if err != nil {
				return nil, err
			}
			buf, err := writable("read", "recv_data", a.Value("recv_data"))
			if err != nil {
				return nil, err
			}
			n, err := intArg(a, "datalen", 0)
			if err != nil {
				return nil, err
			}
			r := make([]byte, max(0, min(n, buf.Len())))
			return filled(xfer(t, nil, r), buf, r)
		},
		"write_read": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("write_read", args, kw, "r_data", "data", "datalen")
			if err != nil {
				return nil, err
			}
			buf, err := writable("write_read", "r_data", a.Value("r_data"))
			if err != nil {
				return nil, err
			}
			data, err := bufferBytes("write_read", "data", a.Value("data"))
			if err != nil {
				return nil, err
			}
			n, err := intArg(a, "datalen", 0)
			if err != nil {
				return nil, err
			}
			n = max(0, min(n, len(data), buf.Len()))
			r := make([]byte, n)
			return filled(xfer(t, data[:n], r), buf, r)
		},
	}
}
