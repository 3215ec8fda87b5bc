package ntptime

import (
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

// sntpServer is Serve on loopback UDP with a fixed clock, recording the
// queries it gets.
type sntpServer struct {
	addr    string
	mu      sync.Mutex
	queries [][]byte
}

func startSNTP(t *testing.T, now time.Time, stratum byte) *sntpServer {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	s := &sntpServer{addr: pc.LocalAddr().String()}
	go Serve(recorder{pc, s}, func() time.Time { return now }, stratum)
	return s
}

// recorder keeps every query the server reads.
type recorder struct {
	net.PacketConn
	s *sntpServer
}

func (r recorder) ReadFrom(p []byte) (int, net.Addr, error) {
	n, from, err := r.PacketConn.ReadFrom(p)
	if err == nil {
		r.s.mu.Lock()
		r.s.queries = append(r.s.queries, append([]byte(nil), p[:n]...))
		r.s.mu.Unlock()
	}
	return n, from, err
}

func (s *sntpServer) seen() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]byte(nil), s.queries...)
}

// run routes "ntp.test:123" to srv (if any) and runs src; every other
// dial is refused by the loopback guard and recorded.
func run(t *testing.T, srv *sntpServer, src string) (string, []string) {
	t.Helper()
	var dials *nettest.Dials
	in, out, _ := nettest.Interp(t, func(env *runtime.Env) {
		dials = nettest.Loopback(env, func(network, addr string) string {
			if srv != nil && addr == "ntp.test:123" {
				return srv.addr
			}
			return addr
		})
	})
	return scriptOutput(nettest.Py(t, in, out, src)), dials.List()
}

// scriptOutput drops qstar's own log lines (stderr shares the buffer).
func scriptOutput(s string) string {
	var keep []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(l, "qstar: ") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "")
}

var serverTime = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// settime(8) sets the RTC to the server's time and localtime() to UTC+8;
// settime() to UTC. Both utime and time follow; the host clock does not.
func TestSettimeSetsTheRTC(t *testing.T) {
	srv := startSNTP(t, serverTime, 2)
	out, dials := run(t, srv, strings.ReplaceAll(`
		import ntptime
		import utime
		import time
		print(ntptime.host)
		ntptime.host = 'ntp.test'
		print(ntptime.settime(8))
		print(utime.localtime()[:5])
		print(time.localtime()[:5])
		print(abs(utime.time() - EXPECT) <= 2)
		print(ntptime.settime())
		print(utime.localtime()[:4])
	`, "EXPECT", fmt.Sprint(serverTime.Unix())))
	want := nettest.Dedent(`
		ntp.aliyun.com
		0
		(2024, 5, 6, 15, 8)
		(2024, 5, 6, 15, 8)
		True
		0
		(2024, 5, 6, 7)
	`)
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
	q := srv.seen()
	if len(q) != 2 || len(q[0]) != 48 || q[0][0] != 0x1B {
		t.Errorf("queries = %x, want two 48-byte mode-3 queries starting 0x1B", q)
	}
	if len(dials) != 2 || dials[0] != "udp ntp.test:123" {
		t.Errorf("dials = %q, want two udp dials of ntp.test:123 through Env.Dial", dials)
	}
	if time.Since(serverTime) < time.Hour {
		t.Fatal("the host clock moved")
	}
}

// time() is seconds since 2000-01-01, QuecPython's epoch.
func TestTimeSince2000(t *testing.T) {
	srv := startSNTP(t, serverTime, 1)
	out, _ := run(t, srv, `
		import ntptime
		print(ntptime.sethost('ntp.test'))
		print(ntptime.time(0, 5))
	`)
	want := fmt.Sprintf("0\n%d\n", serverTime.Unix()-946684800)
	if out != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

// A host that does not answer: with use_rhost the firmware's fallbacks
// are tried in its order (here refused by the loopback guard), then
// time() raises and settime() returns -1. Bad arguments are -1 too.
func TestFailures(t *testing.T) {
	out, dials := run(t, nil, `
		import ntptime
		print(ntptime.sethost(None), ntptime.host)
		ntptime.host = 'unreachable.test'
		try:
			ntptime.time()
		except OSError as e:
			print(e)
		print(ntptime.settime(0, 0, 1))
		print(ntptime.settime(13), ntptime.settime(0, 2), ntptime.settime(0, 1, 0))
		print(ntptime.host)
	`)
	want := nettest.Dedent(`
		-1 ntp.aliyun.com
		Server connection failed!
		-1
		-1 -1 -1
		unreachable.test
	`)
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
	wantDials := []string{"udp unreachable.test:123", "udp pool.ntp.org:123", "udp asia.pool.ntp.org:123", "udp cn.ntp.org.cn:123", "udp unreachable.test:123"}
	if strings.Join(dials, ",") != strings.Join(wantDials, ",") {
		t.Errorf("dials = %q, want %q", dials, wantDials)
	}
}

// An unsynchronised server (stratum 0) is refused.
func TestUnsynchronisedServer(t *testing.T) {
	srv := startSNTP(t, serverTime, 0)
	in, out, _ := nettest.Interp(t, func(env *runtime.Env) {
		nettest.Loopback(env, func(network, addr string) string { return srv.addr })
	})
	got := nettest.Py(t, in, out, `
		import ntptime
		print(ntptime.settime(0, 0, 1))
	`)
	if !strings.HasSuffix(got, "-1\n") || !strings.Contains(got, "stratum") {
		t.Errorf("output %q, want -1 and the reason on stderr", got)
	}
}

func TestTimestampRoundTrip(t *testing.T) {
	for _, tm := range []time.Time{serverTime, serverTime.Add(123456789 * time.Nanosecond), time.Date(2036, 3, 1, 0, 0, 0, 0, time.UTC)} {
		if got := fromNTP(toNTP(tm)); got.Sub(tm).Abs() > time.Microsecond {
			t.Errorf("%v -> %v", tm, got)
		}
	}
}

// The answer follows RFC 4330: mode 4, the client's version, originate =
// the client's transmit time; a server answer is not answered.
func TestAnswer(t *testing.T) {
	q := make([]byte, 48)
	q[0] = 0x23 // version 4, mode 3
	copy(q[40:], "12345678")
	r := Answer(q, serverTime, 1)
	if len(r) != 48 || r[0] != 0x24 || r[1] != 1 || string(r[24:32]) != "12345678" {
		t.Errorf("answer %x", r)
	}
	if got, err := decode(r, serverTime, serverTime); err != nil || !got.Equal(serverTime) {
		t.Errorf("decode: %v, %v", got, err)
	}
	if Answer(r, serverTime, 1) != nil || Answer(q[:40], serverTime, 1) != nil {
		t.Error("answered something that is not a client query")
	}
}
