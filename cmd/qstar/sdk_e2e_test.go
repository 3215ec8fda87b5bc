package main

import (
	"bufio"
	"bytes"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const e2eServiceCS = "HostName=myhub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

// proc is a qstar process whose output the test reads as it comes.
type proc struct {
	cmd *exec.Cmd
	mu  sync.Mutex
	out bytes.Buffer
}

func startQstar(t *testing.T, args ...string) *proc {
	t.Helper()
	qstar, err := exec.LookPath("qstar")
	if err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: exec.Command(qstar, args...)}
	stdout, _ := p.cmd.StdoutPipe()
	p.cmd.Stderr = io.Discard
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		r := bufio.NewReader(stdout)
		for {
			line, err := r.ReadString('\n')
			p.mu.Lock()
			p.out.WriteString(line)
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
	return p
}

func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

func (p *proc) waitFor(t *testing.T, re string) []string {
	t.Helper()
	r := regexp.MustCompile(re)
	for end := time.Now().Add(15 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if m := r.FindStringSubmatch(p.output()); m != nil {
			return m
		}
	}
	t.Fatalf("no %q in output:\n%s", re, p.output())
	return nil
}

func runQstar(t *testing.T, args ...string) string {
	t.Helper()
	qstar, _ := exec.LookPath("qstar")
	out, err := exec.Command(qstar, args...).Output()
	if err != nil {
		t.Fatalf("qstar %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Seed 000's three programs, and the same flow on today's SDK, as separate
// processes that meet in one `qstar emulate`: identities are created (a
// second run reports DEVICE_EXIST), the module program gets the whole
// twin, then the desired patch the update program sends, and Ctrl-C ends
// it through its KeyboardInterrupt handler.
func TestAzureSamplesAgainstOneEmulator(t *testing.T) {
	em := startQstar(t, "emulate", "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0")
	addr := em.waitFor(t, `local cloud on (\S+) `)[1]
	route := "--emulate=" + addr

	out := runQstar(t, "run", route, "../../scripts/seed000_create_identities.py", e2eServiceCS)
	key := regexp.MustCompile(`myFirstModule> has primary key = (\S+)`).FindStringSubmatch(out)
	if key == nil || !strings.Contains(out, "new_device <myFirstDevice> has primary key = ") {
		t.Fatalf("create identities:\n%s", out)
	}
	if out := runQstar(t, "run", route, "../../scripts/seed000_create_identities.py", e2eServiceCS); !strings.Contains(out,
		"Unexpected error IoTHubRegistryManager.create_device, IoTHubRegistryManagerResult.DEVICE_EXIST") {
		t.Errorf("second run: %q", out)
	}
	moduleCS := "HostName=myhub.azure-devices.net;DeviceId=myFirstDevice;ModuleId=myFirstModule;SharedAccessKey=" + key[1]
	device := startQstar(t, "run", route, "../../scripts/seed000_module_twin.py", moduleCS)
	device.waitFor(t, `updateStatus: COMPLETE\ncontext: 1234\n`)
	sent := time.Now()
	if out := runQstar(t, "run", route, "../../scripts/seed000_update_twin.py", e2eServiceCS); !strings.Contains(out, `"telemetryInterval":122`) {
		t.Errorf("update twin:\n%s", out)
	}
	device.waitFor(t, `updateStatus: PARTIAL\ncontext: 1234\npayload: \{"\$version":2,"telemetryInterval":122\}`)
	t.Logf("desired patch reached the module %v after the update program started", time.Since(sent))
	device.cmd.Process.Signal(syscall.SIGINT)
	device.cmd.Wait()
	if code := device.cmd.ProcessState.ExitCode(); code != 0 || !strings.Contains(device.output(), "module client sample stopped") {
		t.Errorf("Ctrl-C: exit %d, output:\n%s", code, device.output())
	}

	out = runQstar(t, "run", route, "../../scripts/azure_create_module.py", e2eServiceCS)
	key = regexp.MustCompile(`primary key (\S+)`).FindStringSubmatch(out)
	if key == nil {
		t.Fatalf("today's SDK, create:\n%s", out)
	}
	module := startQstar(t, "run", route, "../../scripts/azure_module_twin.py",
		"HostName=myhub.azure-devices.net;DeviceId=gatewayDevice;ModuleId=sensorModule;SharedAccessKey="+key[1])
	module.waitFor(t, `waiting for desired patches`)
	runQstar(t, "run", route, "../../scripts/azure_update_twin.py", e2eServiceCS, "30")
	module.waitFor(t, `desired patch: \{'\$version': 2, 'telemetryInterval': 30\}`)
}
