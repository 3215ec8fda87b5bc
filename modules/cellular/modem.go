// Package cellular is qstar's modem layer: one Modem interface with a
// simulated backend ("sim", a JSON profile) and a serial AT backend ("at"),
// and the QuecPython script modules sim, dataCall, modem, checkNet and net
// built on it, plus atcmd and sms on the modem's raw AT channel (ATPort).
//
// Select the backend with --modem or QSTAR_MODEM:
//
//	"" or "sim"           the built-in default profile
//	"sim:profile.json"    a profile file (see package profile)
//	"at:/dev/ttyUSB2"     a Quectel module's AT port (115200 baud)
//	"at:/dev/ttyUSB2,9600"
//
// Two more settings (Env.Config or QSTAR_*): "at_timeout" (QSTAR_AT_TIMEOUT,
// a Go duration, default 5s per command; dialling allows 150 s) and
// "modem_iface" (QSTAR_MODEM_IFACE): the kernel interface of a QMI/ECM
// modem, default wwan0 then usb0, "none" to ignore it. When that interface
// is up with an address, dataCall.getInfo(1, ...) reports the interface's
// address rather than the modem's AT+QIACT? view: it is the address the
// gateway's own sockets use. The sim backend never reads host interfaces.
//
// The backend is opened on the first call into any of the five modules
// (not at import, which also runs for `from sim import *` name listing)
// and closed with the interpreter. A port that cannot be opened raises
// OSError; a modem that refuses (+CME ERROR, ERROR) or does not answer in
// time gives the documented -1, the latter with a log line on stderr.
package cellular

import (
	"context"
	"errors"
	"time"
)

// Modem is what the script modules need from a cellular module. Every
// method may block on I/O and honours ctx. A method fails with an error
// when the modem refuses (a CME error) or does not answer; the script
// modules turn that into QuecPython's -1.
type Modem interface {
	// SIM card.
	SIMStatus(ctx context.Context) (int, error) // sim.getStatus codes 0..21
	IMSI(ctx context.Context) (string, error)
	ICCID(ctx context.Context) (string, error)
	PhoneNumber(ctx context.Context) (string, error)
	PINAttempts(ctx context.Context) ([4]int, error) // pin, puk, pin2, puk2
	VerifyPIN(ctx context.Context, pin string) error
	UnblockPIN(ctx context.Context, puk, newPIN string) error
	ChangePIN(ctx context.Context, oldPIN, newPIN string) error
	SetPINEnabled(ctx context.Context, on bool, pin string) error
	SimDet(ctx context.Context) (enable, level int, err error)
	SetSimDet(ctx context.Context, enable, level int) error

	// Identities.
	Identity(ctx context.Context, id Identity) (string, error)

	// Packet data.
	Context(ctx context.Context, cid int) (PDPContext, error)
	SetContext(ctx context.Context, cid int, c PDPContext) error
	Activate(ctx context.Context, cid int) error
	Deactivate(ctx context.Context, cid int) error
	PDPInfo(ctx context.Context, cid int) (PDPInfo, error)
	SetDNS(ctx context.Context, cid int, pri, sec string) error

	// Network.
	Registration(ctx context.Context) (voice, data Reg, err error)
	CSQ(ctx context.Context) (int, error)
	Signal(ctx context.Context) (Signal, error)
	Operator(ctx context.Context) (Operator, error)
	Fun(ctx context.Context) (int, error)
	SetFun(ctx context.Context, fun int, reset bool) error

	// Events registers the one function told about URC-style events. It
	// may be called from any goroutine and must not block.
	Events(func(Event))
	Close() error
}

// Identity selects one of the module's identity strings.
type Identity int

// Identities, as the modem module reads them.
const (
	IMEI Identity = iota
	Model
	SerialNumber
	Firmware
	Manufacturer
)

// PDPContext is a context's APN settings. IPType 0 IPv4, 1 IPv6, 2 IPv4v6.
type PDPContext struct {
	IPType         int
	APN, User, Pwd string
	Auth           int
}

// PDPInfo is a context's bearer. Empty addresses mean unset.
type PDPInfo struct {
	Active     bool
	IPType     int // the bearer's IP version (the context's when inactive)
	IPv4       string
	DNS4       [2]string
	IPv6       string
	DNS6       [2]string
	FromKernel bool // the address came from the host's network interface
}

// Reg is one registration: 27.007 state, LAC/TAC and cell id as ints, RAT.
type Reg struct{ State, LAC, CI, RAT int }

// Signal is net.getSignal's data. Unknown values are 99 (rssi, ber) or 255.
type Signal struct {
	RSSI, BER, RSCP, ECNO  int // GSM/WCDMA
	LTERSSI, RSRP, RSRQ    int
	CQI, SINR              int
	HasLTE, HasGW, HasSINR bool
}

// Operator is the registered network: selection mode, names, PLMN, AcT.
type Operator struct {
	Mode        int
	Long, Short string
	MCC, MNC    string
	AcT         int
}

// Event is something the modem reported on its own.
type Event struct {
	Kind  EventKind
	CID   int // EventPDP
	Value int // EventSIM: 1 inserted, 2 removed; EventPDP: 0 down, 1 up; EventReg: data state
	// Dropped marks a bearer the network tore down (auto-connect redials it).
	Dropped bool
}

// EventKind says what an Event is about.
type EventKind int

// Event kinds.
const (
	EventSIM EventKind = iota + 1
	EventPDP
	EventReg
	EventSMS  // Value: the new message's index (+CMTI)
	EventCall // a voice call rang, changed or ended (RING, +CLIP)
)

// ATPort is a modem's raw AT channel, for atcmd.sendSync and sms. Both
// backends have one: the AT backend's serial port, and the sim backend's
// in-process copy of the AT simulator's command set.
type ATPort interface {
	// AT sends cmd and returns its information lines and final result
	// line ("OK", "ERROR", "+CME ERROR: 10"); err means no final result
	// (a timeout, a closed port).
	AT(ctx context.Context, cmd string, timeout time.Duration) (lines []string, final string, err error)
	// ATBody is AT for a command that takes a body after the "> " prompt
	// (AT+CMGS); the backend adds the Ctrl-Z.
	ATBody(ctx context.Context, cmd, body string, timeout time.Duration) (lines []string, final string, err error)
}

// ErrUnsupported is returned for what a backend cannot do.
var ErrUnsupported = errors.New("not supported by this modem")
