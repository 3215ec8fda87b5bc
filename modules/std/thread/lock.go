package thread

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// Semaphore is a counting semaphore; a lock is one with a single token.
// The channel holds the free tokens.
type Semaphore struct {
	kind   string // "lock" or "semphore"
	tokens chan struct{}
	id     uint32 // identity, for hashing
}

var lastID atomic.Uint32

func newSemaphore(kind string, n int) *Semaphore {
	s := &Semaphore{kind: kind, tokens: make(chan struct{}, n), id: lastID.Add(1)}
	for i := 0; i < n; i++ {
		s.tokens <- struct{}{}
	}
	return s
}

func allocateLock(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return newSemaphore("lock", 1), nil
}

func allocateSemaphore(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	n, err := pyargs.Int(b.Name(), "initcount", v)
	if err != nil {
		return nil, err
	}
	if n < 1 || n > 0xffff {
		return nil, exc.ValueError("allocate_semphore: initcount must be in [1, 65535], got %d", n)
	}
	return newSemaphore("semphore", int(n)), nil
}

// delete_lock and delete_semphore free firmware objects; Go's collector
// does that here, so they only check their argument.
func deleteLock(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return deleteKind("lock", b, args, kwargs)
}

func deleteSemaphore(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return deleteKind("semphore", b, args, kwargs)
}

func deleteKind(kind string, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	if s, ok := v.(*Semaphore); !ok || s.kind != kind {
		return nil, exc.TypeError("%s() argument must be a %s, not %s", b.Name(), kind, pyargs.TypeName(v))
	}
	return starlark.None, nil
}

var _ starlark.HasAttrs = (*Semaphore)(nil)

func (s *Semaphore) String() string {
	if s.kind == "lock" {
		state := "unlocked"
		if len(s.tokens) == 0 {
			state = "locked"
		}
		return fmt.Sprintf("<%s _thread.lock object at %p>", state, s)
	}
	return fmt.Sprintf("<_thread.semphore object at %p>", s)
}
func (s *Semaphore) PyRepr() string        { return s.String() }
func (s *Semaphore) Type() string          { return s.kind }
func (s *Semaphore) Freeze()               {}
func (s *Semaphore) Truth() starlark.Bool  { return true }
func (s *Semaphore) Hash() (uint32, error) { return s.id, nil }

func (s *Semaphore) AttrNames() []string {
	if s.kind == "lock" {
		return []string{"acquire", "locked", "release"}
	}
	return []string{"acquire", "getCnt", "release"}
}

func (s *Semaphore) Attr(name string) (starlark.Value, error) {
	var f builtinFn
	switch {
	case name == "acquire":
		f = s.acquire
	case name == "release":
		f = s.release
	case name == "locked" && s.kind == "lock":
		f = s.locked
	case name == "getCnt" && s.kind == "semphore":
		f = s.getCnt
	case name == "__enter__":
		f = s.enter
	case name == "__exit__":
		f = s.exit
	default:
		return nil, nil
	}
	return starlark.NewBuiltin(name, f).BindReceiver(s), nil
}

// acquire(waitflag=1, timeout=-1) → bool. Waiting releases the interpreter
// lock; cancelling the thread (stop_thread, Ctrl-C) ends the wait.
func (s *Semaphore) acquire(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var waitv, timeoutv starlark.Value = starlark.MakeInt(1), starlark.MakeInt(-1)
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "waitflag?", &waitv, "timeout?", &timeoutv); err != nil {
		return nil, err
	}
	wait := bool(waitv.Truth())
	timeout, err := pyargs.Number(b.Name(), "timeout", timeoutv)
	if err != nil {
		return nil, err
	}
	if !wait && timeout != -1 {
		return nil, exc.ValueError("can't specify a timeout for a non-blocking call")
	}
	if timeout < 0 && timeout != -1 {
		return nil, exc.ValueError("timeout value must be a non-negative number")
	}
	select {
	case <-s.tokens:
		return starlark.True, nil
	default:
	}
	if !wait || timeout == 0 {
		return starlark.False, nil
	}
	got := false
	err = runtime.Block(t, func(ctx context.Context) error {
		var expire <-chan time.Time
		if timeout > 0 {
			timer := time.NewTimer(time.Duration(timeout * float64(time.Second)))
			defer timer.Stop()
			expire = timer.C
		}
		select {
		case <-s.tokens:
			got = true
		case <-expire:
		case <-ctx.Done():
		}
		return nil
	})
	if err != nil {
		if got { // cancelled just as the token arrived: give it back
			s.tokens <- struct{}{}
		}
		return nil, err
	}
	return starlark.Bool(got), nil
}

func (s *Semaphore) release(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	select {
	case s.tokens <- struct{}{}:
	default:
		if s.kind == "lock" {
			return nil, exc.RuntimeError("release unlocked lock")
		}
		// a full semaphore ignores extra releases, as the firmware's does
	}
	return starlark.None, nil
}

func (s *Semaphore) locked(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.Bool(len(s.tokens) == 0), nil
}

// getCnt → (max, current free count).
func (s *Semaphore) getCnt(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.Tuple{starlark.MakeInt(cap(s.tokens)), starlark.MakeInt(len(s.tokens))}, nil
}
