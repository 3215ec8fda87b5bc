// Package atsim is a Quectel modem simulator on a pseudo-terminal, for
// testing the AT backend (and the qstar CLI) through real serial code.
// It answers the AT commands qstar sends from a profile.State, and can be
// told to be slow, silent, refuse with ERROR or +CME ERROR, slip URCs into
// a response, or put line noise on the wire.
//
//	s, _ := atsim.Start(profile.Default())
//	defer s.Close()
//	s.Respond("AT+CPIN?", "+CME ERROR: 10")
//	// qstar --modem at:<s.Path()> ...
package atsim

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// Sim is a running simulator.
type Sim struct {
	// State is the simulated modem; tests change it directly (SetPresent,
	// DropContext, SetDataState) and the matching URCs go out.
	State *profile.State

	master, tty *os.File

	mu        sync.Mutex
	delay     time.Duration
	answers   map[string][]string // fixed answers by command
	silent    map[string]bool     // "" silences everything
	midURC    []string            // URCs to slip into the next response
	garbage   bool
	received  []string
	inCommand bool
	queued    []string // URCs raised while a command runs

	wmu  sync.Mutex // one write to the wire at a time
	done chan struct{}
}

// Start opens a pseudo-terminal and serves p on it until Close.
func Start(p *profile.Profile) (*Sim, error) {
	if p == nil {
		p = profile.Default()
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		return nil, fmt.Errorf("atsim: open pty: %w", err)
	}
	master, err := pollable(ptmx)
	if err != nil {
		tty.Close()
		return nil, fmt.Errorf("atsim: pty: %w", err)
	}
	if err := makeRaw(tty); err != nil {
		master.Close()
		tty.Close()
		return nil, fmt.Errorf("atsim: raw mode: %w", err)
	}
	s := &Sim{
		State: profile.NewState(p), master: master, tty: tty,
		answers: map[string][]string{}, silent: map[string]bool{}, done: make(chan struct{}),
	}
	s.State.Listen(s.onEvent)
	go s.serve()
	return s, nil
}

// pollable returns f's descriptor as a non-blocking file, so that Close
// wakes a Read in progress (a blocking pty master read never returns).
func pollable(f *os.File) (*os.File, error) {
	defer f.Close()
	fd, err := unix.Dup(int(f.Fd()))
	if err != nil {
		return nil, err
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return os.NewFile(uintptr(fd), f.Name()), nil
}

// makeRaw turns off echo and line editing, as a modem's USB port has.
func makeRaw(f *os.File) error {
	fd := int(f.Fd())
	t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return err
	}
	t.Iflag &^= unix.IGNBRK | unix.BRKINT | unix.PARMRK | unix.ISTRIP | unix.INLCR | unix.IGNCR | unix.ICRNL | unix.IXON
	t.Oflag &^= unix.OPOST
	t.Lflag &^= unix.ECHO | unix.ECHONL | unix.ICANON | unix.ISIG | unix.IEXTEN
	t.Cflag &^= unix.CSIZE | unix.PARENB
	t.Cflag |= unix.CS8
	t.Cc[unix.VMIN], t.Cc[unix.VTIME] = 1, 0
	return unix.IoctlSetTermios(fd, unix.TCSETS, t)
}

// Path is the device to open, e.g. /dev/pts/3.
func (s *Sim) Path() string { return s.tty.Name() }

// Close stops the simulator.
func (s *Sim) Close() error {
	err := s.master.Close()
	<-s.done
	s.tty.Close()
	return err
}

// SetDelay makes every answer wait d first.
func (s *Sim) SetDelay(d time.Duration) {
	s.mu.Lock()
	s.delay = d
	s.mu.Unlock()
}

// Respond fixes the answer to cmd (matched without case): the lines sent,
// final result included, e.g. Respond("AT+CPIN?", "+CME ERROR: 10").
// With no lines it restores the simulated answer.
func (s *Sim) Respond(cmd string, lines ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToUpper(cmd)
	if len(lines) == 0 {
		delete(s.answers, key)
		delete(s.silent, key)
		return
	}
	s.answers[key] = lines
}

// Silence makes the modem ignore cmd ("" for every command) until
// Respond(cmd) or Silence(cmd, false).
func (s *Sim) Silence(cmd string, on ...bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.silent[strings.ToUpper(cmd)] = len(on) == 0 || on[0]
}

// URCInNextResponse slips lines in between the next response's
// information lines and its final result.
func (s *Sim) URCInNextResponse(lines ...string) {
	s.mu.Lock()
	s.midURC = append(s.midURC, lines...)
	s.mu.Unlock()
}

// SetGarbage puts line noise (bytes no AT line holds) before every answer.
func (s *Sim) SetGarbage(on bool) {
	s.mu.Lock()
	s.garbage = on
	s.mu.Unlock()
}

// SendURC writes an unsolicited line now.
func (s *Sim) SendURC(line string) error { return s.write([]string{line}) }

// Received returns the commands seen so far.
func (s *Sim) Received() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.received...)
}

func (s *Sim) write(lines []string) error {
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString("\r\n" + l + "\r\n")
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	_, err := s.master.Write(b.Bytes())
	return err
}

// onEvent turns state changes into the URCs a Quectel module sends.
func (s *Sim) onEvent(e profile.Event) {
	var urcs []string
	switch e.Kind {
	case "sim":
		if line, ok := cpinLine(e.Value); ok {
			urcs = append(urcs, line)
		} else if e.Value == profile.StatusAbsent {
			urcs = append(urcs, "+CPIN: NOT INSERTED")
		}
	case "pdp":
		if e.Dropped {
			urcs = append(urcs, fmt.Sprintf(`+QIURC: "pdpdeact",%d`, e.CID))
		}
	case "reg":
		urcs = append(urcs, fmt.Sprintf("+CEREG: %d", e.Value))
	case "sms":
		urcs = append(urcs, fmt.Sprintf(`+CMTI: "SM",%d`, e.Value))
	case "call":
		urcs = callURCs(s.State, e.Value)
	}
	if len(urcs) == 0 {
		return
	}
	s.mu.Lock()
	if s.inCommand { // sent after the final result
		s.queued = append(s.queued, urcs...)
		s.mu.Unlock()
		return
	}
	s.mu.Unlock()
	_ = s.write(urcs)
}

// SetPresent inserts or removes the SIM and sends +QSIMSTAT as a module
// with hot-swap reporting on does.
func (s *Sim) SetPresent(in bool) {
	s.State.SetPresent(in)
	v := 0
	if in {
		v = 1
	}
	_ = s.SendURC(fmt.Sprintf("+QSIMSTAT: 1,%d", v))
}

func (s *Sim) serve() {
	defer close(s.done)
	buf := make([]byte, 256)
	var line []byte
	submit := "" // an AT+CMGS waiting for its body
	for {
		n, err := s.master.Read(buf)
		for _, c := range buf[:n] {
			if submit != "" {
				switch c {
				case 0x1a: // Ctrl-Z sends
					s.record(submit)
					_ = s.write(Submit(s.State, submit, string(line)))
					submit, line = "", line[:0]
				case 0x1b: // Esc cancels
					_ = s.write([]string{"OK"})
					submit, line = "", line[:0]
				default:
					line = append(line, c)
				}
				continue
			}
			if c == '\r' || c == '\n' {
				cmd := strings.TrimSpace(string(line))
				line = line[:0]
				if isSubmit(cmd) {
					submit = cmd
					s.wmu.Lock()
					_, _ = s.master.Write([]byte("\r\n> "))
					s.wmu.Unlock()
				} else if cmd != "" {
					s.answer(cmd)
				}
				continue
			}
			line = append(line, c)
		}
		if err != nil {
			return
		}
	}
}

func (s *Sim) record(cmd string) {
	s.mu.Lock()
	s.received = append(s.received, cmd)
	s.mu.Unlock()
}

// answer runs one command line and writes the response.
func (s *Sim) answer(cmd string) {
	key := strings.ToUpper(cmd)
	s.mu.Lock()
	s.received = append(s.received, cmd)
	delay, garbage := s.delay, s.garbage
	fixed, hasFixed := s.answers[key]
	silent := s.silent[key] || s.silent[""]
	s.inCommand = true
	s.mu.Unlock()

	if delay > 0 {
		time.Sleep(delay)
	}
	var out []string
	if !silent {
		if hasFixed {
			out = append([]string(nil), fixed...)
		} else {
			out = run(s.State, cmd)
		}
	}

	s.mu.Lock()
	s.inCommand = false
	mid, queued := s.midURC, s.queued
	if !silent {
		s.midURC = nil
	}
	s.queued = nil
	s.mu.Unlock()

	if silent {
		_ = s.write(queued)
		return
	}
	if len(mid) > 0 && len(out) > 0 {
		last := len(out) - 1
		out = append(append(out[:last:last], mid...), out[last])
	}
	out = append(out, queued...)
	if garbage {
		s.wmu.Lock()
		_, _ = s.master.Write([]byte("\xff\xfe\x00\x1b[0m\x80~noise\x7f"))
		s.wmu.Unlock()
	}
	_ = s.write(out)
}
