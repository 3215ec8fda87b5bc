package utime

import (
	"sync"
	"time"

	"github.com/qstar-dev/qstar/runtime"
)

// The RTC is the clock scripts see: Env.Now plus an offset, so setting it
// (ntptime.settime, machine.RTC) never touches the host clock. It also
// carries the zone localtime() shows when setTimeZone was not called.
// One per interpreter (per Env), shared by utime and time.
type rtcState struct {
	mu     sync.Mutex
	offset time.Duration
	zone   *time.Location // nil: the host's
}

var rtcs sync.Map // *runtime.Env -> *rtcState

func rtcOf(env *runtime.Env) *rtcState {
	if v, ok := rtcs.Load(env); ok {
		return v.(*rtcState)
	}
	v, loaded := rtcs.LoadOrStore(env, &rtcState{})
	if !loaded {
		env.OnClose(func() { rtcs.Delete(env) })
	}
	return v.(*rtcState)
}

func hostNow(env *runtime.Env) time.Time {
	if env.Now != nil {
		return env.Now()
	}
	return time.Now()
}

// Now is the time on env's RTC.
func Now(env *runtime.Env) time.Time {
	r := rtcOf(env)
	r.mu.Lock()
	off := r.offset
	r.mu.Unlock()
	return hostNow(env).Add(off)
}

// SetNow sets env's RTC to t; utime.time() and localtime() follow it.
func SetNow(env *runtime.Env, t time.Time) {
	r := rtcOf(env)
	r.mu.Lock()
	r.offset = t.Sub(hostNow(env))
	r.mu.Unlock()
}

// SetZone makes localtime() show UTC+hours where the script has not
// called setTimeZone (ntptime.settime(timezone)).
func SetZone(env *runtime.Env, hours int) {
	r := rtcOf(env)
	r.mu.Lock()
	r.zone = time.FixedZone("", hours*3600)
	r.mu.Unlock()
}

// rtcZone is the zone SetZone chose, if any.
func rtcZone(env *runtime.Env) (*time.Location, bool) {
	r := rtcOf(env)
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.zone, r.zone != nil
}
