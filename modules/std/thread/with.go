package thread

import (
	"go.starlark.net/starlark"
)

// `with lock:` acquires the lock (waiting as acquire() does) and releases
// it when the block ends, also when it raises; __exit__ returns None so an
// exception goes on.

func (s *Semaphore) enter(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return s.acquire(t, b, nil, nil)
}

func (s *Semaphore) exit(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if _, err := s.release(t, b, nil, nil); err != nil {
		return nil, err
	}
	return starlark.None, nil
}
