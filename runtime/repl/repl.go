// Package repl is qstar's interactive prompt: Python syntax through the
// same front end as .py files, results echoed in Python repr.
package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Options configure a REPL run.
type Options struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Interactive turns on prompts, line editing, history and completion.
	// Off (piped input), only the program's output and echoed results are
	// printed, and errors go to Stderr.
	Interactive bool
	HistoryFile string // "" = no history
	Banner      string
}

// Session holds one REPL's globals; chunks run one after another.
type Session struct {
	in      *runtime.Interp
	globals starlark.StringDict
	ns      starlark.Value // the front end's module namespace (`global`, try state)
}

// NewSession returns a session on in.
func NewSession(in *runtime.Interp) *Session {
	g := starlark.StringDict{}
	for k, v := range in.Predeclared() {
		g[k] = v
	}
	g["__name__"] = starlark.String("__main__")
	return &Session{in: in, globals: g, ns: pylib.NewModuleNamespace(g)}
}

// Globals returns the session's names (builtins included).
func (s *Session) Globals() starlark.StringDict { return s.globals }

// Exec runs one chunk of Python source; if it ends in an expression whose
// value is not None, echo receives the value's repr. SIGINT cancels it.
func (s *Session) Exec(src string, echo func(string)) (err error) {
	return s.ExecAt(src, 1, echo)
}

// ExecAt is Exec for a chunk that starts at line firstLine of the input,
// so its tracebacks and syntax errors give the input's real line numbers.
func (s *Session) ExecAt(src string, firstLine int, echo func(string)) (err error) {
	if firstLine > 1 {
		src = strings.Repeat("\n", firstLine-1) + src
	}
	defer func() {
		// Starlark's compiler panics on a tree it cannot compile; the
		// session must survive a front-end bug.
		if r := recover(); r != nil {
			err = fmt.Errorf("<stdin>: internal error: %v", r)
		}
	}()
	f, err := s.in.Parse("<stdin>", []byte(src))
	if err != nil {
		return err
	}
	var last *syntax.ExprStmt
	if n := len(f.Stmts); n > 0 {
		if es, ok := f.Stmts[n-1].(*syntax.ExprStmt); ok {
			last, f.Stmts = es, f.Stmts[:n-1]
		}
	}

	s.in.Lock()
	defer s.in.Unlock()
	t := s.in.NewThread("main")
	defer s.in.Done(t)
	pylib.SetModuleNamespace(t, s.ns)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	done := make(chan struct{})
	defer func() { signal.Stop(sigs); close(done) }()
	go func() {
		select {
		case <-sigs:
			s.in.Cancel(t, "interrupted")
		case <-done:
		}
	}()

	if len(f.Stmts) > 0 {
		if err := starlark.ExecREPLChunk(f, t, s.globals); err != nil {
			return err
		}
	}
	if last != nil {
		v, err := starlark.EvalExprOptions(f.Options, t, last.X, s.globals)
		if err != nil {
			return err
		}
		if v != starlark.None {
			s.globals["_"] = v
			echo(pyrepr.Repr(v))
		}
	}
	return nil
}

// Run reads chunks until EOF and returns the exit code: 0, or 1 when a
// piped session had an error, or the code given to sys.exit.
func Run(in *runtime.Interp, opts Options) int {
	s := NewSession(in)
	var read func(prompt string) (string, error)
	inputLine := 0 // lines read from piped input, for real line numbers
	if opts.Interactive {
		rl, err := readline.NewEx(&readline.Config{
			Prompt:          ">>> ",
			HistoryFile:     opts.HistoryFile,
			AutoComplete:    &completer{s: s},
			InterruptPrompt: "^C",
			EOFPrompt:       "",
			Stdout:          opts.Stdout,
			Stderr:          opts.Stderr,
		})
		if err != nil {
			fmt.Fprintf(opts.Stderr, "qstar: %v\n", err)
			return 1
		}
		defer rl.Close()
		read = func(prompt string) (string, error) {
			rl.SetPrompt(prompt)
			line, err := rl.Readline()
			code, _ := stripPrompt(line) // a line pasted from a doc
			return code, err
		}
		if opts.Banner != "" {
			fmt.Fprintln(opts.Stdout, opts.Banner)
		}
	} else {
		sc := bufio.NewScanner(opts.Stdin)
		sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
		tr := &transcriptReader{next: func() (string, error) {
			if sc.Scan() {
				inputLine++
				return sc.Text(), nil
			}
			if err := sc.Err(); err != nil {
				return "", err
			}
			return "", io.EOF
		}}
		read = func(string) (string, error) { return tr.read() }
	}

	failed := false
	var ch chunker
	run := func(src string) (exit int, stop bool) {
		if code, ok := in.ExitRequested(); ok { // misc.Power or a watchdog, while idle
			return code, true
		}
		first := 1
		if !opts.Interactive { // piped: tracebacks name the input's own line
			first = ch.lastStart
		}
		err := s.ExecAt(src, first, func(r string) { fmt.Fprintln(in.Env, r) })
		if code, ok := in.ExitStatus(); ok { // sys.exit in a thread or callback
			return code, true
		}
		if err == nil {
			return 0, false
		}
		if code, ok := runtime.ExitCode(err); ok {
			return code, true
		}
		failed = true
		in.ReportError(err)
		return 0, false
	}

	for {
		line, ok := ch.takePending()
		if !ok {
			prompt := ">>> "
			if ch.inBlock() {
				prompt = "... "
			}
			var err error
			line, err = read(prompt)
			if errors.Is(err, readline.ErrInterrupt) {
				ch.reset()
				fmt.Fprintln(opts.Stderr, "KeyboardInterrupt")
				continue
			}
			if err != nil { // EOF (Ctrl-D): run what is left, then leave
				if ch.inBlock() {
					if code, stop := run(ch.flush()); stop {
						return code
					}
				}
				break
			}
		}
		if !ok {
			ch.cur = inputLine
		}
		chunk, done := ch.add(line, opts.Interactive)
		if done {
			if code, stop := run(chunk); stop {
				return code
			}
		} else if ch.inBlock() {
			first := 1
			if !opts.Interactive {
				first = ch.start
			}
			if err := s.certainError(ch.current(), first); err != nil { // `def g(:` reported now
				ch.reset()
				failed = true
				in.ReportError(err)
			}
		}
	}
	if failed && !opts.Interactive {
		return 1
	}
	return 0
}

// HistoryPath is where the interactive history lives: the user's state dir.
func HistoryPath() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	dir = filepath.Join(dir, "qstar")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	return filepath.Join(dir, "history")
}
