package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
)

// TestStubs: `qstar stubs DIR` writes one .pyi per registered module, each
// valid Python (checked with python3's parser), with the documented
// signatures help() shows and classes for documented constructors.
func TestStubs(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"stubs", dir}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, m := range runtime.Modules() {
		path := filepath.Join(dir, filepath.Join(strings.Split(m.Name, ".")...)+".pyi")
		if _, err := os.Stat(path); err != nil {
			t.Errorf("module %s: no stub %s", m.Name, path)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for file, wants := range map[string][]string{
		"sim.pyi":   {"def getStatus() -> Any:\n    \"\"\"State of the SIM card", "def verifyPin(pin, simId=0, /) -> Any:"},
		"umqtt.pyi": {"class MQTTClient:\n", "    def __init__(self, client_id, server, port=0,", "    def publish(self, topic, msg, retain=False, qos=0) -> Any:"},
		"utime.pyi": {"def sleep_ms(ms, /) -> Any:"},
		"machine.pyi": {"class Pin:\n", "    def __init__(self, GPIOn, direction=Pin.IN, pullMode=Pin.PULL_DISABLE, level=0) -> None: ...",
			"    def value(self, level=None) -> Any:", "    OUT: int"},
	} {
		text := read(file)
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", file, w, text)
			}
		}
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed: stubs not parsed")
	}
	check := `import ast, pathlib, sys
bad = []
for p in pathlib.Path(sys.argv[1]).rglob("*.pyi"):
    try:
        ast.parse(p.read_text(), str(p))
    except SyntaxError as e:
        bad.append(f"{p}: {e}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
`
	out, err := exec.Command("python3", "-c", check, dir).CombinedOutput()
	if err != nil {
		t.Errorf("stubs that are not valid Python:\n%s", out)
	}
}
