package board

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"go.bug.st/serial"
)

// WiFiScan implements WiFiScanner with iw(8): a fresh `iw dev IFACE scan`
// (which needs CAP_NET_ADMIN), else the kernel's cached results from
// `iw dev IFACE scan dump`. The interface is the map's "wifi", else the
// first one with a /sys/class/net/*/wireless directory.
func (l *Linux) WiFiScan(ctx context.Context) ([]WiFiAP, error) {
	iface := l.m.WiFi
	if iface == "" {
		found, _ := filepath.Glob("/sys/class/net/*/wireless")
		if len(found) == 0 {
			return nil, fmt.Errorf("wifi: no wireless interface in /sys/class/net: %w", ErrNoDevice)
		}
		iface = filepath.Base(filepath.Dir(found[0]))
	}
	if _, err := os.Stat(filepath.Join("/sys/class/net", iface)); err != nil {
		return nil, fmt.Errorf("wifi: interface %s: %w", iface, ErrNoDevice)
	}
	out, err := exec.CommandContext(ctx, "iw", "dev", iface, "scan").Output()
	if err != nil && ctx.Err() == nil {
		out, err = exec.CommandContext(ctx, "iw", "dev", iface, "scan", "dump").Output()
	}
	if err != nil {
		return nil, fmt.Errorf("wifi: iw dev %s scan: %w", iface, err)
	}
	return ParseIWScan(string(out)), nil
}

// GNSS implements GNSSReceiver with the map's "gnss" serial port (a USB
// receiver, or a modem's NMEA port once AT+QGPS=1 has started it), read
// at its baud rate (default 9600).
func (l *Linux) GNSS() (GNSSSource, error) {
	if l.m.GNSS == "" {
		return nil, fmt.Errorf("gnss: no receiver (set \"gnss\": \"/dev/ttyUSB1\" in the board map): %w", ErrNoDevice)
	}
	path, baud := l.m.GNSS, 9600
	if p, b, ok := strings.Cut(path, ","); ok {
		n, err := strconv.Atoi(b)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("gnss %q: baud rate %q is not a positive number", l.m.GNSS, b)
		}
		path, baud = p, n
	}
	p, err := serial.Open(path, &serial.Mode{BaudRate: baud, DataBits: 8, Parity: serial.NoParity, StopBits: serial.OneStopBit})
	if err != nil {
		return nil, fmt.Errorf("gnss (%s): %w", path, err)
	}
	g := newStreamGNSS(p)
	l.track(g)
	return g, nil
}
