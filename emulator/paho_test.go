package emulator

import (
	"bufio"
	"context"
	"io"
	"net"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// pahoDevice is a device process built on Debian's python3-paho-mqtt
// (testdata/paho_device.py), an outside client of the emulator.
type pahoDevice struct {
	t     *testing.T
	cmd   *exec.Cmd
	mu    sync.Mutex
	lines []string
	seen  chan struct{} // poked on every line
}

// debianPython is Debian's interpreter, which has python3-paho-mqtt (the
// python3 on PATH may be another one).
const debianPython = "/usr/bin/python3"

// startPaho runs the paho device against e's standalone listener with
// args (see paho_device.py); it skips the test when paho is missing.
func startPaho(t *testing.T, e *Emulator, args ...string) *pahoDevice {
	t.Helper()
	needPaho(t)
	host, port, _ := net.SplitHostPort(e.Addr())
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, debianPython, append([]string{"testdata/paho_device.py", "--host", host, "--port", port}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	d := &pahoDevice{t: t, cmd: cmd, seen: make(chan struct{}, 1)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			d.mu.Lock()
			d.lines = append(d.lines, sc.Text())
			d.mu.Unlock()
			select {
			case d.seen <- struct{}{}:
			default:
			}
		}
		io.Copy(io.Discard, out)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		cmd.Wait()
		if t.Failed() {
			t.Logf("paho device output:\n%s\nstderr:\n%s", d.output(), stderr.String())
		}
	})
	return d
}

func (d *pahoDevice) output() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return strings.Join(d.lines, "\n")
}

// waitFor waits for a line matching re and returns it.
func (d *pahoDevice) waitFor(re string) string {
	d.t.Helper()
	r := regexp.MustCompile(re)
	deadline := time.After(15 * time.Second)
	for {
		d.mu.Lock()
		for _, l := range d.lines {
			if r.MatchString(l) {
				d.mu.Unlock()
				return l
			}
		}
		d.mu.Unlock()
		select {
		case <-d.seen:
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			d.t.Fatalf("paho device: no line matching %q in:\n%s", re, d.output())
		}
	}
}

// stop ends the device process (a disconnect without DISCONNECT).
func (d *pahoDevice) stop() {
	d.cmd.Process.Kill()
	d.cmd.Wait()
}
