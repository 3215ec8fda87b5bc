package cellular

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"go.bug.st/serial"

	"github.com/qstar-dev/qstar/modules/cellular/at"
)

// ATOptions configure the AT backend.
type ATOptions struct {
	Baud    int           // default 115200
	Timeout time.Duration // per ordinary command; default 5s
	// Iface names the kernel network interface that carries CID 1 when
	// the module runs QMI/ECM: "" tries wwan0 then usb0, "none" disables.
	Iface string
	Logf  func(format string, args ...any)
}

// Timeouts for the slow commands (Quectel's documented maxima).
const (
	activateTimeout   = 150 * time.Second
	deactivateTimeout = 40 * time.Second
	funTimeout        = 15 * time.Second
)

// ATModem is the serial AT backend for Quectel modules (EC2x, EG9x, EC600).
type ATModem struct {
	c     *at.Client
	opt   ATOptions
	mu    sync.Mutex
	h     func(Event)
	sim   int // -1 unknown, 0 absent, 1 present: for hot-swap events
	up    map[int]bool
	bgJob sync.WaitGroup
}

// OpenAT opens the serial port and prepares the modem (echo off, numeric
// CME errors, registration details and SIM hot-swap reports on).
func OpenAT(path string, opt ATOptions) (*ATModem, error) {
	if opt.Baud == 0 {
		opt.Baud = 115200
	}
	port, err := serial.Open(path, &serial.Mode{BaudRate: opt.Baud})
	if err != nil {
		return nil, fmt.Errorf("open modem %s: %w", path, err)
	}
	return NewATModem(port, path, opt), nil
}

// NewATModem runs the AT backend over an open port, which it then owns.
func NewATModem(port io.ReadWriteCloser, name string, opt ATOptions) *ATModem {
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	}
	m := &ATModem{opt: opt, sim: -1, up: map[int]bool{}}
	m.c = at.New(port, at.Options{Name: name, Timeout: opt.Timeout, URC: m.urc, Logf: opt.Logf})
	ctx := context.Background()
	for _, cmd := range []string{"ATE0", "AT+CMEE=1", "AT+CREG=2", "AT+CEREG=2", "AT+QSIMSTAT=1"} {
		if _, err := m.c.Command(ctx, cmd, 0); err != nil {
			var te *at.TimeoutError
			if errors.As(err, &te) {
				return m // the client logged it; calls report -1 until the modem answers
			}
			opt.Logf("modem %s: %s: %v", name, cmd, err)
		}
	}
	_, _ = m.SIMStatus(ctx) // learn whether a card is in, for hot-swap events
	return m
}

// Close implements Modem.
func (m *ATModem) Close() error {
	err := m.c.Close()
	m.bgJob.Wait()
	return err
}

// Events implements Modem.
func (m *ATModem) Events(h func(Event)) {
	m.mu.Lock()
	m.h = h
	m.mu.Unlock()
}

func (m *ATModem) emit(e Event) {
	m.mu.Lock()
	h := m.h
	m.mu.Unlock()
	if h != nil {
		h(e)
	}
}

// present records SIM presence and reports hot-swap when it changes.
func (m *ATModem) present(in bool) {
	v := 0
	if in {
		v = 1
	}
	m.mu.Lock()
	old := m.sim
	m.sim = v
	m.mu.Unlock()
	if old != -1 && old != v {
		e := Event{Kind: EventSIM, Value: 2}
		if in {
			e.Value = 1
		}
		m.emit(e)
	}
}

// bearer records a context's state and reports a change. A query that
// merely learns the state for the first time (polled) reports nothing.
func (m *ATModem) bearer(cid int, up, dropped, polled bool) {
	m.mu.Lock()
	old, known := m.up[cid]
	m.up[cid] = up
	m.mu.Unlock()
	if (known && old != up) || (!known && !polled) {
		v := 0
		if up {
			v = 1
		}
		m.emit(Event{Kind: EventPDP, CID: cid, Value: v, Dropped: dropped})
	}
}

// urc turns unsolicited lines into events. It runs on the reader goroutine,
// so anything that needs the port runs on its own goroutine.
func (m *ATModem) urc(line string) {
	if line == "RING" {
		m.emit(Event{Kind: EventCall, Value: 1})
		return
	}
	name, f, ok := at.Info(line)
	if !ok {
		return
	}
	switch name {
	case "+QSIMSTAT":
		if ins, ok := at.Int(f, 1); ok && ins != 2 {
			m.present(ins == 1)
		}
	case "+CPIN":
		if len(f) > 0 {
			m.present(f[0] != "NOT INSERTED")
		}
	case "+QIURC":
		if len(f) >= 2 && f[0] == "pdpdeact" {
			if cid, ok := at.Int(f, 1); ok {
				m.bgJob.Add(1)
				go func() {
					defer m.bgJob.Done()
					// the host must release the context before it can redial
					_, _ = m.c.Command(context.Background(), fmt.Sprintf("AT+QIDEACT=%d", cid), deactivateTimeout)
					m.bearer(cid, false, true, false)
				}()
			}
		}
	case "+CLIP", "+CLCC":
		m.emit(Event{Kind: EventCall, Value: 2})
	case "+CMTI":
		// +CMTI: "SM",<index>
		if i, ok := at.Int(f, 1); ok {
			m.emit(Event{Kind: EventSMS, Value: i})
		}
	case "+CEREG", "+CGREG":
		// URC form: <stat>[,<tac>,<ci>,<AcT>]
		if st, ok := at.Int(f, 0); ok {
			m.emit(Event{Kind: EventReg, Value: st})
		}
	}
}

func (m *ATModem) cmd(ctx context.Context, c string) ([]string, error) {
	return m.c.Command(ctx, c, 0)
}

// info returns the fields of the first "+NAME:" line in lines.
func info(lines []string, name string) ([]string, bool) {
	for _, l := range lines {
		if n, f, ok := at.Info(l); ok && n == name {
			return f, true
		}
	}
	return nil, false
}

// errNoAnswer is a response without the line the command promises.
func errNoAnswer(cmd string) error { return fmt.Errorf("%s: no information line in the answer", cmd) }

func cmeCode(err error) (int, bool) {
	var ce *at.CMEError
	if errors.As(err, &ce) {
		return ce.Code, true
	}
	return 0, false
}

// Identity implements Modem (AT+CGSN, AT+CGMM, AT+EGMR=0,5, AT+QGMR, AT+CGMI).
func (m *ATModem) Identity(ctx context.Context, id Identity) (string, error) {
	switch id {
	case IMEI:
		lines, err := m.cmd(ctx, "AT+CGSN")
		if err != nil {
			return "", err
		}
		for _, l := range lines {
			if v := strings.TrimSpace(strings.TrimPrefix(l, "+CGSN:")); digits(v, 14, 17) {
				return v, nil
			}
		}
		return "", errNoAnswer("AT+CGSN")
	case SerialNumber:
		lines, err := m.cmd(ctx, "AT+EGMR=0,5")
		if err != nil {
			return "", err
		}
		if f, ok := info(lines, "+EGMR"); ok && len(f) > 0 && f[0] != "" {
			return f[0], nil
		}
		return "", errNoAnswer("AT+EGMR=0,5")
	case Firmware:
		if v, err := m.bare(ctx, "AT+QGMR"); err == nil || !isRefusal(err) {
			return v, err
		}
		v, err := m.bare(ctx, "AT+CGMR")
		v = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "+CGMR:"), "Revision:"))
		return v, err
	case Model:
		return m.bare(ctx, "AT+CGMM")
	case Manufacturer:
		return m.bare(ctx, "AT+CGMI")
	}
	return "", ErrUnsupported
}

func isRefusal(err error) bool {
	var re *at.ResultError
	_, cme := cmeCode(err)
	return cme || errors.As(err, &re)
}

// bare returns the first information line of cmd.
func (m *ATModem) bare(ctx context.Context, cmd string) (string, error) {
	lines, err := m.cmd(ctx, cmd)
	if err != nil {
		return "", err
	}
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			return l, nil
		}
	}
	return "", errNoAnswer(cmd)
}
