package cellular

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/modules/internal/callq"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "voiceCall", Doc: "voice calls over AT: callStart, callAnswer, callEnd, setCallback with the VoLTE events 10..16, volume, DTMF, forwarding", New: newVoiceCall})
	runtime.RegisterSigs("voiceCall", voiceSigs)
}

var voiceSigs = map[string]*pyargs.Sig{
	"callStart":           pyargs.NewSig("callStart(phonenum, /)", "Dial phonenum (ATD<phonenum>;); 0, or -1 when the number is not one or the modem refuses (no SIM, no network, a call in progress)."),
	"callAnswer":          pyargs.NewSig("callAnswer()", "Answer the ringing call (ATA); 0 or -1."),
	"callEnd":             pyargs.NewSig("callEnd()", "Hang up (ATH); 0 or -1."),
	"setCallback":         pyargs.NewSig("setCallback(voicecallFun, /)", "voicecallFun(args) gets (event, call_id, direction, status, type, mpty, number, number_type): 10 ringing, 11 connected, 12 disconnected, 13 waiting, 14 dialing, 15 alerting, 16 held; 0, or -1 when not callable."),
	"setAutoAnswer":       pyargs.NewSig("setAutoAnswer(seconds, /)", "Answer incoming calls automatically after seconds (0 off, up to 255; ATS0); 0 or -1."),
	"setAutoCancel":       pyargs.NewSig("setAutoCancel(enable, /)", "Hang up incoming calls at once (1) or not (0); 0 or -1."),
	"getAutoCancelStatus": pyargs.NewSig("getAutoCancelStatus()", "1 when incoming calls are hung up automatically, else 0."),
	"startDtmf":           pyargs.NewSig("startDtmf(dtmf, duration, /)", "Send DTMF tones (0-9, A-D, *, #; at most 32) for duration ms (100..1000) during a call (AT+VTS); 0 or -1."),
	"dtmfDetEnable":       pyargs.NewSig("dtmfDetEnable(enable, /)", "Turn DTMF detection on (1) or off (0); 0 or -1. The AT port reports no tones, so dtmfSetCb's function is not called."),
	"dtmfSetCb":           pyargs.NewSig("dtmfSetCb(dtmfFun, /)", "Register the DTMF detection callback; 0, or -1 when not callable."),
	"setFw":               pyargs.NewSig("setFw(reason, fwmode, phonenum, /)", "Call forwarding (AT+CCFC): reason 0..3, fwmode 0..4; 0 or -1."),
	"setChannel":          pyargs.NewSig("setChannel(device, /)", "The call's audio output: 0 handset, 1 headset, 2 loudspeaker; 0 or -1. The modem's audio path is not the gateway's, so this is kept only."),
	"getVolume":           pyargs.NewSig("getVolume()", "The call volume 0..11 (AT+CLVL?), or -1."),
	"setVolume":           pyargs.NewSig("setVolume(volume, /)", "Set the call volume 0..11 (AT+CLVL); 0 or -1."),
	"setAutoRecord":       pyargs.NewSig("setAutoRecord(enable, recordType, recordMode, filename, /)", "'NOT SUPPORT': the call's audio stays inside the modem."),
	"startRecord":         pyargs.NewSig("startRecord(recordType, recordMode, filename, /)", "'NOT SUPPORT': the call's audio stays inside the modem."),
	"stopRecord":          pyargs.NewSig("stopRecord()", "'NOT SUPPORT'."),
	"readRecordStream":    pyargs.NewSig("readRecordStream(readBuf, bufLen, /)", "'NOT SUPPORT'."),
	"startRecordStream":   pyargs.NewSig("startRecordStream(recordType, recordMode, callbackFun, /)", "'NOT SUPPORT'."),
}

// VoLTE call events, as the firmware numbers them since 2021.
const (
	evRing       = 10
	evConnect    = 11
	evDisconnect = 12
	evWaiting    = 13
	evDialing    = 14
	evAlerting   = 15
	evHeld       = 16
)

// vcCall is one +CLCC line.
type vcCall struct {
	id, dir, stat, ntype int
	number               string
}

// parseCLCC reads +CLCC: <id>,<dir>,<stat>,<mode>,<mpty>[,"<number>",<type>]
// lines (voice calls only: mode 0).
func parseCLCC(lines []string) []vcCall {
	var calls []vcCall
	for _, l := range lines {
		name, f, ok := at.Info(l)
		if !ok || name != "+CLCC" {
			continue
		}
		id, ok1 := at.Int(f, 0)
		dir, ok2 := at.Int(f, 1)
		stat, ok3 := at.Int(f, 2)
		if mode, ok := at.Int(f, 3); !ok1 || !ok2 || !ok3 || (ok && mode != 0) {
			continue
		}
		c := vcCall{id: id, dir: dir, stat: stat, ntype: 129}
		if len(f) > 5 {
			c.number = f[5]
		}
		if t, ok := at.Int(f, 6); ok {
			c.ntype = t
		}
		calls = append(calls, c)
	}
	return calls
}

// eventFor is the callback event a call's new status means.
func eventFor(c vcCall, isNew bool) int {
	switch c.stat {
	case 0:
		return evConnect
	case 1:
		return evHeld
	case 2:
		return evDialing
	case 3:
		if isNew {
			return evDialing // the alert follows on the next look
		}
		return evAlerting
	case 4:
		return evRing
	case 5:
		return evWaiting
	}
	return 0
}

// voiceTracker follows the modem's calls (AT+CLCC, looked at on every
// RING or call URC and every pollEvery while a call exists) and turns
// their changes into callback events.
type voiceTracker struct {
	b *backend

	mu         sync.Mutex
	fn         starlark.Value
	q          *callq.Queue
	calls      map[int]vcCall
	dialed     string // a callStart not yet seen in +CLCC
	dialedLook int    // looks since then
	autoCancel bool
	channel    int
	dtmfOn     bool
	running    bool
	kick       chan struct{}
}

var voicePoll = 300 * time.Millisecond

func (b *backend) voice() *voiceTracker {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.vc == nil {
		b.vc = &voiceTracker{b: b, calls: map[int]vcCall{}, kick: make(chan struct{}, 1)}
	}
	return b.vc
}

// wake makes the tracker look at the calls now (and start, once a
// script listens or dials).
func (v *voiceTracker) wake() {
	select {
	case v.kick <- struct{}{}:
	default:
	}
}

func (v *voiceTracker) start() {
	v.mu.Lock()
	if v.running {
		v.mu.Unlock()
		return
	}
	v.running = true
	v.mu.Unlock()
	b := v.b
	quit := b.quit
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		tick := time.NewTicker(voicePoll)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-v.kick:
			case <-tick.C:
				v.mu.Lock()
				idle := len(v.calls) == 0 && v.dialed == ""
				v.mu.Unlock()
				if idle {
					continue
				}
			}
			v.look(quit)
		}
	}()
}

// look reads +CLCC and reports what changed.
func (v *voiceTracker) look(quit chan struct{}) {
	m, err := v.b.get()
	if err != nil {
		return
	}
	p, ok := m.(ATPort)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	go func() {
		select {
		case <-quit:
			cancel()
		case <-ctx.Done():
		}
	}()
	lines, final, err := p.AT(ctx, "AT+CLCC", 0)
	cancel()
	if err != nil || final != "OK" {
		return
	}
	now := parseCLCC(lines)
	var events []starlark.Tuple
	var hangup bool
	v.mu.Lock()
	seen := map[int]bool{}
	for _, c := range now {
		seen[c.id] = true
		old, had := v.calls[c.id]
		v.calls[c.id] = c
		if c.dir == 0 && c.number == v.dialed {
			v.dialed = ""
		}
		if had && old.stat == c.stat {
			continue
		}
		if !had && c.stat == 4 && v.autoCancel {
			hangup = true
		}
		if ev := eventFor(c, !had); ev != 0 {
			events = append(events, c.event(ev))
		}
	}
	for id, c := range v.calls {
		if !seen[id] {
			delete(v.calls, id)
			events = append(events, c.event(evDisconnect))
		}
	}
	if v.dialed != "" {
		v.dialedLook++
		if v.dialedLook > 1 { // dialled, never listed: the call failed
			events = append(events, vcCall{id: 1, stat: 2, ntype: numberType(v.dialed), number: v.dialed}.event(evDisconnect))
			v.dialed = ""
		}
	}
	fn, q := v.fn, v.q
	v.mu.Unlock()
	if hangup {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, _, _ = p.AT(ctx, "ATH", 0)
		cancel()
		v.wake()
	}
	if fn == nil || q == nil {
		return
	}
	for _, e := range events {
		e := e
		q.Push(fn, func() starlark.Tuple { return starlark.Tuple{e} })
	}
}

// event is the callback's argument for event ev about c.
func (c vcCall) event(ev int) starlark.Tuple {
	return starlark.Tuple{
		starlark.MakeInt(ev), starlark.MakeInt(c.id), starlark.MakeInt(c.dir), starlark.MakeInt(c.stat),
		starlark.MakeInt(0), starlark.MakeInt(0), starlark.String(c.number), starlark.MakeInt(c.ntype),
	}
}

func numberType(n string) int {
	if strings.HasPrefix(n, "+") {
		return 145
	}
	return 129
}

func dtmfOK(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	return strings.Trim(s, "0123456789ABCDabcd*#") == ""
}

func newVoiceCall(env *runtime.Env) (starlark.StringDict, error) {
	zero := starlark.MakeInt(0)
	notSupported := starlark.String("NOT SUPPORT")
	// cmd sends one command; 0 for OK, -1 for anything else.
	cmd := func(t *starlark.Thread, c string) (starlark.Value, error) {
		ok, err := withPort(t, env, func(ctx context.Context, p ATPort) error {
			_, final, err := p.AT(ctx, c, 0)
			if err == nil && final != "OK" {
				err = fmt.Errorf("%s: %s: %w", redactAT(c), final, errRefused)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		if !ok {
			return fail, nil
		}
		return zero, nil
	}
	unpack := func(name string, args starlark.Tuple, kw []starlark.Tuple, dst ...any) error {
		return voiceSigs[name].UnpackArgs(args, kw, dst...)
	}
	tracker := func() *voiceTracker { return backendOf(env).voice() }
	notSup := func(name string) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if _, err := voiceSigs[name].Bind(args, kw); err != nil {
				return nil, err
			}
			return notSupported, nil
		}
	}
	return members(map[string]builtinFn{
		"callStart": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var num string
			if err := unpack("callStart", args, kw, &num); err != nil {
				return nil, err
			}
			if !phoneLike(strings.TrimSpace(num)) || len(num) > 40 {
				return fail, nil
			}
			num = strings.TrimSpace(num)
			v, err := cmd(t, "ATD"+num+";")
			if err != nil || v != zero {
				return v, err
			}
			vt := tracker()
			vt.mu.Lock()
			vt.dialed, vt.dialedLook = num, 0
			vt.mu.Unlock()
			vt.start()
			vt.wake()
			return v, nil
		},
		"callAnswer": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := unpack("callAnswer", args, kw); err != nil {
				return nil, err
			}
			v, err := cmd(t, "ATA")
			tracker().wake()
			return v, err
		},
		"callEnd": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := unpack("callEnd", args, kw); err != nil {
				return nil, err
			}
			v, err := cmd(t, "ATH")
			tracker().wake()
			return v, err
		},
		"setCallback": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var fn starlark.Value
			if err := unpack("setCallback", args, kw, &fn); err != nil {
				return nil, err
			}
			in := runtime.FromThread(t)
			if _, ok := fn.(starlark.Callable); !ok || in == nil {
				return fail, nil
			}
			// open the modem now, so calls from here on are seen
			if ok, err := call(t, env, func(ctx context.Context, m Modem) error {
				if sm, ok := m.(*SimModem); ok {
					sm.State.StartIncoming()
				}
				return nil
			}); err != nil || !ok {
				if err != nil {
					return nil, err
				}
				return fail, nil
			}
			vt := tracker()
			vt.mu.Lock()
			vt.fn = fn
			if vt.q == nil {
				vt.q = callq.New(in, "voiceCall callback")
			}
			vt.mu.Unlock()
			vt.start()
			vt.wake()
			return zero, nil
		},
		"setAutoAnswer": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var s int
			if err := unpack("setAutoAnswer", args, kw, &s); err != nil {
				return nil, err
			}
			if s < 0 || s > 255 {
				return fail, nil
			}
			return cmd(t, fmt.Sprintf("ATS0=%d", s))
		},
		"setAutoCancel": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var e int
			if err := unpack("setAutoCancel", args, kw, &e); err != nil {
				return nil, err
			}
			if e != 0 && e != 1 {
				return fail, nil
			}
			vt := tracker()
			vt.mu.Lock()
			vt.autoCancel = e == 1
			vt.mu.Unlock()
			if e == 1 {
				vt.start()
			}
			return zero, nil
		},
		"getAutoCancelStatus": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := unpack("getAutoCancelStatus", args, kw); err != nil {
				return nil, err
			}
			vt := tracker()
			vt.mu.Lock()
			defer vt.mu.Unlock()
			if vt.autoCancel {
				return starlark.MakeInt(1), nil
			}
			return zero, nil
		},
		"startDtmf": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var tones string
			var ms int
			if err := unpack("startDtmf", args, kw, &tones, &ms); err != nil {
				return nil, err
			}
			if !dtmfOK(tones) || ms < 100 || ms > 1000 {
				return fail, nil
			}
			return cmd(t, fmt.Sprintf(`AT+VTS="%s",%d`, strings.ToUpper(tones), ms/100))
		},
		"dtmfDetEnable": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var e int
			if err := unpack("dtmfDetEnable", args, kw, &e); err != nil {
				return nil, err
			}
			if e != 0 && e != 1 {
				return fail, nil
			}
			vt := tracker()
			vt.mu.Lock()
			vt.dtmfOn = e == 1
			vt.mu.Unlock()
			return zero, nil
		},
		"dtmfSetCb": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var fn starlark.Value
			if err := unpack("dtmfSetCb", args, kw, &fn); err != nil {
				return nil, err
			}
			if _, ok := fn.(starlark.Callable); !ok {
				return fail, nil
			}
			return zero, nil
		},
		"setFw": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var reason, mode int
			var num string
			if err := unpack("setFw", args, kw, &reason, &mode, &num); err != nil {
				return nil, err
			}
			if reason < 0 || reason > 3 || mode < 0 || mode > 4 || (num != "" && !phoneLike(num)) {
				return fail, nil
			}
			return cmd(t, fmt.Sprintf(`AT+CCFC=%d,%d,"%s"`, reason, mode, num))
		},
		"setChannel": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var d int
			if err := unpack("setChannel", args, kw, &d); err != nil {
				return nil, err
			}
			if d < 0 || d > 2 {
				return fail, nil
			}
			vt := tracker()
			vt.mu.Lock()
			vt.channel = d
			vt.mu.Unlock()
			return zero, nil
		},
		"getVolume": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := unpack("getVolume", args, kw); err != nil {
				return nil, err
			}
			vol := -1
			_, err := withPort(t, env, func(ctx context.Context, p ATPort) error {
				lines, final, err := p.AT(ctx, "AT+CLVL?", 0)
				if err != nil || final != "OK" {
					return errRefused
				}
				if f, ok := info(lines, "+CLVL"); ok {
					if n, ok := at.Int(f, 0); ok {
						vol = n
					}
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			return starlark.MakeInt(vol), nil
		},
		"setVolume": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var vol int
			if err := unpack("setVolume", args, kw, &vol); err != nil {
				return nil, err
			}
			if vol < 0 || vol > 11 {
				return fail, nil
			}
			return cmd(t, fmt.Sprintf("AT+CLVL=%d", vol))
		},
		"setAutoRecord":     notSup("setAutoRecord"),
		"startRecord":       notSup("startRecord"),
		"stopRecord":        notSup("stopRecord"),
		"readRecordStream":  notSup("readRecordStream"),
		"startRecordStream": notSup("startRecordStream"),
	}), nil
}
