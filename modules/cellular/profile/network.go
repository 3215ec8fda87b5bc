package profile

import "fmt"

// registered reports whether the data side is attached (home or roaming).
func (s *State) registered() bool {
	st := s.reg().Data.State
	return st == 1 || st == 5
}

type regPair struct{ Voice, Data Reg }

// reg is the registration as the radio sees it now: nothing without a
// ready SIM or with the radio off.
func (s *State) reg() regPair {
	if s.status() != StatusReady || s.p.Network.Fun != 1 {
		return regPair{}
	}
	return regPair{s.p.Network.Voice, s.p.Network.Data}
}

// Registration returns the voice and data registration.
func (s *State) Registration() (voice, data Reg) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.reg()
	return r.Voice, r.Data
}

// CSQ returns the AT+CSQ rssi: 99 when there is no SIM or no radio.
func (s *State) CSQ() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.p.SIM.State == "absent" || s.p.Network.Fun != 1 {
		return 99
	}
	return s.p.Network.CSQ
}

// Network returns the radio side; Registered is false with no service.
func (s *State) Network() (n Network, registered bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.p.Network, s.registered()
}

// Fun returns the AT+CFUN level.
func (s *State) Fun() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.p.Network.Fun
}

// SetFun changes the radio level: leaving 1 detaches and drops every
// context; returning to 1 re-attaches and redials the auto contexts.
func (s *State) SetFun(fun int) error {
	if fun != 0 && fun != 1 && fun != 4 {
		return CMEBadParam
	}
	s.mu.Lock()
	before := s.p.Network.Fun
	s.p.Network.Fun = fun
	if fun == 0 {
		s.verified = false // the card is powered down: a PIN-enabled one asks for its PIN again
	}
	var evs []Event
	if before == 1 && fun != 1 {
		for cid := 1; cid <= MaxCID; cid++ {
			if c := s.ctx[cid]; c != nil && c.Active {
				c.Active = false
				evs = append(evs, Event{Kind: "pdp", CID: cid, Value: 0})
			}
		}
		evs = append(evs, Event{Kind: "reg", Value: 0})
	}
	if before != 1 && fun == 1 {
		evs = append(evs, Event{Kind: "reg", Value: s.reg().Data.State})
		if s.registered() {
			for cid := 1; cid <= MaxCID; cid++ {
				if c := s.ctx[cid]; c != nil && s.auto[cid] && !c.Active {
					c.Active = true
					s.assign(c)
					evs = append(evs, Event{Kind: "pdp", CID: cid, Value: 1})
				}
			}
		}
	}
	s.mu.Unlock()
	s.emit(evs)
	return nil
}

// Context returns a copy of context cid (an unconfigured one is IPv4, no APN).
func (s *State) Context(cid int) PDP {
	s.mu.Lock()
	defer s.mu.Unlock()
	cp := PDP{CID: cid}
	if c := s.ctx[cid]; c != nil {
		cp = *c
	}
	// a bearer needs a ready SIM and service; the flag remembers the dial
	cp.Active = cp.Active && s.registered()
	return cp
}

// SetContext stores the APN settings of context cid (AT+QICSGP).
func (s *State) SetContext(cid, ipType int, apn, user, pass string, auth int) error {
	if cid < 1 || cid > MaxCID || ipType < 0 || ipType > 2 || auth < 0 || auth > 3 {
		return CMEBadParam
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.ctx[cid]
	if c == nil {
		c = &PDP{CID: cid}
		s.ctx[cid] = c
	}
	c.IPType, c.APN, c.User, c.Password, c.Auth = ipType, apn, user, pass, auth
	return nil
}

// SetDNS sets the DNS servers of context cid (AT+QIDNSCFG).
func (s *State) SetDNS(cid int, pri, sec string) error {
	if cid < 1 || cid > MaxCID {
		return CMEBadParam
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.ctx[cid]
	if c == nil {
		c = &PDP{CID: cid}
		s.ctx[cid] = c
	}
	c.DNS4 = [2]string{pri, sec}
	return nil
}

// assign gives an activated context the addresses a network would.
func (s *State) assign(c *PDP) {
	if c.IPType != 1 && c.IPv4 == "" {
		c.IPv4 = fmt.Sprintf("10.%d.0.2", 100+c.CID)
	}
	if c.IPType != 0 && c.IPv6 == "" {
		c.IPv6 = fmt.Sprintf("2409:8000:%x::2", c.CID)
	}
	if c.DNS4[0] == "" {
		c.DNS4 = [2]string{"114.114.114.114", "8.8.8.8"}
	}
}

// Activate dials context cid (AT+QIACT); it needs a ready SIM and service.
func (s *State) Activate(cid int) error {
	if cid < 1 || cid > MaxCID {
		return CMEBadParam
	}
	s.mu.Lock()
	if !s.registered() {
		s.mu.Unlock()
		return CMENoService
	}
	c := s.ctx[cid]
	if c == nil {
		c = &PDP{CID: cid}
		s.ctx[cid] = c
	}
	var evs []Event
	if !c.Active {
		c.Active = true
		s.assign(c)
		evs = append(evs, Event{Kind: "pdp", CID: cid, Value: 1})
	}
	s.auto[cid] = true
	s.mu.Unlock()
	s.emit(evs)
	return nil
}

// Deactivate hangs up context cid (AT+QIDEACT). The network dropping it
// (a "pdpdeact" URC on a real modem) is DropContext.
func (s *State) Deactivate(cid int) error {
	if cid < 1 || cid > MaxCID {
		return CMEBadParam
	}
	s.mu.Lock()
	s.auto[cid] = false
	s.mu.Unlock()
	s.drop(cid, false)
	return nil
}

// DropContext marks cid inactive and reports it, as when the network
// tears the bearer down.
func (s *State) DropContext(cid int) { s.drop(cid, true) }

func (s *State) drop(cid int, byNetwork bool) {
	s.mu.Lock()
	var evs []Event
	if c := s.ctx[cid]; c != nil && c.Active {
		c.Active = false
		evs = append(evs, Event{Kind: "pdp", CID: cid, Value: 0, Dropped: byNetwork})
	}
	s.mu.Unlock()
	s.emit(evs)
}

// SetDataState changes the data registration (e.g. to 2 searching, 5 roaming).
func (s *State) SetDataState(st int) {
	s.mu.Lock()
	s.p.Network.Data.State = st
	evs := []Event{{Kind: "reg", Value: s.reg().Data.State}}
	s.mu.Unlock()
	s.emit(evs)
}
