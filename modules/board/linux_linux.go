package board

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.bug.st/serial"
	"golang.org/x/sys/unix"
)

// Linux is the host-hardware board. Devices are opened when a script
// asks for them, so a board with no I2C still runs GPIO scripts.
type Linux struct {
	m *LinuxMap

	mu    sync.Mutex
	open  []interface{ Close() error }
	chips map[string]*os.File
}

func newLinux(m *LinuxMap) *Linux { return &Linux{m: m, chips: map[string]*os.File{}} }

func (l *Linux) track(c interface{ Close() error }) {
	l.mu.Lock()
	l.open = append(l.open, c)
	l.mu.Unlock()
}

// Close implements Board: every line, bus and port it opened.
func (l *Linux) Close() error {
	l.mu.Lock()
	open, chips := l.open, l.chips
	l.open, l.chips = nil, map[string]*os.File{}
	l.mu.Unlock()
	for i := len(open) - 1; i >= 0; i-- {
		_ = open[i].Close()
	}
	for _, f := range chips {
		f.Close()
	}
	return nil
}

func (l *Linux) chip(path string) (*os.File, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if f := l.chips[path]; f != nil {
		return f, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	l.chips[path] = f
	return f, nil
}

// Pin implements Board; the line is requested on Configure or Watch.
func (l *Linux) Pin(n int) (Pin, error) {
	chip, line := l.m.gpio(n)
	if _, err := os.Stat(chip); err != nil {
		return nil, fmt.Errorf("GPIO%d: %w", n, err)
	}
	p := &linuxPin{l: l, n: n, chip: chip, line: line}
	l.track(p)
	return p, nil
}

// UART implements Board with go.bug.st/serial.
func (l *Linux) UART(port int, cfg UARTConfig) (UART, error) {
	path := l.m.path(l.m.UART, port, "/dev/ttyS%d")
	mode := &serial.Mode{BaudRate: cfg.Baud, DataBits: cfg.DataBits, Parity: serial.NoParity, StopBits: serial.OneStopBit}
	switch cfg.Parity {
	case 1:
		mode.Parity = serial.EvenParity
	case 2:
		mode.Parity = serial.OddParity
	}
	if cfg.StopBits == 2 {
		mode.StopBits = serial.TwoStopBits
	}
	p, err := serial.Open(path, mode)
	if err != nil {
		return nil, fmt.Errorf("UART%d (%s): %w", port, path, err)
	}
	l.track(p)
	return p, nil
}

// I2C implements Board through /dev/i2c-N.
func (l *Linux) I2C(bus int) (I2C, error) {
	path := l.m.path(l.m.I2C, bus, "/dev/i2c-%d")
	f, err := os.OpenFile(path, os.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("I2C%d: %w", bus, err)
	}
	b := &linuxI2C{f: f}
	l.track(b)
	return b, nil
}

// ADC implements Board through IIO: in_voltageN_raw × in_voltage_scale
// (or in_voltageN_scale), which the kernel gives in millivolts.
func (l *Linux) ADC(ch int) (int, error) {
	base := l.m.path(l.m.ADC, ch, "/sys/bus/iio/devices/iio:device0/in_voltage%d")
	raw, err := readFloat(base + "_raw")
	if err != nil {
		return 0, fmt.Errorf("ADC%d: %w", ch, err)
	}
	scale, err := readFloat(base + "_scale")
	if err != nil {
		scale, err = readFloat(filepath.Join(filepath.Dir(base), "in_voltage_scale"))
	}
	if err != nil {
		return 0, fmt.Errorf("ADC%d: %w", ch, err)
	}
	return int(raw*scale + 0.5), nil
}

// Vbatt implements Board from a power supply's voltage_now (µV).
func (l *Linux) Vbatt() (int, error) {
	path := l.m.Vbatt
	if path == "" {
		found, _ := filepath.Glob("/sys/class/power_supply/*/voltage_now")
		if len(found) == 0 {
			return 0, fmt.Errorf("battery voltage: no /sys/class/power_supply/*/voltage_now: %w", ErrNoDevice)
		}
		path = found[0]
	}
	uv, err := readFloat(path)
	if err != nil {
		return 0, err
	}
	return int(uv / 1000), nil
}

// USBConnected implements USBPort: a USB device controller (the gadget
// side, /sys/class/udc/*/state) that a host has configured. A host
// without one is never connected.
func (l *Linux) USBConnected() (bool, error) {
	found, _ := filepath.Glob("/sys/class/udc/*/state")
	for _, f := range found {
		if data, err := os.ReadFile(f); err == nil && strings.TrimSpace(string(data)) == "configured" {
			return true, nil
		}
	}
	return false, nil
}

func readFloat(path string) (float64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.ParseFloat(strings.TrimSpace(string(data)), 64)
}

// PowerReasons implements Board: 5 (watchdog) when the watchdog driver
// says it caused the last boot, else 0 (unknown).
func (l *Linux) PowerReasons() (int, int) {
	found, _ := filepath.Glob("/sys/class/watchdog/*/bootstatus")
	for _, p := range found {
		if v, err := readFloat(p); err == nil && int(v)&0x20 != 0 { // WDIOF_CARDRESET
			return 5, 5
		}
	}
	return 0, 0
}

// Watchdog implements Board through /dev/watchdog: the kernel resets the
// host if it is not fed, so expired is never called.
func (l *Linux) Watchdog(period time.Duration, _ func()) (Watchdog, error) {
	path := l.m.Watchdog
	if path == "" {
		path = "/dev/watchdog"
	}
	return openWatchdog(path, period)
}
