package machine

import (
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// wdtState is the watchdog, a singleton: WDT(period_s) re-arms it. On the
// simulated board a watchdog that is not fed ends the run as a device
// reset would, with board.ExitRestart.
type wdtState struct {
	mu  sync.Mutex
	dog board.Watchdog
	obj *gotype.Object
}

func (h *hw) wdtClass() *gotype.Class {
	c := gotype.NewClass("WDT", nil, nil)
	c.New = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var period int
		if err := starlark.UnpackPositionalArgs("WDT", args, kw, 1, &period); err != nil {
			return nil, err
		}
		if period < 1 {
			return nil, exc.ValueError("invalid period, want >= 1 s")
		}
		in := runtime.FromThread(t)
		if in == nil {
			return nil, exc.RuntimeError("WDT needs a script thread")
		}
		bd, err := h.board()
		if err != nil {
			return nil, err
		}
		h.mu.Lock()
		if h.wdt == nil {
			h.wdt = &wdtState{}
			h.wdt.obj = gotype.NewObject(c, h.wdt.methods(), func() string { return "<WDT>" })
			h.env.OnClose(func() { h.wdt.stop() })
		}
		w := h.wdt
		h.mu.Unlock()
		w.stop()
		expired := func() {
			h.env.Logf("watchdog: not fed for %d s, restarting (exit %d)", period, board.ExitRestart)
			in.RequestExit(board.ExitRestart)
		}
		dog, err := bd.Watchdog(time.Duration(period)*time.Second, expired)
		if err != nil {
			h.env.Logf("WDT: %v", err)
			return starlark.False, nil // FW21: init failure returns False
		}
		w.mu.Lock()
		w.dog = dog
		w.mu.Unlock()
		return w.obj, nil
	}
	return c
}

func (w *wdtState) stop() {
	w.mu.Lock()
	dog := w.dog
	w.dog = nil
	w.mu.Unlock()
	if dog != nil {
		_ = dog.Stop()
	}
}

func (w *wdtState) methods() map[string]gotype.Method {
	return map[string]gotype.Method{
		"feed": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs("feed", args, kw, 0); err != nil {
				return nil, err
			}
			w.mu.Lock()
			dog := w.dog
			w.mu.Unlock()
			if dog != nil {
				_ = dog.Feed()
			}
			return zero, nil
		},
		"stop": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs("stop", args, kw, 0); err != nil {
				return nil, err
			}
			w.stop()
			return zero, nil
		},
	}
}
