// Package board is qstar's hardware layer: one Board interface behind the
// QuecPython modules machine, misc and osTimer, with a registry of
// backends chosen by --board or QSTAR_BOARD:
//
//	"" or "sim"          the built-in simulated board (DefaultProfile)
//	"sim:board.json"     a simulated board from a JSON profile (see Profile)
//	"linux"              this host's hardware: gpiochip character devices,
//	                     /dev/i2c-N, serial ports, /dev/watchdog
//	"linux:map.json"     the same, with a map from QuecPython numbers
//	                     (GPIOn, UARTn, I2Cn, ADCn) to host devices
//
// A backend is opened on a script's first use of the hardware (not at
// import) and closed with the interpreter; cmd/qstar calls Check at start
// so a bad spec fails before the script runs.
package board

import (
	"errors"
	"io"
	"time"
)

// Board is what the script modules need from the hardware. Numbers are
// QuecPython's: Pin.GPIOn's n, UART.UARTn's n, I2C.I2Cn's n, ADC.ADCn's n.
type Board interface {
	// Pin returns GPIO n, not yet configured; ErrNoDevice if there is none.
	Pin(n int) (Pin, error)
	I2C(bus int) (I2C, error)
	// SPI opens a bus in mode 0..3 (CPOL<<1|CPHA) at hz.
	SPI(port, mode, hz int) (SPI, error)
	UART(port int, cfg UARTConfig) (UART, error)
	// ADC reads channel ch in millivolts.
	ADC(ch int) (int, error)
	// Vbatt is the supply (battery) voltage in millivolts.
	Vbatt() (int, error)
	// Watchdog arms a watchdog that fires after period without Feed.
	// expired is called if the board itself cannot reset (the simulator);
	// a hardware watchdog resets the machine instead.
	Watchdog(period time.Duration, expired func()) (Watchdog, error)
	// PowerReasons are misc.Power's powerOnReason and powerDownReason codes.
	PowerReasons() (on, down int)
	Close() error
}

// USBPort is a board that knows whether its USB device port is connected
// to a host (misc.USB); a board without it reports "not connected".
type USBPort interface {
	USBConnected() (bool, error)
}

// Dir is a pin direction, with QuecPython's values.
type Dir int

// Directions.
const (
	In  Dir = 0
	Out Dir = 1
)

// Pull is a pin bias, with QuecPython's values.
type Pull int

// Pulls.
const (
	PullNone Pull = 0
	PullUp   Pull = 1
	PullDown Pull = 2
)

// Edge selects which level changes Watch reports (ExtInt's IRQ_ values).
type Edge int

// Edges.
const (
	Rising  Edge = 0
	Falling Edge = 1
	Both    Edge = 2
)

// Pin is one GPIO line.
type Pin interface {
	// Configure sets the direction and bias; level is driven when dir is Out.
	Configure(dir Dir, pull Pull, level int) error
	Read() (int, error)
	Write(level int) error
	// Watch calls fn with the new level after each matching edge, from any
	// goroutine; fn must not block. The pin becomes an input. stop ends it.
	Watch(e Edge, pull Pull, fn func(level int)) (stop func(), err error)
	Close() error
}

// I2C is one bus. Tx writes w then reads len(r) bytes from the 7-bit
// address addr in one transaction (a repeated start); either may be empty.
type I2C interface {
	Tx(addr int, w, r []byte) error
	Close() error
}

// SPI is one bus. Transfer clocks out w while reading into r, full duplex;
// a nil w sends zeros, a nil r discards what comes back.
type SPI interface {
	Transfer(w, r []byte) error
	Close() error
}

// UARTConfig is a serial line's framing. Parity 0 none, 1 even, 2 odd.
type UARTConfig struct {
	Baud, DataBits, Parity, StopBits int
	FlowControl                      bool
}

// UART is an open serial port. Read blocks until data arrives or Close.
type UART interface {
	io.ReadWriteCloser
}

// Watchdog is an armed watchdog.
type Watchdog interface {
	Feed() error
	Stop() error
}

// ErrNoDevice means the board has no such pin, bus, port or channel.
var ErrNoDevice = errors.New("no such device on this board")

// Exit codes of a run that the device ended itself (misc.Power, WDT), for
// a supervisor that restarts qstar: restart on ExitRestart, stay down on
// ExitPowerDown.
const (
	ExitPowerDown = 0  // Power.powerDown()
	ExitRestart   = 75 // Power.powerRestart(), or a watchdog not fed in time (EX_TEMPFAIL)
)
