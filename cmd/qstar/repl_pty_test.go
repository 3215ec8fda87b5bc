package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// ptyREPL runs `qstar repl` on a pseudo-terminal, as a person would.
type ptyREPL struct {
	t   *testing.T
	f   *os.File
	cmd *exec.Cmd
	mu  sync.Mutex
	out bytes.Buffer

	state string // XDG_STATE_HOME, where the history goes
}

func startPtyREPL(t *testing.T) *ptyREPL {
	qstar, err := exec.LookPath("qstar")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(qstar, "repl")
	r0 := &ptyREPL{state: t.TempDir()}
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+r0.state, "TERM=xterm")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	r := r0
	r.t, r.f, r.cmd = t, f, cmd
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait(); f.Close() })
	return r
}

// expect waits until the output since mark contains want, and returns the new mark.
func (r *ptyREPL) expect(mark int, want string) int {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		s := r.out.String()
		r.mu.Unlock()
		if i := strings.Index(s[mark:], want); i >= 0 {
			return mark + i + len(want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.t.Fatalf("no %q in REPL output after mark %d:\n%s", want, mark, r.out.String())
	return 0
}

func (r *ptyREPL) send(s string) { io.WriteString(r.f, s) }

func TestREPLOnTerminal(t *testing.T) {
	r := startPtyREPL(t)
	m := r.expect(0, ">>> ")

	r.send("1 + 1\r")
	m = r.expect(m, "2")
	m = r.expect(m, ">>> ")

	// A compound statement shows the continuation prompt and ends at a blank line.
	r.send("def f(x):\r")
	m = r.expect(m, "... ")
	r.send("    return x * 3\r\r")
	m = r.expect(m, ">>> ")
	r.send("f(5)\r")
	m = r.expect(m, "15")

	// Ctrl-C stops a runaway loop and returns to the prompt, globals intact.
	r.send("n = 0\r")
	m = r.expect(m, ">>> ")
	r.send("while True:\r")
	m = r.expect(m, "... ")
	r.send("    n += 1\r\r")
	time.Sleep(200 * time.Millisecond)
	r.send("\x03")
	m = r.expect(m, "KeyboardInterrupt")
	m = r.expect(m, ">>> ")
	r.send("n > 0\r")
	m = r.expect(m, "True")

	// Tab completes globals.
	r.send("rutabaga = 7\r")
	m = r.expect(m, ">>> ")
	r.send("rutab\t\r")
	m = r.expect(m, "7")

	// Ctrl-D exits cleanly.
	r.send("\x04")
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("REPL did not exit on Ctrl-D")
	}

	// History survives in the user's state dir.
	hist, err := os.ReadFile(filepath.Join(r.state, "qstar", "history"))
	if err != nil || !strings.Contains(string(hist), "rutabaga = 7") {
		t.Errorf("history file: %v\n%s", err, hist)
	}
}

// TestREPLHelpsLikeCPython: on a terminal, a statement whose brackets close
// runs at once; `def g(:` and `x = [1,` then ` 2 3` are reported as soon as
// the line makes the error certain, and the prompt comes back;
// Tab completes `from umqtt import MQ` and an instance's attributes;
// methods print as CPython's bound methods; help() shows signatures, a
// script class's docstring and methods; exit() leaves.
func TestREPLHelpsLikeCPython(t *testing.T) {
	r := startPtyREPL(t)
	m := r.expect(0, ">>> ")

	r.send("print(6,\r")
	m = r.expect(m, "... ")
	r.send("      7)\r")
	m = r.expect(m, "6 7")
	m = r.expect(m, ">>> ")

	r.send("def g(:\r")
	m = r.expect(m, "invalid syntax")
	m = r.expect(m, ">>> ")
	r.send("'still here'\r")
	m = r.expect(m, "'still here'")

	// an operand where the comma belongs: reported at that line, not at the ']'
	r.send("x = [1,\r")
	m = r.expect(m, "... ")
	r.send(" 2 3\r")
	m = r.expect(m, "<stdin>:2:5: invalid syntax. Perhaps you forgot a comma?")
	m = r.expect(m, ">>> ")
	r.send("if 1 > 0\r") // no ':' and no bracket open: certain at once
	m = r.expect(m, "expected ':'")
	m = r.expect(m, ">>> ")

	r.send("from umqtt import MQ\t\r")
	m = r.expect(m, ">>> ")
	r.send("c = MQTTClient('pty', '127.0.0.1', 1883)\r")
	m = r.expect(m, ">>> ")
	r.send("c.pub\t\r")
	m = r.expect(m, "<bound method MQTTClient.publish of <MQTTClient pty@127.0.0.1:1883>>") // the completed name ran

	// a script class: its docstring, help with method signatures, method repr
	r.send("class C:\r")
	m = r.expect(m, "... ")
	r.send("    'A C.'\r    def m(self, a, b=2):\r        'Do m.'\r\r")
	m = r.expect(m, ">>> ")
	r.send("C.__doc__\r")
	m = r.expect(m, "'A C.'")
	r.send("help(C)\r")
	m = r.expect(m, "Help on class C in module __main__:")
	m = r.expect(m, " |  m(self, a, b=2)")
	m = r.expect(m, "Do m.")
	r.send("C().m\r")
	m = r.expect(m, "<bound method C.m of <__main__.C object at 0x")
	r.send("help(C().m)\r")
	m = r.expect(m, "m(a, b=2) method of __main__.C instance")

	r.send("help(c.publish)\r")
	m = r.expect(m, "publish(topic, msg, retain=False, qos=0)")
	m = r.expect(m, ">>> ")

	r.send("exit()\r")
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("REPL did not leave on exit()")
	}
}
