package runtimetest

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// Python runs code with python3, stdin as its input, and returns its
// stdout, for tests that check qstar against CPython. The test is skipped
// when python3 is not installed, and fails if the code does.
func Python(t testing.TB, code, stdin string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	cmd := exec.Command(py, "-c", code)
	cmd.Stdin = strings.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	return string(out)
}
