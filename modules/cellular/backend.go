package cellular

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular/profile"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// Open builds the backend a --modem / QSTAR_MODEM spec names:
// "" or "sim", "sim:profile.json", "at:/dev/ttyUSB2[,baud]".
func Open(spec string, opt ATOptions) (Modem, error) {
	kind, arg, _ := strings.Cut(spec, ":")
	switch kind {
	case "", "sim":
		if arg == "" {
			return NewSimModem(nil), nil
		}
		p, err := profile.Load(arg)
		if err != nil {
			return nil, err
		}
		return NewSimModem(p), nil
	case "at":
		path, baud, hasBaud := strings.Cut(arg, ",")
		if path == "" {
			return nil, fmt.Errorf("modem %q: want at:/dev/ttyUSB2[,baud]", spec)
		}
		if hasBaud {
			n, err := strconv.Atoi(baud)
			if err != nil || n <= 0 {
				return nil, fmt.Errorf("modem %q: baud rate %q is not a positive number", spec, baud)
			}
			opt.Baud = n
		}
		return OpenAT(path, opt)
	}
	return nil, fmt.Errorf("modem %q: want sim, sim:profile.json or at:/dev/ttyUSB2[,baud]", spec)
}

// backend is one interpreter's modem, shared by the five script modules,
// with the script callbacks registered on it.
type backend struct {
	env *runtime.Env

	openMu sync.Mutex
	modem  Modem

	mu      sync.Mutex
	simCB   callback
	dataCB  callback
	smsCB   callback
	vc      *voiceTracker // voiceCall, once used
	autoOn  map[int]bool  // dataCall.setAutoConnect; CID 1 redials by default
	autoAct map[int]bool  // dataCall.setAutoActivate (kept for the script)

	events chan Event
	quit   chan struct{}
	wg     sync.WaitGroup // auto-connect redials in flight
}

type callback struct {
	in *runtime.Interp
	fn starlark.Callable
}

var (
	backendsMu sync.Mutex
	backends   = map[*runtime.Env]*backend{}
)

// backendOf returns env's backend record, creating it on first use (not in
// a module's New, which also runs for `from x import *` name listing).
func backendOf(env *runtime.Env) *backend {
	backendsMu.Lock()
	defer backendsMu.Unlock()
	if b := backends[env]; b != nil {
		return b
	}
	b := &backend{env: env, autoOn: map[int]bool{1: true}, autoAct: map[int]bool{1: true}}
	backends[env] = b
	env.OnClose(func() {
		backendsMu.Lock()
		delete(backends, env)
		backendsMu.Unlock()
		b.close()
	})
	return b
}

// SetModem makes env's scripts use m (tests, or a host embedding qstar
// with its own backend). It must be called before a script's first call.
func SetModem(env *runtime.Env, m Modem) {
	b := backendOf(env)
	b.openMu.Lock()
	defer b.openMu.Unlock()
	b.attach(m)
}

func (b *backend) attach(m Modem) {
	b.modem = m
	b.events = make(chan Event, 64)
	b.quit = make(chan struct{})
	m.Events(b.push)
	go b.dispatch()
}

// openErr marks failures to reach the modem at all: scripts get OSError,
// not -1, since no call can succeed until the configuration is fixed.
type openErr struct{ error }

// get opens the backend on first use; a failed open is retried next call
// (a USB modem may enumerate late).
func (b *backend) get() (Modem, error) {
	b.openMu.Lock()
	defer b.openMu.Unlock()
	if b.modem != nil {
		return b.modem, nil
	}
	opt := ATOptions{Iface: b.env.Setting("modem_iface"), Logf: b.env.Logf}
	if s := b.env.Setting("at_timeout"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return nil, openErr{fmt.Errorf("at_timeout %q: want a duration such as 5s", s)}
		}
		opt.Timeout = d
	}
	m, err := Open(b.env.Setting("modem"), opt)
	if err != nil {
		return nil, openErr{err}
	}
	b.attach(m)
	return m, nil
}

func (b *backend) close() {
	b.openMu.Lock()
	m := b.modem
	b.openMu.Unlock()
	if m == nil {
		return
	}
	close(b.quit)
	_ = m.Close()
	b.wg.Wait()
}

// push queues an event; it never blocks the modem's reader.
func (b *backend) push(e Event) {
	select {
	case b.events <- e:
	default:
		b.env.Logf("cellular: event queue full, dropping %+v", e)
	}
}

// dispatch runs script callbacks, one at a time, off the modem's goroutines.
// The host may close the interpreter while holding its lock, so close()
// does not wait for a callback in flight.
func (b *backend) dispatch() {
	for {
		select {
		case <-b.quit:
			return
		case e := <-b.events:
			b.handle(e)
		}
	}
}

func (b *backend) handle(e Event) {
	b.mu.Lock()
	sim, data, sms, redial := b.simCB, b.dataCB, b.smsCB, e.Kind == EventPDP && e.Value == 0 && e.Dropped && b.autoOn[e.CID]
	b.mu.Unlock()
	switch e.Kind {
	case EventCall:
		b.mu.Lock()
		vc := b.vc
		b.mu.Unlock()
		if vc != nil {
			vc.wake()
		}
	case EventSMS:
		if sms.fn != nil {
			args := starlark.NewList([]starlark.Value{starlark.MakeInt(0), starlark.MakeInt(e.Value), starlark.String("SM")})
			_, _ = sms.in.Call("sms callback", sms.fn, args)
		}
	case EventSIM:
		if sim.fn != nil {
			_, _ = sim.in.Call("sim callback", sim.fn, starlark.MakeInt(e.Value))
		}
	case EventPDP:
		if data.fn != nil {
			args := starlark.Tuple{starlark.MakeInt(e.CID), starlark.MakeInt(e.Value), starlark.MakeInt(0)}
			_, _ = data.in.Call("dataCall callback", data.fn, args)
		}
		if redial {
			b.wg.Add(1)
			go func() {
				defer b.wg.Done()
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				go func() {
					select {
					case <-b.quit:
						cancel()
					case <-ctx.Done():
					}
				}()
				if err := b.modem.Activate(ctx, e.CID); err != nil && ctx.Err() == nil {
					b.env.Logf("cellular: auto-connect of PDP context %d failed: %v", e.CID, err)
				}
			}()
		}
	}
}

// call runs f against the modem with the interpreter lock released.
// It returns ok=false (the script sees -1) when the modem refused or did
// not answer, and an error only for cancellation or an unusable backend.
func call(t *starlark.Thread, env *runtime.Env, f func(ctx context.Context, m Modem) error) (bool, error) {
	b := backendOf(env)
	var modemErr error
	err := runtime.Block(t, func(ctx context.Context) error {
		m, err := b.get()
		if err != nil {
			return err
		}
		modemErr = f(ctx, m)
		return nil
	})
	if err != nil {
		var oe openErr
		if errors.As(err, &oe) {
			return false, exc.OSError("%v", oe.error)
		}
		return false, err
	}
	return modemErr == nil, nil
}

// setCallback stores a script callback for sim or dataCall.
func setCallback(t *starlark.Thread, env *runtime.Env, which string, fn starlark.Value) (starlark.Value, error) {
	var cb callback
	switch fn := fn.(type) {
	case starlark.NoneType:
	case starlark.Callable:
		cb = callback{in: runtime.FromThread(t), fn: fn}
		if cb.in == nil {
			return nil, exc.RuntimeError("setCallback needs a script thread")
		}
	default:
		return nil, exc.TypeError("setCallback: want a function, not %s", fn.Type())
	}
	// open the backend now, so events between here and the first call are seen
	if ok, err := call(t, env, func(context.Context, Modem) error { return nil }); err != nil || !ok {
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(-1), nil
	}
	b := backendOf(env)
	b.mu.Lock()
	switch which {
	case "sim":
		b.simCB = cb
	case "sms":
		b.smsCB = cb
	default:
		b.dataCB = cb
	}
	b.mu.Unlock()
	return starlark.MakeInt(0), nil
}
