package board

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
