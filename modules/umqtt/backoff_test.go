package umqtt

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestBackoffSchedule(t *testing.T) {
	b := backoff{base: 100 * time.Millisecond, max: time.Second, jitter: 0.5}
	ms := time.Millisecond
	cases := []struct {
		n    int
		r    float64
		want time.Duration
		why  string
	}{
		{0, 0, 0, "the first retry goes at once"},
		{0, 0.99, 0, "no jitter on the first retry"},
		{-1, 0, 0, "a negative attempt is the first"},
		{1, 0, 100 * ms, "then base"},
		{2, 0, 200 * ms, "doubling"},
		{3, 0, 400 * ms, "doubling"},
		{4, 0, 800 * ms, "doubling"},
		{5, 0, time.Second, "capped"},
		{40, 0, time.Second, "capped"},
		{70, 0, time.Second, "capped, no shift overflow"},
		{1, 0.5, 75 * ms, "jitter shortens by r*jitter"},
		{5, 0.5, 750 * ms, "jitter applies to the cap"},
	}
	for _, tc := range cases {
		if got := b.delay(tc.n, tc.r); got != tc.want {
			t.Errorf("delay(%d, %v) = %v, want %v (%s)", tc.n, tc.r, got, tc.want, tc.why)
		}
	}
	// jitter stays within [d*(1-jitter), d] for any r in [0, 1)
	for n := 1; n < 10; n++ {
		full := b.delay(n, 0)
		for _, r := range []float64{0, 0.1, 0.5, 0.9, 0.999999} {
			got := b.delay(n, r)
			if got > full || got < time.Duration(float64(full)*(1-b.jitter)) {
				t.Errorf("delay(%d, %v) = %v outside [%v, %v]", n, r, got, time.Duration(float64(full)*(1-b.jitter)), full)
			}
		}
	}
	// the default is capped at a few seconds and starts at once
	if d := defaultBackoff.delay(0, 0.3); d != 0 {
		t.Errorf("default first retry waits %v", d)
	}
	if d := defaultBackoff.delay(100, 0); d > 5*time.Second {
		t.Errorf("default cap %v", d)
	}
}

// wait returns at once for retry 0 and gives up when its context ends.
func TestBackoffWaitCancels(t *testing.T) {
	b := backoff{base: time.Hour, max: time.Hour}
	ctx, cancel := context.WithCancel(context.Background())
	if !b.wait(ctx, 0) {
		t.Error("wait(0) gave up")
	}
	cancel()
	if b.wait(ctx, 3) {
		t.Error("wait(3) on a cancelled context reported success")
	}
}

// restartOnce stops the client's broker, keeps it down for down, starts
// it again on the same port and returns how long after that restart the
// client was subscribed again.
func restartOnce(t testing.TB, s *script, c *Client, b *broker, down time.Duration) (*broker, time.Duration) {
	b.stop()
	eventually(t, "link down", 5*time.Second, func() bool { return s.sta(t, c) == staConnecting })
	time.Sleep(down)
	nb := startBroker(t, brokerOpts{addr: b.addr})
	up := time.Now()
	nb.waitSubscribed(t, "restart/t", 20*time.Second)
	return nb, time.Since(up)
}

// A broker restart (stopped, then started on the same port) is followed
// by a prompt reconnect: the retries follow the backoff schedule, so the
// wait after the broker is back is at most the cap, not paho's doubling.
func testBrokerRestartReconnectsPromptly(t *testing.T) {
	shortConnectTimeout(t)
	b := startBroker(t, brokerOpts{})
	s := newScript(t)
	c := s.newClient(t, tuple(str("restart"), str("127.0.0.1"), str(b.port())))
	events := &recorder{}
	s.must(t, c, "error_register_cb", events.fn())
	s.must(t, c, "set_callback", events.fn())
	s.must(t, c, "connect")
	s.must(t, c, "subscribe", str("restart/t"))
	for i, down := range []time.Duration{0, 1500 * time.Millisecond} {
		var took time.Duration
		b, took = restartOnce(t, s, c, b, down)
		t.Logf("broker down %v: subscribed again %v after the restart", down, took)
		eventually(t, "reconnect_success", 5*time.Second, func() bool { return len(events.list()) == 2*(i+1) })
	}
	want := "reconnect_start,reconnect_success,reconnect_start,reconnect_success"
	if got := strings.Join(events.list(), ","); got != want {
		t.Errorf("events %q, want %q", got, want)
	}
	if got := s.sta(t, c); got != staConnected {
		t.Errorf("get_mqttsta = %d after the restarts", got)
	}
}

// BenchmarkBrokerRestart reports the time offline after a broker restart
// (from the new broker listening to the client subscribed again) for a
// broker down about 1.5 s and 5 s: the wait the backoff adds.
func BenchmarkBrokerRestart(b *testing.B) {
	for _, down := range []time.Duration{1500 * time.Millisecond, 5 * time.Second} {
		b.Run("down="+down.String(), func(b *testing.B) {
			shortConnectTimeout(b)
			br := startBroker(b, brokerOpts{})
			s := newScript(b)
			c := s.newClient(b, tuple(str("restart"), str("127.0.0.1"), str(br.port())))
			s.must(b, c, "set_callback", s.predeclaredNoop(b))
			s.must(b, c, "connect")
			s.must(b, c, "subscribe", str("restart/t"))
			var total time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				var took time.Duration
				br, took = restartOnce(b, s, c, br, down)
				total += took
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-offline/restart")
		})
	}
}
