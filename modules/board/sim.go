package board

import (
	"fmt"
	"sync"
	"time"
)

func init() {
	Register(Backend{
		Kind:  "sim",
		Usage: "sim[:profile.json]",
		Open: func(arg string) (Board, error) {
			if arg == "" {
				return NewSim(nil), nil
			}
			p, err := LoadProfile(arg)
			if err != nil {
				return nil, err
			}
			return NewSim(p), nil
		},
	})
}

// Sim is the simulated board. Its methods beyond Board (Drive, Level,
// UARTPeer) let Go tests act as the world outside the module.
type Sim struct {
	p *Profile

	mu      sync.Mutex
	pins    map[int]*simPin
	wires   map[int][]int
	i2c     map[[2]int]*simDevice // {bus, addr}
	uarts   map[int]*simUART      // the port's current open end
	spiSent map[int][]byte
	usbOff  bool
}

type simPin struct {
	n        int
	dir      Dir
	pull     Pull
	out      int // driven level, when an output
	ext      int // level from outside (profile, wire, Drive); -1 floating
	watchers []*simWatch
}

type simWatch struct {
	edge Edge
	fn   func(int)
}

type simDevice struct {
	width int
	regs  map[int]byte
	ptr   int
	log   [][]byte // writes to a command device (width 0)
}

// NewSim builds a board from p (DefaultProfile if nil).
func NewSim(p *Profile) *Sim {
	if p == nil {
		p = DefaultProfile()
	}
	s := &Sim{p: p, pins: map[int]*simPin{}, wires: map[int][]int{}, i2c: map[[2]int]*simDevice{}, uarts: map[int]*simUART{}, spiSent: map[int][]byte{}}
	s.usbOff = p.USB != nil && *p.USB == 0
	for n := 1; n <= p.MaxGPIO; n++ {
		s.pins[n] = &simPin{n: n, ext: -1}
	}
	for _, ps := range p.Pins {
		s.pins[ps.GPIO].ext = ps.Level
	}
	for _, w := range p.Wires {
		s.wires[w.From] = append(s.wires[w.From], w.To)
	}
	for _, d := range p.I2C {
		regs, _ := d.registers() // Check has validated them
		s.i2c[[2]int{d.Bus, int(d.Addr)}] = &simDevice{width: d.width(), regs: regs}
	}
	return s
}

// Close implements Board.
func (s *Sim) Close() error {
	s.mu.Lock()
	ports := s.uarts
	s.uarts = map[int]*simUART{}
	s.mu.Unlock()
	for _, u := range ports {
		u.Close()
	}
	return nil
}

// level is what reading the pin gives; s.mu held.
func (p *simPin) level() int {
	switch {
	case p.dir == Out:
		return p.out
	case p.ext >= 0:
		return p.ext
	case p.pull == PullUp:
		return 1
	}
	return 0
}

// change runs f on pin n's state and returns the edge callbacks its level
// changes (and those of the inputs it is wired to) must run; s.mu held.
func (s *Sim) change(n int, f func(p *simPin)) []func() {
	p := s.pins[n]
	before := p.level()
	f(p)
	after := p.level()
	var calls []func()
	if after != before {
		for _, w := range p.watchers {
			if w.edge == Both || (w.edge == Rising) == (after == 1) {
				fn := w.fn
				calls = append(calls, func() { fn(after) })
			}
		}
	}
	if p.dir == Out {
		for _, to := range s.wires[n] {
			calls = append(calls, s.change(to, func(q *simPin) { q.ext = after })...)
		}
	}
	return calls
}

func (s *Sim) update(n int, f func(p *simPin)) {
	s.mu.Lock()
	calls := s.change(n, f)
	s.mu.Unlock()
	for _, c := range calls {
		c()
	}
}

// Drive sets the level the outside world puts on GPIO n (-1 floating),
// as a button or a sensor's interrupt line would.
func (s *Sim) Drive(n, level int) {
	if s.pins[n] != nil {
		s.update(n, func(p *simPin) { p.ext = level })
	}
}

// Level is GPIO n's level as a meter on the pin would read it.
func (s *Sim) Level(n int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.pins[n]; p != nil {
		return p.level()
	}
	return -1
}

// Pin implements Board.
func (s *Sim) Pin(n int) (Pin, error) {
	if s.pins[n] == nil {
		return nil, fmt.Errorf("GPIO%d: %w", n, ErrNoDevice)
	}
	return &simPinHandle{s: s, n: n}, nil
}

type simPinHandle struct {
	s *Sim
	n int
}

func (h *simPinHandle) Configure(dir Dir, pull Pull, level int) error {
	h.s.update(h.n, func(p *simPin) {
		p.dir, p.pull = dir, pull
		if dir == Out {
			p.out = level
		}
	})
	return nil
}

func (h *simPinHandle) Read() (int, error) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	return h.s.pins[h.n].level(), nil
}

func (h *simPinHandle) Write(level int) error {
	h.s.update(h.n, func(p *simPin) { p.out = level })
	return nil
}

func (h *simPinHandle) Watch(e Edge, pull Pull, fn func(int)) (func(), error) {
	w := &simWatch{edge: e, fn: fn}
	h.s.update(h.n, func(p *simPin) { p.dir, p.pull = In, pull })
	h.s.mu.Lock()
	p := h.s.pins[h.n]
	p.watchers = append(p.watchers, w)
	h.s.mu.Unlock()
	stop := func() {
		h.s.mu.Lock()
		defer h.s.mu.Unlock()
		p := h.s.pins[h.n]
		for i, x := range p.watchers {
			if x == w {
				p.watchers = append(p.watchers[:i:i], p.watchers[i+1:]...)
				return
			}
		}
	}
	return stop, nil
}

func (h *simPinHandle) Close() error { return nil }

// I2C implements Board.
func (s *Sim) I2C(bus int) (I2C, error) {
	if bus < 0 || bus >= s.p.I2CBuses {
		return nil, fmt.Errorf("I2C%d: %w", bus, ErrNoDevice)
	}
	return &simBus{s: s, bus: bus}, nil
}

type simBus struct {
	s   *Sim
	bus int
}

// ErrNACK is an I2C transfer no device acknowledged.
var ErrNACK = fmt.Errorf("no ACK")

func (b *simBus) Tx(addr int, w, r []byte) error {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	d := b.s.i2c[[2]int{b.bus, addr}]
	if d == nil {
		return fmt.Errorf("I2C%d address 0x%02x: %w", b.bus, addr, ErrNACK)
	}
	if d.width == 0 { // a command device: writes are commands, reads its result
		if len(w) > 0 {
			d.log = append(d.log, append([]byte(nil), w...))
		}
		for i := range r {
			r[i] = d.regs[i]
		}
		return nil
	}
	if len(w) > 0 {
		d.ptr = 0
		n := min(d.width, len(w))
		for _, c := range w[:n] {
			d.ptr = d.ptr<<8 | int(c)
		}
		w = w[n:]
	}
	mask := 1<<(8*d.width) - 1
	for _, c := range w {
		d.regs[d.ptr] = c
		d.ptr = (d.ptr + 1) & mask
	}
	for i := range r {
		r[i] = d.regs[d.ptr]
		d.ptr = (d.ptr + 1) & mask
	}
	return nil
}

func (b *simBus) Close() error { return nil }

// Register returns a simulated device's register (tests check writes).
func (s *Sim) Register(bus, addr, reg int) (byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.i2c[[2]int{bus, addr}]
	if d == nil {
		return 0, false
	}
	v, ok := d.regs[reg]
	return v, ok
}

// Commands returns what was written to a command device (reg_width 0).
func (s *Sim) Commands(bus, addr int) [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.i2c[[2]int{bus, addr}]; d != nil {
		return append([][]byte(nil), d.log...)
	}
	return nil
}

// SPI implements Board.
func (s *Sim) SPI(port, mode, hz int) (SPI, error) {
	if port < 0 || port >= s.p.SPIPorts {
		return nil, fmt.Errorf("SPI%d: %w", port, ErrNoDevice)
	}
	b := &simSPI{s: s, port: port}
	for _, sp := range s.p.SPI {
		if sp.Port == port {
			b.spec = sp
		}
	}
	return b, nil
}

type simSPI struct {
	s    *Sim
	port int
	spec SPISpec
}

func (b *simSPI) Transfer(w, r []byte) error {
	b.s.mu.Lock()
	b.s.spiSent[b.port] = append(b.s.spiSent[b.port], w...)
	b.s.mu.Unlock()
	for i := range r {
		switch {
		case b.spec.Loopback && i < len(w):
			r[i] = w[i]
		case !b.spec.Loopback && i < len(b.spec.Reply):
			r[i] = b.spec.Reply[i]
		default:
			r[i] = 0
		}
	}
	return nil
}

func (b *simSPI) Close() error { return nil }

// SPISent is everything written to SPI port so far.
func (s *Sim) SPISent(port int) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]byte(nil), s.spiSent[port]...)
}

// ADC implements Board.
func (s *Sim) ADC(ch int) (int, error) {
	if ch < 0 || ch >= len(s.p.ADCMV) {
		return 0, fmt.Errorf("ADC%d: %w", ch, ErrNoDevice)
	}
	return s.p.ADCMV[ch], nil
}

// Vbatt implements Board.
func (s *Sim) Vbatt() (int, error) { return s.p.VbattMV, nil }

// USBConnected implements USBPort: the profile's "usb", or SetUSB's.
func (s *Sim) USBConnected() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.usbOff, nil
}

// SetUSB plugs (true) or unplugs the simulated USB cable.
func (s *Sim) SetUSB(connected bool) {
	s.mu.Lock()
	s.usbOff = !connected
	s.mu.Unlock()
}

// PowerReasons implements Board.
func (s *Sim) PowerReasons() (int, int) { return s.p.PowerOnReason, s.p.PowerDownReason }

// Watchdog implements Board: a timer that calls expired when not fed.
func (s *Sim) Watchdog(period time.Duration, expired func()) (Watchdog, error) {
	if period <= 0 {
		return nil, fmt.Errorf("watchdog period %v: want > 0", period)
	}
	w := &simWatchdog{period: period}
	w.t = time.AfterFunc(period, expired)
	return w, nil
}

type simWatchdog struct {
	mu     sync.Mutex
	period time.Duration
	t      *time.Timer
}

func (w *simWatchdog) Feed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.t != nil {
		w.t.Reset(w.period)
	}
	return nil
}

func (w *simWatchdog) Stop() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.t != nil {
		w.t.Stop()
		w.t = nil
	}
	return nil
}
