package quecgnss_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/quecgnss"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

func run(t *testing.T, spec, src string) string {
	t.Helper()
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) { env.Config["board"] = spec })
	if err := runtimetest.Exec(in, "test.py", src); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return out.String()
}

// drain is what the tracker solution does: read until nothing is left,
// then parse the RMC sentence of what came.
const drain = `
import quecgnss
print(quecgnss.read(100), quecgnss.get_state(), quecgnss.gnssEnable(2))
print(quecgnss.init(), quecgnss.get_state())
data = ''
for i in range(10):
    n, d = quecgnss.read(4096)
    if n == 0:
        break
    assert n == len(d)
    data += d
print(i < 3, quecgnss.read(4096) in ((0, ''),) or True)
rmc = [l for l in data.split('\r\n') if l.startswith('$GNRMC')][-1].split(',')
print(rmc[2], rmc[3][:4], rmc[4], rmc[5][:5], rmc[6])
gga = [l for l in data.split('\r\n') if l.startswith('$GNGGA')][-1].split(',')
print(gga[6], gga[7], gga[9])
n, d = quecgnss.read(30)
print(len(d) <= 30, d == '' or d.endswith('\r\n'))
print(quecgnss.gnssEnable(0), quecgnss.get_state(), quecgnss.read(10), quecgnss.gnssEnable(True), quecgnss.get_state())
print(quecgnss.configGet(1), quecgnss.configSet(1, 3), quecgnss.configGet(1), quecgnss.configSet(9, 1), quecgnss.configGet(9))
print(quecgnss.getPriority(), quecgnss.setPriority(1), quecgnss.getPriority(), quecgnss.setPriority(5))
`

func TestDrainAndParse(t *testing.T) {
	got := run(t, "sim:testdata/sydney.json", drain)
	want := `-1 0 -1
0 2
True True
A 3352 S 15112 E
1 06 12.0
True True
0 0 -1 0 2
63 0 3 -1 -1
0 0 1 -1
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	got = run(t, "sim:testdata/nofix.json", "import quecgnss\nquecgnss.init()\nd = quecgnss.read(4096)[1]\nprint([l.split(',')[2] for l in d.split('\\r\\n') if l.startswith('$GNRMC')][0])\n")
	if got != "V\n" {
		t.Errorf("no fix: %q", got)
	}
}

func TestNMEAChecksumsAndFields(t *testing.T) {
	at := time.Date(2024, 5, 1, 8, 30, 15, 0, time.UTC)
	out := board.NMEA(board.GNSSFix{Latitude: 31.82279, Longitude: 117.1138, Altitude: 36.5, SpeedKmh: 3.704, Course: 12.5}, at)
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if len(lines) != 6 { // RMC VTG GGA GSA and two GSV pages for 8 satellites
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	for _, l := range lines {
		star := strings.LastIndexByte(l, '*')
		if l[0] != '$' || star < 0 {
			t.Fatalf("bad line %q", l)
		}
		var sum byte
		for i := 1; i < star; i++ {
			sum ^= l[i]
		}
		if got := fmt.Sprintf("%02X", sum); got != l[star+1:] {
			t.Errorf("%q: checksum %s, computed %s", l, l[star+1:], got)
		}
	}
	if want := "$GNRMC,083015.000,A,3149.367400,N,11706.828000,E,2.00,12.50,010524,,,A,V"; !strings.HasPrefix(lines[0], want) {
		t.Errorf("RMC %q, want prefix %q", lines[0], want)
	}
	if want := "$GNGGA,083015.000,3149.367400,N,11706.828000,E,1,08,0.90,36.5,M"; !strings.HasPrefix(lines[2], want) {
		t.Errorf("GGA %q, want prefix %q", lines[2], want)
	}
}

func TestProfileChecksGNSS(t *testing.T) {
	if _, err := board.ParseProfile([]byte(`{"gnss": {"latitude": 91}}`)); err == nil {
		t.Error("latitude 91 passed the profile check")
	}
}
