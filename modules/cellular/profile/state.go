package profile

import (
	"fmt"
	"sync"
)

// CMEError is a 27.007 +CME ERROR code; the simulated card fails the way a
// real one does, so the AT simulator can answer with the same code.
type CMEError int

// Codes used by the simulated card.
const (
	CMENotAllowed  CMEError = 3
	CMENoSIM       CMEError = 10
	CMEPINRequired CMEError = 11
	CMEPUKRequired CMEError = 12
	CMESIMFailure  CMEError = 13
	CMEWrongPass   CMEError = 16
	CMENoService   CMEError = 30
	CMEBadParam    CMEError = 50
)

func (e CMEError) Error() string { return fmt.Sprintf("+CME ERROR: %d", int(e)) }

// SIM status codes, as sim.getStatus returns them.
const (
	StatusAbsent  = 0
	StatusReady   = 1
	StatusPIN     = 2
	StatusPUK     = 3
	StatusBlocked = 19
)

// Event is a change the State reports to its listener.
type Event struct {
	Kind  string // "sim" (Value: new status), "pdp" (CID, Value 0/1), "reg" (Value: data state), "sms" (Value: index), "call" (a call changed; Value 1 ringing, 0 ended, 2 other)
	CID   int
	Value int
	// Dropped marks a bearer the network tore down, as opposed to one
	// the user hung up.
	Dropped bool
}

// State is a live simulated modem built from a Profile. All methods are
// safe for concurrent use.
type State struct {
	mu       sync.Mutex
	p        Profile // working copy
	verified bool
	ctx      map[int]*PDP
	auto     map[int]bool // contexts to bring back when the radio returns
	listen   func(Event)
	sms      smsStore
	pb       phonebooks
	scan     *Scan // nil: defaultScan
	voice    voiceState
}

// NewState starts a modem in the profile's state.
func NewState(p *Profile) *State {
	s := &State{p: *p, ctx: map[int]*PDP{}, auto: map[int]bool{}, sms: newSMSStore(p.SMS), voice: voiceState{volume: 4}}
	sim := &s.p.SIM
	if sim.PINLeft == 0 {
		sim.PINLeft = 3
	}
	if sim.PUKLeft == 0 {
		sim.PUKLeft = 10
	}
	if sim.PIN2Left == 0 {
		sim.PIN2Left = 3
	}
	if sim.PUK2Left == 0 {
		sim.PUK2Left = 10
	}
	switch sim.State {
	case "pin":
		sim.PINEnabled = true
	case "puk":
		sim.PINEnabled, sim.PINLeft = true, 0
	case "blocked":
		sim.PINEnabled, sim.PINLeft, sim.PUKLeft = true, 0, 0
	case "ready":
		s.verified = true
	}
	for _, c := range p.PDP {
		c := c
		s.ctx[c.CID] = &c
		s.auto[c.CID] = c.Active
	}
	return s
}

// Listen sets the function told about state changes (called without the
// State's lock held, on the goroutine that made the change).
func (s *State) Listen(f func(Event)) {
	s.mu.Lock()
	s.listen = f
	s.mu.Unlock()
}

func (s *State) emit(evs []Event) {
	s.mu.Lock()
	f := s.listen
	s.mu.Unlock()
	if f != nil {
		for _, e := range evs {
			f(e)
		}
	}
}

func (s *State) status() int {
	sim := &s.p.SIM
	switch {
	case sim.State == "absent", s.p.Network.Fun == 0: // CFUN=0 powers the card down
		return StatusAbsent
	case sim.PUKLeft <= 0:
		return StatusBlocked
	case sim.PINLeft <= 0:
		return StatusPUK
	case sim.PINEnabled && !s.verified:
		return StatusPIN
	}
	return StatusReady
}

// Status is sim.getStatus.
func (s *State) Status() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status()
}

// SIMInfo returns IMSI, ICCID and number; the card must be ready.
func (s *State) SIMInfo() (imsi, iccid, number string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.needReady(); err != nil {
		return "", "", "", err
	}
	return s.p.SIM.IMSI, s.p.SIM.ICCID, s.p.SIM.Number, nil
}

func (s *State) needReady() error {
	switch s.status() {
	case StatusReady:
		return nil
	case StatusAbsent:
		return CMENoSIM
	case StatusPIN:
		return CMEPINRequired
	case StatusPUK:
		return CMEPUKRequired
	}
	return CMESIMFailure
}

// Attempts returns the PIN, PUK, PIN2 and PUK2 tries left.
func (s *State) Attempts() [4]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.p.SIM.State == "absent" {
		return [4]int{}
	}
	sim := s.p.SIM
	return [4]int{sim.PINLeft, sim.PUKLeft, sim.PIN2Left, sim.PUK2Left}
}

// change runs f under the lock and reports a SIM status change.
func (s *State) change(f func() error) error {
	s.mu.Lock()
	before := s.status()
	err := f()
	after := s.status()
	var evs []Event
	if after != before {
		evs = append(evs, Event{Kind: "sim", Value: after})
	}
	s.mu.Unlock()
	s.emit(evs)
	return err
}

// checkPIN compares pin with the card's, spending a try when it is wrong.
func (s *State) checkPIN(pin string) error {
	if pin == s.p.SIM.PIN {
		s.p.SIM.PINLeft = 3
		return nil
	}
	s.p.SIM.PINLeft--
	if s.p.SIM.PINLeft <= 0 {
		s.p.SIM.PINLeft = 0
		s.verified = false
	}
	return CMEWrongPass
}

// VerifyPIN enters the PIN (AT+CPIN="pin"); allowed only when it is asked for.
func (s *State) VerifyPIN(pin string) error {
	return s.change(func() error {
		switch s.status() {
		case StatusPIN:
		case StatusPUK:
			return CMEPUKRequired
		case StatusAbsent:
			return CMENoSIM
		case StatusBlocked:
			return CMESIMFailure
		default:
			return CMENotAllowed
		}
		if err := s.checkPIN(pin); err != nil {
			return err
		}
		s.verified = true
		return nil
	})
}

// UnblockPIN sets a new PIN with the PUK (AT+CPIN="puk","newpin").
func (s *State) UnblockPIN(puk, newPIN string) error {
	return s.change(func() error {
		switch s.status() {
		case StatusPUK:
		case StatusAbsent:
			return CMENoSIM
		case StatusBlocked:
			return CMESIMFailure
		default:
			return CMENotAllowed
		}
		if puk != s.p.SIM.PUK {
			s.p.SIM.PUKLeft--
			if s.p.SIM.PUKLeft < 0 {
				s.p.SIM.PUKLeft = 0
			}
			return CMEWrongPass
		}
		s.p.SIM.PIN, s.p.SIM.PINLeft, s.p.SIM.PUKLeft = newPIN, 3, 10
		s.p.SIM.PINEnabled, s.verified = true, true
		return nil
	})
}

// ChangePIN is AT+CPWD="SC": the PIN must be enabled and the card ready.
func (s *State) ChangePIN(old, newPIN string) error {
	return s.change(func() error {
		if err := s.needReady(); err != nil {
			return err
		}
		if !s.p.SIM.PINEnabled {
			return CMENotAllowed
		}
		if err := s.checkPIN(old); err != nil {
			return err
		}
		s.p.SIM.PIN = newPIN
		return nil
	})
}

// SetPINEnabled is AT+CLCK="SC",0|1,"pin".
func (s *State) SetPINEnabled(on bool, pin string) error {
	return s.change(func() error {
		if err := s.needReady(); err != nil {
			return err
		}
		if s.p.SIM.PINEnabled == on {
			return CMENotAllowed
		}
		if err := s.checkPIN(pin); err != nil {
			return err
		}
		s.p.SIM.PINEnabled = on
		return nil
	})
}

// SetPresent inserts or removes the card (hot-swap).
func (s *State) SetPresent(in bool) {
	_ = s.change(func() error {
		switch {
		case !in:
			s.p.SIM.State = "absent"
			s.verified = false
		case s.p.SIM.State == "absent":
			s.p.SIM.State = "ready"
			s.verified = !s.p.SIM.PINEnabled
		}
		return nil
	})
}

// SimDet returns the hot-swap detection settings.
func (s *State) SimDet() (enable, level int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.p.SIM.DetEnable, s.p.SIM.DetLevel
}

// SetSimDet stores the hot-swap detection settings.
func (s *State) SetSimDet(enable, level int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.p.SIM.DetEnable, s.p.SIM.DetLevel = enable, level
}

// Device returns the identities.
func (s *State) Device() Device {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.p.Device
}
