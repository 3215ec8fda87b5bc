package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRunKeyboardInterrupt: Ctrl-C reaches a .py script as KeyboardInterrupt
// raised in the main thread where it is (sleeping, in a busy loop, in
// wait_msg), so its handler runs and the script goes on; a second Ctrl-C
// still stops it, with 130.
func TestRunKeyboardInterrupt(t *testing.T) {
	qstar, err := exec.LookPath("qstar")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, src string
		signals   int
		code      int
		stdout    string
	}{
		{"sleep", "import utime\nprint('started')\ntry:\n    utime.sleep(3600)\nexcept KeyboardInterrupt:\n    print('bye')\n", 1, 0, "bye\n"},
		{"busy", "print('started')\nn = 0\ntry:\n    while True:\n        n += 1\nexcept KeyboardInterrupt:\n    print('bye', n > 0)\n", 1, 0, "bye True\n"},
		{"not_exception", "import utime\nprint('started')\ntry:\n    utime.sleep(3600)\nexcept Exception:\n    print('wrong handler')\nfinally:\n    print('finally')\n", 1, 130, "finally\n"},
		{"handled_then_second", "import utime\nprint('started')\ntry:\n    utime.sleep(3600)\nexcept KeyboardInterrupt:\n    print('bye')\nwhile True:\n    try:\n        utime.sleep(3600)\n    except:\n        pass\n", 2, 130, "bye\n"},
		{"wait_msg", `from umqtt import MQTTClient
c = MQTTClient('dev-ki', 'broker.example.com', 1883)
c.set_callback(lambda topic, msg: None)
c.connect()
c.subscribe(b'ki/none')
print('started')
try:
    while True:
        c.wait_msg()
except KeyboardInterrupt:
    print('bye')
    c.disconnect()
`, 1, 0, "bye\n"},
		// The thread is cancelled before its socket closes: no EBADF traceback.
		{"thread_in_recv", "import usocket, _thread, utime\ns = usocket.socket(usocket.AF_INET, usocket.SOCK_DGRAM)\ns.bind(('127.0.0.1', 0))\ndef serve():\n    s.recvfrom(64)\n_thread.start_new_thread(serve, ())\nutime.sleep(0.2)\nprint('started')\nutime.sleep(3600)\n", 1, 130, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name+".py")
			os.WriteFile(path, []byte(tc.src), 0o644)
			cmd := exec.Command(qstar, "run", "--emulate", path)
			stdout, _ := cmd.StdoutPipe()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			r := bufio.NewReader(stdout)
			first := make(chan string, 1)
			go func() { line, _ := r.ReadString('\n'); first <- line }()
			select {
			case line := <-first:
				if line != "started\n" {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("first line %q; stderr %s", line, stderr.String())
				}
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("no first line; stderr %s", stderr.String())
			}
			rest := make(chan string, 1)
			go func() { b, _ := io.ReadAll(r); rest <- string(b) }()
			time.Sleep(50 * time.Millisecond) // into the try block
			for i := 0; i < tc.signals; i++ {
				cmd.Process.Signal(syscall.SIGINT)
				time.Sleep(100 * time.Millisecond)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("qstar did not stop; stderr %s", stderr.String())
			}
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit code %d, want %d; stderr %s", code, tc.code, stderr.String())
			}
			if got := <-rest; got != tc.stdout {
				t.Errorf("stdout %q, want %q; stderr %s", got, tc.stdout, stderr.String())
			}
			if strings.Contains(stderr.String(), "Unhandled exception in thread") {
				t.Errorf("a thread's teardown error was reported: %s", stderr.String())
			}
			if tc.code == 130 && !strings.Contains(stderr.String(), "KeyboardInterrupt") {
				t.Errorf("stderr lacks KeyboardInterrupt: %s", stderr.String())
			}
		})
	}
}
