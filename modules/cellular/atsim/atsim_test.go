package atsim

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"go.bug.st/serial"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// dial opens the simulator's pty with the real serial code.
func dial(t *testing.T, s *Sim) (*at.Client, func() []string) {
	t.Helper()
	port, err := serial.Open(s.Path(), &serial.Mode{BaudRate: 115200})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var urcs []string
	c := at.New(port, at.Options{Timeout: time.Second, URC: func(l string) {
		mu.Lock()
		urcs = append(urcs, l)
		mu.Unlock()
	}})
	t.Cleanup(func() { c.Close() })
	return c, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urcs...)
	}
}

func start(t *testing.T) *Sim {
	t.Helper()
	s, err := Start(profile.Default())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestQuectelFormats(t *testing.T) {
	s := start(t)
	c, _ := dial(t, s)
	ctx := context.Background()
	for cmd, want := range map[string]string{
		"AT+CPIN?":           "+CPIN: READY",
		"AT+CIMI":            "460105466870381",
		"AT+QCCID":           "+QCCID: 89860425102180373455",
		"AT+CNUM":            `+CNUM: "","+8618166328752",145`,
		`AT+QPINC="SC"`:      `+QPINC: "SC",3,10`,
		"AT+COPS=3,2;+COPS?": `+COPS: 0,2,"46000",7`,
		"AT+CEREG?":          `+CEREG: 2,1,"691D","DD8A30B",7`,
		"AT+QCSQ":            `+QCSQ: "LTE",-51,-76,160,-5`,
		"AT+QIACT?":          `+QIACT: 1,1,1,"10.145.246.10"`,
		"AT+QICSGP=1":        `+QICSGP: 1,"cmnet","","",0`,
		"AT+CGMR":            "Revision: EC600NCNLER06A01M08_OCPU_QPY",
	} {
		lines, err := c.Command(ctx, cmd, 0)
		if err != nil || len(lines) != 1 || lines[0] != want {
			t.Errorf("%s: got %q, %v; want %q", cmd, lines, err, want)
		}
	}
	_, err := c.Command(ctx, `AT+CPIN="1234"`, 0) // not asked for: operation not allowed
	var ce *at.CMEError
	if !errors.As(err, &ce) || ce.Code != 3 {
		t.Errorf("PIN when ready: %v", err)
	}
}

func TestMisbehaviour(t *testing.T) {
	s := start(t)
	c, urcs := dial(t, s)
	ctx := context.Background()

	s.Respond("AT+CIMI", "+CME ERROR: 10")
	if _, err := c.Command(ctx, "AT+CIMI", 0); err == nil || !strings.Contains(err.Error(), "+CME ERROR: 10") {
		t.Errorf("fixed CME answer: %v", err)
	}
	s.Respond("AT+CIMI")
	s.URCInNextResponse(`+QIURC: "pdpdeact",1`)
	s.SetGarbage(true)
	lines, err := c.Command(ctx, "AT+CIMI", 0)
	if err != nil || strings.Join(lines, "|") != "460105466870381" {
		t.Errorf("with noise and a URC: %q, %v", lines, err)
	}
	if got := urcs(); len(got) != 1 || got[0] != `+QIURC: "pdpdeact",1` {
		t.Errorf("URCs: %q", got)
	}
	s.SetGarbage(false)
	s.Silence("AT+CSQ")
	var te *at.TimeoutError
	if _, err := c.Command(ctx, "AT+CSQ", 200*time.Millisecond); !errors.As(err, &te) {
		t.Errorf("silenced command: %v", err)
	}
	if r := s.Received(); r[len(r)-1] != "AT+CSQ" {
		t.Errorf("received %q", r)
	}
}

// State changes made from Go reach the host as Quectel URCs.
func TestStateURCs(t *testing.T) {
	s := start(t)
	c, urcs := dial(t, s)
	if _, err := c.Command(context.Background(), "AT", 0); err != nil {
		t.Fatal(err)
	}
	s.SetPresent(false)
	s.State.SetDataState(2)
	deadline := time.Now().Add(3 * time.Second)
	want := `+CPIN: NOT INSERTED|+QSIMSTAT: 1,0|+CEREG: 0`
	for strings.Join(urcs(), "|") != want {
		if time.Now().After(deadline) {
			t.Fatalf("URCs %q, want %s", urcs(), want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
