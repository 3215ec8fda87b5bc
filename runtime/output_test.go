package runtime

import (
	"strings"
	"syscall"
	"testing"
)

type brokenPipe struct{}

func (brokenPipe) Write(p []byte) (int, error) { return 0, syscall.EPIPE }

// print to a closed pipe raises BrokenPipeError, which a script can catch.
func TestPrintToClosedPipe(t *testing.T) {
	in := New(nil)
	var errOut strings.Builder
	in.Env.Stdout, in.Env.Stderr = brokenPipe{}, &errOut
	defer in.Close()
	in.Lock()
	th := in.NewThread("main")
	_, err := in.ExecFile(th, "pipe.py", []byte("try:\n    print('x')\nexcept OSError as e:\n    caught = str(e)\nprint('again')\n"))
	in.Done(th)
	in.Unlock()
	if err == nil || !strings.Contains(in.FormatError(err), "BrokenPipeError: [Errno 32] Broken pipe") {
		t.Fatalf("err %v", err)
	}
	if !strings.Contains(in.FormatError(err), "line 5") {
		t.Fatalf("the first print was not caught: %s", in.FormatError(err))
	}
}
