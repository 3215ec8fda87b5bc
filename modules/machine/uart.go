package machine

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/callq"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// uartConsts are the ports, and the GPIOn that control_485 takes.
var uartConsts = sync.OnceValue(func() starlark.StringDict {
	d := starlark.StringDict{
		"UART0": starlark.MakeInt(0), "UART1": starlark.MakeInt(1), "UART2": starlark.MakeInt(2),
		"UART3": starlark.MakeInt(3), "UART4": starlark.MakeInt(4),
	}
	gpioConsts(d, 1)
	return d
})

// The baud rates QuecPython accepts (FW21).
var bauds = map[int]bool{
	300: true, 600: true, 1200: true, 2400: true, 3600: true, 4800: true, 7200: true, 9600: true,
	14400: true, 19200: true, 28800: true, 33600: true, 38400: true, 57600: true, 115200: true,
	230400: true, 460800: true, 921600: true, 1000000: true, 1842000: true, 3686400: true, 4468750: true,
}

// rxLimit bounds the receive buffer, as a device's RX ring does.
const rxLimit = 64 << 10

// uartState is an open port: a reader goroutine fills rx and queues the
// callback with [0, port, nbytes] for each chunk.
type uartState struct {
	port int
	dev  board.UART
	q    *callq.Queue

	mu      sync.Mutex
	rx      []byte
	cb      starlark.Value
	closed  bool
	done    chan struct{}
	unclose func() // unregisters the exit-time close once closed
}

func (h *hw) uartClass() *gotype.Class {
	c := gotype.NewClass("UART", uartConsts(), nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind("UART", args, kw, "UARTn", "baudrate?", "bits?", "parity?", "stop?", "flow?")
		if err != nil {
			return nil, err
		}
		cfg, port, err := uartConfig(a)
		if err != nil {
			return nil, err
		}
		bd, err := h.board()
		if err != nil {
			return nil, err
		}
		q, err := h.queue(t)
		if err != nil {
			return nil, err
		}
		dev, err := bd.UART(port, cfg)
		if err != nil {
			if !errors.Is(err, board.ErrNoDevice) {
				h.env.Logf("%v", err)
				return nil, exc.ValueError("UART(%d) init fail", port)
			}
			return nil, exc.ValueError("UART(%d) does not exist", port)
		}
		u := &uartState{port: port, dev: dev, q: q, done: make(chan struct{})}
		go u.read()
		u.unclose = h.env.OnClose(func() { u.close() })
		return gotype.NewObject(c, u.methods(), func() string { return fmt.Sprintf("<UART%d>", port) }), nil
	}
	return c
}

func uartConfig(a *pyargs.Args) (board.UARTConfig, int, error) {
	var v [6]int
	for i, p := range []struct {
		name string
		def  int
	}{{"UARTn", -1}, {"baudrate", 115200}, {"bits", 8}, {"parity", 0}, {"stop", 1}, {"flow", 0}} {
		n, err := intArg(a, p.name, p.def)
		if err != nil {
			return board.UARTConfig{}, 0, err
		}
		v[i] = n
	}
	port, baud, bits, parity, stop, flow := v[0], v[1], v[2], v[3], v[4], v[5]
	switch {
	case port < 0:
		return board.UARTConfig{}, 0, exc.ValueError("UART(%d) does not exist", port)
	case !bauds[baud]:
		return board.UARTConfig{}, 0, exc.ValueError("invalid baudrate")
	case bits < 5 || bits > 8:
		return board.UARTConfig{}, 0, exc.ValueError("invalid data bits")
	case parity < 0 || parity > 2:
		return board.UARTConfig{}, 0, exc.ValueError("invalid parity")
	case stop != 1 && stop != 2:
		return board.UARTConfig{}, 0, exc.ValueError("invalid stop bits")
	case flow != 0 && flow != 1:
		return board.UARTConfig{}, 0, exc.ValueError("invalid flow control")
	}
	return board.UARTConfig{Baud: baud, DataBits: bits, Parity: parity, StopBits: stop, FlowControl: flow == 1}, port, nil
}

// read moves data from the port into rx until the port closes.
func (u *uartState) read() {
	defer close(u.done)
	buf := make([]byte, 4096)
	for {
		n, err := u.dev.Read(buf)
		if n > 0 {
			u.mu.Lock()
			if len(u.rx)+n <= rxLimit {
				u.rx = append(u.rx, buf[:n]...)
			}
			cb, port := u.cb, u.port
			u.mu.Unlock()
			if cb != nil {
				u.q.Push(cb, func() starlark.Tuple {
					return starlark.Tuple{starlark.NewList([]starlark.Value{zero, starlark.MakeInt(port), starlark.MakeInt(n)})}
				})
			}
		}
		u.mu.Lock()
		closed := u.closed
		u.mu.Unlock()
		if closed || (err != nil && n == 0) {
			return
		}
	}
}

func (u *uartState) close() error {
	u.mu.Lock()
	if u.closed {
		u.mu.Unlock()
		return nil
	}
	u.closed = true
	u.mu.Unlock()
	u.unclose()
	err := u.dev.Close()
	<-u.done
	return err
}

// take removes up to n bytes (all when n < 0) from rx.
func (u *uartState) take(n int, line bool) []byte {
	u.mu.Lock()
	defer u.mu.Unlock()
	if n < 0 || n > len(u.rx) {
		n = len(u.rx)
	}
	if line {
		if i := bytes.IndexByte(u.rx[:n], '\n'); i >= 0 {
			n = i + 1
		}
	}
	out := append([]byte(nil), u.rx[:n]...)
	u.rx = u.rx[n:]
	return out
}

func (u *uartState) methods() map[string]gotype.Method {
	readN := func(name string, line bool) gotype.Method {
		return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			n := -1
			if err := starlark.UnpackPositionalArgs(name, args, kw, 0, &n); err != nil {
				return nil, err
			}
			return starlark.Bytes(u.take(n, line)), nil
		}
	}
	return map[string]gotype.Method{
		"read":     readN("read", false),
		"readline": readN("readline", true),
		"readinto": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var buf starlark.Value
			n := -1
			if err := starlark.UnpackPositionalArgs("readinto", args, kw, 1, &buf, &n); err != nil {
				return nil, err
			}
			dst, ok := buf.(interface {
				starlark.Indexable
				starlark.HasSetIndex
			})
			if !ok {
				return nil, exc.TypeError("readinto: want a bytearray, not %s", buf.Type())
			}
			if n < 0 || n > dst.Len() {
				n = dst.Len()
			}
			got := u.take(n, false)
			for i, c := range got {
				if err := dst.SetIndex(i, starlark.MakeInt(int(c))); err != nil {
					return nil, err
				}
			}
			return starlark.MakeInt(len(got)), nil
		},
		"any": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs("any", args, kw, 0); err != nil {
				return nil, err
			}
			u.mu.Lock()
			defer u.mu.Unlock()
			return starlark.MakeInt(len(u.rx)), nil
		},
		"write": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("write", args, kw, 1, &v); err != nil {
				return nil, err
			}
			data, err := bufferBytes("write", "data", v)
			if err != nil {
				return nil, err
			}
			n, err := u.dev.Write(data)
			if err != nil {
				return minusOne, nil
			}
			return starlark.MakeInt(n), nil
		},
		"close": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs("close", args, kw, 0); err != nil {
				return nil, err
			}
			return status(u.close()), nil
		},
		"set_callback": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := starlark.UnpackPositionalArgs("set_callback", args, kw, 1, &v); err != nil {
				return nil, err
			}
			cb, err := callable("set_callback", "fun", v, true)
			if err != nil {
				return nil, err
			}
			u.mu.Lock()
			u.cb = cb
			u.mu.Unlock()
			return zero, nil
		},
		"control_485": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var gpio, dir int
			if err := starlark.UnpackPositionalArgs("control_485", args, kw, 2, &gpio, &dir); err != nil {
				return nil, err
			}
			if dir != 0 && dir != 1 {
				return minusOne, nil
			}
			return zero, nil // the direction pin is the board's business
		},
	}
}
