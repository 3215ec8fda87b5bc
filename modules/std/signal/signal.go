// Package signal provides CPython's signal module: handlers for the
// process's signals, run as callbacks under the interpreter lock
// (runtime/signals.go), and alarm().
package signal

import (
	"os"
	"syscall"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "signal", Doc: "signal handlers (SIGTERM, SIGINT, SIGHUP, SIGUSR1, ...), alarm, raise_signal", New: newModule})
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

var names = map[string]syscall.Signal{
	"SIGHUP": syscall.SIGHUP, "SIGINT": syscall.SIGINT, "SIGQUIT": syscall.SIGQUIT, "SIGILL": syscall.SIGILL,
	"SIGTRAP": syscall.SIGTRAP, "SIGABRT": syscall.SIGABRT, "SIGBUS": syscall.SIGBUS, "SIGFPE": syscall.SIGFPE,
	"SIGKILL": syscall.SIGKILL, "SIGUSR1": syscall.SIGUSR1, "SIGSEGV": syscall.SIGSEGV, "SIGUSR2": syscall.SIGUSR2,
	"SIGPIPE": syscall.SIGPIPE, "SIGALRM": syscall.SIGALRM, "SIGTERM": syscall.SIGTERM, "SIGCHLD": syscall.SIGCHLD,
	"SIGCONT": syscall.SIGCONT, "SIGSTOP": syscall.SIGSTOP, "SIGTSTP": syscall.SIGTSTP, "SIGWINCH": syscall.SIGWINCH,
}

// unhandleable are the signals no process may catch.
var unhandleable = map[syscall.Signal]bool{syscall.SIGKILL: true, syscall.SIGSTOP: true}

const (
	sigDFL = 0
	sigIGN = 1
)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	d := pyargs.Builtins(map[string]builtinFn{
		"signal":              setHandler,
		"getsignal":           getHandler,
		"raise_signal":        raiseSignal,
		"alarm":               alarm,
		"strsignal":           strsignal,
		"valid_signals":       validSignals,
		"default_int_handler": defaultIntHandler,
	})
	for name, sig := range names {
		d[name] = starlark.MakeInt(int(sig))
	}
	d["SIG_DFL"] = starlark.MakeInt(sigDFL)
	d["SIG_IGN"] = starlark.MakeInt(sigIGN)
	d["NSIG"] = starlark.MakeInt(65)
	return d, nil
}

func signum(name string, v starlark.Value) (syscall.Signal, error) {
	n, err := pyargs.Int(name, "signalnum", v)
	if err != nil {
		return 0, err
	}
	if n < 1 || n >= 65 {
		return 0, exc.ValueError("signal number out of range")
	}
	return syscall.Signal(n), nil
}

func interp(t *starlark.Thread) (*runtime.Interp, error) {
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("signal: no interpreter")
	}
	return in, nil
}

// signal(signalnum, handler) sets the handler and returns the previous one.
func setHandler(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sv, h starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &sv, &h); err != nil {
		return nil, err
	}
	sig, err := signum(b.Name(), sv)
	if err != nil {
		return nil, err
	}
	if unhandleable[sig] {
		return nil, exc.New("OSError", "[Errno 22] Invalid argument")
	}
	switch h := h.(type) {
	case starlark.Int:
		if n, _ := h.Int64(); n != sigDFL && n != sigIGN {
			return nil, exc.TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
		}
	case starlark.Callable:
	default:
		return nil, exc.TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
	}
	in, err := interp(t)
	if err != nil {
		return nil, err
	}
	return previous(in.SetSignalHandler(sig, h)), nil
}

// previous is what getsignal reports for a handler: SIG_DFL when none was set.
func previous(h starlark.Value) starlark.Value {
	if h == nil {
		return starlark.MakeInt(sigDFL)
	}
	return h
}

// oneSignal binds a builtin's only argument, a signal number.
func oneSignal(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (syscall.Signal, error) {
	var sv starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &sv); err != nil {
		return 0, err
	}
	return signum(b.Name(), sv)
}

func getHandler(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sig, err := oneSignal(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	in, err := interp(t)
	if err != nil {
		return nil, err
	}
	return previous(in.SignalHandler(sig)), nil
}

// raise_signal(signalnum) sends the signal to the process itself.
func raiseSignal(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sig, err := oneSignal(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	if err := syscall.Kill(os.Getpid(), sig); err != nil {
		return nil, exc.FromGo(err, "")
	}
	return starlark.None, nil
}

var alarmTimer struct {
	t    *time.Timer
	when time.Time
}

// alarm(seconds) sends SIGALRM after seconds (0 cancels) and returns the
// seconds left of the previous alarm.
func alarm(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sv starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &sv); err != nil {
		return nil, err
	}
	secs, err := pyargs.Int(b.Name(), "seconds", sv)
	if err != nil {
		return nil, err
	}
	left := 0
	if alarmTimer.t != nil && alarmTimer.t.Stop() {
		left = int(time.Until(alarmTimer.when).Round(time.Second) / time.Second)
		if left < 1 {
			left = 1
		}
	}
	alarmTimer.t = nil
	if secs > 0 {
		alarmTimer.when = time.Now().Add(time.Duration(secs) * time.Second)
		alarmTimer.t = time.AfterFunc(time.Duration(secs)*time.Second, func() { syscall.Kill(os.Getpid(), syscall.SIGALRM) })
	}
	return starlark.MakeInt(left), nil
}

func strsignal(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sig, err := oneSignal(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	text := sig.String()
	if len(text) > 0 {
		text = string(text[0]-'a'+'A') + text[1:] // "interrupt" -> "Interrupt", as strsignal(3)
	}
	return starlark.String(text), nil
}

func validSignals(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	set := starlark.NewSet(64)
	for i := 1; i < 65; i++ {
		if i != 32 && i != 33 { // glibc's own
			set.Insert(starlark.MakeInt(i))
		}
	}
	return set, nil
}

// default_int_handler(signum, frame) raises KeyboardInterrupt.
func defaultIntHandler(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return nil, exc.New("KeyboardInterrupt", "")
}
