package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/cellular/atsim"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// pipedREPL runs `qstar repl ARGS...` with input on stdin, as a user piping
// a session would, and returns stdout, stderr and the exit code.
func pipedREPL(t *testing.T, input string, args ...string) (string, string, int) {
	t.Helper()
	qstar, err := exec.LookPath("qstar")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(qstar, append([]string{"repl"}, args...)...)
	cmd.Stdin = strings.NewReader(input)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Run()
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

const cellularSession = "import sim\nsim.getStatus()\nsim.getImsi()\nimport dataCall\ndataCall.getInfo(1,2)\nimport modem\nmodem.getDevImei()\n"

// The acceptance session, on the default simulated modem and on
// the serial AT backend against the pty modem simulator.
func TestREPLCellularBackends(t *testing.T) {
	out, errs, code := pipedREPL(t, cellularSession)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 4 || lines[0] != "1" || !strings.HasPrefix(lines[2], "(1, 0, [1, 0, '10.") ||
		!strings.HasSuffix(lines[2], "[1, 0, '::', '::', '::'])") {
		t.Fatalf("default backend: code %d\n%s\nstderr: %s", code, out, errs)
	}

	p, err := profile.Parse([]byte(`{
	  "sim": {"state": "ready", "imsi": "460019876543210", "iccid": "89860000000000000001"},
	  "device": {"imei": "867530900000001", "model": "EC25"},
	  "pdp": [{"cid": 1, "ip_type": 0, "apn": "cmnet", "active": true,
	           "ipv4": "10.20.30.40", "dns4": ["1.2.3.4", "5.6.7.8"]}]
	}`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := atsim.Start(p)
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer s.Close()
	t.Setenv("QSTAR_MODEM_IFACE", "none") // the modem's own answer, not this host's wwan0
	out, errs, code = pipedREPL(t, cellularSession, "--modem", "at:"+s.Path())
	want := "1\n'460019876543210'\n(1, 0, [1, 0, '10.20.30.40', '1.2.3.4', '5.6.7.8'], [1, 0, '::', '::', '::'])\n'867530900000001'\n"
	if code != 0 || out != want {
		t.Fatalf("AT backend: code %d\ngot:\n%swant:\n%sstderr: %s", code, out, want, errs)
	}

	// A modem that reports no SIM: status 0, IMSI -1.
	s.Respond("AT+CPIN?", "+CME ERROR: 10")
	s.Respond("AT+CIMI", "+CME ERROR: 10")
	out, errs, _ = pipedREPL(t, "import sim\nsim.getStatus()\nsim.getImsi()\n", "--modem", "at:"+s.Path())
	if out != "0\n-1\n" {
		t.Fatalf("no-SIM modem: got %q; stderr %s", out, errs)
	}
}
