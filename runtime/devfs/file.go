package devfs

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// File is an open file as scripts see it: CPython's TextIOWrapper in text
// mode (reads give str, with universal newlines), BufferedReader/Writer
// in binary mode (reads give bytes).
type File struct {
	fs   *FS
	name string // as the script gave it
	mode mode
	f    *os.File
	r    *bufio.Reader // read-ahead; dropped before writes and seeks

	translate bool   // universal newlines on read (newline=None)
	newline   string // written for "\n" when newline is "\r" or "\r\n"
	skipLF    bool   // the last char read was a "\r" turned into "\n"
	encoding  string
	closed    bool

	slow    bool             // a FIFO or device: I/O releases the interpreter lock
	thread  *starlark.Thread // the script thread in the current method call
	onClose func()           // tempfile's delete=True
}

var (
	_ starlark.HasAttrs = (*File)(nil)
	_ starlark.Iterable = (*File)(nil)
)

func (f *File) String() string {
	name := pyrepr.QuoteString(f.name)
	switch {
	case !f.mode.binary:
		return fmt.Sprintf("<_io.TextIOWrapper name=%s mode=%s encoding=%s>", name,
			pyrepr.QuoteString(f.mode.text), pyrepr.QuoteString(f.encoding))
	case f.mode.read && f.mode.write:
		return "<_io.BufferedRandom name=" + name + ">"
	case f.mode.write:
		return "<_io.BufferedWriter name=" + name + ">"
	}
	return "<_io.BufferedReader name=" + name + ">"
}

func (f *File) PyRepr() string { return f.String() }

func (f *File) Type() string {
	switch {
	case !f.mode.binary:
		return "TextIOWrapper"
	case f.mode.read && f.mode.write:
		return "BufferedRandom"
	case f.mode.write:
		return "BufferedWriter"
	}
	return "BufferedReader"
}

func (f *File) Freeze()               {}
func (f *File) Truth() starlark.Bool  { return true }
func (f *File) Hash() (uint32, error) { return starlark.String(fmt.Sprintf("%p", f)).Hash() }

// Iterate yields the file's lines, as `for line in f` does.
func (f *File) Iterate() starlark.Iterator { return &lineIter{f: f} }

type lineIter struct{ f *File }

func (it *lineIter) Next(p *starlark.Value) bool {
	line, err := it.f.readLine(-1)
	if err != nil || len(line) == 0 {
		return false
	}
	*p = it.f.value(line)
	return true
}

func (it *lineIter) Done() {}

// value is read data as the mode gives it: str in text mode, else bytes.
func (f *File) value(b []byte) starlark.Value {
	if f.mode.binary {
		return starlark.Bytes(b)
	}
	return starlark.String(b)
}

func (f *File) check() error {
	if f.closed {
		return exc.ValueError("I/O operation on closed file.")
	}
	return nil
}

func (f *File) checkRead() error {
	if err := f.check(); err != nil {
		return err
	}
	if !f.mode.read {
		return exc.New("UnsupportedOperation", "not readable")
	}
	return nil
}

func (f *File) checkWrite() error {
	if err := f.check(); err != nil {
		return err
	}
	if !f.mode.write {
		return exc.New("UnsupportedOperation", "not writable")
	}
	return nil
}

// reader returns the read-ahead buffer, starting one if needed.
func (f *File) reader() *bufio.Reader {
	if f.r == nil {
		f.r = bufio.NewReader(f.f)
	}
	return f.r
}

// dropReadAhead moves the OS offset back to where the script is, so a
// write or seek happens at the logical position.
func (f *File) dropReadAhead() error {
	if f.r == nil {
		return nil
	}
	n := f.r.Buffered()
	f.r = nil
	if n > 0 {
		if _, err := f.f.Seek(int64(-n), io.SeekCurrent); err != nil {
			return err
		}
	}
	return nil
}

// Close closes the file; closing twice is allowed, as in Python.
func (f *File) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	f.fs.forget(f)
	err := f.f.Close()
	if f.onClose != nil {
		f.onClose()
	}
	return err
}

// OnClose runs fn after the file closes (tempfile removes the file).
func (f *File) OnClose(fn func()) { f.onClose = fn }

// Closed reports whether the file was closed.
func (f *File) Closed() bool { return f.closed }
