// Package micro provides small QuecPython/MicroPython system modules that
// device code imports at start-up: pm (power management), uerrno/errno and
// micropython.
package micro

import (
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func init() {
	runtime.Register(runtime.Module{Name: "pm", Doc: "power management: wakelocks, autosleep, PSM (a gateway never sleeps; the state is kept)", New: newPM})
}

// powerManager keeps what the script set: a gateway has no low-power mode,
// so wakelocks and autosleep only change what the getters report.
type powerManager struct {
	mu        sync.Mutex
	nextID    int
	locks     map[int]bool // id -> locked
	autosleep int
	psm       []int // mode, tau unit, tau time, act unit, act time
}

func newPM(env *runtime.Env) (starlark.StringDict, error) {
	p := &powerManager{nextID: 1, locks: map[int]bool{}, psm: []int{0, 7, 0, 7, 0}}
	return pyargs.Builtins(map[string]builtinFn{
		"create_wakelock":  p.createWakelock,
		"delete_wakelock":  p.lockOp("delete_wakelock", func(id int) { delete(p.locks, id) }),
		"wakelock_lock":    p.lockOp("wakelock_lock", func(id int) { p.locks[id] = true }),
		"wakelock_unlock":  p.lockOp("wakelock_unlock", func(id int) { p.locks[id] = false }),
		"get_wakelock_num": p.wakelockNum,
		"autosleep":        p.setAutosleep,
		"set_psm_time":     p.setPSM,
		"get_psm_time":     p.getPSM,
	}), nil
}

// create_wakelock(lock_name, name_size=len(lock_name)) -> id (from 1).
func (p *powerManager) createWakelock(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var size int
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &name, &size); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	id := p.nextID
	p.nextID++
	p.locks[id] = false
	return starlark.MakeInt(id), nil
}

// lockOp is delete/lock/unlock: 0, or -1 for an id create_wakelock never gave.
func (p *powerManager) lockOp(name string, op func(id int)) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var id int
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &id); err != nil {
			return nil, err
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		if _, ok := p.locks[id]; !ok {
			return starlark.MakeInt(-1), nil
		}
		op(id)
		return starlark.MakeInt(0), nil
	}
}

func (p *powerManager) wakelockNum(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return starlark.MakeInt(len(p.locks)), nil
}

// autosleep(sleep_flag) -> 0; only 0 and 1 are valid (-1 otherwise).
func (p *powerManager) setAutosleep(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var flag int
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &flag); err != nil {
		return nil, err
	}
	if flag != 0 && flag != 1 {
		return starlark.MakeInt(-1), nil
	}
	p.mu.Lock()
	p.autosleep = flag
	p.mu.Unlock()
	return starlark.MakeInt(0), nil
}

// set_psm_time(mode) or set_psm_time(tau_unit, tau_time, act_unit, act_time)
// -> True (the four-argument form also enables PSM).
func (p *powerManager) setPSM(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v [4]int
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v[0], &v[1], &v[2], &v[3]); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	switch len(args) {
	case 1:
		if v[0] < 0 || v[0] > 2 {
			return starlark.False, nil
		}
		p.psm[0] = v[0]
	case 4:
		p.psm = []int{1, v[0], v[1], v[2], v[3]}
	default:
		return starlark.False, nil
	}
	return starlark.True, nil
}

func (p *powerManager) getPSM(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]starlark.Value, len(p.psm))
	for i, n := range p.psm {
		out[i] = starlark.MakeInt(n)
	}
	return starlark.NewList(out), nil
}
