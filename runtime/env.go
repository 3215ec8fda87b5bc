package runtime

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/qstar-dev/qstar/runtime/devfs"
)

// Env is what an interpreter's modules may use from the outside world.
// Tests build their own to capture output, fix the clock, or route
// network dials to an in-process broker.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader

	// Now is the wall clock (utime.time, localtime).
	Now func() time.Time

	// Dial opens network connections for modules such as umqtt; the
	// emulator replaces it to route cloud hosts to a local broker.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)

	// RootCAs, when set, replaces the system roots for TLS verification
	// (the emulator's CA).
	RootCAs *x509.CertPool

	// Routed says Dial diverts every connection by host name (--emulate):
	// a name this host cannot resolve still gets an address, so a script's
	// getaddrinfo-then-connect reaches the local cloud as on a device.
	Routed bool

	// Logger, when set, receives Logf's messages (`--log json`); nil
	// writes "qstar: ..." lines to Stderr.
	Logger *slog.Logger

	// Args is sys.argv.
	Args []string

	// Config holds module settings chosen on the command line, such as
	// "modem" = "sim:profile.json". Modules fall back to QSTAR_* variables.
	Config map[string]string

	// DataDir is the host directory behind the device's /usr (--data);
	// empty is the working directory. Grants is what scripts may reach
	// beyond it (grants.go); FS() is the filesystem both make.
	DataDir string
	Grants  Grants
	interp  *Interp // the interpreter this Env serves (sys.modules)
	fsOnce  sync.Once
	fs      *devfs.FS

	outMu     sync.Mutex
	closeMu   sync.Mutex
	closers   map[uint64]func() // by registration order
	closerSeq uint64

	sharedMu sync.Mutex
	shared   map[string]any // see Shared
}

// NewEnv returns an Env wired to the process: stdio, real clock, real network.
func NewEnv() *Env {
	d := &net.Dialer{Timeout: 20 * time.Second}
	return &Env{
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Stdin:  os.Stdin,
		Now:    time.Now,
		Dial:   d.DialContext,
		Config: map[string]string{},
	}
}

// Setting returns Config[key], or the environment variable QSTAR_<KEY>.
func (e *Env) Setting(key string) string {
	if v := e.Config[key]; v != "" {
		return v
	}
	return os.Getenv("QSTAR_" + upper(key))
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

// Write writes script output; safe from any goroutine.
func (e *Env) Write(p []byte) (int, error) {
	e.outMu.Lock()
	defer e.outMu.Unlock()
	return e.Stdout.Write(p)
}

// Logf writes a diagnostic line to Stderr. Never pass secrets.
func (e *Env) Logf(format string, args ...any) {
	if e.Logger != nil {
		e.Logger.Info(fmt.Sprintf(format, args...))
		return
	}
	e.outMu.Lock()
	defer e.outMu.Unlock()
	fmt.Fprintf(e.Stderr, "qstar: "+format+"\n", args...)
}

// OnClose registers f to run when the interpreter shuts down (connections,
// serial ports). Closers run in reverse order of registration. The result
// unregisters f: an object closed by the script calls it, so a script that
// makes and closes many objects does not keep them all alive until exit.
// Calling it again, or after Close, does nothing.
func (e *Env) OnClose(f func()) (remove func()) {
	e.closeMu.Lock()
	defer e.closeMu.Unlock()
	if e.closers == nil {
		e.closers = map[uint64]func(){}
	}
	e.closerSeq++
	id := e.closerSeq
	e.closers[id] = f
	return func() {
		e.closeMu.Lock()
		delete(e.closers, id)
		e.closeMu.Unlock()
	}
}

// Closers counts the registered closers (leak checks in tests).
func (e *Env) Closers() int {
	e.closeMu.Lock()
	defer e.closeMu.Unlock()
	return len(e.closers)
}

// Close runs the registered closers once, newest first.
func (e *Env) Close() {
	e.closeMu.Lock()
	fs := e.closers
	e.closers = nil
	e.closeMu.Unlock()
	ids := make([]uint64, 0, len(fs))
	for id := range fs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for i := len(ids) - 1; i >= 0; i-- {
		fs[ids[i]]()
	}
}
