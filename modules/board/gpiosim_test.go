//go:build linux

package board

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const gpioSimRoot = "/sys/kernel/config/gpio-sim"

// gpioSim makes a 4-line simulated chip with the kernel's gpio-sim
// module, or skips saying why it cannot.
func gpioSim(t *testing.T) (chip string, line func(n int) string) {
	t.Helper()
	if _, err := os.Stat(gpioSimRoot); err != nil {
		if mp, err := exec.LookPath("modprobe"); err == nil {
			_ = exec.Command(mp, "gpio-sim").Run()
		}
	}
	if _, err := os.Stat(gpioSimRoot); err != nil {
		t.Skipf("gpio-sim unavailable (%s missing: no configfs or no CONFIG_GPIO_SIM, and modprobe gpio-sim did not help); the request encoding is covered by TestGPIORequestEncoding", gpioSimRoot)
	}
	dev := filepath.Join(gpioSimRoot, fmt.Sprintf("qstar%d", os.Getpid()))
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Mkdir(dev, 0o755))
	must(os.Mkdir(dev+"/bank0", 0o755))
	must(os.WriteFile(dev+"/bank0/num_lines", []byte("4"), 0o644))
	must(os.WriteFile(dev+"/live", []byte("1"), 0o644))
	t.Cleanup(func() {
		os.WriteFile(dev+"/live", []byte("0"), 0o644)
		os.Remove(dev + "/bank0")
		os.Remove(dev)
	})
	name, _ := os.ReadFile(dev + "/bank0/chip_name")
	devName, _ := os.ReadFile(dev + "/dev_name")
	chip = strings.TrimSpace(string(name))
	base := filepath.Join("/sys/devices/platform", strings.TrimSpace(string(devName)), chip)
	return "/dev/" + chip, func(n int) string { return fmt.Sprintf("%s/sim_gpio%d", base, n) }
}

func TestLinuxGPIOOnGPIOSim(t *testing.T) {
	chip, line := gpioSim(t)
	l := linuxFromMap(t, fmt.Sprintf(`{"gpio": {"1": "%s:0", "2": "%s:1"}}`, chip, chip))
	out, err := l.Pin(1)
	if err != nil {
		t.Fatal(err)
	}
	if err := out.Configure(Out, PullNone, 1); err != nil {
		t.Fatal(err)
	}
	if v, _ := os.ReadFile(line(0) + "/value"); strings.TrimSpace(string(v)) != "1" {
		t.Errorf("output line reads %q on the simulator", v)
	}
	out.Write(0)
	if v, _ := os.ReadFile(line(0) + "/value"); strings.TrimSpace(string(v)) != "0" {
		t.Errorf("after write(0): %q", v)
	}
	in, _ := l.Pin(2)
	edges := make(chan int, 4)
	if _, err := in.Watch(Both, PullNone, func(v int) { edges <- v }); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(line(1)+"/pull", []byte("pull-up"), 0o644)
	select {
	case v := <-edges:
		if v != 1 {
			t.Errorf("edge level %d, want 1", v)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no edge event from gpio-sim")
	}
	if v, _ := in.Read(); v != 1 {
		t.Errorf("input reads %d after pull-up", v)
	}
}
