package devfs

import (
	"context"
	"os"
	"time"

	"go.starlark.net/starlark"
)

// BlockFunc runs fn with the interpreter lock released (runtime.Block).
type BlockFunc func(t *starlark.Thread, fn func(ctx context.Context) error) error

// slowFile reports whether host is a FIFO or device (a serial port granted
// with --allow-fs), whose open and reads may wait: those run with the
// interpreter lock released, so other script threads go on.
func slowFile(host string) bool {
	fi, err := os.Stat(host)
	return err == nil && !fi.Mode().IsRegular() && !fi.IsDir()
}

// io runs a read or write of a slow file with the lock released; Ctrl-C
// ends the wait through a read deadline. Regular files run fn directly.
func (f *File) io(fn func() error) error {
	if !f.slow || f.fs.Block == nil || f.thread == nil {
		return fn()
	}
	return f.fs.Block(f.thread, func(ctx context.Context) error {
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-ctx.Done():
				f.f.SetDeadline(time.Now())
			case <-done:
			}
		}()
		return fn()
	})
}

// openSlow opens a FIFO or device with the lock released.
func (fs *FS) openSlow(t *starlark.Thread, host string, flags int) (*os.File, error) {
	if fs.Block == nil || t == nil {
		return os.OpenFile(host, flags, 0o666)
	}
	var osf *os.File
	err := fs.Block(t, func(ctx context.Context) error {
		var err error
		osf, err = os.OpenFile(host, flags, 0o666)
		return err
	})
	if err != nil && osf != nil {
		osf.Close()
	}
	return osf, err
}
