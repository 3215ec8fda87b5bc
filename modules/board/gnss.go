package board

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"time"
)

// GNSSFix is where the simulated receiver says the board is.
type GNSSFix struct {
	Latitude  float64 `json:"latitude"`  // degrees, north positive
	Longitude float64 `json:"longitude"` // degrees, east positive
	Altitude  float64 `json:"altitude"`  // metres
	SpeedKmh  float64 `json:"speed_kmh"`
	Course    float64 `json:"course"`     // degrees from true north
	NoFix     bool    `json:"no_fix"`     // searching: RMC status V, GGA quality 0
	Satellite int     `json:"satellites"` // in use; default 8
}

// GNSSSource gives a receiver's NMEA output: Read returns the sentences
// that arrived since the last call, at most max bytes, whole lines.
type GNSSSource interface {
	Read(max int) (string, error)
	Close() error
}

// GNSSReceiver is a board with a GNSS receiver (quecgnss).
type GNSSReceiver interface {
	GNSS() (GNSSSource, error)
}

// nmeaSum is an NMEA sentence's XOR checksum of the text between $ and *.
func nmeaSum(body string) byte {
	var c byte
	for i := 0; i < len(body); i++ {
		c ^= body[i]
	}
	return c
}

func nmeaLine(body string) string { return fmt.Sprintf("$%s*%02X\r\n", body, nmeaSum(body)) }

// ddmm formats degrees as NMEA's (d)ddmm.mmmmmm and its hemisphere.
func ddmm(deg float64, lat bool) (string, string) {
	hemi := "N"
	if lat && deg < 0 {
		hemi = "S"
	} else if !lat {
		hemi = "E"
		if deg < 0 {
			hemi = "W"
		}
	}
	deg = math.Abs(deg)
	d := math.Floor(deg)
	m := (deg - d) * 60
	if lat {
		return fmt.Sprintf("%02d%09.6f", int(d), m), hemi
	}
	return fmt.Sprintf("%03d%09.6f", int(d), m), hemi
}

// NMEA renders one second of a receiver's output for fix at t (UTC):
// RMC, VTG, GGA, GSA and GSV, as a Quectel GNSS prints them.
func NMEA(f GNSSFix, t time.Time) string {
	t = t.UTC()
	hms := fmt.Sprintf("%02d%02d%02d.000", t.Hour(), t.Minute(), t.Second())
	date := fmt.Sprintf("%02d%02d%02d", t.Day(), int(t.Month()), t.Year()%100)
	lat, ns := ddmm(f.Latitude, true)
	lon, ew := ddmm(f.Longitude, false)
	sats := f.Satellite
	if sats == 0 {
		sats = 8
	}
	knots := f.SpeedKmh / 1.852
	var b strings.Builder
	if f.NoFix {
		b.WriteString(nmeaLine(fmt.Sprintf("GNRMC,%s,V,,,,,,,%s,,,N,V", hms, date)))
		b.WriteString(nmeaLine("GNVTG,,T,,M,,N,,K,N"))
		b.WriteString(nmeaLine(fmt.Sprintf("GNGGA,%s,,,,,0,00,99.99,,,,,,", hms)))
		b.WriteString(nmeaLine("GNGSA,A,1,,,,,,,,,,,,,99.99,99.99,99.99,1"))
		b.WriteString(nmeaLine("GPGSV,1,1,00,1"))
		return b.String()
	}
	b.WriteString(nmeaLine(fmt.Sprintf("GNRMC,%s,A,%s,%s,%s,%s,%.2f,%.2f,%s,,,A,V", hms, lat, ns, lon, ew, knots, f.Course, date)))
	b.WriteString(nmeaLine(fmt.Sprintf("GNVTG,%.2f,T,,M,%.2f,N,%.2f,K,A", f.Course, knots, f.SpeedKmh)))
	b.WriteString(nmeaLine(fmt.Sprintf("GNGGA,%s,%s,%s,%s,%s,1,%02d,0.90,%.1f,M,-3.2,M,,", hms, lat, ns, lon, ew, sats, f.Altitude)))
	ids := make([]string, 12)
	for i := 0; i < 12 && i < sats; i++ {
		ids[i] = fmt.Sprintf("%02d", i*3+1)
	}
	b.WriteString(nmeaLine(fmt.Sprintf("GNGSA,A,3,%s,1.60,0.90,1.30,1", strings.Join(ids, ","))))
	// four satellites a GSV sentence
	pages := (sats + 3) / 4
	for p := 0; p < pages; p++ {
		body := fmt.Sprintf("GPGSV,%d,%d,%02d", pages, p+1, sats)
		for i := p * 4; i < p*4+4 && i < sats; i++ {
			body += fmt.Sprintf(",%02d,%02d,%03d,%02d", i*3+1, 20+(i*7)%60, (i*45)%360, 30+(i*5)%15)
		}
		b.WriteString(nmeaLine(body + ",1"))
	}
	return b.String()
}

// simGNSS is a receiver printing the profile's fix once a second: a
// read drains what it printed since the last one (at most gnssEpochs
// seconds of it, as a receiver's buffer overflows), whole lines.
type simGNSS struct {
	fix GNSSFix
	now func() time.Time

	mu      sync.Mutex
	next    time.Time // the next second not yet printed
	pending string
}

const gnssEpochs = 4

func newSimGNSS(fix GNSSFix, now func() time.Time) *simGNSS {
	// the first second is ready at once, as a receiver that was on
	return &simGNSS{fix: fix, now: now, next: now().Truncate(time.Second)}
}

func (g *simGNSS) Read(max int) (string, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	if first := now.Truncate(time.Second).Add(-(gnssEpochs - 1) * time.Second); g.next.Before(first) {
		g.next, g.pending = first, ""
	}
	for !g.next.After(now) {
		g.pending += NMEA(g.fix, g.next)
		g.next = g.next.Add(time.Second)
	}
	out := cutLines(g.pending, max)
	g.pending = g.pending[len(out):]
	return out, nil
}

func (g *simGNSS) Close() error { return nil }

// GNSS implements GNSSReceiver: the profile's "gnss" fix.
func (s *Sim) GNSS() (GNSSSource, error) { return newSimGNSS(s.p.GNSS, time.Now), nil }

// cutLines keeps the whole lines of s that fit in max bytes.
func cutLines(s string, max int) string {
	if max <= 0 || len(s) <= max {
		return s
	}
	s = s[:max]
	if i := strings.LastIndex(s, "\n"); i >= 0 {
		return s[:i+1]
	}
	return ""
}

// streamGNSS collects NMEA lines from a serial receiver in the
// background; Read takes what arrived, keeping the newest 8 KiB.
type streamGNSS struct {
	rc io.ReadCloser

	mu  sync.Mutex
	buf []string
	n   int
	err error
}

const gnssKeep = 8 << 10

func newStreamGNSS(rc io.ReadCloser) *streamGNSS {
	g := &streamGNSS{rc: rc}
	go func() {
		sc := bufio.NewScanner(rc)
		for sc.Scan() {
			line := strings.TrimRight(sc.Text(), "\r")
			if !strings.HasPrefix(line, "$") {
				continue
			}
			g.mu.Lock()
			g.buf = append(g.buf, line+"\r\n")
			g.n += len(line) + 2
			for g.n > gnssKeep && len(g.buf) > 1 {
				g.n -= len(g.buf[0])
				g.buf = g.buf[1:]
			}
			g.mu.Unlock()
		}
		g.mu.Lock()
		g.err = sc.Err()
		if g.err == nil {
			g.err = io.EOF
		}
		g.mu.Unlock()
	}()
	return g
}

func (g *streamGNSS) Read(max int) (string, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var b strings.Builder
	i := 0
	for ; i < len(g.buf); i++ {
		if max > 0 && b.Len()+len(g.buf[i]) > max {
			break
		}
		b.WriteString(g.buf[i])
		g.n -= len(g.buf[i])
	}
	g.buf = g.buf[i:]
	if b.Len() == 0 && g.err != nil {
		return "", g.err
	}
	return b.String(), nil
}

func (g *streamGNSS) Close() error { return g.rc.Close() }
