package main

import (
	"bufio"
	"io"
	"os"
	"strings"
	"testing"
)

// TestSystemdUnit: the shipped unit starts qstar with a command line qstar
// accepts, stops it with SIGTERM (the clean stop that exits 0) and sets a
// QSTAR_LOG value newLogger knows.
func TestSystemdUnit(t *testing.T) {
	f, err := os.Open("../../packaging/systemd/qstar.service")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	keys := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			keys[k] = append(keys[k], v)
		}
	}
	exec := strings.Fields(first(keys["ExecStart"]))
	if len(exec) < 3 || !strings.HasSuffix(exec[0], "/qstar") || exec[1] != "run" {
		t.Fatalf("ExecStart %q: want /.../qstar run [flags] FILE", exec)
	}
	var cf commonFlags
	fs := newFlagSet("run", io.Discard, &cf)
	if err := fs.Parse(exec[2:]); err != nil || fs.NArg() < 1 {
		t.Errorf("ExecStart arguments %q do not parse: %v", exec[2:], err)
	}
	if got := first(keys["KillSignal"]); got != "SIGTERM" {
		t.Errorf("KillSignal %q, want SIGTERM", got)
	}
	for _, env := range keys["Environment"] {
		if v, ok := strings.CutPrefix(env, "QSTAR_LOG="); ok {
			if _, err := newLogger(v, io.Discard); err != nil {
				t.Errorf("Environment QSTAR_LOG: %v", err)
			}
		}
	}
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}
