package runtime

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
