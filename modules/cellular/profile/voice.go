package profile

import (
	"fmt"
	"strings"
	"time"
)

// Voice is how the simulated network treats voice calls. By default the
// far end rings for AlertMS after a dial and answers AnswerMS later.
type Voice struct {
	// AnswerMS is how long an outgoing call alerts before the far end
	// answers (default 1000); -1 never answers (the caller hangs up).
	AnswerMS int `json:"answer_ms"`
	// Busy lists numbers whose calls fail at once (NO CARRIER).
	Busy []string `json:"busy"`
	// Incoming calls ring the module AfterMS after it starts.
	Incoming []IncomingCall `json:"incoming"`
}

// IncomingCall is a call the simulated network places to the module.
type IncomingCall struct {
	Number  string `json:"number"`
	AfterMS int    `json:"after_ms"`
}

// Call is one call as AT+CLCC lists it.
type Call struct {
	ID     int
	Dir    int // 0 mobile-originated, 1 mobile-terminated
	Stat   int // 0 active, 1 held, 2 dialing, 3 alerting, 4 incoming, 5 waiting
	Number string
}

// Type is the number's type of address: 145 international, else 129.
func (c Call) Type() int {
	if strings.HasPrefix(c.Number, "+") {
		return 145
	}
	return 129
}

// alertDelay is how soon a dialled call starts alerting.
const alertDelay = 200 * time.Millisecond

type voiceState struct {
	call    *Call // at most one call
	gen     int   // bumps on every new call, so stale timers do nothing
	volume  int   // AT+CLVL, 0..11
	started bool  // incoming calls scheduled
}

// Calls lists the calls in progress (AT+CLCC).
func (s *State) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.voice.call == nil {
		return nil
	}
	return []Call{*s.voice.call}
}

// Dial places a call to number (ATD<number>;): it needs a ready card and
// a registered network, and no call in progress.
func (s *State) Dial(number string) error {
	s.mu.Lock()
	if err := s.voiceReady(); err != nil {
		s.mu.Unlock()
		return err
	}
	if s.voice.call != nil || number == "" {
		s.mu.Unlock()
		return CMENotAllowed
	}
	for _, b := range s.p.Voice.Busy {
		if b == number {
			s.mu.Unlock()
			// the network refuses at once: the call never shows up
			go s.emit([]Event{{Kind: "call", Value: 0}})
			return nil
		}
	}
	s.voice.gen++
	gen := s.voice.gen
	s.voice.call = &Call{ID: 1, Dir: 0, Stat: 2, Number: number}
	answer := s.p.Voice.AnswerMS
	if answer == 0 {
		answer = 1000
	}
	s.mu.Unlock()
	s.emit([]Event{{Kind: "call", Value: 2}})
	time.AfterFunc(alertDelay, func() {
		if s.setStat(gen, 2, 3) && answer > 0 {
			time.AfterFunc(time.Duration(answer)*time.Millisecond, func() { s.setStat(gen, 3, 0) })
		}
	})
	return nil
}

// setStat moves call gen from stat from to stat to and reports it.
func (s *State) setStat(gen, from, to int) bool {
	s.mu.Lock()
	c := s.voice.call
	ok := c != nil && s.voice.gen == gen && c.Stat == from
	if ok {
		c.Stat = to
	}
	s.mu.Unlock()
	if ok {
		s.emit([]Event{{Kind: "call", Value: 2}})
	}
	return ok
}

// Ring makes the network call the module from number (RING, +CLIP).
func (s *State) Ring(number string) error {
	s.mu.Lock()
	if err := s.voiceReady(); err != nil {
		s.mu.Unlock()
		return err
	}
	if s.voice.call != nil {
		s.mu.Unlock()
		return CMENotAllowed
	}
	s.voice.gen++
	s.voice.call = &Call{ID: 1, Dir: 1, Stat: 4, Number: number}
	s.mu.Unlock()
	s.emit([]Event{{Kind: "call", Value: 1}})
	return nil
}

// Answer takes the incoming call (ATA).
func (s *State) Answer() error {
	s.mu.Lock()
	c := s.voice.call
	if c == nil || c.Stat != 4 {
		s.mu.Unlock()
		return CMENotAllowed
	}
	c.Stat = 0
	s.mu.Unlock()
	s.emit([]Event{{Kind: "call", Value: 2}})
	return nil
}

// Hangup ends the call in progress (ATH); without one it does nothing.
func (s *State) Hangup() {
	s.mu.Lock()
	had := s.voice.call != nil
	s.voice.call = nil
	s.voice.gen++
	s.mu.Unlock()
	if had {
		s.emit([]Event{{Kind: "call", Value: 0}})
	}
}

// Volume is the call volume (AT+CLVL?).
func (s *State) Volume() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.voice.volume
}

// SetVolume sets the call volume, 0..11 (AT+CLVL=<n>).
func (s *State) SetVolume(v int) error {
	if v < 0 || v > 11 {
		return CMEBadParam
	}
	s.mu.Lock()
	s.voice.volume = v
	s.mu.Unlock()
	return nil
}

// StartIncoming schedules the profile's incoming calls, once; the
// simulated modem calls it when a script first listens for calls.
func (s *State) StartIncoming() {
	s.mu.Lock()
	if s.voice.started {
		s.mu.Unlock()
		return
	}
	s.voice.started = true
	calls := append([]IncomingCall(nil), s.p.Voice.Incoming...)
	s.mu.Unlock()
	for _, c := range calls {
		c := c
		time.AfterFunc(time.Duration(c.AfterMS)*time.Millisecond, func() { _ = s.Ring(c.Number) })
	}
}

func (s *State) voiceReady() error {
	switch {
	case s.status() != StatusReady:
		return CMENoSIM
	case !s.registered():
		return CMENoService
	}
	return nil
}

func (v *Voice) check() error {
	if v.AnswerMS < -1 {
		return fmt.Errorf("voice.answer_ms %d: want -1 (never) or more", v.AnswerMS)
	}
	for i, c := range v.Incoming {
		if c.Number == "" || c.AfterMS < 0 {
			return fmt.Errorf("voice.incoming[%d]: want a number and after_ms >= 0", i)
		}
	}
	return nil
}
