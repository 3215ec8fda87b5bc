package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
