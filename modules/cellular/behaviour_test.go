package cellular_test

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func equal(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// The out-of-the-box answers of a QuecPython board (the seed REPL session).
func TestDefaultProfileAnswersLikeTheDocs(t *testing.T) {
	s := newSession(t, nil)
	equal(t, s.eval("sim.getStatus()", "dataCall.getInfo(1, 2)", "type(dataCall.getInfo(1, 2)[2])"),
		"1",
		"(1, 0, [1, 0, '10.145.246.10', '211.138.180.2', '211.138.180.3'], [1, 0, '::', '::', '::'])",
		"<class 'list'>")
}

// The acceptance case: a modem that reports no SIM.
func TestATNoSIM(t *testing.T) {
	sim := startSim(t, profile.Default())
	sim.Respond("AT+CPIN?", "+CME ERROR: 10")
	s := newSession(t, map[string]string{"modem": "at:" + sim.Path()})
	equal(t, s.eval("sim.getStatus()", "sim.getImsi()", "sim.getIccid()", "checkNet.wait_network_connected(1)"),
		"0", "-1", "-1", "(1, 0)")
}

func TestATCMEErrorsMapToStatus(t *testing.T) {
	sim := startSim(t, profile.Default())
	s := newSession(t, map[string]string{"modem": "at:" + sim.Path()})
	for _, c := range []struct{ answer, want string }{
		{"+CME ERROR: 14", "18"}, {"+CME ERROR: 13", "19"}, {"+CME ERROR: 15", "20"},
		{"+CME ERROR: 3", "21"}, {"+CME ERROR: SIM not inserted", "0"}, {"ERROR", "21"},
	} {
		sim.Respond("AT+CPIN?", c.answer)
		equal(t, s.eval("sim.getStatus()"), c.want)
	}
	sim.Respond("AT+CPIN?", "+CPIN: SIM PIN", "OK")
	equal(t, s.eval("sim.getStatus()", "sim.getImsi()"), "2", "-1")
}

// A modem that stops answering gives -1 and a log line, never a hang.
func TestATSilentModem(t *testing.T) {
	sim := startSim(t, profile.Default())
	s := newSession(t, map[string]string{"modem": "at:" + sim.Path(), "at_timeout": "300ms"})
	equal(t, s.eval("modem.getDevImei()"), "'866327040830317'")
	sim.Silence("")
	start := time.Now()
	equal(t, s.eval("sim.getStatus()", "net.csqQueryPoll()", "dataCall.getInfo(1, 0)", "checkNet.wait_network_connected(1)"),
		"-1", "-1", "-1", "(1, -1)")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("silent modem took %v", d)
	}
	if !strings.Contains(s.log.String(), "no answer to AT+CPIN? within 300ms") {
		t.Errorf("no clear log line; stderr:\n%s", s.log.String())
	}
	sim.Silence("", false)
	time.Sleep(700 * time.Millisecond) // commands given up on count as lost after 2 timeouts
	equal(t, s.eval("sim.getStatus()"), "1")
}

// A late answer to a command we gave up on is not taken for the next one.
func TestATSlowAnswerIsNotMisattributed(t *testing.T) {
	sim := startSim(t, profile.Default())
	s := newSession(t, map[string]string{"modem": "at:" + sim.Path(), "at_timeout": "300ms"})
	equal(t, s.eval("sim.getStatus()"), "1")
	sim.SetDelay(800 * time.Millisecond)
	equal(t, s.eval("modem.getDevImei()"), "-1")
	sim.SetDelay(0)
	// while the modem catches up, answers are -1 or right, never the IMEI
	for i := 0; ; i++ {
		got := s.eval("modem.getDevModel()")[0]
		if got == "'EC600N'" {
			break
		}
		if got != "-1" || i == 20 {
			t.Fatalf("getDevModel() = %s while the modem caught up", got)
		}
	}
	equal(t, s.eval("sim.getImsi()", "modem.getDevImei()"), "'460105466870381'", "'866327040830317'")
}

func TestATPasswordsStayOutOfLogs(t *testing.T) {
	sim := startSim(t, profile.Default())
	s := newSession(t, map[string]string{"modem": "at:" + sim.Path(), "at_timeout": "300ms"})
	sim.Silence(`AT+QICSGP=2,1,"apn","bob","hunter22",1`)
	equal(t, s.eval(`dataCall.setPDPContext(2, 0, "apn", "bob", "hunter22", 1)`), "-1")
	if log := s.log.String(); strings.Contains(log, "hunter22") || !strings.Contains(log, "AT+QICSGP") {
		t.Errorf("log should name the command but not the password:\n%s", log)
	}
}

// PIN tries and PUK lockout behave as a card's, on both backends.
func TestPINLockout(t *testing.T) {
	p := profile.Default()
	p.SIM.State = "pin"
	backends(t, p, func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		equal(t, s.eval(
			"sim.getStatus()", "sim.getImsi()", "sim.getPinRemAttempts()",
			`sim.verifyPin("1111")`, `sim.verifyPin("2222")`, "sim.getPinRemAttempts()", "sim.getStatus()",
			`sim.verifyPin("3333")`, "sim.getStatus()", "sim.getPinRemAttempts()",
			`sim.verifyPin("1234")`, `sim.unblockPin("00000000", "5678")`, "sim.getPinRemAttempts()",
			`sim.unblockPin("12345678", "5678")`, "sim.getStatus()", "sim.getPinRemAttempts()", "sim.getImsi()",
		),
			"2", "-1", "(3, 10)",
			"-1", "-1", "(1, 10)", "2",
			"-1", "3", "(0, 10)",
			"-1", "-1", "(0, 9)",
			"0", "1", "(3, 10)", "'460105466870381'")
	})
}

func TestPUKExhaustedBlocksTheCard(t *testing.T) {
	p := profile.Default()
	p.SIM.State, p.SIM.PUKLeft = "puk", 2
	backends(t, p, func(t *testing.T, s *session, _ *atsim.Sim, _ *cellular.SimModem) {
		equal(t, s.eval(`sim.unblockPin("11111111", "1234")`, `sim.unblockPin("22222222", "1234")`,
			"sim.getStatus()", `sim.unblockPin("12345678", "1234")`),
			"-1", "-1", "19", "-1")
	})
}

// Removing the card fires sim.setCallback with 2, inserting it with 1.
func TestSIMHotSwapCallback(t *testing.T) {
	backends(t, profile.Default(), func(t *testing.T, s *session, sim *atsim.Sim, m *cellular.SimModem) {
		s.mustExec(`load("sim", "sim")
def on_sim(state):
    print("sim event", state)
print(sim.setCallback(on_sim))
`)
		setPresent := func(in bool) {
			if sim != nil {
				sim.SetPresent(in)
			} else {
				m.State.SetPresent(in)
			}
		}
		setPresent(false)
		eventually(t, "removal callback", func() bool { return strings.Contains(s.out.String(), "sim event 2") })
		equal(t, s.eval("sim.getStatus()"), "0")
		setPresent(true)
		eventually(t, "insertion callback", func() bool { return strings.Contains(s.out.String(), "sim event 1") })
		equal(t, s.eval("sim.getStatus()"), "1")
	})
}

// The network dropping a bearer fires dataCall's callback with
// (cid, 0, simId); auto-connect dials it again.
func TestPDPDropCallbackAndAutoConnect(t *testing.T) {
	backends(t, profile.Default(), func(t *testing.T, s *session, sim *atsim.Sim, m *cellular.SimModem) {
		s.mustExec(`load("dataCall", "dataCall")
def on_pdp(args):
    print("pdp event", args)
print(dataCall.setCallback(on_pdp), dataCall.getInfo(1, 0)[2][0])
`)
		time.Sleep(100 * time.Millisecond)
		if strings.Contains(s.out.String(), "pdp event") {
			t.Fatalf("a query alone fired the callback:\n%s", s.out.String())
		}
		if sim != nil {
			sim.State.DropContext(1) // atsim sends +QIURC: "pdpdeact",1
		} else {
			m.State.DropContext(1)
		}
		eventually(t, "drop callback", func() bool { return strings.Contains(s.out.String(), "pdp event (1, 0, 0)") })
		eventually(t, "redial", func() bool { return strings.Contains(s.out.String(), "pdp event (1, 1, 0)") })
		equal(t, s.eval("dataCall.getInfo(1, 0)[2][0]"), "1")
		if sim != nil && !contains(sim.Received(), "AT+QIDEACT=1") {
			t.Errorf("host did not release the dropped context: %q", sim.Received())
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkNet's early returns and timeouts, stage by stage.
func TestCheckNetStages(t *testing.T) {
	cases := []struct {
		name string
		edit func(p *profile.Profile)
		want string
	}{
		{"ready", func(*profile.Profile) {}, "(3, 1)"},
		{"no sim returns at once", func(p *profile.Profile) { p.SIM.State = "absent" }, "(1, 0)"},
		{"pin locked returns at once", func(p *profile.Profile) { p.SIM.State = "pin" }, "(1, 2)"},
		{"searching times out in stage 2", func(p *profile.Profile) { p.Network.Data.State = 2 }, "(2, 2)"},
		{"roaming is registered", func(p *profile.Profile) { p.Network.Data.State = 5 }, "(3, 1)"},
		{"no bearer times out in stage 3", func(p *profile.Profile) { p.PDP[0].Active = false }, "(3, 0)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := profile.Default()
			c.edit(p)
			s := newSession(t, nil)
			cellular.SetModem(s.in.Env, cellular.NewSimModem(p))
			equal(t, s.eval("checkNet.wait_network_connected(1)"), c.want)
		})
	}
}

// The wait notices a network that comes up while it polls.
func TestCheckNetWaitsForRegistration(t *testing.T) {
	p := profile.Default()
	p.Network.Data.State = 2
	s := newSession(t, nil)
	m := cellular.NewSimModem(p)
	cellular.SetModem(s.in.Env, m)
	go func() {
		time.Sleep(300 * time.Millisecond)
		m.State.SetDataState(1)
	}()
	equal(t, s.eval("checkNet.waitNetworkReady(10)"), "(3, 1)")
}

// Ctrl-C interrupts the wait; it does not run out its timeout.
func TestCheckNetCancel(t *testing.T) {
	p := profile.Default()
	p.Network.Data.State = 2
	s := newSession(t, nil)
	cellular.SetModem(s.in.Env, cellular.NewSimModem(p))
	done := make(chan error, 1)
	s.in.Lock()
	th := s.in.NewThread("main")
	go func() {
		_, err := s.in.ExecFile(th, "w.star", []byte(`load("checkNet", "checkNet")
checkNet.wait_network_connected(3600)
`))
		s.in.Done(th)
		s.in.Unlock()
		done <- err
	}()
	time.Sleep(200 * time.Millisecond)
	s.in.Cancel(th, "interrupted")
	select {
	case err := <-done:
		if !runtime.IsCancelled(err) {
			t.Fatalf("want a cancellation, got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("wait_network_connected did not stop on cancel")
	}
}

// While the modem thinks, other script threads can take the interpreter lock.
func TestATExchangeReleasesTheLock(t *testing.T) {
	sim := startSim(t, profile.Default())
	s := newSession(t, map[string]string{"modem": "at:" + sim.Path()})
	equal(t, s.eval("sim.getStatus()"), "1") // port open
	sim.SetDelay(time.Second)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.eval("sim.getImsi()")
	}()
	time.Sleep(300 * time.Millisecond) // the command is now waiting on the modem
	got := make(chan struct{})
	go func() {
		s.in.Lock()
		s.in.Unlock()
		close(got)
	}()
	select {
	case <-got:
	case <-time.After(500 * time.Millisecond):
		t.Fatal("the interpreter lock was held during the AT exchange")
	}
	<-done
}

func TestBadArguments(t *testing.T) {
	s := newSession(t, nil)
	for _, c := range []struct{ expr, typ string }{
		{"dataCall.getInfo(0, 0)", "ValueError"},
		{"dataCall.getInfo(8, 0)", "ValueError"},
		{"dataCall.getInfo(1, 3)", "ValueError"},
		{`dataCall.setPDPContext(1, 0, "a", "b", "c", 4)`, "ValueError"},
		{`dataCall.setPDPContext(1, 0, "a\"", "b", "c", 0)`, "ValueError"},
		{`dataCall.setPDPContext(1, 0, "` + strings.Repeat("a", 65) + `", "", "", 0)`, "ValueError"},
		{"dataCall.setAutoConnect(1, 2)", "ValueError"},
		{"sim.getStatus(2)", "ValueError"},
		{"sim.getPinRemAttempts(2)", "ValueError"},
		{`sim.verifyPin("12a4")`, "ValueError"},
		{`sim.verifyPin("1234567890123456")`, "ValueError"},
		{"sim.verifyPin(1234)", "TypeError"},
		{"net.getSignal(2)", "ValueError"},
		{"net.setModemFun(2)", "ValueError"},
		{"checkNet.wait_network_connected(0)", "OSError"},
		{"checkNet.waitNetworkReady(3601)", "OSError"},
		{`dataCall.getInfo("1", 0)`, "TypeError"},
	} {
		err := s.exec(`load("sim", "sim")
load("dataCall", "dataCall")
load("net", "net")
load("checkNet", "checkNet")
` + c.expr + "\n")
		e, ok := exc.As(err)
		if !ok || e.Type != c.typ {
			t.Errorf("%s: want %s, got %v", c.expr, c.typ, err)
		}
	}
}

func TestModemSpecs(t *testing.T) {
	for _, spec := range []string{"sim", "", "sim:testdata/profile.json"} {
		m, err := cellular.Open(spec, cellular.ATOptions{})
		if err != nil {
			t.Errorf("%q: %v", spec, err)
			continue
		}
		m.Close()
	}
	for _, c := range []struct{ spec, msg string }{
		{"gsm:/dev/x", "want sim, sim:profile.json or at:"},
		{"at:", "want at:/dev/ttyUSB2"},
		{"at:/dev/ttyUSB0,fast", "baud rate"},
		{"at:/nonexistent/tty", "open modem /nonexistent/tty"},
		{"sim:/nonexistent.json", "no such file"},
	} {
		_, err := cellular.Open(c.spec, cellular.ATOptions{})
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%q: want an error about %q, got %v", c.spec, c.msg, err)
		}
	}
	if _, err := profile.Parse([]byte(`{"sim": {"state": "lost"}}`)); err == nil {
		t.Error("a bad SIM state was accepted")
	}
}

// A modem that cannot be opened raises OSError rather than returning -1.
func TestUnopenableModemRaises(t *testing.T) {
	s := newSession(t, map[string]string{"modem": "at:/nonexistent/ttyUSB9"})
	err := s.exec("load(\"sim\", \"sim\")\nsim.getStatus()\n")
	if e, ok := exc.As(err); !ok || e.Type != "OSError" || !strings.Contains(e.Msg, "/nonexistent/ttyUSB9") {
		t.Fatalf("want OSError naming the port, got %v", err)
	}
}

// With a kernel interface for the modem (loopback stands in for wwan0),
// its address wins over the modem's for CID 1.
func TestKernelInterfaceAddressWins(t *testing.T) {
	sim := startSim(t, profile.Default())
	s := newSession(t, map[string]string{"modem": "at:" + sim.Path()})
	s.in.Env.Config["modem_iface"] = "lo"
	equal(t, s.eval("dataCall.getInfo(1, 0)", "dataCall.getInfo(2, 0)"),
		"(1, 0, [1, 0, '127.0.0.1', '211.138.180.2', '211.138.180.3'])",
		"(2, 0, [0, 0, '0.0.0.0', '0.0.0.0', '0.0.0.0'])")
}
