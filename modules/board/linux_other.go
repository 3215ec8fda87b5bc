//go:build !linux

package board

import (
	"context"
	"errors"
	"time"
)

// Linux is the host-hardware board, which needs Linux.
type Linux struct{}

func newLinux(*LinuxMap) *Linux { return nil }

var errNotLinux = errors.New("the linux board needs Linux")

func (*Linux) Pin(int) (Pin, error)                             { return nil, errNotLinux }
func (*Linux) I2C(int) (I2C, error)                             { return nil, errNotLinux }
func (*Linux) SPI(int, int, int) (SPI, error)                   { return nil, errNotLinux }
func (*Linux) UART(int, UARTConfig) (UART, error)               { return nil, errNotLinux }
func (*Linux) ADC(int) (int, error)                             { return 0, errNotLinux }
func (*Linux) Vbatt() (int, error)                              { return 0, errNotLinux }
func (*Linux) PowerReasons() (int, int)                         { return 0, 0 }
func (*Linux) Close() error                                     { return nil }
func (*Linux) Watchdog(time.Duration, func()) (Watchdog, error) { return nil, errNotLinux }
func (*Linux) WiFiScan(context.Context) ([]WiFiAP, error)       { return nil, errNotLinux }
func (*Linux) GNSS() (GNSSSource, error)                        { return nil, errNotLinux }
