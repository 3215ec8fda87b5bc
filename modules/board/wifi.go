package board

import (
	"bufio"
	"context"
	"sort"
	"strconv"
	"strings"
)

// WiFiAP is an access point a scan found: its BSSID and signal in dBm.
type WiFiAP struct {
	MAC  string `json:"mac"`
	RSSI int    `json:"rssi"`
}

// WiFiScanner is a board that can list the access points around it
// (QuecPython's wifiScan). A board without it has no Wi-Fi radio.
type WiFiScanner interface {
	WiFiScan(ctx context.Context) ([]WiFiAP, error)
}

// validMAC reports whether s is six colon-separated hex pairs.
func validMAC(s string) bool {
	parts := strings.Split(s, ":")
	if len(parts) != 6 {
		return false
	}
	for _, p := range parts {
		if len(p) != 2 {
			return false
		}
		if _, err := strconv.ParseUint(p, 16, 8); err != nil {
			return false
		}
	}
	return true
}

// SortAPs orders aps strongest first, then by MAC, as scan results are
// reported.
func SortAPs(aps []WiFiAP) {
	sort.SliceStable(aps, func(i, j int) bool {
		if aps[i].RSSI != aps[j].RSSI {
			return aps[i].RSSI > aps[j].RSSI
		}
		return aps[i].MAC < aps[j].MAC
	})
}

// ParseIWScan reads the output of `iw dev IFACE scan` (or `scan dump`):
// a "BSS aa:bb:cc:dd:ee:ff(on wlan0)" line opens each access point and
// its "signal: -47.00 dBm" line gives the level. MACs come back in upper
// case, as the module reports them; an entry without a signal is left out.
func ParseIWScan(out string) []WiFiAP {
	var aps []WiFiAP
	cur := -1
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "BSS ") {
			mac := strings.TrimPrefix(line, "BSS ")
			if i := strings.IndexAny(mac, "( \t"); i >= 0 {
				mac = mac[:i]
			}
			mac = strings.ToUpper(mac)
			cur = -1
			if validMAC(mac) {
				aps = append(aps, WiFiAP{MAC: mac, RSSI: 1})
				cur = len(aps) - 1
			}
			continue
		}
		t := strings.TrimSpace(line)
		if cur < 0 || !strings.HasPrefix(t, "signal:") {
			continue
		}
		f := strings.Fields(strings.TrimPrefix(t, "signal:"))
		if len(f) == 0 {
			continue
		}
		if v, err := strconv.ParseFloat(f[0], 64); err == nil {
			aps[cur].RSSI = int(v)
			if v < 0 && float64(aps[cur].RSSI) != v {
				aps[cur].RSSI-- // round -47.5 down to -48, as dBm floors
			}
		}
	}
	out2 := aps[:0]
	for _, ap := range aps {
		if ap.RSSI <= 0 {
			out2 = append(out2, ap)
		}
	}
	SortAPs(out2)
	return out2
}

// WiFiScan implements WiFiScanner: the profile's access points.
func (s *Sim) WiFiScan(context.Context) ([]WiFiAP, error) {
	aps := append([]WiFiAP(nil), s.p.WiFi...)
	SortAPs(aps)
	return aps, nil
}
