package runtime

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestOpenFilesCloseWithTheInterpreter: a file a script leaves open is
// closed (and its data on disk) when the interpreter closes.
func TestOpenFilesCloseWithTheInterpreter(t *testing.T) {
	dir := t.TempDir()
	env := NewEnv()
	env.Stdout, env.Stderr = &strings.Builder{}, &strings.Builder{}
	env.DataDir = dir
	in := New(env)
	in.Lock()
	th := in.NewThread("main")
	g, err := in.ExecFile(th, filepath.Join(dir, "main.py"), []byte("f = open('/usr/left-open.txt', 'w')\nf.write('kept')\n"))
	in.Done(th)
	in.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	in.Close()
	if closed, _ := g["f"].(interface{ Closed() bool }); closed == nil || !closed.Closed() {
		t.Errorf("the file is still open after Close: %v", g["f"])
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "left-open.txt")); string(b) != "kept" {
		t.Errorf("file on disk: %q", b)
	}
	if env.UsrDir() != dir {
		t.Errorf("UsrDir() = %q, want %q", env.UsrDir(), dir)
	}
}

// TestFIFOWaitsReleaseTheLock: opening and reading a FIFO wait with the
// interpreter lock released, so other threads run, and a cancelled script
// stops waiting.
func TestFIFOWaitsReleaseTheLock(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	out := &syncBuffer{}
	env := NewEnv()
	env.Stdout, env.Stderr = out, out
	env.DataDir = dir
	in := New(env)
	defer in.Close()
	errc := make(chan error, 1)
	go func() {
		in.Lock()
		th := in.NewThread("main")
		_, err := in.ExecFile(th, filepath.Join(dir, "main.py"), []byte(
			"print('opening')\nf = open('pipe')\nprint('reading')\nline = f.readline()\nprint('not reached')\n"))
		in.Done(th)
		in.Unlock()
		errc <- err
	}()
	lockFreeAfter := func(mark string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(out.String(), mark) {
			if time.Now().After(deadline) {
				t.Fatalf("the script never printed %q: %q", mark, out.String())
			}
			time.Sleep(time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond) // let it enter the wait
		locked := make(chan struct{})
		go func() { in.Lock(); close(locked) }()
		select {
		case <-locked:
			in.Unlock()
		case <-time.After(5 * time.Second):
			t.Fatalf("the interpreter lock stayed held after %q", mark)
		}
	}
	lockFreeAfter("opening")
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	lockFreeAfter("reading")
	in.CancelAll("test")
	select {
	case err := <-errc:
		if err == nil || strings.Contains(out.String(), "not reached") {
			t.Errorf("cancelled read: err %v, output %q", err, out.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("cancelling did not end the read")
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
