package board

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Profile is the JSON form of a simulated board. Fields left out keep
// DefaultProfile's values. Example:
//
//	{"pins":  [{"gpio": 5, "level": 1}],
//	 "wires": [{"from": 2, "to": 3}],
//	 "i2c":   [{"bus": 1, "addr": "0x40", "reg_width": 1, "regs": {"0xE7": "0x3A", "0x00": [1, 2]}}],
//	 "uart":  [{"port": 2, "loopback": true},
//	           {"port": 1, "peer": [{"expect": "AT", "reply": "OK"}]}],
//	 "vbatt_mv": 3700, "adc_mv": [1200, 800]}
type Profile struct {
	MaxGPIO int `json:"max_gpio"` // GPIO1..MaxGPIO exist
	// Pins give inputs their initial outside level (a button, a jumper).
	Pins []PinSpec `json:"pins"`
	// Wires connect an output to an input: writing From drives To, so an
	// ExtInt on To fires.
	Wires           []Wire      `json:"wires"`
	I2C             []I2CDevice `json:"i2c"`
	I2CBuses        int         `json:"i2c_buses"` // I2C0..I2C(n-1) exist
	SPI             []SPISpec   `json:"spi"`
	SPIPorts        int         `json:"spi_ports"` // SPI0..SPI(n-1) exist
	UART            []UARTSpec  `json:"uart"`
	UARTPorts       int         `json:"uart_ports"` // UART0..UART(n-1) exist
	VbattMV         int         `json:"vbatt_mv"`
	ADCMV           []int       `json:"adc_mv"` // ADC0.. in millivolts
	PowerOnReason   int         `json:"power_on_reason"`
	PowerDownReason int         `json:"power_down_reason"`
	USB             *int        `json:"usb"` // 1 (the default) connected to a host, 0 not
	// WiFi are the access points a wifiScan finds, strongest first after
	// sorting; the default has three.
	WiFi []WiFiAP `json:"wifi"`
	// GNSS is the simulated receiver's fix (quecgnss); the default is
	// the built-in modem profile's cell position.
	GNSS GNSSFix `json:"gnss"`
}

// PinSpec is an input's level as driven from outside the module.
type PinSpec struct {
	GPIO  int `json:"gpio"`
	Level int `json:"level"`
}

// Wire connects output From to input To.
type Wire struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// I2CDevice is a device on a bus, modelled as a register file: a write
// sets the register pointer (reg_width bytes, big-endian) and stores any
// further bytes from there on; a read returns registers from the pointer
// on. Both advance the pointer, as most sensors do. With reg_width 0 it
// is a command device (AHT10, SHT3x): writes are commands, and every read
// returns the bytes from register 0 on, its measurement.
type I2CDevice struct {
	Bus      int            `json:"bus"`
	Addr     Num            `json:"addr"`      // 7-bit address, 8..119
	RegWidth *int           `json:"reg_width"` // 0 (no register address), 1 or 2; default 1
	Regs     map[string]Reg `json:"regs"`      // register address -> value(s)
}

// SPISpec is what sits on a bus: a loopback (MISO tied to MOSI), or a
// device that answers every transfer with Reply from its first byte on
// (zeros after it). A bus with neither reads zeros.
type SPISpec struct {
	Port     int  `json:"port"`
	Loopback bool `json:"loopback"`
	Reply    Reg  `json:"reply"`
}

// UARTSpec is what sits on the other end of a port: a loopback plug
// (what is written comes back) or a scripted peer that answers lines.
type UARTSpec struct {
	Port     int        `json:"port"`
	Loopback bool       `json:"loopback"`
	Peer     []Exchange `json:"peer"`
	Greeting string     `json:"greeting"` // sent when the port is opened
}

// Exchange is one rule of a scripted peer: a received line (CR/LF
// stripped) equal to Expect is answered with Reply and CRLF.
type Exchange struct {
	Expect string `json:"expect"`
	Reply  string `json:"reply"`
}

// Num is an int written as a JSON number or a string ("0x1b", "27").
type Num int

// UnmarshalJSON implements json.Unmarshaler.
func (n *Num) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		var i int
		if err := json.Unmarshal(b, &i); err != nil {
			return fmt.Errorf("want a number or a string such as \"0x1b\", got %s", b)
		}
		*n = Num(i)
		return nil
	}
	v, err := parseNum(s)
	*n = Num(v)
	return err
}

func parseNum(s string) (int, error) {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 0, 32)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number (write 27 or \"0x1b\")", s)
	}
	return int(v), nil
}

// Reg is a register's value: one byte, or a list for consecutive registers.
type Reg []byte

// UnmarshalJSON implements json.Unmarshaler.
func (r *Reg) UnmarshalJSON(b []byte) error {
	var list []Num
	if err := json.Unmarshal(b, &list); err != nil {
		var one Num
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		list = []Num{one}
	}
	out := make(Reg, len(list))
	for i, v := range list {
		if v < 0 || v > 255 {
			return fmt.Errorf("register value %d: want 0..255", v)
		}
		out[i] = byte(v)
	}
	*r = out
	return nil
}

// DefaultProfile is the board used when none is given: GPIO1..47 with
// nothing connected, UART0..4, I2C0..3 and SPI0..1 with nothing on them, a 3.59 V
// battery (the QuecPython docs' example) and four ADC channels at 0 mV.
func DefaultProfile() *Profile {
	return &Profile{
		MaxGPIO: 47, I2CBuses: 4, UARTPorts: 5, SPIPorts: 2, VbattMV: 3590, ADCMV: []int{0, 0, 0, 0},
		PowerOnReason: 1, PowerDownReason: 1,
		WiFi: []WiFiAP{{MAC: "A4:5E:60:1C:22:F0", RSSI: -41}, {MAC: "3C:84:6A:90:0B:17", RSSI: -63}, {MAC: "D8:0D:17:5A:C4:09", RSSI: -77}},
		GNSS: GNSSFix{Latitude: 31.82279, Longitude: 117.1138, Altitude: 36.5},
	}
}

// LoadProfile reads a profile file; errors name file:line:col.
func LoadProfile(path string) (*Profile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("board profile: %w", err)
	}
	p, err := ParseProfile(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return p, nil
}

// ParseProfile decodes JSON over DefaultProfile and checks it. An error
// starts with "line:col: " when the JSON itself is at fault.
func ParseProfile(data []byte) (*Profile, error) {
	p := DefaultProfile()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(p); err != nil {
		return nil, jsonError(data, err, dec.InputOffset())
	}
	if err := p.Check(); err != nil {
		return nil, fmt.Errorf(" %w", err)
	}
	return p, nil
}

// jsonError places err at a line and column of data.
func jsonError(data []byte, err error, at int64) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		at = int64(len(data))
	case errors.As(err, &se):
		at = se.Offset
		if at > 0 && at < int64(len(data)) {
			at-- // Offset is just past the bad byte
		}
	case errors.As(err, &te):
		at = te.Offset
	}
	line, col := lineCol(data, at)
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if te != nil {
		msg = fmt.Sprintf("%s: want %s, not a JSON %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
	}
	return fmt.Errorf("%d:%d: %s", line, col, msg)
}

func jsonKind(goKind string) string {
	switch {
	case strings.HasPrefix(goKind, "int"), strings.HasPrefix(goKind, "uint"):
		return "a number"
	case goKind == "slice", goKind == "array":
		return "a list"
	case goKind == "struct", goKind == "map":
		return "an object"
	case goKind == "bool":
		return "true or false"
	}
	return "a " + goKind
}

func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col := 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// Check reports the first value a board could not have.
func (p *Profile) Check() error {
	if p.MaxGPIO < 1 || p.MaxGPIO > 255 {
		return fmt.Errorf("max_gpio %d: want 1..255", p.MaxGPIO)
	}
	for _, s := range p.Pins {
		if s.GPIO < 1 || s.GPIO > p.MaxGPIO || (s.Level != 0 && s.Level != 1) {
			return fmt.Errorf("pins: gpio %d level %d: want gpio 1..%d, level 0 or 1", s.GPIO, s.Level, p.MaxGPIO)
		}
	}
	for _, w := range p.Wires {
		if w.From < 1 || w.From > p.MaxGPIO || w.To < 1 || w.To > p.MaxGPIO || w.From == w.To {
			return fmt.Errorf("wires: %d -> %d: want two different GPIOs 1..%d", w.From, w.To, p.MaxGPIO)
		}
	}
	if err := p.checkI2C(); err != nil {
		return err
	}
	seen := map[int]bool{}
	for _, u := range p.UART {
		if u.Port < 0 || u.Port >= p.UARTPorts {
			return fmt.Errorf("uart port %d: want 0..%d", u.Port, p.UARTPorts-1)
		}
		if seen[u.Port] {
			return fmt.Errorf("uart port %d listed twice", u.Port)
		}
		seen[u.Port] = true
		if u.Loopback && len(u.Peer) > 0 {
			return fmt.Errorf("uart port %d: loopback or peer, not both", u.Port)
		}
	}
	for _, sp := range p.SPI {
		if sp.Port < 0 || sp.Port >= p.SPIPorts {
			return fmt.Errorf("spi port %d: want 0..%d", sp.Port, p.SPIPorts-1)
		}
	}
	if p.VbattMV < 0 {
		return fmt.Errorf("vbatt_mv %d: want >= 0", p.VbattMV)
	}
	if p.USB != nil && *p.USB != 0 && *p.USB != 1 {
		return fmt.Errorf("usb %d: want 0 or 1", *p.USB)
	}
	if g := p.GNSS; g.Latitude < -90 || g.Latitude > 90 || g.Longitude < -180 || g.Longitude > 180 || g.SpeedKmh < 0 || g.Satellite < 0 || g.Satellite > 32 {
		return fmt.Errorf("gnss: latitude -90..90, longitude -180..180, speed_kmh >= 0, satellites 0..32")
	}
	for _, ap := range p.WiFi {
		if !validMAC(ap.MAC) {
			return fmt.Errorf("wifi mac %q: want six hex pairs such as \"A4:5E:60:1C:22:F0\"", ap.MAC)
		}
		if ap.RSSI < -127 || ap.RSSI > 0 {
			return fmt.Errorf("wifi %s rssi %d: want -127..0 dBm", ap.MAC, ap.RSSI)
		}
	}
	return nil
}

func (p *Profile) checkI2C() error {
	type key struct{ bus, addr int }
	seen := map[key]bool{}
	for i := range p.I2C {
		d := &p.I2C[i]
		if d.Bus < 0 || d.Bus >= p.I2CBuses {
			return fmt.Errorf("i2c bus %d: want 0..%d", d.Bus, p.I2CBuses-1)
		}
		if d.Addr < 0x08 || d.Addr > 0x77 {
			return fmt.Errorf("i2c addr 0x%02x: want a 7-bit address 0x08..0x77", int(d.Addr))
		}
		k := key{d.Bus, int(d.Addr)}
		if seen[k] {
			return fmt.Errorf("i2c bus %d addr 0x%02x listed twice", d.Bus, int(d.Addr))
		}
		seen[k] = true
		if w := d.width(); w < 0 || w > 2 {
			return fmt.Errorf("i2c 0x%02x reg_width %d: want 0, 1 or 2", int(d.Addr), w)
		}
		if _, err := d.registers(); err != nil {
			return fmt.Errorf("i2c 0x%02x: %w", int(d.Addr), err)
		}
	}
	return nil
}

// width is the register address size in bytes (1 when not given).
func (d *I2CDevice) width() int {
	if d.RegWidth == nil {
		return 1
	}
	return *d.RegWidth
}

// registers flattens Regs into address -> byte.
func (d *I2CDevice) registers() (map[int]byte, error) {
	out := map[int]byte{}
	keys := make([]string, 0, len(d.Regs))
	for k := range d.Regs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		a, err := parseNum(k)
		if err != nil {
			return nil, fmt.Errorf("register %w", err)
		}
		for i, b := range d.Regs[k] {
			out[a+i] = b
		}
	}
	return out, nil
}
