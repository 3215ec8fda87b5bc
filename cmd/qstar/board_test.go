package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Power.powerRestart and powerDown end the run with their documented
// exit codes, from the main script or from a timer callback.
func TestPowerExitCodes(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, src string
		want      int
	}{
		{"restart.py", "from misc import Power\nprint('bye')\nPower.powerRestart()\nprint('still here')\n", 75},
		{"down.py", "from misc import Power\nPower.powerDown()\n", 0},
		{"timer.py", "import osTimer, utime\nfrom misc import Power\nt = osTimer()\nt.start(10, 0, lambda a: Power.powerRestart())\nutime.sleep(10)\nprint('still here')\n", 75},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		code := Main([]string{"run", path}, strings.NewReader(""), &stdout, &stderr)
		if code != c.want || strings.Contains(stdout.String(), "still here") {
			t.Errorf("%s: exit %d, want %d; stdout %q stderr %q", c.name, code, c.want, stdout.String(), stderr.String())
		}
		if !strings.Contains(stderr.String(), "closing connections") {
			t.Errorf("%s: stderr %q", c.name, stderr.String())
		}
	}
}

// A script that leaves a periodic timer running keeps qstar alive, as
// the device keeps running it; Ctrl-C stops the timers, exit code 130.
func TestTimersStopOnInterrupt(t *testing.T) {
	qstar, err := exec.LookPath("qstar")
	if err != nil {
		t.Fatal(err)
	}
	scripts := map[string]string{
		"ostimer.py": "import osTimer\nt = osTimer()\nt.start(10, 1, lambda a: None)\nprint('started')\n",
		"machine.py": "from machine import Timer\nTimer(Timer.Timer0).start(period=10, mode=Timer.PERIODIC, callback=lambda t: None)\nprint('started')\n",
	}
	dir := t.TempDir()
	for name, src := range scripts {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(src), 0o644)
		cmd := exec.Command(qstar, "run", path)
		stdout, _ := cmd.StdoutPipe()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		if line != "started\n" {
			t.Fatalf("%s: first line %q; stderr %s", name, line, stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
		if cmd.ProcessState != nil {
			t.Fatalf("%s ended with its timer running", name)
		}
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%s: qstar did not stop on SIGINT", name)
		}
		if code := cmd.ProcessState.ExitCode(); code != 130 {
			t.Errorf("%s: exit code %d, want 130; stderr %s", name, code, stderr.String())
		}
	}
}

// In a piped REPL session a restart from a timer ends the session too.
func TestPowerRestartEndsREPL(t *testing.T) {
	src := "import osTimer, utime\nfrom misc import Power\nt = osTimer()\nt.start(20, 0, lambda a: Power.powerRestart())\nutime.sleep(5)\nprint('late')\n"
	var stdout, stderr bytes.Buffer
	code := Main([]string{"repl"}, strings.NewReader(src), &stdout, &stderr)
	if code != 75 || strings.Contains(stdout.String(), "late") || strings.Contains(stderr.String(), "KeyboardInterrupt") {
		t.Errorf("exit %d; stdout %q; stderr %q", code, stdout.String(), stderr.String())
	}
}
