package umqtt

import (
	"context"
	"math/rand/v2"
	"time"
)

// backoff is the reconnect schedule every transport follows. The first
// retry after a loss goes at once: most losses are a broker restart or a
// blip, and waiting then is pure time offline. Later retries wait base,
// 2*base, 4*base ... up to max, each shortened by a random part of up to
// jitter of it, so devices that lost the same broker do not come back in
// step. The schedule is a plain function of the attempt number, so any
// transport (paho, lean) can drive it.
type backoff struct {
	base   time.Duration
	max    time.Duration
	jitter float64 // 0..1: the fraction a delay may be shortened by
}

// defaultBackoff: 0, then 0.1-0.2 s, 0.2-0.4 s, 0.4-0.8 s, 0.8-1.6 s and
// from then on 1-2 s between tries: at most 2 s offline once the broker is
// back (paho's own schedule, 1, 1, 2, 4 ... 10 s, cost up to 10 s).
var defaultBackoff = backoff{base: 200 * time.Millisecond, max: 2 * time.Second, jitter: 0.5}

// delay is the wait before retry n (0 is the first retry after a loss);
// r, in [0, 1), picks the jitter.
func (b backoff) delay(n int, r float64) time.Duration {
	if n <= 0 || b.base <= 0 {
		return 0
	}
	d := b.max
	if n-1 < 62 && b.base<<(n-1) > 0 && b.base<<(n-1) < b.max {
		d = b.base << (n - 1)
	}
	return d - time.Duration(float64(d)*b.jitter*r)
}

// wait sleeps before retry n; it returns false if ctx ended first.
func (b backoff) wait(ctx context.Context, n int) bool {
	d := b.delay(n, rand.Float64())
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
