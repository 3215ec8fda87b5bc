package misc

import (
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/callq"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// usbPoll is how often a USB callback's watcher looks at the port (the
// kernel's udc state has no event to wait on).
var usbPoll = time.Second

// usbState is 1 connected, 0 not, -1 the board failed to say.
func usbState(env *runtime.Env) (int, error) {
	b, err := board.For(env)
	if err != nil {
		return 0, exc.OSError("%v", err)
	}
	p, ok := b.(board.USBPort)
	if !ok {
		return 0, nil
	}
	on, err := p.USBConnected()
	switch {
	case err != nil:
		return -1, nil
	case on:
		return 1, nil
	}
	return 0, nil
}

// USB(): getStatus and setCallback(usrFun), usrFun(conn_status) called
// with 1 or 0 when the cable is plugged in or out.
func usbClass(env *runtime.Env) *gotype.Class {
	c := gotype.NewClass("USB", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := sigs["USB"].UnpackArgs(args, kw); err != nil {
			return nil, err
		}
		w := &usbWatch{env: env}
		methods := map[string]gotype.Method{
			"getStatus": noArgs("USB.getStatus", func(*starlark.Thread) (starlark.Value, error) {
				n, err := usbState(env)
				if err != nil {
					return nil, err
				}
				return starlark.MakeInt(n), nil
			}),
			"setCallback": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				var fn starlark.Value
				if err := sigs["USB.setCallback"].UnpackArgs(args, kw, &fn); err != nil {
					return nil, err
				}
				in := runtime.FromThread(t)
				if _, ok := fn.(starlark.Callable); !ok || in == nil {
					return minusOne, nil
				}
				if err := w.start(in, fn); err != nil {
					return nil, err
				}
				return zero, nil
			},
		}
		return gotype.NewObject(c, methods, func() string { return "<USB>" }), nil
	}
	return c
}

// usbWatch polls the port for one USB object while it has a callback.
type usbWatch struct {
	env *runtime.Env

	mu      sync.Mutex
	fn      starlark.Value
	running bool
}

func (w *usbWatch) start(in *runtime.Interp, fn starlark.Value) error {
	last, err := usbState(w.env)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.fn = fn
	if w.running {
		return nil
	}
	w.running = true
	q := callq.New(in, "USB callback")
	done := make(chan struct{})
	w.env.OnClose(func() { close(done) })
	go func() {
		tick := time.NewTicker(usbPoll)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			now, err := usbState(w.env)
			if err != nil || now < 0 || now == last {
				continue
			}
			last = now
			w.mu.Lock()
			fn := w.fn
			w.mu.Unlock()
			q.Push(fn, func() starlark.Tuple { return starlark.Tuple{starlark.MakeInt(now)} })
		}
	}()
	return nil
}
