// Package machine is QuecPython's machine module on a qstar board: Pin,
// ExtInt, UART, I2C, Timer, WDT and RTC, answered by the board backend
// that --board selects (see package board).
package machine

import (
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/internal/callq"
	"github.com/qstar-dev/qstar/modules/internal/gotype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "machine",
		Doc:  "hardware: Pin, ExtInt, UART, I2C, SPI, Timer, WDT, RTC on the --board backend",
		New:  newModule,
	})
}

// hw is one interpreter's machine state: QuecPython's singletons.
type hw struct {
	env *runtime.Env

	mu     sync.Mutex
	pins   map[int]*pinState
	timers [4]*timerState
	wdt    *wdtState
	rtc    *rtcState
	queues map[*runtime.Interp]*callq.Queue
	pinCls *gotype.Class
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	h := &hw{env: env, pins: map[int]*pinState{}, queues: map[*runtime.Interp]*callq.Queue{}}
	h.pinCls = h.pinClass()
	return starlark.StringDict{
		"Pin":    h.pinCls,
		"ExtInt": h.extIntClass(),
		"UART":   h.uartClass(),
		"I2C":    h.i2cClass(),
		"SPI":    h.spiClass(),
		"Timer":  h.timerClass(),
		"WDT":    h.wdtClass(),
		"RTC":    h.rtcClass(),
	}, nil
}

// board opens the interpreter's board; a bad --board is an OSError.
func (h *hw) board() (board.Board, error) {
	b, err := board.For(h.env)
	if err != nil {
		return nil, exc.OSError("%v", err)
	}
	return b, nil
}

// queue is where hardware callbacks wait for the interpreter.
func (h *hw) queue(t *starlark.Thread) (*callq.Queue, error) {
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("hardware callbacks need a script thread")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	q := h.queues[in]
	if q == nil {
		q = callq.New(in, "machine callback")
		h.queues[in] = q
	}
	return q, nil
}

var (
	zero     = starlark.MakeInt(0)
	minusOne = starlark.MakeInt(-1)
)

// status is QuecPython's 0 on success, -1 on failure.
func status(err error) starlark.Value {
	if err != nil {
		return minusOne
	}
	return zero
}

// gpioConsts are GPIO1..GPIO47 (from first, so ExtInt can add GPIO0). The
// tables that hold them are built on first use, not at package init.
func gpioConsts(d starlark.StringDict, first int) {
	for n := first; n <= 47; n++ {
		d["GPIO"+itoa(n)] = starlark.MakeInt(n)
	}
}

func itoa(n int) string { return starlark.MakeInt(n).String() }
